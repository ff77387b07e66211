from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from feedback import views_admin


@hooks.register("register_admin_urls")
def urls():
    return [
        path("rapporter/tilbakemeldinger/", views_admin.report, name="feedback_report"),
        path(
            "rapporter/tilbakemeldinger/<int:page_id>/",
            views_admin.page_comments,
            name="feedback_page",
        ),
    ]


@hooks.register("register_reports_menu_item")
def menu_item():
    return MenuItem(
        _("Tilbakemeldinger"), reverse("feedback_report"), icon_name="comment", order=915
    )
