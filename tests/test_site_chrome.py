"""Menus, footer and page images: editable in the admin, visible on the next request."""

import importlib
import json
import re

import pytest
from bs4 import BeautifulSoup
from django.apps import apps as django_apps
from django.contrib.auth.models import Group, Permission, User
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.test import override_settings
from wagtail.models import Site

from core.documents import human_file_size
from pages.accessibility import WCAG_TAGS
from pages.models import ContentPage, SiteSettings
from programs.models import ProgramPage
from tests.conftest import normalise_space, soup_of
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


def test_no_accessibility_statement_link_until_editors_set_the_sites_own(client, seeded):
    """The seed has no statement address: a link to uustatus's list of every statement would
    pass for ours. Once editors set it, every page links to it."""
    urls = ("/", "/virkemidler/startoff/", "/finnes-ikke/")
    for url in urls:
        footer = soup_of(client.get(url)).find("footer")
        assert not footer.find("a", string="Tilgjengelighetserklæring"), url
        assert "uustatus" not in str(footer), url
    settings = SiteSettings.objects.get()
    settings.accessibility_statement_url = "https://uustatus.no/nb/erklaringer/publisert/abc"
    settings.save()
    for url in urls:
        footer = soup_of(client.get(url)).find("footer")
        statement = footer.find("a", string="Tilgjengelighetserklæring")
        assert statement["href"] == "https://uustatus.no/nb/erklaringer/publisert/abc", url


@pytest.mark.parametrize(
    "placeholder",
    ["https://uustatus.no/nb/erklaringer", "https://uustatus.no/nb/erklaringer/"],
)
def test_uustatus_list_of_statements_is_refused_as_the_sites_statement(seeded, placeholder):
    settings = SiteSettings.objects.get()
    settings.accessibility_statement_url = placeholder
    with pytest.raises(ValidationError) as error:
        settings.full_clean()
    assert "listen over alle erklæringer" in str(
        error.value.message_dict["accessibility_statement_url"]
    )


def test_the_footer_gives_digdirs_postal_address_from_enhetsregisteret(client, seeded):
    footer = soup_of(client.get("/")).find("footer")
    assert "Postboks 1382 Vika, 0114 Oslo" in normalise_space(footer.get_text(" "))


def test_migration_0010_clears_the_placeholder_and_completes_the_seeded_address(seeded):
    migration = importlib.import_module("pages.migrations.0011_site_settings_true_defaults")
    settings = SiteSettings.objects.get()
    settings.accessibility_statement_url = "https://uustatus.no/nb/erklaringer"
    settings.postal_address = "Postboks 1382, 0114 Oslo"
    settings.save()
    migration.true_defaults(django_apps, None)
    settings.refresh_from_db()
    assert settings.accessibility_statement_url == ""
    assert settings.postal_address == "Postboks 1382 Vika, 0114 Oslo"
    # What editors set themselves stays.
    settings.accessibility_statement_url = "https://uustatus.no/nb/erklaringer/publisert/abc"
    settings.postal_address = "Postboks 1, 0101 Oslo"
    settings.save()
    migration.true_defaults(django_apps, None)
    settings.refresh_from_db()
    assert settings.accessibility_statement_url.endswith("/publisert/abc")
    assert settings.postal_address == "Postboks 1, 0101 Oslo"


def test_the_dashboard_tells_editors_the_statement_address_is_missing(client, seeded):
    approver = User.objects.create_user("godkjenner")
    approver.groups.add(Group.objects.get(name="Godkjennere"))
    approver.user_permissions.add(Permission.objects.get(codename="access_admin"))
    editor = User.objects.create_user("redaktor")
    editor.groups.add(Group.objects.get(name="Redaktører"))
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(approver)
    panel = soup_of(client.get("/admin/")).select_one("#missing-site-facts-section")
    assert "ingen adresse til sin egen erklæring" in normalise_space(panel.get_text(" "))
    site = Site.objects.get(is_default_site=True)
    assert panel.find("a", href=f"/admin/settings/pages/sitesettings/{site.pk}/")
    client.force_login(editor)
    panel = soup_of(client.get("/admin/")).select_one("#missing-site-facts-section")
    assert "Be en godkjenner" in panel.get_text()
    assert not panel.find("a", href=re.compile("/admin/settings/"))
    settings = SiteSettings.objects.get()
    settings.accessibility_statement_url = "https://uustatus.no/nb/erklaringer/publisert/abc"
    settings.save()
    assert not soup_of(client.get("/admin/")).select_one("#missing-site-facts-section")


