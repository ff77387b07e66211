"""Calendars of application deadlines (RFC 5545): every open program's, and each program's own,
found from the program pages, stable through moved deadlines and early closings."""

import datetime

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import Site

from feeds.models import DeadlineEvent
from programs.models import ProgramPage, ProgramStatus
from tests.conftest import soup_of, visible_text

ALL = "/abonner/soknadsfrister.ics"
ENGLISH_ALL = "/en/subscribe/deadlines.ics"


@pytest.fixture(autouse=True)
def page_cache_on(settings, db):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()


def publish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


def in_days(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def stimulab(language="nb"):
    return ProgramPage.objects.get(locale__language_code=language, slug="stimulab")


def open_stimulab(days=30, language="nb"):
    program = stimulab(language)
    publish(program, status=ProgramStatus.OPEN, applications_close_on=in_days(days))
    return program


def one_calendar(url):
    response = Client().get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content
    # Every line ends in CRLF (RFC 5545, 3.1), none in a bare LF.
    assert body.endswith(b"\r\n")
    assert b"\n" not in body.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))
    calendar = Calendar.from_ical(body)
    # The round trip gives the same calendar.
    assert Calendar.from_ical(calendar.to_ical()) == calendar
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    return calendar


def events_of(url):
    return {str(event["UID"]): event for event in one_calendar(url).walk("VEVENT")}


def program_calendar_url(program):
    return f"/abonner/soknadsfrister/{program.pk}.ics"


def uid(program):
    """The page's id at the site's host name: the same whatever address the calendar was
    fetched from, and through moves and renames."""
    return f"soknadsfrist-{program.pk}@{Site.objects.get(is_default_site=True).hostname}"


def test_an_open_program_is_an_all_day_event_in_both_calendars(seeded):
    program = open_stimulab(30)
    for url in (ALL, program_calendar_url(program)):
        events = list(events_of(url).values())
        assert len(events) == 1, url
        event = events[0]
        assert str(event["UID"]) == uid(program)
        # All day, on the deadline: a date, no time and so no time zone to get wrong.
        assert event.decoded("DTSTART") == in_days(30)
        assert not isinstance(event.decoded("DTSTART"), datetime.datetime)
        assert event.decoded("DTEND") == in_days(31)
        assert str(event["SUMMARY"]) == "Søknadsfrist: Stimulab"
        assert str(event["URL"]) == "http://testserver/virkemidler/stimulab/"
        assert event.decoded("SEQUENCE") == 0
        assert event.decoded("DTSTAMP").tzinfo is not None
    calendar = one_calendar(ALL)
    assert str(calendar["X-WR-CALNAME"]) == "Søknadsfrister for virkemidler"
    assert str(calendar["X-WR-TIMEZONE"]) == "Europe/Oslo"


def test_the_calendar_holds_only_programs_open_for_applications(seeded):
    assert events_of(ALL) == {}  # the seed has none open
    open_stimulab(10)
    startoff = ProgramPage.objects.get(locale__language_code="nb", slug="startoff")
    assert startoff.status == ProgramStatus.ENDED
    assert list(events_of(ALL)) == [uid(stimulab())]
    assert events_of(program_calendar_url(startoff)) == {}


def test_a_deadline_that_moves_keeps_its_uid_and_raises_its_sequence(seeded):
    program = open_stimulab(30)
    ((event_uid, event),) = events_of(ALL).items()
    assert event_uid == uid(program)
    assert event.decoded("SEQUENCE") == 0

    # Renamed and moved on the same publish: the UID stays.
    publish(program, applications_close_on=in_days(45), slug="stimulab-2027", title="Stimulab 2027")
    ((moved_uid, moved),) = events_of(ALL).items()
    assert moved_uid == event_uid
    assert moved.decoded("SEQUENCE") == 1
    assert moved.decoded("DTSTART") == in_days(45)
    assert moved.decoded("DTSTAMP") >= event.decoded("DTSTAMP")
    assert events_of(program_calendar_url(program))[event_uid].decoded("SEQUENCE") == 1

    # A change that leaves the deadline alone leaves the sequence too.
    publish(program, summary="Ny oppsummering.")
    assert events_of(ALL)[event_uid].decoded("SEQUENCE") == 1
    publish(program, applications_close_on=in_days(20))
    assert events_of(ALL)[event_uid].decoded("SEQUENCE") == 2


