"""Each path in Bokmål, and in English under /en/ (locale/en), as innovasjon/urls.py mounts them
in i18n_patterns. Everything here is under the prefixes that every published change purges from
the page cache (PAGE_CACHE_CONTENT_WIDE_PREFIXES)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from feeds import views

urlpatterns = [
    path(_("abonner/nytt-og-endret/"), views.whats_new, name="feed_whats_new"),
    path(_("abonner/virkemidler/"), views.programs, name="feed_programs"),
    path(_("abonner/soknadsfrister.ics"), views.deadlines, name="calendar_deadlines"),
    path(
        _("abonner/soknadsfrister/<int:page_id>.ics"),
        views.program_deadline,
        name="calendar_program",
    ),
    path(_("endringer/<int:page_id>/"), views.change_history, name="change_history"),
]
