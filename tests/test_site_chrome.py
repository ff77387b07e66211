"""Menus, footer and page images: editable in the admin, visible on the next request."""

import json

import pytest
from django.core.exceptions import ValidationError

from pages.accessibility import WCAG_TAGS
from pages.documents import human_file_size
from pages.models import ContentPage, SiteSettings
from programs.models import ProgramPage
from tests.conftest import soup_of
from tests.factories import make_image


def _menu(client):
    nav = soup_of(client.get("/")).select_one("nav.site-nav")
    return [a.get_text(strip=True) for a in nav.find_all("a")]


def test_main_menu_follows_the_page_tree_and_show_in_menus(client, seeded):
    assert _menu(client) == [
        "Hva er innovasjon?",
        "Prinsipper",
        "Kompetanse",
        "Handlingsrom",
        "Virkemidler",
    ]
    page = ContentPage.objects.get(slug="kompetanse")
    page.show_in_menus = False
    page.save_revision().publish()
    assert "Kompetanse" not in _menu(client)


def test_menu_marks_the_current_section(client, seeded):
    nav = soup_of(client.get("/virkemidler/stimulab/")).select_one("nav.site-nav")
    current = nav.select_one("[aria-current]")
    assert current.get_text(strip=True) == "Virkemidler"


def test_footer_settings_change_the_next_response(client, seeded):
    settings = SiteSettings.objects.get()
    settings.contact_email = "innovasjon@example.no"
    settings.accessibility_statement_url = "https://uustatus.no/nb/erklaringer/publisert/abc"
    settings.privacy_page = ContentPage.objects.get(slug="handlingsrom")
    settings.save()
    footer = soup_of(client.get("/prinsipper/")).find("footer")
    assert footer.select_one('a[href="mailto:innovasjon@example.no"]')
    statement = footer.find("a", string="Tilgjengelighetserklæring")
    assert statement["href"] == "https://uustatus.no/nb/erklaringer/publisert/abc"
    assert footer.find("a", string="Personvern og informasjonskapsler")["href"] == "/handlingsrom/"


def test_every_page_links_to_the_accessibility_statement(client, seeded):
    for url in ("/", "/virkemidler/startoff/", "/finnes-ikke/"):
        footer = soup_of(client.get(url)).find("footer")
        assert footer.find("a", string="Tilgjengelighetserklæring"), url


def test_page_image_needs_alt_text_or_the_decorative_choice(seeded):
    page = ProgramPage.objects.get(slug="stimulab")
    page.image = make_image()
    page.image_alt_text = ""
    page.image_decorative = False
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "alternativ tekst" in str(error.value.message_dict["image_alt_text"])
    page.image_decorative = True
    page.full_clean()


def test_program_page_with_decorative_image_renders_empty_alt(client, seeded):
    page = ProgramPage.objects.get(slug="stimulab")
    page.image_decorative = True
    page.save_revision().publish()
    img = soup_of(client.get("/virkemidler/stimulab/")).select_one(".program__image img")
    assert img["alt"] == ""


@pytest.mark.parametrize(
    ("size", "expected"),
    [(340_000, "340 kB"), (1_234_567, "1,2 MB"), (12, "1 kB"), (25_600_000, "25,6 MB")],
)
def test_file_sizes_read_the_norwegian_way(size, expected):
    assert human_file_size(size) == expected


def test_userbar_accessibility_checker_uses_our_wcag_rules(client, seeded, admin_user):
    client.force_login(admin_user)
    soup = soup_of(client.get("/virkemidler/stimulab/"))
    config = json.loads(soup.find("script", id="checker-axe-configuration").string)
    assert config["options"]["runOnly"] == WCAG_TAGS


def test_public_pages_set_no_cookies(client, seeded):
    for url in ("/", "/virkemidler/stimulab/", "/sok/?q=innovasjon", "/finnes-ikke/"):
        assert not client.get(url).cookies, url


def test_footer_links_to_the_seeded_privacy_page(client, seeded):
    footer = soup_of(client.get("/")).find("footer")
    assert footer.find("a", string="Personvern og informasjonskapsler")["href"] == "/personvern/"
    assert "Personvern" not in _menu(client)


def test_an_open_call_past_its_deadline_reads_as_closed_everywhere(client, seeded):
    from datetime import date

    page = ProgramPage.objects.get(slug="stimulab")
    page.status = "open"
    page.applications_close_on = date(2020, 1, 31)
    page.save_revision().publish()
    program = soup_of(client.get("/virkemidler/stimulab/"))
    assert "Søknadsfristen gikk ut" in program.select_one(".ds-alert").get_text()
    assert "Søknadsfristen er ute" in program.select_one(".facts").get_text()
    assert "Åpen for søknader" not in program.get_text()
    card = soup_of(client.get("/virkemidler/")).select_one('.card[href="/virkemidler/stimulab/"]')
    assert card.select_one(".ds-tag").get_text(strip=True) == "Søknadsfristen er ute"
