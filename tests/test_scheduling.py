"""Go-live and expiry dates take effect when the scheduler (`publish_scheduled`) runs."""

import io
from datetime import timedelta
from unittest import mock

from django.core.management import call_command
from django.utils import timezone

from pages.models import ContentPage


def _run_scheduler_at(moment):
    with mock.patch("django.utils.timezone.now", return_value=moment):
        call_command("publish_scheduled", stdout=io.StringIO())


def test_a_page_scheduled_for_the_future_is_public_only_after_the_scheduler_runs(client, seeded):
    parent = seeded
    page = ContentPage(title="Planlagt nyhet", slug="planlagt", lead="Kommer snart.", live=False)
    parent.add_child(instance=page)
    go_live = timezone.now() + timedelta(hours=2)
    page.go_live_at = go_live
    page.save_revision().publish()

    page.refresh_from_db()
    assert not page.live
    assert client.get("/planlagt/").status_code == 404

    _run_scheduler_at(go_live - timedelta(minutes=1))
    page.refresh_from_db()
    assert not page.live

    _run_scheduler_at(go_live + timedelta(minutes=1))
    page.refresh_from_db()
    assert page.live
    assert client.get("/planlagt/").status_code == 200


def test_expiry_unpublishes_the_page(client, seeded):
    page = ContentPage.objects.get(slug="handlingsrom")
    expire = timezone.now() + timedelta(days=1)
    page.expire_at = expire
    page.save_revision().publish()
    assert client.get("/handlingsrom/").status_code == 200

    _run_scheduler_at(expire + timedelta(minutes=1))
    page.refresh_from_db()
    assert not page.live
    assert page.expired
    assert client.get("/handlingsrom/").status_code == 404
