from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from languagereport.views import WrittenStandardReportView


@hooks.register("register_admin_urls")
def urls():
    return [
        path(
            "rapporter/malform/",
            WrittenStandardReportView.as_view(),
            name="written_standards_report",
        ),
        path(
            "rapporter/malform/resultater/",
            WrittenStandardReportView.as_view(results_only=True),
            name="written_standards_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def menu_item():
    return MenuItem(
        _("Målform"), reverse("written_standards_report"), icon_name="doc-full", order=900
    )
