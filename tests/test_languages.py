"""English under /en/, Bokmål unchanged without a prefix, Nynorsk as a page's written standard:
the switcher, the hreflang alternates, the interface language, search, API and vanity URLs."""

import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from wagtail.models import Locale, Page

from bin.compile_messages import parse
from languagereport import report
from pages.models import BasePage, HomePage
from seed import translations
from tests.conftest import soup_of, visible_text

# Every Bokmål page address from before English came, and the page each one holds.
BOKMAL_URLS = {
    "/": "Innovasjon i offentlig sektor",
    "/hva-er-innovasjon/": "Hva er innovasjon i offentlig sektor?",
    "/prinsipper/": "Innovasjon krever at vi utvikler kultur, kompetanse, ledelse og nye samarbeid",
    "/kompetanse/": "Kompetanse som fremmer innovasjon",
    "/handlingsrom/": "Innovasjon krever handlingsrom",
    "/virkemidler/": "Virkemidler og nye samarbeid for innovasjon i offentlig sektor",
    "/virkemidler/stimulab/": "Stimulab",
    "/virkemidler/startoff/": "StartOff",
    "/virkemidler/innovasjonsnettverket/": "Nettverk for innovasjon",
    "/personvern/": "Personvern og informasjonskapsler",
}
ENGLISH_URLS = {
    "/en/": "Innovation in the public sector",
    "/en/what-is-innovation/": "What is innovation in the public sector?",
    "/en/principles/": (
        "Innovation requires us to develop culture, competence, leadership and new forms of "
        "collaboration"
    ),
    "/en/programmes/": "Schemes and new partnerships for innovation in the public sector",
    "/en/programmes/stimulab/": "Stimulab",
    "/en/programmes/startoff/": "StartOff",
    "/en/programmes/innovation-network/": "Network for innovation",
}
NYNORSK_URL = "/sprak/"
CATALOGUE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"


def _lang_of_h1(response):
    page = soup_of(response)
    return page.find("h1").find_parent(attrs={"lang": True})["lang"], page.find("html")["lang"]


def _alternates(response):
    return {
        link["hreflang"]: link["href"]
        for link in soup_of(response).select('head link[rel="alternate"][hreflang]')
    }


def _path(url):
    return re.sub(r"^https?://[^/]+", "", url)


@pytest.mark.parametrize(("url", "title"), BOKMAL_URLS.items())
def test_every_bokmal_url_from_before_still_answers_with_the_same_page(client, seeded, url, title):
    response = client.get(url)
    assert response.status_code == 200
    assert soup_of(response).find("h1").get_text(" ", strip=True) == title
    assert _lang_of_h1(response) == ("nb", "nb")
    assert "Accept-Language" not in response.get("Vary", "")


@pytest.mark.parametrize(("url", "title"), ENGLISH_URLS.items())
def test_each_english_page_answers_under_en_in_english(client, seeded, url, title):
    response = client.get(url)
    assert response.status_code == 200
    page = soup_of(response)
    assert page.find("h1").get_text(" ", strip=True) == title
    assert _lang_of_h1(response) == ("en", "en")
    assert response["Content-Language"] == "en"
    assert page.find("meta", property="og:locale")["content"] == "en_GB"


@pytest.mark.parametrize("url", ENGLISH_URLS)
def test_hreflang_alternates_of_an_english_page_and_its_source_point_to_each_other(
    client, seeded, url
):
    english = _alternates(client.get(url))
    assert set(english) == {"nb", "en", "x-default"}
    assert _path(english["en"]) == url
    bokmal = _alternates(client.get(_path(english["nb"])))
    assert bokmal == english
    assert english["x-default"] == english["nb"]


def test_a_page_with_no_translation_has_no_alternates(client, seeded):
    assert _alternates(client.get("/kompetanse/")) == {}


def _switcher_links(response):
    nav = soup_of(response).find("nav", class_="language-switcher")
    return [(link["hreflang"], link["href"], link["lang"]) for link in nav.find_all("a")]


@pytest.mark.parametrize("url", [*BOKMAL_URLS, *ENGLISH_URLS, NYNORSK_URL, "/sok/?q=stimulab"])
def test_the_switcher_never_links_to_a_missing_translation(client, seeded, url):
    links = _switcher_links(client.get(url))
    assert len(links) == 1
    for code, href, lang in links:
        assert code == lang
        target = client.get(href)
        assert target.status_code == 200, href
        assert soup_of(target).find("html")["lang"] == code


