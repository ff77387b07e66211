"""PostgreSQL never holds a request for long: a connect timeout, a statement timeout, and a
client-side bound on every wait for a server that has stopped answering. SQLite gets none."""

import copy
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import OperationalError, connection

from core.postgresql.base import DatabaseWrapper

ROOT = Path(__file__).resolve().parent.parent
PRINT_DATABASE = (
    "import django, json; django.setup(); from django.conf import settings; "
    "print(json.dumps(settings.DATABASES['default'], default=str))"
)


def database_settings(**env_overrides):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DATABASE_")}
    env.update({"DJANGO_SETTINGS_MODULE": "innovasjon.settings.dev", **env_overrides})
    result = subprocess.run(
        [sys.executable, "-c", PRINT_DATABASE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_postgresql_gets_a_connect_timeout_and_a_statement_timeout_by_default():
    database = database_settings(DATABASE_URL="postgres://postgres@db.example.no:5432/innovasjon")
    assert database["ENGINE"] == "core.postgresql"
    assert database["OPTIONS"]["connect_timeout"] == 3
    assert database["OPTIONS"]["options"] == "-c statement_timeout=5000"
    assert database["OPTIONS"]["client_wait_timeout"] == 6


def test_the_database_timeouts_come_from_the_environment():
    database = database_settings(
        DATABASE_URL="postgres://postgres@db.example.no:5432/innovasjon",
        DATABASE_CONNECT_TIMEOUT="5",
        DATABASE_STATEMENT_TIMEOUT_MS="20000",
    )
    assert database["OPTIONS"]["connect_timeout"] == 5
    assert database["OPTIONS"]["options"] == "-c statement_timeout=20000"
    assert database["OPTIONS"]["client_wait_timeout"] == 21


def test_sqlite_gets_no_postgresql_options():
    database = database_settings(DATABASE_URL="sqlite:////tmp/innovasjon-timeouts.sqlite3")
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    options = database.get("OPTIONS", {})
    assert not {"connect_timeout", "options", "client_wait_timeout"} & options.keys()


def test_the_client_side_bound_is_never_passed_to_libpq():
    wrapper = DatabaseWrapper(
        {
            **copy.deepcopy(connection.settings_dict),
            "ENGINE": "core.postgresql",
            "NAME": "innovasjon",
            "OPTIONS": {"connect_timeout": 3, "client_wait_timeout": 6},
        }
    )
    params = wrapper.get_connection_params()
    assert params["connect_timeout"] == 3
    assert "client_wait_timeout" not in params


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_a_server_that_stops_answering_gives_an_error_and_a_closed_connection():
    settings = copy.deepcopy(connection.settings_dict)
    # The server-side statement timeout off, so only the client-side bound can end the wait,
    # as when the server is frozen.
    settings["OPTIONS"] = {
        **settings["OPTIONS"],
        "options": "-c statement_timeout=0",
        "client_wait_timeout": 0.5,
    }
    wrapper = DatabaseWrapper(settings)
    try:
        with pytest.raises(OperationalError, match=r"did not answer within 0\.5 s"):
            wrapper.cursor().execute("SELECT pg_sleep(5)")
        assert wrapper.connection.closed
        assert not wrapper.is_usable()
    finally:
        wrapper.close()
