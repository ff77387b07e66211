"""A search that forgives (issue 23, point 2): long queries cut between words, operators from
other search engines left out, any of the words when all of them find nothing, and misspelt words
corrected from the site's own vocabulary on PostgreSQL."""

import pytest
from django.db import connection

from pages.models import ContentPage
from search import vocabulary
from search.views import MAX_QUERY_LENGTH, alternatives, sanitise_query, search_terms
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
    soup = _search(client, "xylofon")
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
    soup = _search(client, "xylofon")
    links = {link.get_text(strip=True): link["href"] for link in soup.select(".search-tips a")}
    assert links["Se alle virkemidlene"] == "/virkemidler/"
    other = soup.select_one('.search-tips a[hreflang="en"]')
    assert other["href"] == "/en/search/?q=xylofon"
    assert other["lang"] == "en"
    assert other.get_text(strip=True) == "Search the English pages for “xylofon”"


def test_the_english_search_without_hits_offers_the_norwegian_one(client, seeded):
    soup = soup_of(client.get("/en/search/", {"q": "xylofon"}))
    links = {link.get_text(strip=True): link["href"] for link in soup.select(".search-tips a")}
    assert links["See all schemes"] == "/en/programmes/"
    assert links["Søk i de norske sidene etter «xylofon»"] == "/sok/?q=xylofon"


@pytest.mark.parametrize(
    ("a", "b", "count"),
    [("kompetence", "kompetanse", 2), ("stimulap", "stimulab", 1), ("startof", "startoff", 1)],
)
def test_edits_count_letters_replaced_added_or_left_out(a, b, count):
    assert vocabulary.edits(a, b) == count


def test_two_letters_swapped_are_one_edit():
    assert vocabulary.edits("prinsipper", "prinispper") == 1


@postgresql_only
def test_a_long_word_two_letters_wrong_is_corrected(client, seeded):
    # Only 0.38 similar by trigrams to «kompetanse», but two letters from it.
    soup = _search(client, "kompetence")
    assert _hrefs(soup)[0] == "/kompetanse/"
    assert "«kompetanse»" in soup.select_one(".search-correction").get_text()


@postgresql_only
def test_a_short_word_two_letters_wrong_is_not_corrected(seeded):
    # «presens» is two letters from «prosess», as far as a five-to-seven-letter word may not go.
    assert vocabulary.corrected("presens", "nb") is None


@postgresql_only
@pytest.mark.parametrize(
    ("query", "href"),
    [
        ("søknadsfrist", "/virkemidler/stimulab/"),
        ("brukerinvolvering", "/virkemidler/stimulab/"),
    ],
)
def test_a_compound_the_site_does_not_use_finds_its_parts(client, seeded, query, href):
    assert _hrefs(_search(client, query))[0] == href


@postgresql_only
def test_a_compound_is_split_after_the_joining_letter(seeded):
    # «søknad» (begun in «søknaden») + «s» + «frist»; the first part alone would be the verb
    # «bruker», so «brukerinvolvering» looks for the longer words that begin with it.
    assert vocabulary.split_words("søknadsfrist", "nb") == {"søknadsfrist": ["søknaden"]}
    assert set(vocabulary.split_words("brukerinvolvering", "nb")["brukerinvolvering"]) == {
        "brukerne",
        "brukernes",
    }


@postgresql_only
def test_a_word_the_site_uses_is_not_split(seeded):
    assert vocabulary.split_words("innovasjonsnettverket", "nb") == {}


@pytest.mark.parametrize(
    ("query", "parts"),
    [
        ("innovasjon OR stimulab", ["innovasjon", "stimulab"]),
        (
            "hva er innovasjon OR prinsipper AND NOT stimulab",
            ["hva er innovasjon", "prinsipper stimulab"],
        ),
        ("OR stimulab OR", ["stimulab"]),
        ("innovasjon or stimulab", ["innovasjon or stimulab"]),
    ],
)
def test_or_between_words_makes_alternatives(query, parts):
    assert alternatives(query) == parts


def test_a_page_with_either_alternative_is_found(client, seeded):
    # No page has both «personvern» and «startoff».
    hrefs = _hrefs(_search(client, "personvern OR startoff"))
    assert {"/personvern/", "/virkemidler/startoff/"} <= set(hrefs)


@postgresql_only
def test_english_typed_into_the_norwegian_search_finds_the_english_pages(client, seeded):
    soup = _search(client, "principles")
    assert _hrefs(soup)[0] == "/en/principles/"
    notice = soup.select_one(".search-other-language").get_text(strip=True)
    assert notice == "«principles» ser ut til å være engelsk, så du får treff i de engelske sidene."


@postgresql_only
def test_norwegian_typed_into_the_english_search_finds_the_norwegian_pages(client, seeded):
    soup = soup_of(client.get("/en/search/", {"q": "personvern"}))
    assert _hrefs(soup)[0] == "/personvern/"
    assert "looks like Norwegian" in soup.select_one(".search-other-language").get_text()


@postgresql_only
def test_a_word_both_languages_use_stays_in_the_language_searched(client, seeded):
    soup = _search(client, "stimulab")
    assert _hrefs(soup)[0] == "/virkemidler/stimulab/"
    assert not soup.select(".search-other-language")


@postgresql_only
def test_hits_for_part_of_a_misspelt_query_come_with_a_suggestion(client, seeded):
    soup = _search(client, "innovsjon nettverk")
    assert _hrefs(soup)
    link = soup.select_one(".search-suggestion a")
    assert link.get_text(strip=True) == "«innovasjon nettverk»"
    assert _hrefs(_search(client, "innovasjon nettverk"))
    assert link["href"] == "?q=innovasjon+nettverk&side=1"


@postgresql_only
def test_hits_for_every_word_come_without_a_suggestion(client, seeded):
    assert not _search(client, "innovasjon nettverk").select(".search-suggestion")


def test_an_english_word_without_an_english_page_finds_the_norwegian_one(client, seeded):
    # «privacy» ↔ «personvern»: a synonym of search/migrations/0004.
    assert _hrefs(_search(client, "privacy"))[0] == "/personvern/"


def test_a_nynorsk_word_finds_the_bokmal_page(client, seeded):
    assert _hrefs(_search(client, "verkemiddel"))[0] == "/virkemidler/"


@postgresql_only
def test_a_word_longer_than_any_a_reader_means_is_neither_corrected_nor_split(seeded):
    word = "innovasjon" * 5
    assert vocabulary.corrected(word, "nb") is None
    assert vocabulary.split_words(word, "nb") == {}
    assert vocabulary.split_words("innovasjonsprosjekt", "nb")
