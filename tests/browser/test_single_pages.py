"""The same browser checks on pages the seed does not have: every block, a search with results;
and what printing a program page gives."""

import re
import urllib.error
import urllib.request

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser import audit
from tests.browser.conftest import add_content, launch_browser

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

ALL_BLOCKS_PATH = "/alle-blokker/"
PATHS = [
    ALL_BLOCKS_PATH,
    "/sok/?q=innovasjon",
    # The notices of issue 23 (on PostgreSQL): corrected, «Mente du», the other language.
    "/sok/?q=stimulap",
    "/sok/?q=innovsjon+nettverk",
    "/sok/?q=principles",
    "/sok/?q=%22%3Cscript%3E",
    "/sok/?q=a&side=abc",
    "/virkemidler/?status=pagar&malgruppe=kommuner",
    "/virkemidler/?status=feil",
]
# Pages that answer 400 on purpose: their status is no failure.
BAD_REQUESTS = ("side=abc", "status=feil")


def _add_all_blocks_page():
    from pages.models import HomePage
    from tests.factories import make_all_blocks_page

    make_all_blocks_page(
        HomePage.objects.get(locale__language_code="nb"), slug=ALL_BLOCKS_PATH.strip("/")
    )
    # The live server's search must see the new page too.
    call_command("update_index", verbosity=0)


@pytest.fixture(scope="module")
def site_with_all_blocks(chromium_executable, live_site, django_db_blocker):
    # The database work is done before Playwright's event loop starts.
    add_content(django_db_blocker, _add_all_blocks_page)
    with launch_browser(chromium_executable) as browser:
        yield live_site, browser


def _audit_everywhere(browser, url):
    failures = {}
    # As in the crawl: under the site's enforced policy, where any violation is a failure.
    context = browser.new_context()
    page = context.new_page()
    try:
        results = []
        for variant in audit.VARIANTS:
            result = audit.audit_page(
                page,
                url,
                width=variant["width"],
                scheme=variant["scheme"],
                focus=variant.get("focus", True),
                reuse=results[-1] if variant.get("reuse") else None,
            )
            results.append(result)
            for check, messages in audit.failures(result).items():
                failures.setdefault(f"{audit.label(result)} {check}", messages)
    finally:
        context.close()
    return failures


@pytest.mark.parametrize("path", PATHS)
def test_page_passes_the_accessibility_checks(site_with_all_blocks, path):
    site, browser = site_with_all_blocks
    failures = _audit_everywhere(browser, site.url + path)
    if path.endswith(BAD_REQUESTS):
        failures = {k: v for k, v in failures.items() if not k.endswith(" status")}
    assert not failures, "\n".join(f"{k}: {v}" for k, v in failures.items())


def _html(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode()
    except urllib.error.HTTPError as error:  # the bad page number answers 400, with a page
        return error.read().decode()


def test_these_pages_are_valid_html(site_with_all_blocks, nu_checker):
    site, _ = site_with_all_blocks
    errors = nu_checker.check({path: _html(site.url + path) for path in PATHS})
    assert not errors, "HTML errors (W3C Nu checker):\n" + nu_checker.format_errors(errors)


def test_every_block_appears_on_the_all_blocks_page(site_with_all_blocks):
    site, browser = site_with_all_blocks
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(site.url + ALL_BLOCKS_PATH)
        for selector in (
            "figure.figure img[srcset]",
            ".ds-alert[data-color=info]",
            ".ds-alert[data-color=warning]",
            "details.ds-details",
            "table.ds-table caption",
            "figure.quote",
            "a.ds-button",
            ".link-list",
            ".related .card",
            ".contact",
            "nav.toc",
        ):
            expect(page.locator(selector).first, selector).to_be_attached()
    finally:
        context.close()


def test_printing_a_program_page_gives_content_and_its_address_without_chrome(
    site_with_all_blocks,
):
    site, browser = site_with_all_blocks
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(site.url + "/virkemidler/stimulab/")
        page.emulate_media(media="print")
        for chrome in ("nav.site-nav", ".site-search", ".site-breadcrumbs", "footer", ".share"):
            expect(page.locator(chrome).first, chrome).to_be_hidden()
        expect(page.locator("h1")).to_be_visible()
        expect(page.locator(".facts")).to_be_visible()
        address = page.locator(".print-url")
        expect(address).to_be_visible()
        expect(address).to_contain_text("/virkemidler/stimulab/")
        page.emulate_media(media="screen")
        expect(address).to_be_hidden()
        expect(page.locator("nav.site-nav")).to_be_visible()
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF")
    finally:
        context.close()


def test_copy_button_appears_with_javascript_and_copies_the_permalink(site_with_all_blocks):
    site, browser = site_with_all_blocks
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(site.url + "/virkemidler/stimulab/")
        button = page.locator("button[data-copy]")
        expect(button).to_be_visible()
        button.click()
        # The status appears once the clipboard write has finished.
        expect(page.locator("[data-copy-status]")).to_have_text("Lenken er kopiert.")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert "/s/" in copied
        expect(page.locator("#permalink")).to_have_text(copied)
    finally:
        context.close()


def test_pages_work_without_javascript(site_with_all_blocks):
    site, browser = site_with_all_blocks
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site.url + "/")
        page.set_viewport_size({"width": 320, "height": 800})
        page.locator("nav.site-nav a", has_text="Virkemidler").click()
        expect(page.locator("h1")).to_have_text(re.compile(r"^Virkemidler"))
        page.locator("#header-search-q").fill("Stimulab")
        page.locator("#header-search-q").press("Enter")
        expect(page).to_have_url(re.compile(r"/sok/\?q=Stimulab"))
        expect(page.locator("main a", has_text="Stimulab").first).to_be_visible()
        expect(page.locator("button[data-copy]")).to_be_hidden()
    finally:
        context.close()
