"""Calendars of application deadlines (RFC 5545), made with icalendar: one with every program
open for applications, one for each program.

Each deadline is an all-day event on its date: the programs store a date, no time, so there is
no time zone to get wrong; the calendar names Europe/Oslo for apps that show one. An event keeps
its UID (the page's id) through moves and renames, and its SEQUENCE rises when the deadline
moves (feeds/deadlines.py). A program that closes early, or whose deadline has passed, is no
longer open: its event leaves the calendar, which subscribed calendar apps follow."""

import datetime

from django.utils import translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event
from wagtail.models import Locale, Site

from core.templatetags.site_tags import site_name
from feeds.models import DeadlineEvent
from programs.models import ProgramPage, ProgramStatus

TIME_ZONE = "Europe/Oslo"
# How often a subscribed calendar app should fetch again (RFC 7986), as the page cache lives.
REFRESH_INTERVAL = datetime.timedelta(hours=6)


def programs_of_language():
    """The live, public programs in the active language."""
    return ProgramPage.objects.live().public().filter(locale=Locale.get_active())


def open_programs(programs):
    """Those open for applications today, as the program list reads it."""
    return [
        program
        for program in programs.filter(
            status=ProgramStatus.OPEN, applications_close_on__isnull=False
        ).order_by("applications_close_on", "path")
        if program.is_open_for_applications
    ]


def calendar_of(programs, name, request):
    site = Site.find_for_request(request)
    hostname = site.hostname if site else request.get_host()
    calendar = Calendar()
    language = translation.get_language().upper()
    calendar.add("prodid", f"-//{site_name()}//{_('Søknadsfrister')}//{language}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TIME_ZONE)
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", REFRESH_INTERVAL)
    events = DeadlineEvent.objects.in_bulk([program.pk for program in programs])
    for program in programs:
        calendar.add_component(_event(program, events.get(program.pk), hostname, request))
    return calendar


def _event(program, stored, hostname, request):
    deadline = program.applications_close_on
    event = Event()
    event.add("uid", f"soknadsfrist-{program.pk}@{hostname}")
    # Unchanged between fetches, so an unchanged calendar keeps its ETag.
    stamp = max(filter(None, [program.last_published_at, stored and stored.changed_at]))
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    event.add("sequence", stored.sequence if stored else 0)
    event.add("dtstart", deadline)
    event.add("dtend", deadline + datetime.timedelta(days=1))
    event.add("summary", _("Søknadsfrist: %(name)s") % {"name": program.name})
    url = program.get_full_url(request)
    event.add("description", f"{program.summary}\n\n{url}")
    event.add("url", url)
    event.add("transp", "TRANSPARENT")
    event.add("class", "PUBLIC")
    return event
