from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search.views_admin import ZeroHitReportView


@hooks.register("register_admin_urls")
def urls():
    return [
        path("rapporter/sok-uten-treff/", ZeroHitReportView.as_view(), name="zero_hit_report"),
        path(
            "rapporter/sok-uten-treff/resultater/",
            ZeroHitReportView.as_view(results_only=True),
            name="zero_hit_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def menu_item():
    return MenuItem(_("Søk uten treff"), reverse("zero_hit_report"), icon_name="search", order=925)