def test_the_switcher_offers_the_same_page_where_it_exists_and_else_the_home_page(client, seeded):
    assert _switcher_links(client.get("/virkemidler/stimulab/")) == [
        ("en", "/en/programmes/stimulab/", "en")
    ]
    assert _switcher_links(client.get("/en/programmes/stimulab/")) == [
        ("nb", "/virkemidler/stimulab/", "nb")
    ]
    assert _switcher_links(client.get("/kompetanse/")) == [("en", "/en/", "en")]


def test_the_switcher_drops_a_translation_once_it_is_unpublished(client, seeded):
    Page.objects.get(url_path__endswith="/home/what-is-innovation/").unpublish()
    assert _switcher_links(client.get("/hva-er-innovasjon/")) == [("en", "/en/", "en")]
    assert _alternates(client.get("/hva-er-innovasjon/")) == {}


def _norwegian_interface_strings():
    """Every interface string of ours, in Bokmål (the catalogue's msgids), long enough to be
    told apart from a name: "Status" and "Stimulab" read the same in both languages."""
    return {
        msgid.split("\0")[0]
        for (_context, msgid), msgstr in parse(CATALOGUE.read_text(encoding="utf-8")).items()
        if msgid and msgstr and msgid.split("\0")[0] != msgstr.split("\0")[0]
    }


def test_every_interface_string_has_an_english_translation():
    entries = parse(CATALOGUE.read_text(encoding="utf-8"))
    assert len(entries) > 250
    assert [msgid for msgid, msgstr in entries.items() if msgid[1] and not msgstr] == []


@pytest.mark.parametrize("url", [*ENGLISH_URLS, "/en/search/?q=innovation", "/en/missing/"])
def test_no_norwegian_interface_text_appears_on_an_english_page(client, seeded, url):
    response = client.get(url)
    page = soup_of(response)
    # The page's own content, and links to Norwegian pages marked with their lang, are not
    # interface: what remains is what the templates and code say.
    for marked in page.select('[lang="nb"], [lang="nn"]'):
        if marked.name != "html":
            marked.decompose()
    text = visible_text(str(page))
    attributes = " ".join(
        value
        for tag in page.find_all(True)
        for name, value in tag.attrs.items()
        if name in ("aria-label", "title", "alt", "placeholder") and isinstance(value, str)
    )
    found = [
        string
        for string in _norwegian_interface_strings()
        if len(string) > 3 and "%(" not in string and (string in text or string in attributes)
    ]
    assert found == [], url


def test_the_english_interface_check_sees_norwegian_when_it_is_there(client, seeded):
    # Negative control: the Bokmål page fails the same check.
    text = visible_text(client.get("/virkemidler/stimulab/").content.decode())
    assert "Hopp til hovedinnhold" in _norwegian_interface_strings()
    assert "Hopp til hovedinnhold" in text


def test_the_english_search_is_at_its_own_address_and_finds_only_english_pages(client, seeded):
    response = client.get("/en/search/", {"q": "Stimulab"})
    assert response.status_code == 200
    links = [a["href"] for a in soup_of(response).select(".search-results a, main h2 a")]
    assert "/en/programmes/stimulab/" in links
    assert not [link for link in links if not link.startswith("/en/")]
    assert soup_of(client.get("/en/")).find("form", role="search")["action"] == "/en/search/"
    assert soup_of(client.get("/")).find("form", role="search")["action"] == "/sok/"


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Stemming needs PostgreSQL; SQLite's FTS5 index has no stemmer in any language",
)


@postgresql_only
def test_english_search_uses_english_stemming(client, seeded):
    # "schemes" is only in the English index entry as the stem "scheme" of the English
    # snowball stemmer; "partnership" (singular) finds "partnerships" the same way.
    for query in ("scheme", "partnership"):
        response = client.get("/en/search/", {"q": query})
        assert "/en/programmes/" in response.content.decode(), query


@postgresql_only
def test_norwegian_search_still_finds_inflected_norwegian_forms(client, seeded):
    response = client.get("/sok/", {"q": "virkemiddelet"})
    assert "/virkemidler/" in response.content.decode()
    assert "/en/" not in "".join(a["href"] for a in soup_of(response).select("main h2 a"))


@postgresql_only
def test_english_pages_are_indexed_with_the_english_configuration(seeded):
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    # Filtered on locale itself: the search backends filter only on indexed fields, not joins.
    english = Page.objects.filter(locale=Locale.objects.get(language_code="en"))
    # No English page has the word "innovating"; the English stemmer finds "innovation" in it.
    assert "innovating" not in str(translations.ENGLISH).lower()
    assert not backend.for_language("nb").search("innovating", english)
    assert len(backend.for_language("en").search("innovating", english)) >= 3


