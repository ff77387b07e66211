"""Ports, servers and databases for the tests that start processes of their own.

The seeded site is built once per session (`SeededTemplate`: migrate, cache tables and the seed
under production settings) and copied for each server that needs a database of its own: a file
copy on SQLite, `CREATE DATABASE … TEMPLATE` on PostgreSQL, pg_dump into a cluster of a test's
own. A copy gets the site address its server will be reached on, as the seed would have given it.
"""

import contextlib
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from urllib.error import URLError
from urllib.parse import urlsplit

import dj_database_url

from tests.production import production_env

ROOT = Path(__file__).resolve().parent.parent
STARTUP_SECONDS = 120
# What Django puts on every answer, and nginx on its own, over plain HTTP (HSTS only over
# HTTPS: tests/test_security_headers.py).
SECURITY_HEADERS = (
    "Content-Security-Policy",
    "Permissions-Policy",
    "Cross-Origin-Opener-Policy",
    "Referrer-Policy",
    "X-Content-Type-Options",
    "X-Frame-Options",
)
# The database the run was started with; empty for SQLite.
CONFIGURED_DATABASE = os.environ.get("DATABASE_URL", "")
ON_POSTGRESQL = CONFIGURED_DATABASE.startswith("postgres")
# pytest-xdist's worker ("gw0", "gw1", …), or "" without it: what workers must not share.
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
# The tables that hold caches and counters: a copy starts with them empty, as a new deploy does.
CACHE_TABLES = ("innovasjon_cache", "innovasjon_counters")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, host="127.0.0.1", seconds=STARTUP_SECONDS, process=None, log=None):
    """Returns once something accepts connections on the port; fails after `seconds`, or as
    soon as `process` has exited (with its log in the message)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with socket.create_connection((host, port), timeout=1):
                return
        except OSError:
            _still_starting(process, log, deadline, f"nothing answers on {host}:{port}")
            time.sleep(0.05)


def wait_for_http(url, process=None, log=None, seconds=STARTUP_SECONDS):
    """Returns once `url` answers 200; fails after `seconds`, or when `process` has exited."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (URLError, OSError):
            pass
        _still_starting(process, log, deadline, f"{url} did not answer 200")
        time.sleep(0.1)


def _still_starting(process, log, deadline, message):
    output = Path(log).read_text() if log else ""
    if process is not None and process.poll() is not None:
        raise AssertionError(f"the server exited ({process.returncode}): {output}")
    if time.monotonic() > deadline:
        raise TimeoutError(f"{message} after waiting: {output}")


def stop(process, seconds=30):
    """SIGTERM, then SIGKILL if it has not stopped within `seconds`."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def runtime_dir(prefix="innovasjon-test-"):
    """Under /tmp and world-traversable: started as root, nginx's workers run as www-data."""
    path = Path(tempfile.mkdtemp(prefix=prefix))
    path.chmod(0o755)
    return path


# PostgreSQL


def _server_params(url):
    config = dj_database_url.parse(url)
    return {
        "host": config["HOST"],
        "port": config["PORT"] or 5432,
        "user": config["USER"],
        "password": config["PASSWORD"] or None,
    }


def postgres(url=None, dbname="postgres"):
    """An autocommit connection to `dbname` on the server of `url` (the run's by default)."""
    import psycopg

    return psycopg.connect(
        **_server_params(url or CONFIGURED_DATABASE), dbname=dbname, autocommit=True
    )


def database_url(name, url=None):
    """The URL of database `name` on the server of `url` (the run's by default)."""
    return (url or CONFIGURED_DATABASE).rsplit("/", 1)[0] + f"/{name}"


def create_database(name, template=None):
    with postgres() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        suffix = f' TEMPLATE "{template}"' if template else ""
        conn.execute(f'CREATE DATABASE "{name}"{suffix}')
    return database_url(name)


def drop_database(name):
    with postgres() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def new_database(label):
    """An empty database of its own on the run's PostgreSQL server, dropped afterwards."""
    name = f"{dj_database_url.parse(CONFIGURED_DATABASE)['NAME']}_{label}_{uuid.uuid4().hex[:8]}"
    try:
        yield create_database(name)
    finally:
        drop_database(name)


# The seeded site, once per session


@dataclass
class SeededCopy:
    """A database and media folder holding the seeded site, for one server or test."""

    url: str
    media_root: Path


