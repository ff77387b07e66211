"""`make serve` runs the Docker image's gunicorn command with production settings."""

import os
import subprocess
import urllib.request
from pathlib import Path

from bs4 import BeautifulSoup

from tests.production import production_env
from tests.servers import SECURITY_HEADERS

ROOT = Path(__file__).resolve().parent.parent


def _get(url):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, dict(response.headers), response.read()


def test_gunicorn_serves_a_page_and_a_static_file(production_site):
    base = production_site.base
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
    assert "gunicorn" in production_site.log.read_text().lower()


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
