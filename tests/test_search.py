"""Site search at /sok/: finds the content, survives any input, shows promotions, logs nothing."""

from itertools import pairwise

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Page, PageViewRestriction

from core.pagination import parse_page_number
from pages.models import ContentPage
from programs.models import ProgramPage
from search import views as search_module
from search.views import (
    MAX_QUERY_LENGTH,
    has_words,
    highlight,
    sanitise_query,
)
from tests.conftest import soup_of, visible_text

SITE = settings.WAGTAIL_SITE_NAME


def _search(client, q=None, **params):
    if q is not None:
        params["q"] = q
    return client.get("/sok/", params)


def _titles(response):
    return [h2.get_text(strip=True) for h2 in soup_of(response).select(".search-result h2")]


def _status_text(response):
    status = soup_of(response).select_one('[role="status"]')
    return status.get_text(" ", strip=True) if status else None


# --- Pure helpers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", ""),
        ("  innovasjon  ", "innovasjon"),
        ("stimu\x00lab", "stimulab"),
        ('" OR 1=1', "OR 1=1"),
        ('foo"bar', "foo bar"),
        ("en\ttekst\nmed\rlinjer", "en tekst med linjer"),
        ("null\x01\x1b\x7fbredde\u200bord\ufeff", "nullbreddeord"),
        ("høyre\u202etil venstre", "høyretil venstre"),
        ("\u2028 \u2029", ""),
        ("blåbær   ØKONOMI", "blåbær ØKONOMI"),
    ],
)
def test_sanitise_query_strips_control_characters_and_quotes(raw, expected):
    assert sanitise_query(raw) == (expected, False)


def test_sanitise_query_caps_the_length():
    query, truncated = sanitise_query("innovasjon " * 1000)
    assert truncated
    assert len(query) <= MAX_QUERY_LENGTH
    assert query.startswith("innovasjon innovasjon")
    assert sanitise_query("a" * MAX_QUERY_LENGTH) == ("a" * MAX_QUERY_LENGTH, False)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("innovasjon", True),
        ("æøå", True),
        ("2020", True),
        ("", False),
        ("   ", False),
        ('"', False),
        ("*", False),
        ("--", False),
        ("_", False),
        ("🚀💡", False),
        ("'; --", False),
    ],
)
def test_has_words_needs_a_letter_or_digit(query, expected):
    assert has_words(query) is expected


def test_highlight_marks_whole_words_case_insensitively_with_norwegian_letters():
    assert highlight("Økonomi og ØKONOMISK styring", "økonomi") == (
        "<mark>Økonomi</mark> og <mark>ØKONOMISK</mark> styring"
    )
    assert highlight("Programmet tar ikke inn nye prosjekter.", "program") == (
        "<mark>Programmet</mark> tar ikke inn nye prosjekter."
    )
    # Only the start of a word counts: "innovasjon" inside another word is left alone.
    assert highlight("Sosialinnovasjon og innovasjon", "innovasjon") == (
        "Sosialinnovasjon og <mark>innovasjon</mark>"
    )


def test_highlight_finds_an_inflected_form_through_its_stem():
    assert highlight("Programmet tar ikke inn nye prosjekter.", "programmene") == (
        "<mark>Programmet</mark> tar ikke inn nye prosjekter."
    )


def test_highlight_escapes_the_text_and_the_query():
    html = highlight('<script>alert("x")</script> & script', "<script>")
    assert "<script" not in html
    assert html == (
        "&lt;<mark>script</mark>&gt;alert(&quot;x&quot;)&lt;/<mark>script</mark>&gt; "
        "&amp; <mark>script</mark>"
    )
    # A query word that looks like an entity name does not break the escaping.
    assert highlight("Tom & Jerry", "amp") == "Tom &amp; Jerry"


def test_highlight_without_words_only_escapes():
    assert highlight("a < b", "🚀") == "a &lt; b"
    assert highlight("", "innovasjon") == ""
    assert highlight(None, "innovasjon") == ""


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, 1),
        ("", 1),
        ("1", 1),
        ("3", 3),
        (" 2 ", 2),
        ("007", 7),
        ("999999", 999999),
        ("9" * 5000, 10**9),
        ("0", None),
        ("-1", None),
        ("abc", None),
        ("1e9", None),
        ("1.5", None),
        ("\x00", None),
        ("２", None),
    ],
)
def test_parse_page_number(value, expected):
    assert parse_page_number(value) == expected