def test_a_deadline_moved_before_the_calendar_stored_it_counts_as_moved(seeded):
    # Open before the calendar kept anything (as programs published before it came).
    program = open_stimulab(30)
    DeadlineEvent.objects.all().delete()
    publish(program, applications_close_on=in_days(40))
    (event,) = events_of(ALL).values()
    assert event.decoded("SEQUENCE") == 1


def test_a_program_that_closes_early_leaves_the_calendars(seeded):
    program = open_stimulab(30)
    assert len(events_of(ALL)) == 1
    publish(program, status=ProgramStatus.RUNNING)
    assert events_of(ALL) == {}
    assert events_of(program_calendar_url(program)) == {}
    # Opened again with a new deadline: the same event, a higher sequence.
    publish(program, status=ProgramStatus.OPEN, applications_close_on=in_days(60))
    (event,) = events_of(ALL).values()
    assert event.decoded("SEQUENCE") == 1


def test_a_deadline_that_has_passed_leaves_the_calendar(seeded):
    program = open_stimulab(30)
    ProgramPage.objects.filter(pk=program.pk).update(applications_close_on=in_days(-1))
    cache.clear()
    assert events_of(ALL) == {}


def test_the_calendar_is_cached_and_the_next_fetch_after_publishing_is_fresh(seeded):
    assert Client().get(ALL)["X-Page-Cache"] == "miss"
    hit = Client().get(ALL)
    assert hit["X-Page-Cache"] == "hit"
    assert Client().get(ALL, headers={"if-none-match": hit["ETag"]}).status_code == 304
    program = open_stimulab(30)
    response = Client().get(ALL)
    assert response["X-Page-Cache"] == "miss"
    assert uid(program) in events_of(ALL)


def test_the_english_calendar_is_in_english_with_the_english_program(seeded):
    program = open_stimulab(30, language="en")
    calendar = one_calendar(ENGLISH_ALL)
    assert str(calendar["X-WR-CALNAME"]) == "Application deadlines for programmes"
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Application deadline: Stimulab"
    assert str(event["URL"]) == "http://testserver/en/programmes/stimulab/"
    assert events_of(ALL) == {}  # the Bokmål page is not open
    assert Client().get(program_calendar_url(program)).status_code == 404
    assert len(events_of(f"/en/subscribe/deadlines/{program.pk}.ics")) == 1


def test_the_program_pages_link_their_calendars(client, seeded):
    index = soup_of(client.get("/virkemidler/"))
    assert index.select_one('head link[rel="alternate"][type="text/calendar"]')["href"] == ALL
    visible = index.select_one(f'main a[href="{ALL}"]')
    assert visible_text(str(visible)) == "Søknadsfristene i kalenderen din"

    page = soup_of(client.get("/virkemidler/stimulab/"))
    assert not page.find("a", string="Legg til i kalenderen")  # not open for applications
    program = open_stimulab(30)
    page = soup_of(client.get("/virkemidler/stimulab/"))
    link = page.find("a", string="Legg til i kalenderen")
    assert link["href"] == program_calendar_url(program)
    assert client.get(link["href"]).status_code == 200


def test_an_unknown_program_or_a_page_that_is_no_program_has_no_calendar(client, seeded):
    home = seeded
    assert client.get(program_calendar_url(home)).status_code == 404
    assert client.get("/abonner/soknadsfrister/999999.ics").status_code == 404
    assert client.get("/abonner/soknadsfrister/99999999999.ics").status_code == 404
