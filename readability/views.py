from itertools import pairwise

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from pages.readability import BANDS
from pages.reports import CsvForExcelMixin
from readability import report

# Each band from its lower bound up to the next harder band's (BANDS runs from the hardest down).
BAND_RANGES = {
    str(low): (low, high) for high, low in pairwise([None, *(low for low, _label in BANDS)])
}


class ReadabilityFilterSet(WagtailFilterSet):
    band = django_filters.ChoiceFilter(
        label=_("Nivå"),
        choices=[(str(low), label) for low, label in reversed(BANDS)],
        empty_label=_("Alle nivåer"),
        method="filter_band",
    )

    class Meta:
        model = Page
        fields = ["band"]

    def filter_band(self, queryset, name, value):
        low, high = BAND_RANGES[value]
        queryset = queryset.filter(lix_value__gte=low)
        return queryset if high is None else queryset.filter(lix_value__lt=high)


class ReadabilityReportView(CsvForExcelMixin, ReportView):
    page_title = _("Lesbarhet")
    header_icon = "doc-full"
    results_template_name = "readability/report_results.html"
    filterset_class = ReadabilityFilterSet
    index_url_name = "readability_report"
    index_results_url_name = "readability_report_results"
    export_filename = "lesbarhet"
    list_export = [
        "title",
        "full_url",
        "lix_value",
        "lix.band",
        "lix_words",
        "lix_sentences",
        "lix_long_words",
    ]
    export_headings = {
        "title": _("Tittel"),
        "full_url": _("Adresse"),
        "lix_value": _("LIX"),
        "lix.band": _("Nivå"),
        "lix_words": _("Ord"),
        "lix_sentences": _("Setninger"),
        "lix_long_words": _("Lange ord"),
    }

    def get_queryset(self):
        pages = report.pages()
        report.refresh(pages)
        return report.with_lix(pages)

    def decorate_paginated_queryset(self, pages):
        pages = list(pages)
        for page in pages:
            page.lix = report.lix_of(page)
        return pages

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["bands"] = list(reversed(BANDS))
        return context
