import django_filters
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from languagereport import report
from pages.models import WrittenStandard
from pages.reports import CsvForExcelMixin


class WrittenStandardFilterSet(WagtailFilterSet):
    written_standard = django_filters.ChoiceFilter(
        label=_("Målform"), choices=WrittenStandard.choices, empty_label=_("Begge målformer")
    )

    class Meta:
        model = Page
        fields = ["written_standard"]


class WrittenStandardReportView(CsvForExcelMixin, ReportView):
    page_title = _("Målform")
    header_icon = "doc-full"
    template_name = "languagereport/report.html"
    results_template_name = "languagereport/report_results.html"
    filterset_class = WrittenStandardFilterSet
    index_url_name = "written_standards_report"
    index_results_url_name = "written_standards_report_results"
    export_filename = "malform"
    list_export = ["standard_label", "title", "full_url", "words"]
    export_headings = {
        "standard_label": _("Målform"),
        "title": _("Tittel"),
        "full_url": _("Adresse"),
        "words": _("Ord"),
    }

    @cached_property
    def summary(self):
        """The count over every page, whichever the filter shows: the act asks for the whole."""
        return report.build()

    def get_queryset(self):
        return report.counted_pages()

    def decorate_paginated_queryset(self, pages):
        pages = list(pages)
        labels = dict(WrittenStandard.choices)
        words = self.summary.words_by_page
        for page in pages:
            page.standard_label = labels[page.written_standard]
            page.words = words.get(page.pk, 0)
        return pages

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["report"] = self.summary
        context["rows"] = list(self.summary.rows())
        context["minimum"] = report.MINIMUM_SHARE
        if not self.results_only and not self.is_export:
            context["translations"] = report.translations()
        return context
