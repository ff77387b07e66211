import io
import os
import re
import shutil
import signal
import socket
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.models import Page, Site

from core.cache import breaker
from pagecache import store
from pages.models import HomePage
from tests import browser_skips
from tests.servers import (
    WORKER,
    SeededTemplate,
    free_port,
    runtime_dir,
    serve_local,
    wait_for_port,
)

FIXTURES = Path(__file__).parent / "fixtures"
# The Redis server our machines and CI run, a database of its own for each pytest-xdist worker;
# tests that need one skip where none answers. TEST_REDIS_DB moves a run that shares the server with
# another off the others' databases.
_REDIS_DB = int(os.environ.get("TEST_REDIS_DB", 0)) + int(WORKER.removeprefix("gw") or 0)
REDIS_URL = f"redis://127.0.0.1:6379/{_REDIS_DB}"


def pytest_configure(config):
    config.pluginmanager.register(browser_skips, "browser_skips")


def _uses_the_database(item):
    return item.get_closest_marker("django_db") or "django_db_setup" in item.fixturenames


# Fixtures that start servers of their own (gunicorn, nginx, Redis, PostgreSQL, a live server).
SERVER_FIXTURES = {
    "seeded_template",
    "production_site",
    "redis_server",
    "proxy",
    "cluster",
    "live_site",
}


def _tier(item):
    """The browser tier last, the crawl first within it (see tests/browser/conftest.py)."""
    if not item.get_closest_marker("browser"):
        return 0
    return 1 if "site_audit" in item.fixturenames else 2


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(items):
    """Around every other plugin's say in the order and selection of the tests.

    Before them: marks what gives the same result on either database, which CI runs once, in
    time for `-m` to select on it. After them (pytest-django puts the tests that roll back before
    those that flush): the browser tier last, by a stable sort that keeps every other order. With
    pytest-xdist, `--dist loadscope --no-loadscope-reorder` hands out whole modules in this
    order, so on every worker the browser tier comes last, and one worker crawls."""
    for item in items:
        if item.get_closest_marker("browser") or not _uses_the_database(item):
            item.add_marker(pytest.mark.engine_independent)
        if SERVER_FIXTURES.intersection(item.fixturenames):
            item.add_marker(pytest.mark.servers)
    yield
    items.sort(key=_tier)


_browser_tier_started = False


def pytest_runtest_setup(item):
    """The browser tier leaves content and a live server behind it: nothing may run after it in
    this process (with pytest-xdist, `--no-loadscope-reorder` keeps its modules last)."""
    global _browser_tier_started
    if item.get_closest_marker("browser"):
        _browser_tier_started = True
    elif _browser_tier_started:
        pytest.fail(f"{item.nodeid} runs after the browser tier in this process", pytrace=False)


def redis_reachable():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database holds the site as `make run` builds it, loaded once by the real
    command; each test runs in a transaction that is rolled back, so it starts from the seed."""
    with django_db_blocker.unblock():
        call_command("load_seed_content", stdout=io.StringIO())


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory):
    """The seeded site, migrated and loaded once per session, for servers to copy
    (tests/servers.py)."""
    template = SeededTemplate(tmp_path_factory.mktemp("seeded-template"))
    yield template
    template.close()


@pytest.fixture(scope="session")
def production_site(seeded_template):
    """`make serve` (bin/serve-local) on a copy of the seeded site: production settings,
    gunicorn with the workers and threads gunicorn.conf.py deploys, nginx in front on PORT. One
    per session, for tests that only read from it."""
    workdir = runtime_dir("innovasjon-serve-")
    with serve_local(seeded_template, workdir) as site:
        yield site
    shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(autouse=True)
def no_pages_held_from_another_test():
    """Each process keeps its latest pages in memory, served while the shared versions match.
    Versions committed with the seed outlive every test's rollback, so a page a test rendered
    under settings of its own would be served to the next: each test starts without them."""
    store.local_entries.clear()


@pytest.fixture
def seeded(db):
    """The home page of the seeded site (loaded again if a test emptied the database)."""
    if not HomePage.objects.exists():
        call_command("load_seed_content", stdout=io.StringIO())
    return Site.objects.get(is_default_site=True).root_page.specific


def public_pages():
    return Page.objects.live().public().filter(depth__gt=1).specific()


def visible_text(html):
    """What a reader sees (and a screen reader reads), as one line with single spaces."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "template"]):
        tag.decompose()
    return normalise_space(soup.get_text(" "))


def normalise_space(text):
    """Single spaces (any Unicode space counts), none before punctuation."""
    text = re.sub(r"\s+", " ", text)
    return re.sub(r" ([.,:;!?])", r"\1", text).strip()


def soup_of(response):
    """The page as a browser renders it: the inert content of <template> elements (the admin's
    keyboard-shortcut tables, say) left out, which some versions of soupsieve would match."""
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    for template in soup("template"):
        template.decompose()
    return soup


@pytest.fixture
def purge_server():
    """A caching proxy stand-in on 127.0.0.1 that records the PURGE requests it gets."""
    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_PURGE(self):
            received.append((self.command, self.path, self.headers["Host"]))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", received
    server.shutdown()
    server.server_close()


def frontend_cache_at(settings, location):
    settings.WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": location,
        }
    }


@pytest.fixture
def redis_server():
    """A redis-server of the test's own on a free port, which the test may stop or freeze."""
    port = free_port()
    process = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
    )
    wait_for_port(port)
    yield process, port
    process.send_signal(signal.SIGCONT)
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def redis_cache(settings, redis_server, seeded):
    """The default cache on the test's own Redis, as production configures it; the process."""
    process, port = redis_server
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "core.cache.FailOpenRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
        },
    }
    breaker.reset()
    yield process
    breaker.reset()
