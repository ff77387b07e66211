"""`<time datetime>` holds a date and time HTML accepts: whole seconds and an offset."""

import re
from datetime import UTC, datetime

from django.utils import timezone

from core.templatetags.time_tags import html_datetime
from tests.conftest import public_pages, soup_of

# HTML's "valid global date and time string" as we write it: no fraction, offset with a colon.
HTML_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")


def test_html_datetime_drops_microseconds_and_uses_oslo_time():
    published = datetime(2026, 11, 30, 6, 53, 51, 348127, tzinfo=UTC)
    with timezone.override("Europe/Oslo"):
        assert html_datetime(published) == "2026-11-30T07:53:51+01:00"


def test_html_datetime_of_nothing_is_empty():
    assert html_datetime(None) == ""


def test_last_updated_on_every_page_is_a_valid_html_datetime(client, seeded):
    for page in public_pages():
        page.last_published_at = timezone.now().replace(microsecond=348127)
        page.save(update_fields=["last_published_at"])
        time = soup_of(client.get(page.url)).select_one(".last-updated time")
        assert time is not None, page.url
        assert HTML_DATETIME.match(time["datetime"]), (page.url, time["datetime"])