def test_the_api_filters_pages_by_locale(client, seeded):
    english = client.get("/api/v2/pages/", {"locale": "en", "limit": 50}).json()
    bokmal = client.get("/api/v2/pages/", {"locale": "nb", "limit": 50}).json()
    assert {item["meta"]["locale"] for item in english["items"]} == {"en"}
    assert english["meta"]["total_count"] == len(ENGLISH_URLS)
    assert {item["meta"]["locale"] for item in bokmal["items"]} == {"nb"}


def test_english_vanity_urls_and_permalinks_lead_to_the_english_page(client, seeded):
    for path in translations.ENGLISH_VANITY_PATHS.values():
        response = client.get(path + "/")
        assert response.status_code == 301, path
        assert response["Location"].startswith("/en/programmes/"), path
    english = Page.objects.get(url_path__endswith="/home/programmes/stimulab/")
    response = client.get(f"/s/{english.pk}/")
    assert response.status_code == 302
    assert response["Location"].endswith("/en/programmes/stimulab/")
    assert client.get("/stimulab/")["Location"] == "/virkemidler/stimulab/"


def test_english_translations_stay_linked_to_their_bokmal_sources(seeded):
    english = Locale.objects.get(language_code="en")
    for page in Page.objects.filter(locale=english):
        source = page.get_translation(Locale.get_default())
        assert source.translation_key == page.translation_key
        assert source.pk != page.pk


def test_the_nynorsk_page_carries_lang_nn_and_the_report_counts_it(client, seeded):
    response = client.get(NYNORSK_URL)
    assert response.status_code == 200
    assert _lang_of_h1(response) == ("nn", "nb")
    built = report.build()
    rows = {standard.code: (pages, share) for standard, pages, share, *_ in built.rows()}
    norwegian = Page.objects.live().public().filter(depth__gt=1, locale=Locale.get_default())
    total = sum(1 for page in norwegian.specific() if isinstance(page, BasePage))
    assert rows["nn"][0] == 1
    assert rows["nb"][0] == total - 1
    assert rows["nn"][1] == (Decimal(100) / total).quantize(Decimal("0.1"))
    # English translations are in neither standard.
    counted = [page.pk for standard in built.standards for page, _ in standard.pages]
    assert not Page.objects.filter(pk__in=counted, locale__language_code="en").exists()


def test_loading_the_seed_again_makes_no_second_english_version(seeded):
    from io import StringIO

    from django.core.management import call_command

    before = Page.objects.count()
    out = StringIO()
    call_command("load_seed_content", stdout=out)
    assert Page.objects.count() == before
    assert HomePage.objects.filter(locale__language_code="en").count() == 1
    assert "Ingenting ble endret" in out.getvalue()


def test_a_deleted_english_page_is_not_made_again(seeded):
    from io import StringIO

    from django.core.management import call_command

    Page.objects.get(url_path__endswith="/home/principles/").delete()
    call_command("load_seed_content", stdout=StringIO())
    assert not Page.objects.filter(url_path__endswith="/home/principles/").exists()


def test_the_page_cache_keeps_each_language_apart(client, seeded, settings):
    settings.PAGE_CACHE_SECONDS = 60
    first = client.get("/en/")
    second = client.get("/")
    assert soup_of(first).find("html")["lang"] == "en"
    assert soup_of(second).find("html")["lang"] == "nb"
    assert soup_of(client.get("/en/")).find("html")["lang"] == "en"


def test_the_sitemap_lists_every_language_with_its_alternates(client, seeded):
    from xml.etree import ElementTree

    names = {
        "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
        "x": "http://www.w3.org/1999/xhtml",
    }
    tree = ElementTree.fromstring(client.get("/sitemap.xml").content)
    entries = {
        _path(url.find("s:loc", names).text): {
            link.get("hreflang"): _path(link.get("href")) for link in url.findall("x:link", names)
        }
        for url in tree.findall("s:url", names)
    }
    assert set(ENGLISH_URLS) <= set(entries)
    assert set(BOKMAL_URLS) <= set(entries)
    assert entries["/en/programmes/stimulab/"] == {
        "nb": "/virkemidler/stimulab/",
        "en": "/en/programmes/stimulab/",
    }
    assert entries["/virkemidler/stimulab/"] == entries["/en/programmes/stimulab/"]
    assert entries["/kompetanse/"] == {}


