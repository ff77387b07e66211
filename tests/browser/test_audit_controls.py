"""The audit itself must be able to fail: pages with known faults go through `audit.audit_page`,
the same code (tag list, axe injection, request tracking) that audits the site.

The pages are served by Playwright's routing on an address no server answers, so no database or
live server is needed.
"""

import pytest

from tests.browser import audit
from tests.browser.conftest import launch_browser

pytestmark = pytest.mark.browser

ORIGIN = "http://kontroll.invalid"
PIXEL = (
    "data:image/png;base64,"
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="
)


def document(body, head=""):
    return (
        '<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8">'
        f"<title>Kontroll</title>{head}</head><body><main id=main><h1>Kontroll</h1>"
        f"{body}</main></body></html>"
    )


# One fault per tag level, so a tag missing from pages/accessibility.py shows here.
WCAG_FAULTS = {
    "image-alt": f'<img src="{PIXEL}" width="40" height="40">',  # wcag2a
    "color-contrast": '<p style="color:#bbb;background:#fff">Lys grå tekst</p>',  # wcag2aa
    "autocomplete-valid": (  # wcag21aa
        '<label for="navn">Navn</label><input id="navn" autocomplete="tullball">'
    ),
    "target-size": (  # wcag22aa
        '<p style="display:flex">'
        '<button style="width:12px;height:12px;padding:0;margin:0">A</button>'
        '<button style="width:12px;height:12px;padding:0;margin:0">B</button></p>'
    ),
}


@pytest.fixture(scope="module")
def site(chromium_executable):
    """A browser tab, and the pages ({path: html}) the routing serves to it."""
    with launch_browser(chromium_executable) as browser:
        context = browser.new_context()
        pages = {}

        def serve(route):
            path = route.request.url.removeprefix(ORIGIN)
            if path in pages:
                route.fulfill(status=200, content_type="text/html", body=pages[path])
            elif path == "/mangler.css":
                route.fulfill(status=404, content_type="text/plain", body="Finnes ikke")
            elif path == "/brutt.woff2":
                route.abort("failed")
            elif path == "/avbrutt.js":
                route.abort("aborted")
            elif path == "/henger.png":
                pass  # never answered: the page leaves it unfinished
            else:
                route.fulfill(status=200, content_type="text/css", body="")

        context.route(f"{ORIGIN}/**", serve)
        tab = context.new_page()
        tab.set_default_timeout(15_000)
        yield tab, pages
        context.close()


def test_axe_reports_a_known_violation_at_every_wcag_level(site):
    page, pages = site
    pages["/wcag/"] = document("".join(WCAG_FAULTS.values()))
    result = audit.audit_page(page, ORIGIN + "/wcag/", focus=False)
    found = {violation["id"] for violation in result["violations"]}
    assert found >= set(WCAG_FAULTS), f"axe missed {set(WCAG_FAULTS) - found}"
    assert len(audit.failures(result)["axe"]) >= len(WCAG_FAULTS)


@pytest.mark.parametrize(
    ("markup", "missing", "error"),
    [
        ('<link rel="stylesheet" href="/mangler.css">', "/mangler.css", "HTTP 404"),
        (
            '<link rel="preload" as="font" type="font/woff2" href="/brutt.woff2" crossorigin>'
            "<style>@font-face{font-family:Brutt;src:url(/brutt.woff2)}"
            "body{font-family:Brutt}</style>",
            "/brutt.woff2",
            "net::ERR_FAILED",
        ),
        ('<script src="/avbrutt.js"></script>', "/avbrutt.js", "net::ERR_ABORTED"),
    ],
    ids=["404", "load-failure", "aborted-while-the-page-needs-it"],
)
def test_an_asset_the_page_needs_that_does_not_load_fails_the_audit(site, markup, missing, error):
    page, pages = site
    pages["/asset/"] = document("<p>Tekst</p>", head=markup)
    result = audit.audit_page(page, ORIGIN + "/asset/", focus=False)
    messages = audit.failures(result).get("assets", [])
    assert any(missing in m and error in m for m in messages), (missing, error, messages)


def test_a_request_the_previous_page_left_unfinished_does_not_fail_the_next(site):
    page, pages = site
    pages["/forrige/"] = document(f'<img src="{ORIGIN}/henger.png" alt="Henger">')
    pages["/neste/"] = document("<p>Tekst</p>")
    aborted = []

    def on_request_failed(request):
        aborted.append(request)

    page.on("requestfailed", on_request_failed)
    try:
        with page.expect_request(f"{ORIGIN}/henger.png"):
            page.goto(ORIGIN + "/forrige/", wait_until="commit")
        result = audit.audit_page(page, ORIGIN + "/neste/", focus=False)
    finally:
        page.remove_listener("requestfailed", on_request_failed)
    # The control: navigating away did cancel the unfinished request while the audit listened.
    assert [r.failure for r in aborted if r.url.endswith("/henger.png")] == ["net::ERR_ABORTED"]
    assert not result["failed_requests"], result["failed_requests"]
    assert "assets" not in audit.failures(result)
