"""`make serve` runs the Docker image's gunicorn command with production settings."""

import os
import subprocess
import time
import urllib.request
from pathlib import Path
from urllib.error import URLError

import dj_database_url
import pytest
from bs4 import BeautifulSoup

from tests.production import production_env
from tests.servers import SECURITY_HEADERS, free_port

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def database_url(tmp_path):
    """A database of its own: a SQLite file, or a fresh database on the same PostgreSQL server."""
    configured = os.environ.get("DATABASE_URL", "")
    if not configured.startswith("postgres"):
        yield f"sqlite:///{tmp_path / 'serve.sqlite3'}"
        return
    import psycopg

    config = dj_database_url.parse(configured)
    name = f"{config['NAME']}_serve_test"
    params = {
        "host": config["HOST"],
        "port": config["PORT"] or 5432,
        "user": config["USER"],
        "password": config["PASSWORD"] or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    with psycopg.connect(**params) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    yield configured.rsplit("/", 1)[0] + f"/{name}"
    with psycopg.connect(**params) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _get(url):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, dict(response.headers), response.read()


def test_gunicorn_serves_a_page_and_a_static_file(database_url, tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "PORT": str(port),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "SECRET_KEY": "serve-test-" + "x" * 40,
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [str(ROOT / "bin" / "serve-local")], cwd=ROOT, env=env, stdout=log, stderr=log
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 240
        while True:
            try:
                if _get(f"{base}/helse/")[0] == 200:
                    break
            except (URLError, ConnectionError, OSError):
                pass
            assert server.poll() is None, (tmp_path / "serve.log").read_text()
            assert time.monotonic() < deadline, "gunicorn did not answer in time"
            time.sleep(0.5)

        status, headers, body = _get(f"{base}/virkemidler/stimulab/")
        assert status == 200
        page_security = {name: headers.get(name) for name in SECURITY_HEADERS}
        assert "script-src 'self'" in page_security["Content-Security-Policy"]
        assert "camera=()" in page_security["Permissions-Policy"]
        soup = BeautifulSoup(body.decode(), "html.parser")
        assert soup.find("h1").get_text(strip=True) == "Stimulab"
        href = soup.select_one('link[href*="/static/site/site."]')["href"]
        assert href != "/static/site/site.css", "manifest storage hashes file names"

        status, headers, body = _get(f"{base}{href}")
        assert status == 200
        assert headers["Content-Type"].startswith("text/css")
        assert headers.get("Content-Encoding") == "gzip"
        assert "immutable" in headers.get("Cache-Control", "")
        # Whitenoise, the collected files and nginx in front: the same headers as the page.
        assert {name: headers.get(name) for name in SECURITY_HEADERS} == page_security
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    assert "gunicorn" in (tmp_path / "serve.log").read_text().lower()


def test_static_files_are_collected_again_only_after_a_source_changed():
    """bin/collectstatic, which `make serve` and the server tests run, skips a collect that would
    give the same files."""
    manifest = ROOT / "staticfiles" / "staticfiles.json"
    source = ROOT / "static" / "site" / "site.css"
    env = production_env({"DATABASE_URL": "sqlite:///:memory:"})

    def collect():
        subprocess.run([ROOT / "bin" / "collectstatic"], env=env, check=True, timeout=600)
        return manifest.stat().st_mtime_ns

    os.utime(source)
    collected = collect()
    assert collected > source.stat().st_mtime_ns
    assert collect() == collected
