"""Several instances share one state: the cache is Redis or the database, never a process's
memory. Two gunicorn servers on one PostgreSQL database and one Redis: what an editor publishes
through one is what the other serves on the next request."""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache

from tests.admin_forms import form_fields
from tests.browser_http import Browser
from tests.conftest import REDIS_URL, redis_reachable
from tests.production import REQUIRED, production_env, production_settings
from tests.servers import free_port, wait_for_http

ROOT = Path(__file__).resolve().parent.parent
PUBLIC_URL = REQUIRED["WAGTAILADMIN_BASE_URL"]
SHARED_HOST = "localhost"


def _production_cache(overrides):
    return production_settings(overrides).CACHES["default"]


def test_production_caches_in_redis_when_redis_url_is_set():
    config = _production_cache({"REDIS_URL": REDIS_URL, "CACHE_KEY_PREFIX": "innovasjon-prod"})
    assert config["BACKEND"] == "core.cache.FailOpenRedisCache"
    assert config["LOCATION"] == REDIS_URL
    assert config["KEY_PREFIX"] == "innovasjon-prod"


def test_production_caches_in_the_database_without_redis():
    config = _production_cache({})
    assert config["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    assert config["LOCATION"] == "innovasjon_cache"


def test_the_database_cache_table_exists_and_is_shared_through_the_database(db):
    # The test settings use the database cache: its table comes with the test database.
    cache.set("skalering-prøve", {"versjon": 2}, 60)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM innovasjon_cache")
        assert cursor.fetchone()[0] >= 1
    assert cache.get("skalering-prøve") == {"versjon": 2}


# The two-instance test.


needs_postgresql = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="two instances share a PostgreSQL server: set DATABASE_URL=postgres://… (CI does)",
)
needs_redis = pytest.mark.skipif(
    not redis_reachable(), reason="two instances share Redis: none answers on 127.0.0.1:6379"
)


@pytest.fixture
def shared_database(seeded_template, tmp_path):
    """A copy of the seeded site on the test run's PostgreSQL server, dropped afterwards."""
    with seeded_template.copy(tmp_path, PUBLIC_URL) as copy:
        yield copy


@pytest.fixture
def redis_prefix():
    """A key prefix of its own in the shared Redis, whose keys are removed afterwards."""
    import redis

    prefix = f"skalering-test-{uuid.uuid4().hex}"
    yield prefix
    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


@needs_postgresql
@needs_redis
def test_a_page_published_through_one_instance_is_served_fresh_by_the_other(
    shared_database, redis_prefix, tmp_path
):
    password = uuid.uuid4().hex
    env = production_env(
        {
            "DATABASE_URL": shared_database.url,
            "REDIS_URL": REDIS_URL,
            "CACHE_KEY_PREFIX": redis_prefix,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "MEDIA_ROOT": str(shared_database.media_root),
            "HOST": "127.0.0.1",
            # One worker each, so that the second request reaches the process the first warmed.
            "WEB_CONCURRENCY": "1",
            "GUNICORN_THREADS": "2",
            "DJANGO_SUPERUSER_USERNAME": "skalering",
            "DJANGO_SUPERUSER_EMAIL": "skalering@example.no",
            "DJANGO_SUPERUSER_PASSWORD": password,
        }
    )

    def manage(*args):
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    collect = subprocess.run(
        [ROOT / "bin" / "collectstatic"], env=env, capture_output=True, text=True, timeout=600
    )
    assert collect.returncode == 0, collect.stderr
    manage("createsuperuser", "--no-input")
    home_id = int(
        manage(
            "shell",
            "-c",
            "from wagtail.models import Site; "
            "print(Site.objects.get(is_default_site=True).root_page_id)",
        ).split()[-1]
    )

    servers = []
    try:
        bases = []
        for name in ("a", "b"):
            port = free_port()
            log_path = tmp_path / f"gunicorn-{name}.log"
            with log_path.open("w") as log:
                server = subprocess.Popen(
                    [str(ROOT / ".venv" / "bin" / "gunicorn"), "--config", "gunicorn.conf.py"],
                    cwd=ROOT,
                    env={**env, "PORT": str(port)},
                    stdout=log,
                    stderr=log,
                )
            servers.append(server)
            bases.append((f"http://127.0.0.1:{port}", server, log_path))
        for base, server, log_path in bases:
            wait_for_http(f"{base}/helse/", server, log_path)
        a, b = Browser(bases[0][0]), Browser(bases[1][0])

        # B has served the site, with Wagtail's site root paths in its cache, and stored the
        # home page in the shared page cache, where A's next request finds it.
        assert b.page("/").find("h1").get_text(strip=True)
        assert b.request("/", host=SHARED_HOST)[1]["X-Page-Cache"] == "miss"
        assert a.request("/", host=SHARED_HOST)[1]["X-Page-Cache"] == "hit"
        stimulab = b.page("/virkemidler/stimulab/")
        assert stimulab.select_one('link[rel="canonical"]')["href"] == (
            f"{PUBLIC_URL}/virkemidler/stimulab/"
        )
        import redis

        assert redis.Redis.from_url(REDIS_URL).keys(f"{redis_prefix}:*"), "B caches in Redis"

        # An editor logs in on A and publishes a new lead and a new address for the home page.
        login = a.page("/admin/login/")
        token = login.select_one("input[name=csrfmiddlewaretoken]")["value"]
        status, _, _ = a.request(
            "/admin/login/",
            {
                "username": "skalering",
                "password": password,
                "csrfmiddlewaretoken": token,
                "next": "/admin/",
            },
        )
        assert status == 302, "login on A"
        edit_path = f"/admin/pages/{home_id}/edit/"
        status, _, edit_html = a.get(edit_path)
        assert status == 200
        new_lead = f"Publisert gjennom instans A ({uuid.uuid4().hex[:8]})."
        data = form_fields(edit_html)
        data.update({"lead": new_lead, "slug": "forside-flyttet", "action-publish": "1"})
        status, _, body = a.request(edit_path, data)
        assert status == 302, BeautifulSoup(body, "html.parser").select(".error-message")

        # B's next requests show the new content and link under the home page's new path: the
        # publish on A purged the page cache that B reads.
        status, headers, body = b.request("/", host=SHARED_HOST)
        assert (status, headers["X-Page-Cache"]) == (200, "miss")
        home = BeautifulSoup(body, "html.parser")
        assert new_lead in home.get_text(" ")
        stimulab = b.page("/virkemidler/stimulab/")
        assert stimulab.select_one('link[rel="canonical"]')["href"] == (
            f"{PUBLIC_URL}/virkemidler/stimulab/"
        )
        assert stimulab.select_one('a[href="/virkemidler/"]'), "B links to the parent page"
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)

    # Every line either server wrote is JSON: gunicorn's own and one per request.
    log_b = [json.loads(line) for line in bases[1][2].read_text().splitlines()]
    served = [line["path"] for line in log_b if line["logger"] == "innovasjon.request"]
    assert served.count("/virkemidler/stimulab/") == 2