class SeededTemplate:
    """The site as `make serve` seeds it, built once: copy it rather than seed again."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.media_root = self.folder / "media"
        if ON_POSTGRESQL:
            base = dj_database_url.parse(CONFIGURED_DATABASE)["NAME"]
            self.name = f"{base}_seeded_{WORKER or 'main'}_template"
            self.url = create_database(self.name)
        else:
            self.name = None
            self.url = f"sqlite:///{self.folder / 'seeded.sqlite3'}"
        env = production_env({"DATABASE_URL": self.url, "MEDIA_ROOT": str(self.media_root)})
        manage = [sys.executable, "manage.py"]
        for command in (
            [*manage, "migrate", "--no-input", "--verbosity", "0"],
            [*manage, "createcachetable"],
            [*manage, "load_seed_content"],
        ):
            result = subprocess.run(
                command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
            )
            assert result.returncode == 0, f"{command}: {result.stdout}\n{result.stderr}"

    @contextlib.contextmanager
    def copy(self, folder, base_url):
        """A copy of the seeded site whose default Site has the address of `base_url`; the
        database is dropped afterwards (the folder is the caller's)."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        media_root = folder / "media"
        shutil.copytree(self.media_root, media_root)
        if ON_POSTGRESQL:
            name = f"{self.name[: -len('_template')]}_{uuid.uuid4().hex[:8]}"
            url = create_database(name, template=self.name)
        else:
            name = None
            path = folder / "db.sqlite3"
            shutil.copyfile(self.folder / "seeded.sqlite3", path)
            url = f"sqlite:///{path}"
        try:
            set_site_address(url, base_url)
            yield SeededCopy(url=url, media_root=media_root)
        finally:
            if name:
                drop_database(name)

    def dump_into(self, url):
        """The seeded database restored into the empty database at `url` (another server)."""
        dump = subprocess.run(
            ["pg_dump", "--format=custom", "--no-owner", self.url],
            capture_output=True,
            check=True,
            timeout=300,
        )
        subprocess.run(
            ["pg_restore", "--no-owner", "--exit-on-error", "--dbname", url],
            input=dump.stdout,
            capture_output=True,
            check=True,
            timeout=300,
        )

    def close(self):
        if self.name:
            drop_database(self.name)
        shutil.rmtree(self.folder, ignore_errors=True)


def set_site_address(url, base_url):
    """What load_seed_content gives the default Site from WAGTAILADMIN_BASE_URL, and empty
    caches, as a freshly seeded database has."""
    parts = urlsplit(base_url)
    hostname = parts.hostname or "localhost"
    port = parts.port or (443 if parts.scheme == "https" else 80)
    statements = [
        ("UPDATE wagtailcore_site SET hostname = %s, port = %s WHERE is_default_site", True),
        *((f"DELETE FROM {table}", False) for table in CACHE_TABLES),
    ]
    if url.startswith("postgres"):
        with postgres(url, dbname=dj_database_url.parse(url)["NAME"]) as conn:
            for sql, with_address in statements:
                conn.execute(sql, (hostname, port) if with_address else None)
        return
    with contextlib.closing(sqlite3.connect(url.removeprefix("sqlite:///"))) as conn, conn:
        for sql, with_address in statements:
            conn.execute(sql.replace("%s", "?"), (hostname, port) if with_address else ())


@contextlib.contextmanager
def serve_local(template, workdir, ready_path="/helse/", **env):
    """`make serve` (bin/serve-local) on a copy of the seeded site in `workdir`, on a free port;
    `env` adds to or overrides the environment (PROXY=none: gunicorn alone). Yields the port,
    the base URL, the log and the media folder, and stops the stack afterwards."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with template.copy(workdir, base) as copy:
        environment = {
            **os.environ,
            "DATABASE_URL": copy.url,
            "MEDIA_ROOT": str(copy.media_root),
            "PORT": str(port),
            "SECRET_KEY": "serve-local-test-" + "x" * 40,
            **env,
        }
        environment.pop("DJANGO_SETTINGS_MODULE", None)
        log_path = Path(workdir) / "serve.log"
        with log_path.open("w") as log:
            server = subprocess.Popen(
                [str(ROOT / "bin" / "serve-local")],
                cwd=ROOT,
                env=environment,
                stdout=log,
                stderr=log,
            )
        try:
            wait_for_http(base + ready_path, server, log_path)
            yield SimpleNamespace(port=port, base=base, log=log_path, media_root=copy.media_root)
        finally:
            stop(server)
