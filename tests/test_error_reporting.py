"""Errors reach Sentry when SENTRY_DSN is set, without anything about the visitor."""

import json
from wsgiref.util import setup_testing_defaults

import pytest
import sentry_sdk
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from sentry_sdk.transport import Transport

from core.monitoring import init_sentry
from tests.production import production_values

VISITOR_IP = "203.0.113.77"
# A well-formed DSN for a host that does not exist: nothing leaves this machine.
FAKE_DSN = "https://0123456789abcdef@sentry.invalid/42"


class RecordingTransport(Transport):
    def __init__(self, options=None):
        super().__init__(options)
        self.events = []
        self.transactions = []

    def capture_envelope(self, envelope):
        event = envelope.get_event()
        if event is not None:
            self.events.append(event)
        transaction = envelope.get_transaction_event()
        if transaction is not None:
            self.transactions.append(transaction)


@pytest.fixture
def sentry_events():
    transport = RecordingTransport()
    init_sentry(FAKE_DSN, environment="test", transport=transport)
    yield transport.events
    # Back to a client that records nothing, for the tests that follow.
    sentry_sdk.get_global_scope().set_client(None)


def _wsgi_get(path, query, **environ):
    """A request through Django's WSGI handler, as gunicorn makes it: Sentry's Django
    integration reads the request there, where the test client does not pass."""
    environ.update({"PATH_INFO": path, "QUERY_STRING": query, "REQUEST_METHOD": "GET"})
    setup_testing_defaults(environ)
    statuses = []
    # As the test client does: the test's transaction must survive the end of the request.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        response = WSGIHandler()(environ, lambda status, headers: statuses.append(status))
        response.close()
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)
    return statuses[0]


@pytest.mark.urls("tests.test_logging")
def test_a_server_error_reaches_sentry_without_the_visitor(db, sentry_events):
    status = _wsgi_get(
        "/test-feil/",
        "q=mitt+hemmelige+s%C3%B8k",
        REMOTE_ADDR=VISITOR_IP,
        HTTP_X_FORWARDED_FOR=VISITOR_IP,
        HTTP_COOKIE="sessionid=hemmelig-okt",
        HTTP_USER_AGENT="Testleser/1.0",
        HTTP_REFERER="http://testserver/sok/?q=mitt+hemmelige+s%C3%B8k",
    )
    assert status.startswith("500")
    sentry_sdk.flush()
    [event] = [e for e in sentry_events if e.get("exception")]
    assert event["exception"]["values"][-1]["type"] == "RuntimeError"
    assert event["environment"] == "test"
    assert event["request"]["url"].endswith("/test-feil/")
    assert event["request"]["headers"]["User-Agent"] == "Testleser/1.0"
    assert event["request"]["headers"]["Referer"] == "http://testserver/sok/"
    sent = json.dumps(event, default=str)
    assert VISITOR_IP not in sent
    assert "hemmelig" not in sent
    assert "sessionid" not in sent


RESET_TOKEN = "cz9xyw-0123456789abcdef0123456789abcdef"


def test_performance_traces_carry_neither_the_query_nor_a_reset_token(db):
    transport = RecordingTransport()
    init_sentry(FAKE_DSN, traces_sample_rate=1.0, transport=transport)
    try:
        _wsgi_get(f"/admin/password_reset/confirm/MQ/{RESET_TOKEN}/", "q=mitt+hemmelige+s%C3%B8k")
        sentry_sdk.flush()
    finally:
        sentry_sdk.get_global_scope().set_client(None)
    [transaction] = transport.transactions
    assert transaction["request"]["url"].endswith("/admin/password_reset/confirm/…")
    sent = json.dumps(transaction, default=str)
    assert RESET_TOKEN not in sent
    assert "hemmelige" not in sent


def test_a_refused_host_is_no_error_event(client, db, settings, sentry_events):
    settings.ALLOWED_HOSTS = ["innovasjon.example.no"]
    assert client.get("/", HTTP_HOST="angriper.example").status_code == 400
    sentry_sdk.flush()
    assert not [e for e in sentry_events if e.get("level") in ("error", "fatal")]


def test_production_settings_start_sentry_only_with_a_dsn_and_never_with_personal_data():
    def run(overrides):
        return production_values(
            "{'active': (c := sentry_sdk.get_client()).is_active(), "
            "'pii': c.options.get('send_default_pii'), 'dsn': c.options.get('dsn'), "
            "'environment': c.options.get('environment'), "
            "'traces': c.options.get('traces_sample_rate')}",
            overrides,
            imports="sentry_sdk",
        )

    without = run({})
    assert without["active"] is False
    with_dsn = run(
        {
            "SENTRY_DSN": FAKE_DSN,
            "SENTRY_ENVIRONMENT": "produksjon",
            "SENTRY_TRACES_SAMPLE_RATE": "0.1",
        }
    )
    assert with_dsn == {
        "active": True,
        "pii": False,
        "dsn": FAKE_DSN,
        "environment": "produksjon",
        "traces": 0.1,
    }
