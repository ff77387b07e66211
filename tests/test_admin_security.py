"""The admin's sign-in: locked after repeated failures per account and per client, throttled
password reset, long passwords, and a session that ends after a working day."""

import time
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import OperationalError, connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.admin_security import LOGIN_STARTED_KEY
from core.http import client_ip
from tests.conftest import visible_text

LOGIN = "/admin/login/"
PASSWORD = "Fjellvann-og-fjord-27"
CLIENT = "203.0.113.5"
LOCKED = "For mange mislykkede innlogginger"


@pytest.fixture
def editor(db):
    return User.objects.create_user(
        "redaktor", email="redaktor@example.no", password=PASSWORD, is_superuser=True
    )


def _login(client, username, password, ip=CLIENT, **extra):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip, **extra)


def _fail(client, times, username="redaktor", ips=(CLIENT,)):
    responses = [
        _login(client, username, "feil-passord", ip=ips[i % len(ips)]) for i in range(times)
    ]
    return responses[-1]


def _signed_in(client):
    return SESSION_KEY in client.session


def test_login_locks_after_the_failure_limit_with_a_norwegian_message(client, editor, settings):
    before_limit = _fail(client, settings.AXES_FAILURE_LIMIT - 1)
    assert before_limit.status_code == 200

    locked = _login(client, "redaktor", "feil-passord")

    assert locked.status_code == 429
    text = visible_text(locked.content.decode())
    assert LOCKED in text
    assert "Prøv igjen om 15 minutter" in text
    assert locked["Retry-After"] == "900"
    assert "redaktor" not in locked.content.decode()


def test_right_password_is_refused_while_locked(client, editor, settings):
    _fail(client, settings.AXES_FAILURE_LIMIT)

    response = _login(client, "redaktor", PASSWORD)

    assert response.status_code == 429
    assert not _signed_in(client)


def test_lockout_looks_the_same_whether_or_not_the_account_exists(client, editor, settings):
    existing = _fail(client, settings.AXES_FAILURE_LIMIT, "redaktor", ips=["198.51.100.1"])
    unknown = _fail(client, settings.AXES_FAILURE_LIMIT, "finnes-ikke", ips=["198.51.100.2"])

    assert existing.status_code == unknown.status_code == 429
    assert existing.content == unknown.content


def test_an_account_is_locked_whichever_clients_the_failures_came_from(client, editor, settings):
    clients = [f"198.51.100.{n}" for n in range(1, settings.AXES_FAILURE_LIMIT + 1)]
    _fail(client, settings.AXES_FAILURE_LIMIT, ips=clients)

    response = _login(client, "redaktor", PASSWORD, ip="192.0.2.99")

    assert response.status_code == 429
    assert not _signed_in(client)


def test_a_client_is_locked_whichever_accounts_it_tried(client, editor, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        _login(client, f"bruker{n}", "feil-passord")

    assert _login(client, "redaktor", PASSWORD).status_code == 429
    assert _login(client, "redaktor", PASSWORD, ip="192.0.2.99").status_code == 302
    assert _signed_in(client)


def test_a_spoofed_forwarded_for_does_not_escape_the_client_lock(client, editor, settings):
    """Behind nginx the client is the hop nginx appended; what the client wrote is ignored."""
    for n in range(settings.AXES_FAILURE_LIMIT):
        _login(
            client,
            f"bruker{n}",
            "feil-passord",
            ip="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"10.9.9.{n}, {CLIENT}",
        )

    response = _login(
        client, "redaktor", PASSWORD, ip="127.0.0.1", HTTP_X_FORWARDED_FOR=f"10.9.9.200, {CLIENT}"
    )

    assert response.status_code == 429


def test_the_lock_ends_after_the_cool_off(client, editor, settings):
    _fail(client, settings.AXES_FAILURE_LIMIT)
    assert _login(client, "redaktor", PASSWORD).status_code == 429

    # As if the cool-off had passed since the last counted failure.
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time
        - settings.AXES_COOLOFF_TIME
        - timedelta(seconds=1)
    )

    assert _login(client, "redaktor", PASSWORD).status_code == 302
    assert _signed_in(client)


def test_a_success_before_the_limit_resets_the_count(client, editor, settings):
    _fail(client, settings.AXES_FAILURE_LIMIT - 1)
    assert _login(client, "redaktor", PASSWORD).status_code == 302
    client.logout()

    assert _fail(client, settings.AXES_FAILURE_LIMIT - 1).status_code == 200


@pytest.mark.parametrize(
    ("remote", "forwarded", "trusted", "expected"),
    [
        # Straight from the internet: its own X-Forwarded-For is not believed.
        ("203.0.113.5", "10.1.1.1", ["127.0.0.1"], "203.0.113.5"),
        # Through nginx: the hop nginx appended, not what the client put in front of it.
        ("127.0.0.1", "10.1.1.1, 203.0.113.5", ["127.0.0.1"], "203.0.113.5"),
        # Through a trusted load balancer and nginx.
        (
            "127.0.0.1",
            "10.1.1.1, 203.0.113.5, 10.0.0.7",
            ["127.0.0.1", "10.0.0.0/8"],
            "203.0.113.5",
        ),
        # A load balancer that writes the client's port.
        ("127.0.0.1", "203.0.113.5:51234", ["127.0.0.1"], "203.0.113.5"),
        ("127.0.0.1", "[2001:db8::1]:443", ["127.0.0.1"], "2001:db8::"),
        # gunicorn on nginx's unix socket reports no address.
        ("", "203.0.113.5", ["127.0.0.1"], "203.0.113.5"),
        # An IPv6 client is its /64.
        ("2001:db8:1:2:aaaa::1", "", ["127.0.0.1"], "2001:db8:1:2::"),
        # Nonsense from a trusted proxy: keep the proxy's own address.
        ("127.0.0.1", "ikke-en-adresse", ["127.0.0.1"], "127.0.0.1"),
        ("127.0.0.1", "", ["127.0.0.1"], "127.0.0.1"),
        ("", "", ["127.0.0.1"], None),
    ],
)
def test_client_ip_is_the_right_most_untrusted_hop(settings, remote, forwarded, trusted, expected):
    settings.TRUSTED_PROXIES = trusted
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)

    assert client_ip(request) == expected