# --- Finding content ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("tverrfaglig", "Stimulab"),
        ("oppstartsselskaper", "StartOff"),
        ("tverrsektorielt", "Nettverk for innovasjon"),
        ("Stimulab", "Stimulab"),
    ],
)
def test_search_finds_each_program_by_words_from_its_text(client, seeded, query, title):
    response = _search(client, query)
    assert response.status_code == 200
    assert _titles(response)[0] == title


def test_search_finds_words_from_sources_and_introductions(client, seeded):
    titles = _titles(_search(client, "OECD"))
    assert "Hva er innovasjon i offentlig sektor?" in titles
    assert "Innovasjon krever at vi utvikler kultur, kompetanse, ledelse og nye samarbeid" in titles


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Norwegian stemming needs PostgreSQL; SQLite's FTS5 index has no stemmer",
)
def test_an_inflected_form_finds_the_base_form_on_postgresql(client, seeded):
    startoff = ProgramPage.objects.get(locale__language_code="nb", slug="startoff")
    assert "Programmet" in startoff.how_to_take_part
    text = " ".join(str(getattr(startoff, f.field_name)) for f in startoff.search_fields)
    assert "programmene" not in text.lower()
    # Both words stem to "programm" with PostgreSQL's Norwegian snowball stemmer.
    response = _search(client, "programmene")
    assert response.status_code == 200
    assert "StartOff" in _titles(response)


def test_search_leaves_out_drafts_private_pages_and_other_sites(client, seeded):
    assert _titles(_search(client, "innkjøpsprosessen")) == ["StartOff"]
    assert "Stimulab" in _titles(_search(client, "tverrfaglig"))
    startoff = ProgramPage.objects.get(locale__language_code="nb", slug="startoff")
    startoff.unpublish()
    stimulab = ProgramPage.objects.get(locale__language_code="nb", slug="stimulab")
    PageViewRestriction.objects.create(
        page=stimulab, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
    )
    root = Page.get_first_root_node()
    root.add_child(instance=ContentPage(title="Annet nettsted", slug="annet", lead="tverrfaglig"))

    assert _titles(_search(client, "innkjøpsprosessen")) == []
    assert _titles(_search(client, "tverrfaglig")) == []


def test_search_page_has_one_h1_a_norwegian_title_and_noindex(client, seeded):
    response = _search(client, "stimulab")
    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.title.get_text() == f"Søk etter «stimulab» – {SITE}"
    assert [h1.get_text(strip=True) for h1 in soup.find_all("h1")] == ["Søk"]
    assert soup.select_one('meta[name="robots"]')["content"] == "noindex"
    levels = [int(h.name[1]) for h in soup.select("main h1, main h2, main h3, main h4")]
    assert all(b - a <= 1 for a, b in pairwise(levels)), levels
    assert _status_text(response) == "2 treff på «stimulab»."
    field = soup.select_one("main form.ds-search input#page-search-q")
    assert field["value"] == "stimulab"
    assert soup.select_one(f'label[for="{field["id"]}"]')
    crumbs = soup.select_one("nav.ds-breadcrumbs ol")
    assert visible_text(str(crumbs)) == "Forside Søk"
    assert crumbs.select_one('[aria-current="page"]').get_text() == "Søk"


def test_the_empty_search_page_invites_a_query(client, seeded):
    response = _search(client)
    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.title.get_text() == f"Søk – {SITE}"
    assert "Skriv inn ett eller flere ord" in visible_text(response.content.decode())
    assert not soup.select(".search-result")
    assert soup.select_one('meta[name="robots"]')["content"] == "noindex"


