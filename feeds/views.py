"""Feeds, calendars and a page's change history. The page cache stores them and every published
change purges them (PAGE_CACHE_CONTENT_WIDE_PREFIXES); each answers If-None-Match with a 304
from its ETag, also where the cache is off."""

from django.http import Http404, HttpResponse
from django.middleware.http import ConditionalGetMiddleware
from django.shortcuts import render
from django.urls import reverse
from django.utils.decorators import decorator_from_middleware
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from core.http import safe_methods_only
from feeds import atom, calendars
from pages.change_notes import notes_of
from pages.sharing import MAX_PAGE_ID
from programs.models import ProgramPage

conditional = decorator_from_middleware(ConditionalGetMiddleware)

CALENDAR_TYPE = "text/calendar; charset=utf-8"


@safe_methods_only
@conditional
def whats_new(request):
    return atom.SiteFeed()(request)


@safe_methods_only
@conditional
def programs(request):
    return atom.ProgramFeed()(request)


def _calendar_response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type=CALENDAR_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@safe_methods_only
@conditional
def deadlines(request):
    """Every program open for applications, each with its deadline."""
    programs = calendars.open_programs(calendars.programs_of_language())
    calendar = calendars.calendar_of(programs, _("Søknadsfrister for virkemidler"), request)
    return _calendar_response(calendar, _("soknadsfrister") + ".ics")


def _page_in_language(queryset, page_id):
    """The live, public page in the active language, or a 404."""
    if page_id > MAX_PAGE_ID:
        raise Http404
    page = queryset.live().public().filter(pk=page_id, locale=Locale.get_active()).first()
    if page is None:
        raise Http404
    return page


@safe_methods_only
@conditional
def program_deadline(request, page_id):
    """One program's deadline, while it is open for applications; an empty calendar after."""
    program = _page_in_language(calendars.programs_of_language(), page_id)
    programs = calendars.open_programs(ProgramPage.objects.filter(pk=program.pk))
    name = _("Søknadsfrist for %(name)s") % {"name": program.name}
    return _calendar_response(calendars.calendar_of(programs, name, request), f"{program.slug}.ics")


@safe_methods_only
@conditional
def change_history(request, page_id):
    """«Endringer på denne siden»: the page's published notes, newest first."""
    page = _page_in_language(Page.objects.filter(depth__gt=1), page_id).specific
    context = {
        "history_of": page,
        "notes": list(notes_of(page)),
        "feed_url": reverse("feed_whats_new"),
    }
    return render(request, "feeds/change_history.html", context)
