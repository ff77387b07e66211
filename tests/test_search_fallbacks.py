"""A search that forgives (issue 23, point 2): long queries cut between words, operators from
other search engines left out, any of the words when all of them find nothing, and misspelt words
corrected from the site's own vocabulary on PostgreSQL."""

import pytest
from django.db import connection

from pages.models import ContentPage
from search import vocabulary
from search.views import MAX_QUERY_LENGTH, sanitise_query, search_terms
from tests.conftest import soup_of

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the vocabulary needs PostgreSQL's pg_trgm"
)


def _search(client, q):
    return soup_of(client.get("/sok/", {"q": q}))


def _hrefs(soup):
    return [link["href"] for link in soup.select(".search-result h2 a")]


def test_a_long_query_is_cut_between_two_words():
    query, truncated = sanitise_query("hva er innovasjon i offentlig sektor " * 14)
    assert truncated
    assert len(query) <= MAX_QUERY_LENGTH
    assert query.split()[-1] in {"hva", "er", "innovasjon", "i", "offentlig", "sektor"}


def test_a_single_overlong_word_is_cut_at_the_limit():
    assert sanitise_query("a" * 500) == ("a" * MAX_QUERY_LENGTH, True)


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ("innovasjon OR stimulab", "innovasjon stimulab"),
        ("stimulab AND NOT startoff", "stimulab startoff"),
        ("AND OR NOT", ""),
        ("or and not", "or and not"),
        ("ORKESTER", "ORKESTER"),
    ],
)
def test_search_terms_leave_out_the_operators_of_other_search_engines(query, terms):
    assert search_terms(query) == terms


def test_an_operator_is_not_searched_as_a_word(client, seeded):
    assert "/virkemidler/stimulab/" in _hrefs(_search(client, "innovasjon OR stimulab"))


def test_when_no_page_has_all_the_words_the_pages_with_some_of_them_are_shown(client, seeded):
    assert _hrefs(_search(client, "stimulab blåbærsyltetøy"))[0] == "/virkemidler/stimulab/"


@postgresql_only
def test_a_misspelt_word_is_corrected_and_the_reader_told(client, seeded):
    soup = _search(client, "stimulap")
    assert _hrefs(soup)[0] == "/virkemidler/stimulab/"
    notice = soup.select_one(".search-correction").get_text(strip=True)
    assert notice == "Ingen treff på «stimulap», så vi søkte på «stimulab»."
    assert "treff på «stimulab»" in soup.select_one('[role="status"]').get_text()


@postgresql_only
def test_a_word_unlike_any_on_the_site_is_not_corrected(client, seeded):
    soup = _search(client, "finnesikke")
    assert not _hrefs(soup)
    assert not soup.select(".search-correction")


@postgresql_only
def test_a_published_page_adds_its_words_to_the_vocabulary(client, seeded):
    assert not _hrefs(_search(client, "kvantedatamaskn"))
    page = seeded.add_child(
        instance=ContentPage(
            title="Kvantedatamaskiner", slug="kvante", lead="Om kvantedatamaskiner."
        )
    )
    page.save_revision().publish()
    assert _hrefs(_search(client, "kvantedatamaskn")) == ["/kvante/"]


@postgresql_only
@pytest.mark.parametrize(
    ("query", "href"),
    [
        ("innkjøp", "/virkemidler/startoff/"),
        ("oppstart", "/virkemidler/startoff/"),
    ],
)
def test_a_part_of_five_letters_finds_the_compound_it_is_part_of(client, seeded, query, href):
    assert _hrefs(_search(client, query))[0] == href


@postgresql_only
def test_a_part_of_four_letters_is_not_looked_for_in_compounds(seeded):
    # Both are part of «innkjøpsprosessen»; «kjøp» is too short a part to count.
    assert vocabulary.compounds("kjøp innkjøp", "nb") == {"innkjøp": ["innkjøpsprosessen"]}


def test_a_search_without_hits_offers_the_programs_and_the_other_language(client, seeded):
    soup = _search(client, "finnesikke")
    links = {link.get_text(strip=True): link["href"] for link in soup.select(".search-tips a")}
    assert links["Se alle virkemidlene"] == "/virkemidler/"
    other = soup.select_one('.search-tips a[hreflang="en"]')
    assert other["href"] == "/en/search/?q=finnesikke"
    assert other["lang"] == "en"
    assert other.get_text(strip=True) == "Search the English pages for “finnesikke”"


def test_the_english_search_without_hits_offers_the_norwegian_one(client, seeded):
    soup = soup_of(client.get("/en/search/", {"q": "finnesikke"}))
    links = {link.get_text(strip=True): link["href"] for link in soup.select(".search-tips a")}
    assert links["See all schemes"] == "/en/programmes/"
    assert links["Søk i de norske sidene etter «finnesikke»"] == "/sok/?q=finnesikke"