def test_page_image_needs_alt_text_or_the_decorative_choice(seeded):
    page = ProgramPage.objects.get(locale__language_code="nb", slug="stimulab")
    page.image = make_image()
    page.image_alt_text = ""
    page.image_decorative = False
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "alternativ tekst" in str(error.value.message_dict["image_alt_text"])
    page.image_decorative = True
    page.full_clean()


def test_program_page_with_decorative_image_renders_empty_alt(client, seeded):
    page = ProgramPage.objects.get(locale__language_code="nb", slug="stimulab")
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


def _with_templates(response):
    """The userbar's checker configuration sits in a <template>, which soup_of leaves out."""
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_userbar_accessibility_checker_uses_our_wcag_rules(client, seeded, admin_user):
    client.force_login(admin_user)
    soup = _with_templates(client.get("/virkemidler/stimulab/"))
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

    page = ProgramPage.objects.get(locale__language_code="nb", slug="stimulab")
    page.status = "open"
    page.applications_close_on = date(2020, 1, 31)
    page.save_revision().publish()
    program = soup_of(client.get("/virkemidler/stimulab/"))
    assert "Søknadsfristen gikk ut" in program.select_one(".ds-alert").get_text()
    assert "Søknadsfristen er ute" in program.select_one(".facts").get_text()
    assert "Åpen for søknader" not in program.get_text()
    card = soup_of(client.get("/virkemidler/")).select_one('.card[href="/virkemidler/stimulab/"]')
    assert card.select_one(".ds-tag").get_text(strip=True) == "Søknadsfristen er ute"


def _site_names(client):
    """Every place a reader, a link preview or an editor sees the site's name."""
    home = soup_of(client.get("/"))
    graph = json.loads(home.select_one('script[type="application/ld+json"]').string)["@graph"]
    error_page = BeautifulSoup(render_to_string("500.html"), "html.parser")  # no request
    login = soup_of(client.get("/admin/login/"))
    return {
        "header": home.select_one(".site-name").get_text(strip=True),
        "title": home.title.get_text().rsplit(" – ", 1)[1],
        "og:site_name": home.select_one('meta[property="og:site_name"]')["content"],
        "json-ld": next(node["name"] for node in graph if node["@type"] == "WebSite"),
        "error page header": error_page.select_one(".site-name").get_text(strip=True),
        "error page title": error_page.title.get_text().rsplit(" – ", 1)[1],
        "admin title": login.title.get_text().rsplit(" - ", 1)[1].strip(),
        "admin login": normalise_space(login.h1.get_text()),
    }


def test_the_site_name_is_the_same_everywhere(client, seeded):
    name = "Innovasjon i offentlig sektor"
    names = _site_names(client)
    assert names.pop("admin login") == f"Logg inn på {name}"
    assert set(names.values()) == {name}
    assert Site.objects.get(is_default_site=True).site_name == name


@override_settings(WAGTAIL_SITE_NAME="Et nytt navn")
def test_the_site_name_is_set_in_one_place(client, seeded):
    names = _site_names(client)
    assert names.pop("admin login") == "Logg inn på Et nytt navn"
    assert set(names.values()) == {"Et nytt navn"}


def test_userbar_checker_also_runs_wagtails_content_rules_in_bokmal(client, seeded, admin_user):
    client.force_login(admin_user)
    soup = _with_templates(client.get("/virkemidler/stimulab/"))
    config = json.loads(soup.find("script", id="checker-axe-configuration").string)
    enabled = {rule for rule, options in config["options"]["rules"].items() if options["enabled"]}
    assert {"alt-text-quality", "p-as-heading", "empty-meta-description"} <= enabled
    assert config["spec"]["locale"]["lang"] == "nb"
    assert "failureSummaries" not in config["spec"]["locale"]
