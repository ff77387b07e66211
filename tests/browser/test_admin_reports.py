"""The admin's reports as an editor uses them in a browser: one h1, headings in order, labelled
filters, and nothing axe finds against WCAG."""

import pytest
from playwright.sync_api import expect

from pages.accessibility import WCAG_TAGS
from tests.browser.audit import _AXE_JS, axe_source, heading_problems
from tests.browser.conftest import add_content, launch_browser, signed_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

EDITOR, PASSWORD = "rapportredaktor", "rapport-passord-1"
REPORTS = {
    "Målform": "/admin/rapporter/malform/",
    "Lesbarhet": "/admin/rapporter/lesbarhet/",
    "Tilbakemeldinger": "/admin/rapporter/tilbakemeldinger/",
    "Brutte lenker": "/admin/rapporter/brutte-lenker/",
}

MAIN_HEADINGS_JS = """
() => [...document.querySelectorAll('main :is(h1, h2, h3, h4, h5, h6)')]
  .filter(el => el.checkVisibility() && !el.closest('[aria-hidden=true], template'))
  .map(el => ({level: Number(el.tagName[1]), text: el.textContent.trim().replace(/\\s+/g, ' ')}))
"""


def _add_editor_and_report_rows():
    from django.contrib.auth.models import Group, User
    from django.utils import timezone

    from feedback.models import Answer
    from linkcheck.models import BrokenLink, CheckRun
    from pages.models import ContentPage

    editor = User.objects.create_user(EDITOR, password=PASSWORD)
    editor.groups.add(Group.objects.get(name="Redaktører"))
    page = ContentPage.objects.get(slug="kompetanse")
    Answer.objects.create(page=page, helpful=False, comment="Mer om budsjett")
    now = timezone.now()
    BrokenLink.objects.create(
        page=page,
        kind="side",
        target="9999",
        reason="Finnes ikke",
        first_seen=now,
        last_checked=now,
    )
    CheckRun.objects.create(pages=1, links=1, broken=1, external=False)


@pytest.fixture(scope="module")
def editor_page(chromium_executable, live_site, django_db_blocker):
    add_content(django_db_blocker, _add_editor_and_report_rows)
    with (
        launch_browser(chromium_executable) as browser,
        signed_in(browser, live_site, EDITOR, PASSWORD) as page,
    ):
        yield live_site, page


@pytest.mark.parametrize("title", REPORTS)
def test_a_report_has_one_h1_ordered_headings_and_no_wcag_violations(editor_page, title):
    site, page = editor_page
    page.goto(f"{site.url}{REPORTS[title]}")
    expect(page.locator("#listing-results tbody tr").first).to_be_visible()
    # The report's own headings: the admin's menu before it is Wagtail's.
    headings = page.evaluate(MAIN_HEADINGS_JS)
    assert [h["text"] for h in headings if h["level"] == 1] == [title]
    assert heading_problems({"headings": headings}) == []
    page.evaluate(axe_source())
    violations = page.evaluate(_AXE_JS, WCAG_TAGS)
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations] == []
