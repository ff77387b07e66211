"""The privacy page's periods for "Var denne siden nyttig?", enforced: answers and comments go
after a year, the throttle's hash of a reader's address when its hour ends."""

import io
from datetime import timedelta

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import timezone

from feedback import throttle
from feedback.models import RETENTION, Answer
from pages.models import ContentPage


@pytest.fixture
def page(seeded):
    return ContentPage.objects.get(slug="kompetanse")


def _answer(page, age, comment=""):
    answer = Answer.objects.create(page=page, helpful=not comment, comment=comment)
    Answer.objects.filter(pk=answer.pk).update(created_at=timezone.now() - age)
    return answer


def _delete_old_feedback():
    out = io.StringIO()
    call_command("delete_old_feedback", stdout=out)
    return out.getvalue()


def _feedback_counters():
    # Read past expiry: get() would delete an expired row itself.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM innovasjon_counters")
        return [key for (key,) in cursor.fetchall() if "feedback:visitor:" in key]


def test_the_stated_period_is_one_year():
    assert timedelta(days=365) == RETENTION


def test_delete_old_feedback_deletes_only_answers_older_than_a_year(page):
    old = _answer(page, RETENTION + timedelta(hours=1), comment="Ring meg, Kari Nordmann.")
    kept = [
        _answer(page, RETENTION - timedelta(hours=1), comment="Mangler en kilde."),
        _answer(page, timedelta(0)),
    ]
    _delete_old_feedback()
    remaining = set(Answer.objects.values_list("pk", flat=True))
    assert remaining == {answer.pk for answer in kept}
    assert old.pk not in remaining


def test_the_throttles_hash_is_deleted_when_its_hour_ends(page, monkeypatch):
    real_now = timezone.now()
    # One minute before the hour ends.
    monkeypatch.setattr(timezone, "now", lambda: real_now.replace(minute=59, second=0))
    request = RequestFactory().post("/tilbakemelding/", REMOTE_ADDR="203.0.113.7")
    assert throttle.allow(request, page.pk)
    assert len(_feedback_counters()) == 2  # this page, and the address over all pages
    monkeypatch.setattr(timezone, "now", lambda: real_now + timedelta(seconds=30))
    _delete_old_feedback()
    assert len(_feedback_counters()) == 2, "still within the hour"
    monkeypatch.setattr(timezone, "now", lambda: real_now + timedelta(seconds=120))
    _delete_old_feedback()
    assert _feedback_counters() == []


def test_the_throttle_counts_a_whole_hour_not_five_minutes(page, monkeypatch):
    """The database cache's incr() would set the count again with the default five minutes:
    a reader who paused that long would start from nothing."""
    real_now = timezone.now()
    monkeypatch.setattr(timezone, "now", lambda: real_now.replace(minute=0, second=0))
    request = RequestFactory().post("/tilbakemelding/", REMOTE_ADDR="203.0.113.7")
    throttle.allow(request, page.pk)
    monkeypatch.setattr(timezone, "now", lambda: real_now + timedelta(minutes=10))
    _delete_old_feedback()
    key = throttle.visitor_key(request, f"page-{page.pk}", real_now.replace(minute=0, second=0))
    assert caches["counters"].get(key) == 1