@pytest.fixture
def password_reset(settings):
    settings.WAGTAIL_PASSWORD_RESET_ENABLED = True
    return reverse("wagtailadmin_password_reset")


def _reset(client, url, email="redaktor@example.no", ip=CLIENT):
    return client.post(url, {"email": email}, REMOTE_ADDR=ip)


def test_password_reset_is_throttled_per_address(client, editor, password_reset, settings):
    for n in range(settings.PASSWORD_RESET_LIMIT):
        assert _reset(client, password_reset, ip=f"198.51.100.{n}").status_code == 302
    assert len(mail.outbox) == settings.PASSWORD_RESET_LIMIT

    throttled = _reset(client, password_reset, ip="192.0.2.99")

    assert throttled.status_code == 429
    assert "For mange forespørsler om nytt passord" in visible_text(throttled.content.decode())
    assert 0 < int(throttled["Retry-After"]) <= settings.PASSWORD_RESET_WINDOW
    assert len(mail.outbox) == settings.PASSWORD_RESET_LIMIT


def test_password_reset_is_throttled_per_client(client, editor, password_reset, settings):
    for n in range(settings.PASSWORD_RESET_LIMIT):
        assert _reset(client, password_reset, email=f"ukjent{n}@example.no").status_code == 302

    assert _reset(client, password_reset).status_code == 429
    assert not mail.outbox
    assert _reset(client, password_reset, ip="192.0.2.99").status_code == 302
    assert len(mail.outbox) == 1


class WhenAnswered:
    """Outermost middleware: what had happened when the response left the application, which is
    when a WSGI server starts sending it (and only later calls its close())."""

    seen = []

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with CaptureQueriesContext(connection) as queries:
            response = self.get_response(request)
        looked_up = any(User._meta.db_table in query["sql"] for query in queries)
        self.seen.append({"mails": len(mail.outbox), "accounts_looked_up": looked_up})
        return response


@pytest.fixture
def when_answered(settings):
    settings.MIDDLEWARE = [f"{__name__}.WhenAnswered", *settings.MIDDLEWARE]
    WhenAnswered.seen = []
    return WhenAnswered.seen


@pytest.mark.parametrize(
    ("email", "mails"), [("redaktor@example.no", 1), ("finnes-ikke@example.no", 0)]
)
def test_password_reset_answers_before_it_looks_the_address_up(
    client, editor, password_reset, when_answered, email, mails
):
    """Known and unknown addresses get the same answer after the same work, so its timing tells
    nothing: the accounts are looked up and the mail is sent after the response."""
    response = _reset(client, password_reset, email=email)

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_password_reset_done")
    assert when_answered == [{"mails": 0, "accounts_looked_up": False}]
    assert len(mail.outbox) == mails


def test_a_failure_after_the_answer_is_logged_and_the_answer_stands(
    client, editor, password_reset, monkeypatch, caplog
):
    def lookup_fails(form, email):
        raise OperationalError("the database went away")

    monkeypatch.setattr(PasswordResetForm, "get_users", lookup_fails)

    response = _reset(client, password_reset)

    assert response.status_code == 302
    assert "Password reset e-mail could not be sent" in caplog.text


def test_password_reset_form_still_shows(db, client, password_reset):
    assert client.get(password_reset).status_code == 200


def test_a_password_needs_twelve_characters(editor):
    with pytest.raises(ValidationError) as short:
        validate_password("Fjellvann-2", editor)
    assert [e.code for e in short.value.error_list] == ["password_too_short"]

    validate_password("Fjellvann-27", editor)


def test_a_session_lasts_a_working_day(client, editor, settings):
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    _login(client, "redaktor", PASSWORD)

    assert 8 * 60 * 60 - 60 <= client.session.get_expiry_age() <= 8 * 60 * 60


def test_remember_me_keeps_the_cookie_for_a_working_day_only(client, editor):
    response = client.post(
        LOGIN,
        {"username": "redaktor", "password": PASSWORD, "remember": "on"},
        REMOTE_ADDR=CLIENT,
    )

    assert response.cookies["sessionid"]["max-age"] == 8 * 60 * 60


def test_an_active_editor_is_signed_out_a_working_day_after_signing_in(client, editor, settings):
    _login(client, "redaktor", PASSWORD)
    assert client.get("/admin/").status_code == 200

    session = client.session
    session[LOGIN_STARTED_KEY] = time.time() - settings.SESSION_COOKIE_AGE - 1
    session.save()
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)
    assert not _signed_in(client)
