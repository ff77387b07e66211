import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import ContentTypeFilter, WagtailFilterSet
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Page, get_page_content_types

from pages.models import ContentOwner
from pages.reports import CsvForExcelMixin
from review import report

STATUSES = {"forfalt": _("Forfalt"), "snart": _("Forfaller innen 30 dager")}


class ReviewFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=list(STATUSES.items()),
        empty_label=_("Forfalt eller snart"),
        method="filter_status",
    )
    owner = django_filters.ModelChoiceFilter(
        label=_("Innholdseier"),
        queryset=ContentOwner.objects.all(),
        empty_label=_("Alle eiere"),
        null_label=_("Uten eier"),
        method="filter_owner",
    )
    content_type = ContentTypeFilter(
        label=_("Sidetype"),
        queryset=lambda request: get_page_content_types(include_base_page_type=False),
    )

    class Meta:
        model = Page
        fields = ["status", "owner", "content_type"]

    def filter_status(self, queryset, name, value):
        if value == "forfalt":
            return report.overdue(queryset)
        if value == "snart":
            return report.due_soon(queryset)
        return queryset

    def filter_owner(self, queryset, name, value):
        if value == self.filters["owner"].null_value:
            return queryset.filter(review_owner_id__isnull=True)
        return queryset.filter(review_owner_id=value.pk) if value else queryset


class ReviewReportView(CsvForExcelMixin, PageReportView):
    page_title = _("Sider som må gjennomgås")
    header_icon = "calendar-check"
    results_template_name = "review/report_results.html"
    filterset_class = ReviewFilterSet
    index_url_name = "review_report"
    index_results_url_name = "review_report_results"
    any_permission_required = ["add", "change", "publish"]
    export_filename = "sider-som-ma-gjennomgas"
    list_export = [
        "title",
        "full_url",
        "review_date",
        "review_status",
        "owner_name",
        "owner_email",
        "last_published_at",
    ]
    export_headings = {
        "title": _("Tittel"),
        "full_url": _("Adresse"),
        "review_date": _("Neste gjennomgang"),
        "review_status": _("Status"),
        "owner_name": _("Innholdseier"),
        "owner_email": _("E-post til eier"),
        "last_published_at": _("Sist publisert"),
    }

    def get_queryset(self):
        return report.due(
            report.pages_with_review().filter(
                pk__in=self.permission_policy.instances_user_has_any_permission_for(
                    self.request.user, ["add", "change", "publish"]
                ).values("pk")
            )
        ).select_related("locale")

    def decorate_paginated_queryset(self, pages):
        pages = list(pages)
        owners = report.owners_by_id(page.review_owner_id for page in pages)
        for page in pages:
            page.review_owner = owners.get(page.review_owner_id)
            page.owner_name = page.review_owner.name if page.review_owner else ""
            page.owner_email = page.review_owner.email if page.review_owner else ""
            page.review_status = report.status(page.review_date)
            page.review_overdue = report.is_overdue(page.review_date)
        return pages
