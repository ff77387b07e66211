"""WCAG 2.2 AA in a real browser, for every public page at 1280 and 320 px, light and dark.

One crawl (the `site_audit` fixture) visits every page reachable from the home page plus the 404
page and records what each check found; the tests below each judge one check, naming the page,
width and colour scheme of every failure. Reports and screenshots land in test-artifacts/.
The HTML each page was served with goes through the W3C Nu HTML checker.
"""

import json

import pytest

from tests.browser import audit

# django_db only makes pytest-django create the test database; `site_audit` has already put it
# back as it was when a test body runs.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

EXPECTED_PAGE_TYPES = {
    "home",
    "definition",
    "principles",
    "content",
    "program-index",
    "program",
    "search",
    "change-history",
    "404",
}


def test_crawl_reaches_every_public_page(site_audit):
    public = set(site_audit["public_paths"])
    crawled = {page["path"] for page in site_audit["pages"]}
    assert not site_audit["broken_links"], "Broken internal links:\n" + "\n".join(
        f"- {b['url']} (HTTP {b['status']}), linked from {b['linked_from']}"
        for b in site_audit["broken_links"]
    )
    assert public <= crawled, f"Public pages no link leads to: {sorted(public - crawled)}"
    # Every language is audited: the English pages and the Nynorsk one.
    assert {"/en/", "/en/programmes/stimulab/", "/sprak/"} <= crawled
    found = {page["type"] for page in site_audit["pages"]}
    assert found >= EXPECTED_PAGE_TYPES, f"Page types not crawled: {EXPECTED_PAGE_TYPES - found}"


def test_axe_finds_no_wcag_violations(site_audit):
    message = audit.format_failures(site_audit["results"], "axe")
    assert not message, "axe-core WCAG 2.2 A/AA violations:\n" + message


def test_first_tab_is_the_skip_link_and_it_moves_focus_to_main(site_audit):
    message = audit.format_failures(site_audit["results"], "skip_link")
    assert not message, "Skip link problems:\n" + message


def test_every_focusable_element_shows_focus(site_audit):
    results = [r for r in site_audit["results"] if r.get("focus")]
    assert results and all(r["focus"]["stops"] >= 3 for r in results), "Tabbing found nothing"
    message = audit.format_failures(results, "focus_indicator")
    assert not message, "Elements without a visible keyboard focus indicator:\n" + message


def test_no_horizontal_scrolling_at_320_px(site_audit):
    narrow = [r for r in site_audit["results"] if r["width"] == audit.MOBILE]
    assert narrow
    message = audit.format_failures(narrow, "reflow")
    assert not message, "Pages that scroll sideways at 320 CSS px (WCAG 1.4.10):\n" + message


def test_language_and_heading_structure(site_audit):
    message = audit.format_failures(site_audit["results"], "structure")
    assert not message, "Language or heading problems:\n" + message


def test_every_request_goes_to_our_own_origin(site_audit):
    message = audit.format_failures(site_audit["results"], "assets")
    assert not message, "Third-party or failed requests:\n" + message


def test_http_status(site_audit):
    message = audit.format_failures(site_audit["results"], "status")
    assert not message, "Unexpected HTTP status:\n" + message


# Checked in the same run as the pages, so a checker that reports nothing cannot pass unseen.
INVALID_DOCUMENT = (
    '<!DOCTYPE html><html lang="nb"><head><title>Kontroll</title></head><body>'
    '<p><time datetime="2026-11-30T07:53:51.348127+01:00">30. november 2026</time></p>'
    "</body></html>"
)


def test_every_page_is_valid_html(site_audit, nu_checker):
    documents = {"(control)": INVALID_DOCUMENT}
    for result in site_audit["results"]:
        documents.setdefault(result["url"].removeprefix(site_audit["base_url"]), result["html"])
    assert len(documents) > len(EXPECTED_PAGE_TYPES)
    errors = nu_checker.check(documents)
    control = [e for e in errors if e["document"] == "(control)"]
    assert control and "fraction of a second" in control[0]["message"], (
        "The Nu checker did not report the control document's invalid <time>: "
        + nu_checker.format_errors(errors)
    )
    message = nu_checker.format_errors([e for e in errors if e["document"] != "(control)"])
    assert not message, "HTML errors (W3C Nu checker):\n" + message


def test_reports_and_screenshots_are_written(site_audit):
    best_practice = json.loads((audit.ARTIFACTS / "axe-best-practice.json").read_text())
    assert best_practice["tags"] == ["best-practice"]
    weights = json.loads((audit.ARTIFACTS / "page-weight.json").read_text())["pages"]
    assert set(weights) >= EXPECTED_PAGE_TYPES
    for kind, weight in weights.items():
        assert weight["html"] > 0 and weight["css"] > 0, kind
    shots = audit.ARTIFACTS / "screenshots"
    for kind in {page["type"] for page in site_audit["pages"]}:
        for width, scheme in audit.SCREENSHOT_VARIANTS:
            assert (shots / f"{kind}-{width}-{scheme}.png").is_file(), (kind, width, scheme)


# Every check of the crawl is in this module, so that one process crawls (pytest-xdist's
# --dist loadscope sends a module to one worker).
def test_no_public_page_violates_the_content_security_policy(site_audit):
    results = site_audit["results"]
    assert results and all("csp_violations" in r for r in results)
    message = audit.format_failures(results, "csp")
    assert not message, "Content-Security-Policy violations:\n" + message
