"""Configuration comes from the environment, and production refuses to start insecurely."""

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from tests.production import load_settings

ROOT = Path(__file__).resolve().parent.parent

CONFIGURATION = {
    "SECRET_KEY",
    "DEBUG",
    "DATABASE_URL",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "WAGTAILADMIN_BASE_URL",
    "ALLOW_LOCAL_BASE_URL",
    "EMAIL_URL",
    "EMAIL_HOST",
}
# The deploy configuration documented in README.md and docs/deploy.md.
DEPLOY = {
    "SECRET_KEY": "deploy-test-key-" + "k7Qp2xZr9" * 6,
    "DATABASE_URL": "postgres://innovasjon:hemmelig@db.example.no:5432/innovasjon",
    "ALLOWED_HOSTS": "innovasjon.example.no",
    "WAGTAILADMIN_BASE_URL": "https://innovasjon.example.no",
    "CSRF_TRUSTED_ORIGINS": "https://innovasjon.example.no",
    "EMAIL_URL": "smtps://innovasjon:hemmelig@smtp.example.no",
}


@dataclass
class Loaded:
    """What a process starting with these settings would get: the values, or the refusal."""

    values: dict | None = None
    error: str = ""


def _values(s):
    return {
        "DEBUG": s.DEBUG,
        "SSL": s.SECURE_SSL_REDIRECT,
        "LANG": s.LANGUAGE_CODE,
        "TZ": s.TIME_ZONE,
        "DB": str(s.DATABASES["default"]["NAME"]),
        "ENGINE": s.DATABASES["default"]["ENGINE"],
        "HOSTS": s.ALLOWED_HOSTS,
        "STORAGE": s.STORAGES["staticfiles"]["BACKEND"],
        "ADMIN_URL": s.WAGTAILADMIN_BASE_URL,
        "COOKIES_SECURE": [s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE],
        "HSTS": [s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD],
    }


def _environment(env_overrides):
    env = {key: value for key, value in os.environ.items() if key not in CONFIGURATION}
    return {**env, **env_overrides}


def run_with(env_overrides, module="innovasjon.settings.production"):
    """The settings module loaded in this process under the environment (tests/production.py)."""
    try:
        return Loaded(values=_values(load_settings(module, _environment(env_overrides))))
    except ImproperlyConfigured as refusal:
        return Loaded(error=str(refusal))


def run_command(env_overrides, command):
    """A manage.py command in a fresh process: the system checks need Django set up anew."""
    env = {
        **_environment(env_overrides),
        "DJANGO_SETTINGS_MODULE": "innovasjon.settings.production",
    }
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


def test_production_refuses_to_start_without_a_secret_key():
    result = run_with({**DEPLOY, "SECRET_KEY": ""})
    assert result.values is None
    assert "SECRET_KEY is not set" in result.error


def test_production_refuses_to_start_with_debug_on():
    result = run_with({**DEPLOY, "DEBUG": "true"})
    assert result.values is None
    assert "DEBUG is on. Production settings never run with DEBUG=true" in result.error


def test_production_refuses_to_start_without_a_database_url():
    environment = {key: value for key, value in DEPLOY.items() if key != "DATABASE_URL"}
    result = run_with(environment)
    assert result.values is None
    assert "DATABASE_URL is not set" in result.error
    assert "never fall back to a SQLite file" in result.error


@pytest.mark.parametrize(
    ("base_url", "reason"),
    [
        (None, "it is not set"),
        ("innovasjon.example.no", "is not an absolute http(s) URL"),
        ("http://innovasjon.example.no", "is not https"),
        ("https://127.0.0.1:8000", "points at this machine"),
        ("https://127.4.5.6", "points at this machine"),
        ("https://localhost", "points at this machine"),
        ("https://[::1]:8000", "points at this machine"),
        ("https://0.0.0.0", "points at this machine"),
    ],
)
def test_production_refuses_to_start_without_a_public_base_url(base_url, reason):
    environment = {key: value for key, value in DEPLOY.items() if key != "WAGTAILADMIN_BASE_URL"}
    if base_url is not None:
        environment["WAGTAILADMIN_BASE_URL"] = base_url
    result = run_with(environment)
    assert result.values is None
    assert "WAGTAILADMIN_BASE_URL is not usable" in result.error
    assert reason in result.error


def test_an_explicit_local_override_allows_plain_http_on_this_machine():
    result = run_with(
        {
            **DEPLOY,
            "WAGTAILADMIN_BASE_URL": "http://127.0.0.1:8000",
            "ALLOW_LOCAL_BASE_URL": "true",
        }
    )
    assert result.values, result.error
    assert result.values["ADMIN_URL"] == "http://127.0.0.1:8000"


