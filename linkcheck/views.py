"""Reports → Brutte lenker: what the last `check_links` found, per page. Reads stored results
only; checking is the command's job."""

import datetime

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView

from linkcheck.models import BrokenLink, CheckRun, Kind
from pages.reports import CsvForExcelMixin

# The command runs daily; older than this, the report says it has stopped.
STALE_AFTER = datetime.timedelta(days=2)


class BrokenLinkFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Type"), choices=Kind.choices, empty_label=_("Alle typer")
    )

    class Meta:
        model = BrokenLink
        fields = ["kind"]


class BrokenLinkReportView(CsvForExcelMixin, ReportView):
    page_title = _("Brutte lenker")
    header_icon = "link"
    results_template_name = "linkcheck/report_results.html"
    filterset_class = BrokenLinkFilterSet
    index_url_name = "linkcheck_report"
    index_results_url_name = "linkcheck_report_results"
    export_filename = "brutte-lenker"
    list_export = [
        "page.title",
        "page.full_url",
        "target",
        "text",
        "kind_label",
        "reason",
        "first_seen",
    ]
    export_headings = {
        "page.title": _("Side"),
        "page.full_url": _("Adresse"),
        "target": _("Lenke"),
        "text": _("Lenketekst"),
        "kind_label": _("Type"),
        "reason": _("Feil"),
        "first_seen": _("Brutt siden"),
    }

    def get_queryset(self):
        return BrokenLink.objects.select_related("page").order_by("page__path", "first_seen")

    def decorate_paginated_queryset(self, links):
        links = list(links)
        for link in links:
            link.kind_label = link.get_kind_display()
        return links

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        last_run = CheckRun.objects.first()
        context["last_run"] = last_run
        context["stale"] = (
            last_run is not None and timezone.now() - last_run.finished_at > STALE_AFTER
        )
        return context