def test_a_result_shows_title_link_breadcrumb_and_highlighted_summary(client, seeded):
    response = _search(client, "UTVIKLINGSPROSJEKTER")
    result = soup_of(response).select_one(".search-result")
    assert result.select_one("h2 a")["href"] == "/virkemidler/stimulab/"
    path = result.select_one(".search-result__path")
    assert visible_text(str(path)) == "Plassering: Forside › Virkemidler"
    summary = result.select_one(".search-result__summary")
    assert str(summary.mark) == "<mark>utviklingsprosjekter</mark>"
    assert (
        summary.get_text()
        == ProgramPage.objects.get(locale__language_code="nb", slug="stimulab").card_text
    )


def test_a_top_level_page_has_the_home_page_as_breadcrumb(client, seeded):
    response = _search(client, "handlingsrom")
    result = soup_of(response).select_one(".search-result")
    assert result.select_one("h2").get_text(strip=True) == "Innovasjon krever handlingsrom"
    assert visible_text(str(result.select_one(".search-result__path"))) == "Plassering: Forside"


# --- Promotions -----------------------------------------------------------------------------


def test_a_promoted_result_comes_first_labelled_and_only_once(client, seeded):
    promoted = ContentPage.objects.get(slug="handlingsrom")
    query = Query.objects.create(query_string="innovasjon")
    SearchPromotion.objects.create(
        query=query, page=promoted, description="Les om handlingsrom for innovasjon.", sort_order=0
    )
    SearchPromotion.objects.create(
        query=query,
        external_link_url="https://www.digdir.no/innovasjon",
        external_link_text="Innovasjon hos Digdir",
        sort_order=1,
    )
    draft = ContentPage.objects.get(slug="kompetanse")
    draft.unpublish()
    SearchPromotion.objects.create(query=query, page=draft, sort_order=2)

    response = _search(client, "  Innovasjon ")
    soup = soup_of(response)
    results = soup.select(".search-result")
    titles = _titles(response)
    assert titles[:2] == ["Innovasjon krever handlingsrom", "Innovasjon hos Digdir"]
    assert titles.count("Innovasjon krever handlingsrom") == 1
    assert "Kompetanse som fremmer innovasjon" not in titles
    for result in results[:2]:
        assert result.select_one(".ds-tag").get_text(strip=True) == "Anbefalt"
    assert not any(result.select(".ds-tag") for result in results[2:])
    assert "<mark>innovasjon</mark>" in str(results[0].select_one(".search-result__summary"))
    assert results[1].select_one("a")["href"] == "https://www.digdir.no/innovasjon"
    assert _status_text(response) == f"{len(titles)} treff på «Innovasjon»."


def test_a_promotion_shows_even_when_the_page_does_not_match(client, seeded):
    # No page has the word, nor a compound of it (search/vocabulary.py).
    query = Query.objects.create(query_string="kvantedatamaskin")
    SearchPromotion.objects.create(
        query=query, page=ProgramPage.objects.get(locale__language_code="nb", slug="startoff")
    )
    assert _titles(_search(client, "kvantedatamaskin")) == ["StartOff"]


def test_searching_stores_no_queries_or_hits(client, seeded):
    Query.objects.create(query_string="stimulab")
    before = list(Query.objects.values_list("query_string", flat=True))
    for q in ("stimulab", "innovasjon", "programmene", "per.hansen@example.no", ""):
        assert _search(client, q).status_code == 200
    assert list(Query.objects.values_list("query_string", flat=True)) == before
    assert not QueryDailyHits.objects.exists()


# --- Hostile and malformed input ------------------------------------------------------------

NO_WORDS = "Søket inneholder ingen ord"
NO_HITS = "Ingen treff på"
INVITE = "Skriv inn ett eller flere ord"