def test_a_translation_shows_when_its_source_changed_after_it(seeded):
    from pages.languages import translation_status

    english = Page.objects.get(url_path__endswith="/home/what-is-innovation/").specific
    assert translation_status(english).source_changed is False
    source = english.get_translation(Locale.get_default()).specific
    source.lead = source.lead + " Endret."
    source.save_revision().publish()
    assert translation_status(english).source_changed is True
    english.save_revision().publish()
    english.refresh_from_db()
    assert translation_status(english).source_changed is False
    assert translation_status(source) is None


def test_editors_see_a_changed_source_in_the_editor_and_the_report(seeded, admin_client):
    english = Page.objects.get(url_path__endswith="/home/principles/").specific
    source = english.get_translation(Locale.get_default()).specific
    source.save_revision().publish()
    editor = admin_client.get(f"/admin/pages/{english.pk}/edit/").content.decode()
    assert "Kilden er publisert på nytt" in editor
    assert (
        "Kilden er publisert på nytt"
        not in admin_client.get(f"/admin/pages/{source.pk}/edit/").content.decode()
    )
    listing = soup_of(admin_client.get("/admin/rapporter/malform/"))
    rows = {
        row.find("td").get_text(strip=True): row.find_all("td")[2].get_text(strip=True)
        for row in listing.find_all("table")[-1].find("tbody").find_all("tr")
    }
    assert rows[english.title] == "Kilden er endret etter oversettelsen"
    assert rows["Stimulab"] == "Oppdatert"


def test_the_api_without_a_locale_lists_the_bokmal_pages_as_before(client, seeded):
    listed = client.get("/api/v2/pages/", {"limit": 50}).json()
    assert {item["meta"]["locale"] for item in listed["items"]} == {"nb"}


def test_editors_meet_the_translate_action_in_bokmal(admin_client, seeded):
    program = Page.objects.get(locale__language_code="nb", slug="startoff")
    english = Locale.objects.get(language_code="en")
    Page.objects.filter(locale=english, slug="startoff").delete()
    page = soup_of(admin_client.get(f"/admin/pages/{program.pk}/edit/"))
    assert page.find("a", href=f"/admin/translation/submit/page/{program.pk}/")
    form = admin_client.get(f"/admin/translation/submit/page/{program.pk}/").content.decode()
    assert "Oversett" in form and "Translate" not in visible_text(form)


def test_editors_may_start_a_translation(db):
    from django.contrib.auth.models import Group

    for name in ("Redaktører", "Godkjennere"):
        codenames = Group.objects.get(name=name).permissions.values_list("codename", flat=True)
        assert "submit_translation" in codenames, name


def test_an_english_request_leaves_the_language_it_found(client, seeded):
    """A page rendered inside another request (the editor's readability box) must not switch
    the request around it to English."""
    from django.utils import translation

    with translation.override("nb"):
        assert client.get("/en/")["Content-Language"] == "en"
        assert translation.get_language() == "nb"


def _editor_sections(client, page):
    html = soup_of(client.get(f"/admin/pages/{page.pk}/edit/"))
    form = html.select_one("form[data-edit-form]")
    headings = {h.get_text(strip=True) for h in form.select("[data-panel-heading-text]")}
    # The checks side panel has its own heading for the LIX.
    headings |= {h.get_text(strip=True) for h in html.select('[data-side-panel="checks"] h2')}
    return headings, form.select_one('[name="written_standard"]') is not None


def test_each_language_gets_only_its_own_panels_in_the_editor(seeded, admin_client):
    english = Page.objects.get(url_path__endswith="/home/principles/").specific
    norwegian = english.get_translation(Locale.get_default()).specific

    headings, has_written_standard = _editor_sections(admin_client, english)
    assert "Oversettelse" in headings
    assert "Lesbarhet (LIX)" not in headings and "Målform" not in headings
    assert not has_written_standard

    headings, has_written_standard = _editor_sections(admin_client, norwegian)
    assert "Oversettelse" not in headings
    assert {"Lesbarhet (LIX)", "Målform"} <= headings
    assert has_written_standard


def test_an_english_page_saves_without_a_written_standard(seeded, admin_client):
    from tests.admin_forms import edit_form_data

    english = Page.objects.get(url_path__endswith="/home/principles/").specific
    data = edit_form_data(admin_client, english, {"title": "Principles, revised"})
    assert "written_standard" not in data
    response = admin_client.post(f"/admin/pages/{english.pk}/edit/", data)
    assert response.status_code == 302
    english.refresh_from_db()
    assert english.get_latest_revision_as_object().title == "Principles, revised"
