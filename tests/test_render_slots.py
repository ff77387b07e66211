"""Renders take a slot; what the page cache answers, and the health checks, never wait for one.
tests/test_database_faults.py shows it against a frozen database behind gunicorn."""

import threading

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.test import Client, RequestFactory

from core.limits import RenderSlotsMiddleware


def _blocked_render(release, started):
    def render(request):
        started.release()
        release.wait()
        return HttpResponse("side")

    return render


def test_a_request_without_a_free_slot_gets_the_busy_page_at_once(settings):
    settings.RENDER_SLOTS = 1
    settings.RENDER_SLOT_WAIT = 0
    release, started = threading.Event(), threading.Semaphore(0)
    middleware = RenderSlotsMiddleware(_blocked_render(release, started))
    holder = threading.Thread(target=middleware, args=(RequestFactory().get("/a/"),))
    holder.start()
    started.acquire()
    try:
        response = middleware(RequestFactory().get("/b/"))
    finally:
        release.set()
        holder.join()
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "no-store" in response["Cache-Control"]
    assert "Nettstedet har mye å gjøre akkurat nå" in response.content.decode()


def test_a_slot_is_given_back_after_each_render(settings):
    settings.RENDER_SLOTS = 1
    middleware = RenderSlotsMiddleware(lambda request: HttpResponse("side"))
    for _ in range(3):
        assert middleware(RequestFactory().get("/")).status_code == 200


def test_a_slot_is_given_back_when_the_render_fails(settings):
    settings.RENDER_SLOTS = 1

    def failing(request):
        raise RuntimeError("feil")

    middleware = RenderSlotsMiddleware(failing)
    for _ in range(2):
        with pytest.raises(RuntimeError):
            middleware(RequestFactory().get("/"))
    assert middleware.slots.acquire(blocking=False)


def test_cached_pages_and_health_checks_are_answered_before_the_render_slots():
    order = settings.MIDDLEWARE
    slots = order.index("core.limits.RenderSlotsMiddleware")
    assert order.index("pagecache.middleware.PageCacheMiddleware") < slots
    assert order.index("core.middleware.HealthCheckMiddleware") < slots
    assert order.index("whitenoise.middleware.WhiteNoiseMiddleware") < slots


def test_with_every_slot_taken_cached_pages_and_health_checks_still_answer(seeded, settings):
    assert Client().get("/virkemidler/").status_code == 200  # stored by the page cache
    settings.RENDER_SLOTS = 0
    settings.RENDER_SLOT_WAIT = 0
    client = Client()  # a new handler, built with no slot at all
    assert client.get("/virkemidler/")["X-Page-Cache"] == "hit"
    assert client.get("/helse/").status_code == 200
    assert client.get("/prinsipper/").status_code == 503


def test_the_busy_page_speaks_the_readers_language(seeded, settings):
    settings.RENDER_SLOTS = 0
    settings.RENDER_SLOT_WAIT = 0
    english = Client().get("/en/principles/")
    assert english.status_code == 503
    assert "The site is very busy right now" in english.content.decode()
    assert "Nettstedet har mye å gjøre" in Client().get("/prinsipper/").content.decode()