@pytest.mark.parametrize(
    ("q", "message"),
    [
        ("", INVITE),
        ("   \t\n ", INVITE),
        ("a" * 10_000, "kortet det ned"),
        ("innovasjon " * 1000, "kortet det ned"),
        ("%00", NO_HITS),
        ("\x00", NO_WORDS),
        ("stimulab\x00", "2 treff på «stimulab»"),
        ("'; DROP TABLE wagtailcore_page; --", NO_HITS),
        # Without the operator only «1=1» is searched, which SQLite reads as the number 1.
        ('" OR 1=1', "treff på «OR 1=1»"),
        ("<script>alert(1)</script>", NO_HITS),
        ("🚀💡", NO_WORDS),
        ('"', NO_WORDS),
        ('"stimulab', "2 treff på «stimulab»"),
        ("*", NO_WORDS),
        ("NEAR(", NO_HITS),
        ("stimulab*", "2 treff på «stimulab*»"),
        ("-", NO_WORDS),
        ("\u2028", INVITE),
        ("_", NO_WORDS),
        ("AND OR NOT", NO_HITS),
        ("\\", NO_WORDS),
    ],
    ids=lambda value: repr(value)[:40],
)
def test_any_query_gets_a_friendly_norwegian_answer(client, seeded, q, message):
    pages_before = Page.objects.count()
    response = _search(client, q)
    assert response.status_code in (200, 400)
    html = response.content.decode()
    assert '<html lang="nb"' in html
    assert message in visible_text(html)
    assert "<script>alert" not in html
    assert "\x00" not in html
    assert Page.objects.count() == pages_before


def test_hostile_html_in_the_query_is_escaped_everywhere(client, seeded):
    response = _search(client, '<script>alert(1)</script><img src=x onerror="alert(2)">')
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    soup = soup_of(response)
    assert soup.title.get_text().startswith("Søk etter «<script>alert(1)</script>")
    assert soup.select_one("#page-search-q")["value"].startswith("<script>")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_long_query_is_cut_and_the_visitor_told(client, seeded):
    response = _search(client, "stimulab " + "x" * 10_000)
    assert response.status_code == 200
    text = visible_text(response.content.decode())
    assert "lengre enn 200 tegn" in text
    assert len(soup_of(response).select_one("#page-search-q")["value"]) <= MAX_QUERY_LENGTH


@pytest.mark.parametrize("side", ["-1", "abc", "0", "1e9", "%00", "1.0", "2,5", "%EF%BC%92"])
def test_an_invalid_page_number_answers_400_in_norwegian(client, seeded, side):
    response = client.get(f"/sok/?q=stimulab&side={side}")
    assert response.status_code == 400
    soup = soup_of(response)
    assert "Ugyldig sidenummer" in visible_text(response.content.decode())
    assert soup.select_one("#page-search-q")["value"] == "stimulab"
    assert soup.find("a", string="Gå til første side med treff")["href"] == "?q=stimulab&side=1"
    assert not soup.select(".search-result")


def test_a_blank_page_number_is_the_first_page(client, seeded):
    response = client.get("/sok/?q=stimulab&side=")
    assert response.status_code == 200
    assert _titles(response)[0] == "Stimulab"


def test_an_invalid_page_number_without_a_query_answers_400(client, seeded):
    response = client.get("/sok/?side=abc")
    assert response.status_code == 400
    assert "Ugyldig sidenummer" in visible_text(response.content.decode())


@pytest.mark.parametrize("side", ["2", "999999", "9" * 5000])
def test_a_page_past_the_last_links_to_the_last_page(client, seeded, side):
    response = client.get(f"/sok/?q=stimulab&side={side}")
    assert response.status_code == 200
    soup = soup_of(response)
    assert "Siden finnes ikke" in visible_text(response.content.decode())
    assert soup.find("a", string="Gå til siste side (side 1)")["href"] == "?q=stimulab&side=1"
    assert not soup.select(".search-result")


def test_a_page_past_the_last_without_hits_just_says_no_hits(client, seeded):
    response = client.get("/sok/?q=xylofon&side=5")
    assert response.status_code == 200
    assert "Ingen treff på «xylofon»" in visible_text(response.content.decode())


def test_a_database_error_gives_a_friendly_page(client, seeded, monkeypatch):
    # Without the sanitising, a quote breaks SQLite's FTS5 syntax and a NUL byte is refused by
    # PostgreSQL: both raise a DatabaseError, which must not become a 500 nor poison the
    # transaction the rest of the page (menu, footer settings) still reads from.
    monkeypatch.setattr(search_module, "sanitise_query", lambda raw: (raw, False))
    response = _search(client, 'stimulab"\x00')
    assert response.status_code == 200
    text = visible_text(response.content.decode())
    assert "Vi kunne ikke søke akkurat nå" in text
    assert "Virkemidler" in text  # the main menu still rendered after the failed query
    assert "postmottak@digdir.no" in text  # and so did the footer


