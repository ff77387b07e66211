"""Synonyms and promotions that editors manage (search/models.py): a search for one term also
finds the pages that use another, and a promotion fires on other forms of its query, with no
code per query."""

import pytest
from django.db import connection
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from programs.models import ProgramPage
from search.models import Synonym, variants
from tests.conftest import soup_of


def _hrefs(client, q):
    response = client.get("/sok/", {"q": q})
    return [link["href"] for link in soup_of(response).select(".search-result h2 a")]


@pytest.mark.django_db
def test_a_term_in_the_query_is_replaced_by_each_of_its_synonyms():
    Synonym.objects.all().delete()
    Synonym.objects.create(terms="DOGA\nDesign og arkitektur Norge\n\n")
    assert variants("Doga stimulab") == [
        "Doga stimulab",
        "design og arkitektur norge stimulab",
    ]
    assert variants("design og  arkitektur NORGE!") == ["design og  arkitektur NORGE!", "doga"]
    assert variants("arkitektur") == ["arkitektur"]


def test_a_synonym_an_editor_adds_finds_the_page_with_the_other_term(client, seeded):
    assert "/virkemidler/stimulab/" not in _hrefs(client, "medvirkning")
    Synonym.objects.create(terms="medvirkning\nbrukernes behov")
    assert _hrefs(client, "medvirkning")[0] == "/virkemidler/stimulab/"


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="«oppstartsselskaper» needs Norwegian stemming"
)
def test_the_first_synonyms_come_with_the_site(client, seeded):
    # «startup», «oppstartsselskap» and «oppstartsbedrift» (search/migrations/0003).
    assert _hrefs(client, "oppstartsbedrift")[0] == "/virkemidler/startoff/"


def _promote(query_string, slug):
    query = Query.objects.create(query_string=query_string)
    page = ProgramPage.objects.get(locale__language_code="nb", slug=slug)
    SearchPromotion.objects.create(query=query, page=page)


def _promoted(client, q):
    response = client.get("/sok/", {"q": q})
    return [a["href"] for a in soup_of(response).select(".search-result--promoted h2 a")]


def test_a_promotion_fires_whatever_the_case_and_punctuation(client, seeded):
    _promote("stimulab", "stimulab")
    assert _promoted(client, "Stimulab!") == ["/virkemidler/stimulab/"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="stems need PostgreSQL")
def test_a_promotion_fires_on_another_form_of_the_word(client, seeded):
    _promote("anskaffelser", "startoff")
    assert _promoted(client, "anskaffelsene") == ["/virkemidler/startoff/"]
    assert _promoted(client, "stimulab") == []


def test_a_promotion_shows_at_once_on_a_search_answered_before(client, seeded):
    # Results are cached by the content's generation; a promotion moves it on.
    assert _promoted(client, "innovasjon") == []
    _promote("innovasjon", "startoff")
    assert _promoted(client, "innovasjon") == ["/virkemidler/startoff/"]
    SearchPromotion.objects.all().delete()
    assert _promoted(client, "innovasjon") == []


def test_a_synonym_an_editor_adds_changes_a_search_answered_before(client, seeded):
    assert "/virkemidler/stimulab/" not in _hrefs(client, "medvirkning")
    Synonym.objects.create(terms="medvirkning\nbrukernes behov")
    assert "/virkemidler/stimulab/" in _hrefs(client, "medvirkning")
