"""Liveness (/helse/) and readiness (/helse/klar/): JSON, never cached, GET and HEAD only,
answered before host validation and the HTTPS redirect, and never reading a request body."""

import json
import threading
from unittest import mock

import pytest
from django.test import RequestFactory

from core import health
from core.middleware import HealthCheckMiddleware

PATHS = ["/helse/", "/helse/klar/"]


def test_liveness_says_ok_without_asking_the_database(client):
    # No `db` fixture: pytest-django fails any query made here.
    response = client.get("/helse/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {"status": "ok"}


def test_readiness_asks_the_database(client, db):
    with mock.patch("core.health._ask_database", wraps=health._ask_database) as ask:
        response = client.get("/helse/klar/")
    ask.assert_called_once_with()
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok", "database": "ok", "cache": "ok"}


def test_readiness_gives_up_on_a_database_that_does_not_answer(client, db, settings):
    answered = threading.Event()
    with (
        mock.patch.object(health, "READINESS_TIMEOUT", 0.1),
        mock.patch("core.health._ask_database", side_effect=answered.wait),
    ):
        response = client.get("/helse/klar/")
        answered.set()
    assert response.status_code == 503
    assert json.loads(response.content) == {"status": "unavailable", "database": "unavailable"}


@pytest.mark.parametrize("path", PATHS)
def test_health_checks_are_never_cached(client, db, path):
    assert "no-store" in client.get(path)["Cache-Control"]


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"])
def test_health_checks_accept_only_get_and_head(client, db, path, method):
    response = client.generic(method, path, data=b"x" * 100, content_type="text/plain")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content)["status"] == "method not allowed"


@pytest.mark.parametrize("path", PATHS)
def test_health_checks_answer_head(client, db, path):
    assert client.head(path).status_code == 200


class _UnreadableBody:
    def read(self, *args):
        raise AssertionError("the health check read the request body")

    readline = read


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_health_checks_never_read_the_body(db, path, method):
    request = RequestFactory().generic(
        method, path, CONTENT_LENGTH="1000000", CONTENT_TYPE="application/x-www-form-urlencoded"
    )
    request.environ["wsgi.input"] = _UnreadableBody()
    request._stream = _UnreadableBody()
    response = HealthCheckMiddleware(lambda request: None)(request)
    assert response.status_code in {200, 405}


@pytest.mark.parametrize("path", PATHS)
def test_health_checks_answer_despite_host_checks_and_https_redirect(client, db, settings, path):
    settings.ALLOWED_HOSTS = ["innovasjon.example.no"]
    settings.SECURE_SSL_REDIRECT = True
    response = client.get(path, HTTP_HOST="127.0.0.1:8000")
    assert response.status_code == 200
    assert json.loads(response.content)["status"] == "ok"
    assert client.get("/", HTTP_HOST="127.0.0.1:8000").status_code == 400
