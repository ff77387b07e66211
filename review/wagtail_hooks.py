from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from review.views import ReviewReportView


class ReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy(Page).user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


@hooks.register("register_admin_urls")
def urls():
    return [
        path("rapporter/gjennomgang/", ReviewReportView.as_view(), name="review_report"),
        path(
            "rapporter/gjennomgang/resultater/",
            ReviewReportView.as_view(results_only=True),
            name="review_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def menu_item():
    return ReviewMenuItem(
        _("Sider som må gjennomgås"),
        reverse("review_report"),
        icon_name="calendar-check",
        order=905,
    )
