"""When the database cannot be reached, every page answers 503 «midlertidig utilgjengelig» with
Retry-After, never a 500; the health checks tell liveness from readiness."""

import json
from unittest import mock

import pytest
from django.db import OperationalError, ProgrammingError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.http import HttpResponseNotFound
from django.test import Client
from django.urls import path

from innovasjon.urls import urlpatterns as site_urlpatterns


def _not_found_response(request):
    return HttpResponseNotFound("nothing here")


# A 404 response (not an exception) makes Wagtail's RedirectMiddleware look for a redirect: a
# database fault outside any view.
urlpatterns = [path("test-404-svar/", _not_found_response), *site_urlpatterns]
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"


@pytest.fixture
def database_down(seeded):
    """Every attempt to reach the database fails, as when the server is stopped."""
    error = OperationalError('connection to server at "127.0.0.1", port 5432 failed: refused')
    with mock.patch.object(BaseDatabaseWrapper, "ensure_connection", side_effect=error):
        yield


def _assert_unavailable_page(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "Tjenesten er midlertidig utilgjengelig" in html
    assert '<html lang="nb"' in html
    assert "5432" not in html
    assert "OperationalError" not in html


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/virkemidler/stimulab/",
        "/sok/?q=innovasjon",
        "/s/3/",
        "/s/99999999999/",
        "/robots.txt",
        "/sitemap.xml",
        "/dokumenter/1/rapport.pdf",
        "/denne-siden-finnes-ikke/",
        "/stimulab/",
    ],
)
def test_every_page_answers_503_when_the_database_is_down(database_down, url):
    # The default client re-raises any exception Django treats as a 500: there must be none.
    response = Client().get(url)
    _assert_unavailable_page(response)


def test_the_503_page_goes_through_the_response_middleware(database_down):
    response = Client().get("/")
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.urls("tests.test_database_unavailable")
def test_a_database_fault_in_middleware_also_answers_503(database_down):
    response = Client(raise_request_exception=False).get("/test-404-svar/")
    _assert_unavailable_page(response)


def test_a_database_error_that_is_no_outage_still_answers_500(seeded):
    with mock.patch.object(
        BaseDatabaseWrapper, "ensure_connection", side_effect=ProgrammingError("a bug of ours")
    ):
        response = Client(raise_request_exception=False).get("/")
    assert response.status_code == 500
    assert "Noe gikk galt" in response.content.decode()


def test_readiness_fails_as_json_when_the_database_is_down(database_down):
    response = Client().get("/helse/klar/")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {"status": "unavailable", "database": "unavailable"}
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]


def test_liveness_answers_without_the_database(database_down):
    response = Client().get("/helse/")
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok"}
