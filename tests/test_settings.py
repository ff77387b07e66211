"""Configuration comes from the environment, and production refuses to start insecurely."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PRINT_SETTINGS = (
    "import django, json; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({'DEBUG': s.DEBUG, 'SSL': s.SECURE_SSL_REDIRECT, "
    "'LANG': s.LANGUAGE_CODE, 'TZ': s.TIME_ZONE, 'DB': str(s.DATABASES['default']['NAME']), "
    "'ENGINE': s.DATABASES['default']['ENGINE'], 'HOSTS': s.ALLOWED_HOSTS, "
    "'STORAGE': s.STORAGES['staticfiles']['BACKEND'], 'ADMIN_URL': s.WAGTAILADMIN_BASE_URL}))"
)


def run_with(env_overrides, module="innovasjon.settings.production"):
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {"SECRET_KEY", "DEBUG", "DATABASE_URL", "ALLOWED_HOSTS", "SECURE_SSL_REDIRECT"}
    }
    env.update({"DJANGO_SETTINGS_MODULE": module, **env_overrides})
    return subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_with({})
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_is_secure_by_default():
    result = run_with({"SECRET_KEY": "x" * 50})
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["DEBUG"] is False
    assert values["SSL"] is True
    assert values["STORAGE"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert values["LANG"] == "nb"
    assert values["TZ"] == "Europe/Oslo"


def test_sqlite_file_in_the_project_folder_is_the_default_database():
    values = json.loads(run_with({"SECRET_KEY": "x" * 50}).stdout)
    assert values["ENGINE"] == "django.db.backends.sqlite3"
    assert values["DB"] == str(ROOT / "db.sqlite3")


def test_environment_chooses_postgresql_hosts_and_plain_http():
    result = run_with(
        {
            "SECRET_KEY": "x" * 50,
            "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/innovasjon",
            "ALLOWED_HOSTS": "innovasjon.example.no, www.innovasjon.example.no",
            "SECURE_SSL_REDIRECT": "false",
            "WAGTAILADMIN_BASE_URL": "https://innovasjon.example.no",
        }
    )
    values = json.loads(result.stdout)
    assert values["ENGINE"] == "django.db.backends.postgresql"
    assert values["DB"] == "innovasjon"
    assert values["HOSTS"] == ["innovasjon.example.no", "www.innovasjon.example.no"]
    assert values["SSL"] is False
    assert values["ADMIN_URL"] == "https://innovasjon.example.no"


def test_a_malformed_boolean_is_a_clear_error():
    result = run_with({"SECRET_KEY": "x" * 50, "DEBUG": "kanskje"})
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr


def test_development_settings_need_no_environment():
    result = run_with({}, module="innovasjon.settings.dev")
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["DEBUG"] is True
    assert values["SSL"] is False
