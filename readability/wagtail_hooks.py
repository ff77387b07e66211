from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from readability.views import ReadabilityReportView


@hooks.register("register_admin_urls")
def urls():
    return [
        path("rapporter/lesbarhet/", ReadabilityReportView.as_view(), name="readability_report"),
        path(
            "rapporter/lesbarhet/resultater/",
            ReadabilityReportView.as_view(results_only=True),
            name="readability_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def menu_item():
    return MenuItem(_("Lesbarhet"), reverse("readability_report"), icon_name="doc-full", order=910)
