""" "Var denne siden nyttig?" in a real browser: answered in place with JavaScript, on its own
page without, and accessible (axe, WCAG 2.2 AA) in every state."""

import pytest
from playwright.sync_api import expect

from pages.accessibility import WCAG_TAGS
from tests.browser import audit

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PATH = "/kompetanse/"


def _violations(page):
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(audit.axe_source())
    return page.evaluate(audit._AXE_JS, WCAG_TAGS)


@pytest.fixture
def context(browser):
    context = browser.new_context()
    yield context
    context.close()


@pytest.fixture
def no_script(browser):
    context = browser.new_context(java_script_enabled=False)
    yield context
    context.close()


def test_no_is_answered_in_place_with_focus_on_the_comment_box(context, live_site):
    page = context.new_page()
    page.goto(live_site.url + PATH)
    box = page.locator("[data-feedback]")
    box.get_by_role("button", name="Nei").click()
    expect(box.get_by_role("heading", name="Takk for svaret! Hva manglet?")).to_be_focused()
    expect(page).to_have_url(live_site.url + PATH)
    assert _violations(page) == []
    comment = page.get_by_label("Hva manglet på siden? (valgfritt)")
    expect(comment).to_have_attribute("maxlength", "1000")
    comment.fill("Mer om budsjett")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("heading", name="Takk for svaret!")).to_be_focused()
    expect(page).to_have_url(live_site.url + PATH)
    assert _violations(page) == []


def test_a_too_long_comment_is_shown_in_place_with_its_error(context, live_site):
    page = context.new_page()
    page.goto(live_site.url + PATH)
    page.locator("[data-feedback]").get_by_role("button", name="Nei").click()
    comment = page.get_by_label("Hva manglet på siden? (valgfritt)")
    # The browser stops typing at 1000; a script (or an old browser) need not.
    comment.evaluate("(box) => { box.removeAttribute('maxlength'); box.value = 'x'.repeat(1001); }")
    page.get_by_role("button", name="Send").click()
    expect(page.locator("#feedback-comment-error")).to_have_text(
        "Skriv høyst 1000 tegn. Teksten din har 1001."
    )
    expect(page.get_by_label("Hva manglet på siden? (valgfritt)")).to_be_focused()
    assert _violations(page) == []


def test_without_javascript_the_answer_page_takes_the_comment(no_script, live_site):
    page = no_script.new_page()
    page.goto(live_site.url + PATH)
    page.locator("[data-feedback]").get_by_role("button", name="Nei").click()
    expect(page).to_have_url(live_site.url + "/tilbakemelding/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tilbakemelding")
    page.get_by_label("Hva manglet på siden? (valgfritt)").fill("Eksempler fra kommuner")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("heading", name="Takk for svaret!")).to_be_visible()
    back = page.get_by_role("link", name="Tilbake til")
    expect(back).to_have_attribute("href", PATH)


def test_the_answer_pages_pass_the_accessibility_checks(browser, live_site):
    # With scripts, so that axe can run; the form posts without them all the same.
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(live_site.url + PATH)
        page.locator("[data-feedback] form").evaluate(
            "(form) => form.addEventListener('submit', (e) => e.stopImmediatePropagation(), true)"
        )
        page.locator("[data-feedback]").get_by_role("button", name="Nei").click()
        expect(page).to_have_url(live_site.url + "/tilbakemelding/")
        assert _violations(page) == []
        page.get_by_label("Hva manglet på siden? (valgfritt)").fill("Mer")
        page.locator("form.feedback__form").evaluate(
            "(form) => form.addEventListener('submit', (e) => e.stopImmediatePropagation(), true)"
        )
        page.get_by_role("button", name="Send").click()
        expect(page.get_by_role("heading", name="Takk for svaret!")).to_be_visible()
        assert _violations(page) == []
    finally:
        context.close()