def test_production_is_secure_by_default():
    result = run_with(DEPLOY)
    assert result.values, result.error
    values = result.values
    assert values["DEBUG"] is False
    assert values["SSL"] is True
    assert values["COOKIES_SECURE"] == [True, True]
    assert values["HSTS"] == [31_536_000, True, False]
    assert values["STORAGE"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert values["LANG"] == "nb"
    assert values["TZ"] == "Europe/Oslo"


def test_cookies_stay_secure_when_the_load_balancer_does_the_redirect():
    result = run_with({**DEPLOY, "SECURE_SSL_REDIRECT": "false"})
    assert result.values, result.error
    values = result.values
    assert values["SSL"] is False
    assert values["COOKIES_SECURE"] == [True, True]


def test_hsts_can_be_lowered_from_the_environment():
    result = run_with(
        {**DEPLOY, "SECURE_HSTS_SECONDS": "300", "SECURE_HSTS_INCLUDE_SUBDOMAINS": "false"}
    )
    assert result.values, result.error
    assert result.values["HSTS"] == [300, False, False]


def test_check_deploy_is_clean_for_the_documented_deploy_configuration():
    result = run_command(
        DEPLOY, [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"]
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_warns_about_a_local_base_url_and_any_host():
    result = run_command(
        {
            **DEPLOY,
            "WAGTAILADMIN_BASE_URL": "http://127.0.0.1:8000",
            "ALLOW_LOCAL_BASE_URL": "true",
            "ALLOWED_HOSTS": "*",
            "CSRF_TRUSTED_ORIGINS": "http://innovasjon.example.no",
        },
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
    )
    assert result.returncode != 0
    for check_id in ("innovasjon.W001", "innovasjon.W002", "innovasjon.W003"):
        assert check_id in result.stderr


def test_development_settings_default_to_the_sqlite_file_in_the_project_folder():
    values = run_with({}, module="innovasjon.settings.dev").values
    assert values["ENGINE"] == "django.db.backends.sqlite3"
    assert values["DB"] == str(ROOT / "db.sqlite3")


def test_environment_chooses_postgresql_hosts_and_plain_http():
    result = run_with(
        {
            **DEPLOY,
            "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/innovasjon",
            "ALLOWED_HOSTS": "innovasjon.example.no, www.innovasjon.example.no",
            "SECURE_SSL_REDIRECT": "false",
        }
    )
    values = result.values
    assert values["ENGINE"] in {"django.db.backends.postgresql", "core.postgresql"}
    assert values["DB"] == "innovasjon"
    assert values["HOSTS"] == ["innovasjon.example.no", "www.innovasjon.example.no"]
    assert values["SSL"] is False
    assert values["ADMIN_URL"] == "https://innovasjon.example.no"


def test_a_malformed_boolean_is_a_clear_error():
    result = run_with({**DEPLOY, "DEBUG": "kanskje"})
    assert result.values is None
    assert "DEBUG must be true or false" in result.error


def test_development_settings_need_no_environment():
    result = run_with({}, module="innovasjon.settings.dev")
    assert result.values, result.error
    values = result.values
    assert values["DEBUG"] is True
    assert values["SSL"] is False


@pytest.mark.parametrize(
    ("overrides", "refusal"),
    [
        ({"DEBUG": "true"}, "DEBUG is on. Production settings never run with DEBUG=true"),
        ({"SECRET_KEY": ""}, "SECRET_KEY is not set"),
        ({"WAGTAILADMIN_BASE_URL": "http://127.0.0.1:8000"}, "WAGTAILADMIN_BASE_URL is not usable"),
    ],
)
@pytest.mark.parametrize("deploy", [True, False])
def test_check_shows_the_refusal_of_a_configuration_production_refuses(overrides, refusal, deploy):
    command = [sys.executable, "manage.py", "check", *(["--deploy"] if deploy else [])]
    result = run_command({**DEPLOY, **overrides}, command)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert refusal in result.stderr
    # Not the checks run on Django's defaults instead of the refused settings.
    assert "AttributeError" not in output
    assert "innovasjon.E00" not in output


@pytest.mark.parametrize(
    "key",
    [
        "changeme",
        "x" * 49,
        "abcd" * 20,
        "django-insecure-" + "k7Qp2xZr9" * 6,
    ],
)
def test_production_refuses_to_start_with_a_weak_secret_key(key):
    result = run_with({**DEPLOY, "SECRET_KEY": key})
    assert result.values is None
    assert "SECRET_KEY is too weak" in result.error
    assert key not in result.error


def test_production_accepts_a_key_of_fifty_characters_with_five_distinct():
    result = run_with({**DEPLOY, "SECRET_KEY": "abcde" * 10})
    assert result.values, result.error
