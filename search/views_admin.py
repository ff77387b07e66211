"""Reports → Søk uten treff: the queries readers searched for in vain, at least three times in
the last 90 days (search/zero_hits.py)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import ReportView

from pages.reports import CsvForExcelMixin
from search import zero_hits


class ZeroHitReportView(CsvForExcelMixin, ReportView):
    page_title = _("Søk uten treff")
    header_icon = "search"
    results_template_name = "search/zero_hit_report_results.html"
    index_url_name = "zero_hit_report"
    index_results_url_name = "zero_hit_report_results"
    export_filename = "sok-uten-treff"
    list_export = ["query", "language_name", "searches", "last_seen"]
    export_headings = {
        "query": _("Søk"),
        "language_name": _("Språk"),
        "searches": _("Antall søk"),
        "last_seen": _("Sist søkt"),
    }

    def get_queryset(self):
        return zero_hits.report()

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context.update(min_count=zero_hits.MIN_COUNT, retention_days=zero_hits.RETENTION_DAYS)
        return context