# --- Pagination -----------------------------------------------------------------------------


def _make_pages(home, count):
    for number in range(1, count + 1):
        home.add_child(
            instance=ContentPage(
                title=f"Testside {number}",
                slug=f"testside-{number}",
                lead=f"Side nummer {number} om blåbærsyltetøy.",
            )
        )


def test_more_than_ten_results_are_paginated(client, seeded):
    _make_pages(seeded, 12)

    first = _search(client, "BLÅBÆRSYLTETØY")
    assert first.status_code == 200
    assert _status_text(first) == "12 treff på «BLÅBÆRSYLTETØY», side 1 av 2."
    assert len(_titles(first)) == 10
    soup = soup_of(first)
    assert "<mark>blåbærsyltetøy</mark>" in str(soup.select_one(".search-result__summary"))
    nav = soup.select_one("nav.ds-pagination")
    assert nav["aria-label"] == "Sidenavigering"
    current = nav.select('[aria-current="true"]')
    assert [a.get_text() for a in current] == ["1"]
    assert nav.select_one('a[aria-label="Side 2"]')["href"] == (
        "?q=BL%C3%85B%C3%86RSYLTET%C3%98Y&side=2"
    )
    assert nav.select_one('a[aria-label="Neste side"]')["href"].endswith("side=2")
    assert nav.select_one("li:first-child a")["aria-hidden"] == "true"  # no "Forrige" on page 1
    assert not nav.select_one("li:first-child a").has_attr("href")

    second = client.get(nav.select_one('a[aria-label="Side 2"]')["href"].replace("?", "/sok/?"))
    assert second.status_code == 200
    assert len(_titles(second)) == 2
    assert set(_titles(first)).isdisjoint(_titles(second))
    assert sorted(_titles(first) + _titles(second)) == sorted(f"Testside {n}" for n in range(1, 13))
    nav = soup_of(second).select_one("nav.ds-pagination")
    assert [a.get_text() for a in nav.select('[aria-current="true"]')] == ["2"]
    assert nav.select_one('a[aria-label="Forrige side"]')["href"].endswith("side=1")

    past = _search(client, "blåbærsyltetøy", side=3)
    assert past.status_code == 200
    link = soup_of(past).find("a", string="Gå til siste side (side 2)")
    assert link["href"].endswith("side=2")


def _page_links(response):
    """The page links as a reader sees them, the current page in brackets: "1 … 5 [6] 7 … 12"."""
    items = soup_of(response).select("nav.ds-pagination li")[1:-1]  # not "Forrige", "Neste"
    shown = []
    for item in items:
        link = item.a
        if link is None:
            assert not item.contents  # Designsystemet draws "…" in an empty item
            shown.append("…")
            continue
        assert link["href"].endswith(f"side={link.get_text()}")
        current = link.get("aria-current") == "true"
        shown.append(f"[{link.get_text()}]" if current else link.get_text())
    return " ".join(shown)


def test_long_result_lists_link_the_ends_and_the_neighbours_of_the_current_page(
    client, seeded, monkeypatch
):
    monkeypatch.setattr(search_module, "RESULTS_PER_PAGE", 1)
    _make_pages(seeded, 12)
    expected = {
        1: "[1] 2 … 12",
        4: "1 2 3 [4] 5 … 12",  # a gap of one page shows the page, not "…"
        6: "1 … 5 [6] 7 … 12",
        12: "1 … 11 [12]",
    }
    for side, links in expected.items():
        assert _page_links(_search(client, "blåbærsyltetøy", side=side)) == links


def test_ten_results_need_no_pagination(client, seeded):
    _make_pages(seeded, 10)
    response = _search(client, "blåbærsyltetøy")
    assert len(_titles(response)) == 10
    assert not soup_of(response).select("nav.ds-pagination")


def test_a_repeated_search_is_answered_without_searching_again(client, seeded):
    first = _titles(_search(client, "stimulab"))
    with CaptureQueriesContext(connection) as queries:
        again = _titles(_search(client, "stimulab"))
    assert again == first
    assert not [query for query in queries.captured_queries if "indexentry" in query["sql"]]
