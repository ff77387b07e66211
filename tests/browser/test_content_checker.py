"""The editors' checker (the userbar's "Kontroller") checks what editors write, in Bokmål: alt text
that is a file name or says "Bilde av", a paragraph styled as a heading, an empty description."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import add_content, launch_browser, signed_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

EDITOR, PASSWORD = "kontrollredaktor", "kontroll-passord-1"
ALT_TEXT = "Den alternative teksten beskriver ikke bildet"
PARAGRAPH_AS_HEADING = "Avsnitt brukt som overskrifter"
NO_DESCRIPTION = "Metabeskrivelsen er tom"
CONTENT_RULES = (ALT_TEXT, PARAGRAPH_AS_HEADING, NO_DESCRIPTION)
LONG = (
    "Dette er et vanlig avsnitt med så mye tekst at det tydelig er brødtekst og ikke en "
    "overskrift, slik at avsnittet over det skiller seg ut som en falsk overskrift."
)


def _add_editor_and_flawed_pages():
    from django.contrib.auth.models import Group, User
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file
    from wagtail.models import Page

    from pages.models import ContentPage

    editor = User.objects.create_user(EDITOR, password=PASSWORD)
    editor.groups.add(Group.objects.get(name="Redaktører"))
    image = get_image_model().objects.create(title="Testbilde", file=get_test_image_file())
    home = Page.objects.get(depth=2, locale__language_code="nb")
    for slug, alt_text in (("filnavn", "testbilde.png"), ("bilde-av", "Bilde av en lyspære")):
        page = ContentPage(
            title=f"Sjekk {slug}",
            slug=slug,
            body=[
                ("figure", {"image": image, "alt_text": alt_text}),
                ("text", f"<p><b>Kort og fet</b></p><p>{LONG}</p>"),
            ],
        )
        home.add_child(instance=page)
        page.save_revision().publish()


@pytest.fixture(scope="module")
def editor_page(chromium_executable, live_site, django_db_blocker):
    add_content(django_db_blocker, _add_editor_and_flawed_pages)
    with (
        launch_browser(chromium_executable) as browser,
        signed_in(browser, live_site, EDITOR, PASSWORD) as page,
    ):
        yield live_site, page


def _checker_results(page, url):
    """The checker's dialog on `url`, once it has counted."""
    page.goto(url)
    page.locator("wagtail-userbar [aria-controls='wagtail-userbar-items']").click()
    page.locator("wagtail-userbar #checker-trigger").click()
    dialog = page.locator("wagtail-userbar #checker-results")
    count = dialog.locator("[data-content-checker-count]").first
    expect(count).to_have_text(re.compile(r"\d"))
    # Every finding drawn, so that what is absent is absent and not still to come.
    expect(dialog.locator("[data-content-checker-row]")).to_have_count(int(count.inner_text()))
    return dialog


@pytest.mark.parametrize("slug", ["filnavn", "bilde-av"])
def test_the_checker_flags_alt_text_fake_headings_and_a_missing_description(editor_page, slug):
    site, page = editor_page
    dialog = _checker_results(page, f"{site.url}/{slug}/")
    for name in CONTENT_RULES:
        expect(dialog).to_contain_text(name)
    expect(dialog).to_contain_text("ikke begynn med «Bilde av»")


def test_the_checker_finds_none_of_them_on_a_seeded_page(editor_page):
    site, page = editor_page
    dialog = _checker_results(page, f"{site.url}/virkemidler/stimulab/")
    for name in CONTENT_RULES:
        expect(dialog).not_to_contain_text(name)
