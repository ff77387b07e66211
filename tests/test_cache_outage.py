"""Redis is an accelerator, never a dependency: stopped or frozen mid-traffic, every page still
answers 200 (rendered, uncached), the breaker stops asking it, readiness says so and stays
ready, and a purge lost while it was out is made good when it answers again.

Each test starts a redis-server of its own on a free port, as production's cache backend sees
it (core.cache.FailOpenRedisCache with production's timeouts)."""

import json
import shutil
import signal
from unittest import mock

import pytest
from django.test import Client

from core.cache import breaker
from pages.models import ContentPage
from tests.conftest import visible_text

pytestmark = pytest.mark.skipif(
    shutil.which("redis-server") is None, reason="needs redis-server (apt-get install redis-server)"
)

PAGES = ["/", "/handlingsrom/", "/virkemidler/", "/virkemidler/stimulab/", "/sok/?q=innovasjon"]
PAGE = "/handlingsrom/"


def _stop(process, outage=signal.SIGTERM):
    process.send_signal(outage)
    if outage == signal.SIGTERM:
        process.wait(timeout=10)


def _warm(url):
    Client().get(url)
    response = Client().get(url)
    assert response["X-Page-Cache"] == "hit"
    return response


@pytest.mark.parametrize("outage", [signal.SIGTERM, signal.SIGSTOP], ids=["stopped", "frozen"])
def test_every_page_answers_while_redis_is_out(redis_cache, outage):
    for url in PAGES:
        Client().get(url)
    _stop(redis_cache, outage)
    # In-process requests one after another: SQLite's in-memory test database takes one writer.
    responses = [Client().get(url) for url in PAGES * 3]
    assert [response.status_code for response in responses] == [200] * len(responses)
    assert all(response.get("X-Page-Cache") != "hit" for response in responses)


def test_after_a_failure_redis_is_not_asked_again_for_a_while(redis_cache, settings):
    # Long enough that a slow machine cannot outlast it between the two requests.
    settings.CACHE_FAILURE_SKIP_SECONDS = 600
    redis_cache.send_signal(signal.SIGSTOP)
    assert Client().get(PAGE).status_code == 200
    assert breaker.is_open()
    # A call to Redis now would raise an error no cache code expects: a 500 in the test client.
    with mock.patch("redis.client.Redis.execute_command", side_effect=AssertionError):
        assert Client().get(PAGE).status_code == 200


def test_readiness_says_the_cache_is_down_and_stays_ready(redis_cache):
    assert json.loads(Client().get("/helse/klar/").content)["cache"] == "ok"
    redis_cache.send_signal(signal.SIGSTOP)
    response = Client().get("/helse/klar/")
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok", "database": "ok", "cache": "down"}


def test_a_feedback_answer_is_taken_while_redis_is_out(redis_cache):
    page = ContentPage.objects.get(slug="handlingsrom")
    _stop(redis_cache)
    response = Client().post("/tilbakemelding/", {"side": page.pk, "svar": "ja"})
    assert response.status_code == 200


def test_a_purge_lost_while_redis_was_frozen_is_made_good_when_it_answers(redis_cache, settings):
    _warm(PAGE)
    redis_cache.send_signal(signal.SIGSTOP)
    page = ContentPage.objects.get(slug="handlingsrom")
    page.title = "Handlingsrom, endret mens Redis sto"
    page.save_revision().publish()
    redis_cache.send_signal(signal.SIGCONT)
    # The breaker's pause is over: the next call asks Redis, finds it, and starts afresh.
    settings.CACHE_FAILURE_SKIP_SECONDS = 0
    breaker.trip(ConnectionError("test"))
    response = Client().get(PAGE)
    assert response["X-Page-Cache"] == "miss"
    assert "endret mens Redis sto" in visible_text(response.content.decode())
