"""The editors' guide, docs/redaktorveiledning.md, in the admin: Wagtail's help links lead to its
English guide for another site."""

from functools import cache
from pathlib import Path

from django.conf import settings
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from markdown_it import MarkdownIt
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

GUIDE = Path(settings.BASE_DIR) / "docs" / "redaktorveiledning.md"


@cache
def guide_html():
    # The admin's header carries the title, so the guide's own heading is left out; and no raw
    # HTML, though the file is ours: the guide is Markdown only.
    text = GUIDE.read_text().removeprefix("# Redaktørveiledning\n")
    return MarkdownIt("commonmark", {"html": False}).enable("table").render(text)


class EditorGuideView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "pages/admin/editor_guide.html"
    page_title = _("Redaktørveiledning")
    header_icon = "help"

    def get_context_data(self, **kwargs):
        return super().get_context_data(guide=mark_safe(guide_html()), **kwargs)
