from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from linkcheck.views import BrokenLinkReportView


@hooks.register("register_admin_urls")
def urls():
    return [
        path("rapporter/brutte-lenker/", BrokenLinkReportView.as_view(), name="linkcheck_report"),
        path(
            "rapporter/brutte-lenker/resultater/",
            BrokenLinkReportView.as_view(results_only=True),
            name="linkcheck_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def menu_item():
    return MenuItem(_("Brutte lenker"), reverse("linkcheck_report"), icon_name="link", order=920)
