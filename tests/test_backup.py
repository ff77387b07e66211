"""`make backup` and `make restore` (bin/backup, bin/restore): a backup of the seeded site,
restored into a fresh database and an empty media folder, serves the same pages and files."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.servers import new_database

ROOT = Path(__file__).resolve().parent.parent
CONFIGURED = os.environ.get("DATABASE_URL", "")
needs_postgres = pytest.mark.skipif(
    not CONFIGURED.startswith("postgres"),
    reason="backups use pg_dump: run with DATABASE_URL=postgres://… to test them",
)

# Fetches every public page and every media file the pages use, through Django's test client,
# and prints what a visitor gets: status, title, main text, and a hash of each file.
SNAPSHOT = """
import hashlib, json, re
import django
django.setup()
from bs4 import BeautifulSoup
from django.test import Client
from wagtail.models import Page

client = Client()
pages, files = {}, {}
for page in Page.objects.live().public().filter(depth__gt=1).order_by("path"):
    response = client.get(page.url)
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    main = soup.find("main")
    pages[page.url] = [
        response.status_code,
        soup.title.get_text(strip=True) if soup.title else None,
        " ".join(main.get_text(" ").split()) if main else None,
    ]
    for src in re.findall(r'(?:src|href)="(/media/[^"]+)"', response.content.decode()):
        if src not in files:
            media = client.get(src)
            body = b"".join(media.streaming_content) if media.streaming else media.content
            files[src] = [media.status_code, hashlib.sha256(body).hexdigest()]
print(json.dumps({"pages": pages, "files": files}))
"""


def _env(database_url, media_root, **extra):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "innovasjon.settings.production",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media_root),
        "SECRET_KEY": "backup-test-" + "x" * 40,
        "ALLOWED_HOSTS": "testserver,127.0.0.1",
        "WAGTAILADMIN_BASE_URL": "http://127.0.0.1:8000",
        "ALLOW_LOCAL_BASE_URL": "true",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        **extra,
    }


def _run(command, env, check=True):
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if check:
        assert result.returncode == 0, f"{command}: {result.stdout}\n{result.stderr}"
    return result


def _snapshot(env):
    return json.loads(_run([sys.executable, "-c", SNAPSHOT], env).stdout)


@pytest.fixture(scope="module")
def round_trip(seeded_template, tmp_path_factory):
    """A copy of the seeded site, its backup, and that backup restored into a new database."""
    work = tmp_path_factory.mktemp("backup")
    with (
        seeded_template.copy(work / "src", "http://127.0.0.1:8000") as source,
        new_database("backup_dst") as restored_url,
    ):
        src = _env(source.url, source.media_root, BACKUP_DIR=str(work / "backups"))
        dst = _env(restored_url, work / "dst-media")
        # The pages are rendered with production settings, whose static files need a manifest,
        # as every deploy makes (a clean checkout has none yet).
        _run([str(ROOT / "bin" / "collectstatic")], src)
        _run([str(ROOT / "bin" / "backup")], src)
        (backup,) = (work / "backups").iterdir()
        _run([str(ROOT / "bin" / "restore"), str(backup)], dst)
        yield {"src": src, "dst": dst, "backup": backup}


@needs_postgres
def test_restored_backup_serves_the_same_pages_and_files(round_trip):
    source = _snapshot(round_trip["src"])
    restored = _snapshot(round_trip["dst"])

    assert len(source["pages"]) >= 10
    assert {status for status, _, _ in source["pages"].values()} == {200}
    assert source["files"], "the seeded pages show uploaded images"
    assert {status for status, _ in source["files"].values()} == {200}
    assert restored == source


@needs_postgres
def test_backup_is_a_custom_format_dump_and_a_media_tar(round_trip):
    backup = round_trip["backup"]

    assert sorted(path.name for path in backup.iterdir()) == ["SHA256SUMS", "db.dump", "media.tar"]
    assert (backup / "db.dump").read_bytes().startswith(b"PGDMP")
    listing = _run(["tar", "--list", "--file", str(backup / "media.tar")], round_trip["src"])
    assert "./original_images/" in listing.stdout.splitlines()


@needs_postgres
def test_restore_refuses_a_database_that_has_tables(round_trip):
    again = _run(
        [str(ROOT / "bin" / "restore"), str(round_trip["backup"])], round_trip["dst"], check=False
    )

    assert again.returncode != 0
    assert "already has" in again.stderr


@needs_postgres
def test_restore_refuses_a_damaged_backup(round_trip, tmp_path):
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    for path in round_trip["backup"].iterdir():
        (damaged / path.name).write_bytes(path.read_bytes())
    with (damaged / "media.tar").open("ab") as tar:
        tar.write(b"\0")

    result = _run([str(ROOT / "bin" / "restore"), str(damaged)], round_trip["dst"], check=False)

    assert result.returncode != 0
    assert "damaged" in result.stderr


def test_backup_refuses_a_database_that_is_not_postgresql(tmp_path):
    env = _env(f"sqlite:///{tmp_path / 'db.sqlite3'}", tmp_path, BACKUP_DIR=str(tmp_path / "b"))

    result = _run([str(ROOT / "bin" / "backup")], env, check=False)

    assert result.returncode != 0
    assert "only PostgreSQL" in result.stderr
    assert not (tmp_path / "b").exists() or not any((tmp_path / "b").iterdir())
