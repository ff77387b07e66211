from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from feedback.views_admin import FeedbackReportView, PageCommentsView


@hooks.register("register_admin_urls")
def urls():
    return [
        path("rapporter/tilbakemeldinger/", FeedbackReportView.as_view(), name="feedback_report"),
        path(
            "rapporter/tilbakemeldinger/resultater/",
            FeedbackReportView.as_view(results_only=True),
            name="feedback_report_results",
        ),
        path(
            "rapporter/tilbakemeldinger/<int:page_id>/",
            PageCommentsView.as_view(),
            name="feedback_page",
        ),
        path(
            "rapporter/tilbakemeldinger/<int:page_id>/resultater/",
            PageCommentsView.as_view(results_only=True),
            name="feedback_page_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def menu_item():
    return MenuItem(
        _("Tilbakemeldinger"), reverse("feedback_report"), icon_name="comment", order=915
    )
