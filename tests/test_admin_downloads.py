"""Times in the admin's downloads read as in Oslo, in Wagtail's reports as in ours."""

import csv
import io
from datetime import UTC, datetime, timedelta

from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from pages.models import ContentPage
from tests.reports import xlsx_table

# Winter: Oslo is an hour ahead of UTC.
WHEN = datetime(2026, 1, 15, 23, 30, tzinfo=UTC)


def _logged_at_when(seeded):
    page = ContentPage.objects.get(slug="handlingsrom")
    PageLogEntry.objects.log_action(page, "wagtail.edit")
    PageLogEntry.objects.filter(page=page).update(timestamp=WHEN)
    return page


def test_wagtails_site_history_csv_gives_oslo_time(admin_client, seeded):
    _logged_at_when(seeded)
    response = admin_client.get(reverse("wagtailadmin_reports:site_history"), {"export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert "16.01.2026 00:30" in cells
    assert not [cell for cell in cells if "2026-01-15 23:30" in cell]


def test_wagtails_site_history_xlsx_gives_oslo_time(admin_client, seeded):
    _logged_at_when(seeded)
    response = admin_client.get(reverse("wagtailadmin_reports:site_history"), {"export": "xlsx"})
    cells = [cell for row in xlsx_table(response) for cell in row]
    oslo = timezone.make_naive(WHEN, timezone.get_default_timezone())
    assert oslo == WHEN.replace(tzinfo=None) + timedelta(hours=1)
    assert oslo in cells
