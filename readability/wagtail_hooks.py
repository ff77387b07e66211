from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from readability import views


@hooks.register("register_admin_urls")
def urls():
    return [path("rapporter/lesbarhet/", views.readability_report, name="readability_report")]


@hooks.register("register_reports_menu_item")
def menu_item():
    return MenuItem(_("Lesbarhet"), reverse("readability_report"), icon_name="doc-full", order=910)
