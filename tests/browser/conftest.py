"""Headless Chromium against one live server that holds the seed content.

The browser tier runs last (tests/conftest.py orders it so), against one live server over the
test database for the whole session (`live_site`). Nothing is restored afterwards, because no
other tier runs after it: content a module needs beyond the seed is committed once with
`add_content`, and stays for the rest of the tier. The crawl (`site_audit`) sees the seed alone:
its tests are ordered first within the tier.

Browser tests carry `@pytest.mark.django_db` only so that pytest-django creates the test database;
content for the server must be committed outside the test's transaction (`add_content`), or the
server's PostgreSQL connection will not see it. Do the ORM work before the browser starts:
Playwright's sync API runs an event loop in this thread, and ORM calls made meanwhile open
connections (in another context) that are never closed.

No Chromium (or no Java for the Nu HTML checker): those tests skip, unless REQUIRE_BROWSER_TESTS=1
(CI), where they fail; SKIP_BROWSER_TESTS=1 skips them all. Either way the summary says how many
were skipped and why (tests/browser_skips.py). CHROMIUM_PATH overrides where Chromium is looked for.
"""

import io
import os
import shutil
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import connections

from tests import browser_skips
from tests.browser import audit

CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def find_chromium():
    """The Chromium binary, or None. CHROMIUM_PATH (if set) is the only place looked at."""
    override = os.environ.get("CHROMIUM_PATH")
    candidates = [override] if override else ["/usr/bin/chromium", shutil.which("chromium")]
    for candidate in candidates:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def skip_or_fail(reason):
    if browser_skips.required():
        pytest.fail(f"REQUIRE_BROWSER_TESTS=1, but {reason}", pytrace=False)
    pytest.skip(f"{reason} (set REQUIRE_BROWSER_TESTS=1 to make this a failure)")


@pytest.fixture(scope="session")
def chromium_executable():
    path = find_chromium()
    if path is None:
        where = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium or `chromium` on PATH"
        skip_or_fail(f"no Chromium found at {where}")
    if not audit.AXE_PATH.is_file():
        skip_or_fail(f"axe-core is missing at {audit.AXE_PATH} (run `npm ci`)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        skip_or_fail("the `playwright` Python package is not installed")
    return path


@pytest.fixture(scope="session")
def nu_checker():
    """The W3C Nu HTML checker (tests/browser/nu.py), or a skip (a failure in CI) saying why."""
    from tests.browser import nu

    reason = nu.missing()
    if reason:
        skip_or_fail(reason)
    return nu


@contextmanager
def allow_orm_beside_playwright():
    """Playwright's sync API keeps an asyncio loop running in this thread, and Django then
    refuses ORM calls. They are safe here (one thread, nothing awaits), so allow them."""
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@contextmanager
def launch_browser(executable):
    from playwright.sync_api import sync_playwright

    with allow_orm_beside_playwright(), sync_playwright() as playwright:
        # Never `playwright install`: the system Chromium is the browser under test.
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
            # Connections opened meanwhile live in the event loop's context: close them here.
            connections.close_all()


@dataclass
class LiveSite:
    url: str
    media_root: Path

    def __str__(self):
        return self.url


def assert_test_database(alias):
    name = str(connections[alias].settings_dict["NAME"])
    if not ("memory" in name or Path(name).name.startswith("test_")):
        raise RuntimeError(
            f"Refusing to load and flush content in {name!r}: not a test database. "
            "Mark the test with @pytest.mark.django_db so pytest-django creates one."
        )


def _clear_caches():
    """Every cache, the security counters too: the live server's answers are committed, and a
    flush empties no cache table."""
    for alias in settings.CACHES:
        caches[alias].clear()


_added = set()


def add_content(django_db_blocker, make):
    """Commits what `make()` writes, once per session, where the live server sees it."""
    if make.__qualname__ in _added:
        return
    with allow_orm_beside_playwright(), django_db_blocker.unblock():
        make()
        _clear_caches()
    _added.add(make.__qualname__)


@pytest.fixture(scope="session")
def live_site(chromium_executable, django_db_setup, django_db_blocker):
    """The seeded site behind one live server, for the whole browser tier."""
    from pytest_django.live_server_helper import LiveServer

    # The server's thread reads the database whenever a page is asked for, between tests too.
    with django_db_blocker.unblock():
        for alias in connections:
            assert_test_database(alias)
        # A test of another tier may have emptied the database (transactional tests flush it).
        call_command("load_seed_content", stdout=io.StringIO())
        _clear_caches()
        # Serves /static/ through the finders and /media/ from MEDIA_ROOT at request time.
        server = LiveServer("localhost")
        try:
            yield LiveSite(url=server.url, media_root=Path(settings.MEDIA_ROOT))
        finally:
            server.stop()


@pytest.fixture(scope="session")
def site_audit(chromium_executable, live_site, django_db_blocker):
    """Every public page, crawled from the home page and audited at each width and scheme."""
    # Before the browser starts: ORM calls made while Playwright runs open connections in
    # another context that are never closed (PostgreSQL then cannot drop the test database).
    with allow_orm_beside_playwright(), django_db_blocker.unblock():
        page_types = audit.page_types_by_path()
        unlinked = audit.unlinked_paths()
    with launch_browser(chromium_executable) as browser:
        report = audit.crawl_and_audit(
            browser,
            live_site.url,
            page_type=lambda path: page_types.get(path) or audit.guess_page_type(path),
            screenshot_dir=audit.ARTIFACTS / "screenshots",
            also=unlinked,
        )
    report["public_paths"] = sorted(page_types)
    audit.write_reports(report)
    return report


@pytest.fixture(scope="module")
def browser(chromium_executable, live_site):
    """Chromium for one test module. Starts after (and stops before) `live_site`, whose database
    work must not run while Playwright's event loop does."""
    with launch_browser(chromium_executable) as chromium:
        yield chromium


@contextmanager
def signed_in(browser, site, username, password):
    """A tab signed in to the admin as `username`."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{site.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{site.url}/admin/")
    try:
        yield page
    finally:
        context.close()


def pytest_terminal_summary(terminalreporter):
    if audit.SUMMARY:
        terminalreporter.section("page weight (gzip -9 where a server would compress)")
        for line in audit.SUMMARY:
            terminalreporter.write_line(line)
