"""`make serve` runs the Docker image's gunicorn command with production settings."""

import os
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

from bs4 import BeautifulSoup

from tests.servers import SECURITY_HEADERS

ROOT = Path(__file__).resolve().parent.parent
# What bin/collectstatic compares with the collected files, one file in each.
SOURCES = [
    "static/site/site.css",
    "build/fonts/inter.woff2",
    "node_modules/.installed",
    ".venv/bin/.installed",
    "innovasjon/settings/base.py",
]


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


def test_static_files_are_collected_again_only_after_a_source_changed(tmp_path):
    """bin/collectstatic, which `make serve` and the server tests run, skips a collect that would
    give the same files. Run in a tree of the test's own, whose Python only records the collect:
    the shared staticfiles/ serves other tests meanwhile."""
    for source in SOURCES:
        (tmp_path / source).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / source).write_text("")
    (tmp_path / "bin").mkdir()
    shutil.copy(ROOT / "bin" / "collectstatic", tmp_path / "bin" / "collectstatic")
    python = tmp_path / ".venv" / "bin" / "python"
    python.write_text(
        '#!/bin/sh\necho "$*" >> collects.log\n'
        "mkdir -p staticfiles && touch staticfiles/staticfiles.json\n"
    )
    python.chmod(0o755)
    an_hour_ago = time.time() - 3600
    for source in SOURCES:
        os.utime(tmp_path / source, (an_hour_ago, an_hour_ago))

    def collects():
        subprocess.run([tmp_path / "bin" / "collectstatic"], check=True, timeout=60)
        return (tmp_path / "collects.log").read_text().splitlines()

    assert collects() == ["manage.py collectstatic --no-input --verbosity 0"]
    assert len(collects()) == 1, "nothing changed: no second collect"
    os.utime(tmp_path / "static" / "site" / "site.css")
    assert len(collects()) == 2, "a source changed: collected again"
