"""Logs: one JSON line per request without the visitor's address, security refusals as
warnings without tracebacks, and server errors with theirs."""

import io
import json
import logging
import re

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import path

from core.logs import JsonFormatter
from innovasjon.urls import urlpatterns as site_urlpatterns

VISITOR_IP = "203.0.113.77"
FORWARDED_IP = "198.51.100.99"
REQUEST_FIELDS = {
    "time",
    "level",
    "logger",
    "message",
    "method",
    "path",
    "status",
    "duration_ms",
    "request_id",
}


def _explode(request):
    raise RuntimeError("boom")


def _forbid(request):
    raise PermissionDenied


urlpatterns = [path("test-feil/", _explode), path("test-nei/", _forbid), *site_urlpatterns]


@pytest.fixture
def log_output():
    """What the configured handler writes to stderr in production, one parsed line each."""
    [handler] = [h for h in logging.getLogger().handlers if isinstance(h.formatter, JsonFormatter)]
    stream = io.StringIO()
    previous = handler.setStream(stream)

    class Output:
        @staticmethod
        def text():
            return stream.getvalue()

        @staticmethod
        def lines(logger=None):
            lines = [json.loads(line) for line in stream.getvalue().splitlines()]
            return [line for line in lines if logger is None or line["logger"] == logger]

    yield Output
    handler.setStream(previous)


def test_a_page_request_logs_one_json_line_without_ip_or_query(client, seeded, log_output):
    response = client.get(
        "/virkemidler/?q=mitt+hemmelige+søk",
        REMOTE_ADDR=VISITOR_IP,
        HTTP_X_FORWARDED_FOR=f"{FORWARDED_IP}, {VISITOR_IP}",
    )
    assert response.status_code == 200
    [line] = log_output.lines("innovasjon.request")
    assert set(line) == REQUEST_FIELDS
    assert line["method"] == "GET"
    assert line["path"] == "/virkemidler/"
    assert line["status"] == 200
    assert line["level"] == "INFO"
    assert isinstance(line["duration_ms"], float)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", line["time"])
    assert re.fullmatch(r"[0-9a-f]{32}", line["request_id"])
    assert response["X-Request-ID"] == line["request_id"]
    everything = log_output.text()
    assert VISITOR_IP not in everything
    assert FORWARDED_IP not in everything
    assert "hemmelige" not in everything


def test_a_password_reset_link_is_logged_without_its_token(client, db, log_output):
    token = "cz9xyw-0123456789abcdef0123456789abcdef"
    client.get(f"/admin/password_reset/confirm/MQ/{token}/")
    [line] = log_output.lines("innovasjon.request")
    assert line["path"] == "/admin/password_reset/confirm/…"
    assert token not in log_output.text()


@pytest.mark.parametrize(
    ("offered", "kept"),
    [
        ("lb-4f1c2a9e-77", True),
        ("a" * 64, True),
        ("a" * 65, False),
        ('x", "level": "ERROR', False),
        ("id med mellomrom", False),
    ],
)
def test_a_proxy_request_id_is_kept_only_if_it_is_a_plain_token(
    client, db, log_output, offered, kept
):
    response = client.get("/helse/", HTTP_X_REQUEST_ID=offered)
    [line] = log_output.lines("innovasjon.request")
    assert (line["request_id"] == offered) is kept
    assert response["X-Request-ID"] == line["request_id"]
    if not kept:
        assert re.fullmatch(r"[0-9a-f]{32}", line["request_id"])


def test_a_bad_host_logs_one_warning_without_traceback_or_server_paths(
    client, db, settings, log_output
):
    settings.ALLOWED_HOSTS = ["innovasjon.example.no"]
    response = client.get("/", HTTP_HOST="angriper.example")
    assert response.status_code == 400
    [refusal] = log_output.lines("django.security.DisallowedHost")
    assert refusal["level"] == "WARNING"
    assert "angriper.example" in refusal["message"]
    assert "exc_info" not in refusal
    [request_line] = log_output.lines("innovasjon.request")
    assert request_line["status"] == 400
    assert refusal["request_id"] == request_line["request_id"]
    everything = log_output.text()
    assert "Traceback" not in everything
    assert str(settings.BASE_DIR) not in everything
    assert not [line for line in log_output.lines() if line["level"] == "ERROR"]


def test_a_path_outside_the_media_folder_is_logged_without_the_folder(log_output):
    # Django's own message for a `safe_join` refusal, as django.core.handlers logs it.
    try:
        raise ValueError("stand-in for SuspiciousFileOperation")
    except ValueError as exc:
        logging.getLogger("django.security.SuspiciousFileOperation").error(
            "The joined path (/etc/passwd) is located outside of the base path component (%s)",
            settings.MEDIA_ROOT,
            exc_info=exc,
        )
    [line] = log_output.lines()
    assert line["level"] == "WARNING"
    assert "exc_info" not in line
    assert "/etc/passwd" in line["message"]
    assert str(settings.MEDIA_ROOT) not in log_output.text()


@pytest.mark.urls("tests.test_logging")
def test_a_refusal_logged_by_django_request_has_no_traceback(client, db, log_output):
    assert client.get("/test-nei/").status_code == 403
    [warning] = log_output.lines("django.request")
    assert warning["level"] == "WARNING"
    assert "exc_info" not in warning


@pytest.mark.urls("tests.test_logging")
def test_a_server_error_logs_an_error_with_its_traceback(db, log_output):
    response = Client(raise_request_exception=False).get("/test-feil/")
    assert response.status_code == 500
    [error] = log_output.lines("django.request")
    assert error["level"] == "ERROR"
    assert error["exc_info"].startswith("Traceback")
    assert "RuntimeError: boom" in error["exc_info"]
    [request_line] = log_output.lines("innovasjon.request")
    assert request_line["status"] == 500
    assert error["request_id"] == request_line["request_id"]
