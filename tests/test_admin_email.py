"""Outgoing e-mail comes from the environment, and the approval workflow uses it."""

import os

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from core.checks import check_email
from innovasjon.settings.mail import parse_email_url
from pages.models import ContentPage
from tests.admin_forms import edit_form_data
from tests.production import load_settings
from tests.test_settings import DEPLOY

EMAIL_SETTINGS = (
    "EMAIL_BACKEND",
    "EMAIL_HOST",
    "EMAIL_PORT",
    "EMAIL_HOST_USER",
    "EMAIL_HOST_PASSWORD",
    "EMAIL_USE_TLS",
    "EMAIL_USE_SSL",
    "DEFAULT_FROM_EMAIL",
    "SERVER_EMAIL",
    "WAGTAILADMIN_NOTIFICATION_FROM_EMAIL",
    "WAGTAIL_PASSWORD_RESET_ENABLED",
)
EMAIL_ENV = {"EMAIL_URL", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_USE_TLS", "EMAIL_USE_SSL"}


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "smtp://post%40innovasjon.example.no:hemmelig%2Fpass@smtp.example.no:587?tls=true",
            {
                "EMAIL_HOST": "smtp.example.no",
                "EMAIL_PORT": 587,
                "EMAIL_HOST_USER": "post@innovasjon.example.no",
                "EMAIL_HOST_PASSWORD": "hemmelig/pass",
                "EMAIL_USE_TLS": True,
                "EMAIL_USE_SSL": False,
            },
        ),
        (
            "smtps://bruker:pass@smtp.example.no",
            {"EMAIL_PORT": 465, "EMAIL_USE_TLS": False, "EMAIL_USE_SSL": True},
        ),
        (
            "smtp://smtp.example.no:2525?ssl=yes",
            {"EMAIL_PORT": 2525, "EMAIL_USE_SSL": True, "EMAIL_HOST_USER": ""},
        ),
        (
            "smtp://relay.internal",
            {"EMAIL_PORT": 25, "EMAIL_USE_TLS": False, "EMAIL_USE_SSL": False},
        ),
        ("smtp://relay.internal?tls=1", {"EMAIL_PORT": 587, "EMAIL_USE_TLS": True}),
    ],
)
def test_email_url_gives_djangos_settings(url, expected):
    parsed = parse_email_url(url)

    assert parsed["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert {name: parsed[name] for name in expected} == expected


@pytest.mark.parametrize(
    "url",
    [
        "http://smtp.example.no",
        "smtp://",
        "smtp://bruker:hemmelig@smtp.example.no:port",
        "smtps://bruker:hemmelig@smtp.example.no?tls=true",
        "smtp://bruker:hemmelig@smtp.example.no?tls=kanskje",
    ],
)
def test_a_bad_email_url_is_refused_without_showing_the_password(url):
    with pytest.raises(ImproperlyConfigured) as refused:
        parse_email_url(url)

    assert "EMAIL_URL" in str(refused.value)
    assert "hemmelig" not in str(refused.value)


def _email_settings(env, module="innovasjon.settings.production"):
    loaded = load_settings(module, {**os.environ, **DEPLOY, **env})
    return {name: getattr(loaded, name) for name in EMAIL_SETTINGS}


@pytest.fixture(autouse=True)
def _no_email_from_the_outer_environment(monkeypatch):
    for name in EMAIL_ENV:
        monkeypatch.delenv(name, raising=False)


def test_production_reads_the_mail_server_and_sender_from_the_environment():
    configured = _email_settings(
        {
            "EMAIL_URL": "smtp://post:hemmelig@smtp.example.no:587?tls=true",
            "DEFAULT_FROM_EMAIL": "Innovasjon <post@innovasjon.example.no>",
        }
    )

    assert configured["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (configured["EMAIL_HOST"], configured["EMAIL_PORT"]) == ("smtp.example.no", 587)
    assert configured["EMAIL_USE_TLS"] is True
    assert configured["SERVER_EMAIL"] == "Innovasjon <post@innovasjon.example.no>"
    assert configured["WAGTAILADMIN_NOTIFICATION_FROM_EMAIL"] == configured["DEFAULT_FROM_EMAIL"]
    assert configured["WAGTAIL_PASSWORD_RESET_ENABLED"] is True


def test_production_without_a_mail_server_sends_nothing_and_offers_no_password_reset():
    unconfigured = _email_settings({"EMAIL_URL": ""})

    assert unconfigured["EMAIL_BACKEND"] == "django.core.mail.backends.dummy.EmailBackend"
    assert unconfigured["WAGTAIL_PASSWORD_RESET_ENABLED"] is False
    assert unconfigured["DEFAULT_FROM_EMAIL"] == "noreply@innovasjon.example.no"


def test_development_prints_mail_to_the_console():
    development = _email_settings({"EMAIL_URL": ""}, module="innovasjon.settings.dev")

    assert development["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    assert development["WAGTAIL_PASSWORD_RESET_ENABLED"] is True


def test_deploy_check_warns_when_no_mail_can_be_sent(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"

    assert [w.id for w in check_email(None)] == ["innovasjon.W010"]


@pytest.mark.parametrize(
    ("host", "tls", "expected"),
    [
        ("smtp.example.no", False, ["innovasjon.W011"]),
        ("smtp.example.no", True, []),
        ("127.0.0.1", False, []),
    ],
)
def test_deploy_check_warns_of_a_mail_password_sent_in_clear(settings, host, tls, expected):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_HOST_PASSWORD = host, "hemmelig"
    settings.EMAIL_USE_TLS, settings.EMAIL_USE_SSL = tls, False

    assert [w.id for w in check_email(None)] == expected


def _member(username, group):
    user = User.objects.create_user(
        username=username, email=f"{username}@example.no", password="x", first_name=username
    )
    user.groups.add(Group.objects.get(name=group))
    return user


def test_submitting_for_approval_emails_the_approvers(
    client, seeded, settings, django_capture_on_commit_callbacks
):
    editor = _member("redaktor", "Redaktører")
    approvers = [_member("godkjenner1", "Godkjennere"), _member("godkjenner2", "Godkjennere")]
    page = ContentPage.objects.get(slug="handlingsrom")
    client.force_login(editor)

    data = edit_form_data(client, page, {"title": "Handlingsrom – til godkjenning"})
    data["action-submit"] = "1"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)

    assert response.status_code == 302
    assert sorted(address for message in mail.outbox for address in message.to) == sorted(
        approver.email for approver in approvers
    )
    for message in mail.outbox:
        assert "Handlingsrom – til godkjenning" in message.subject
        assert message.from_email == settings.DEFAULT_FROM_EMAIL
