"""Synonyms that editors manage (search/models.py): a search for one term also finds the pages
that use another, with no code per query."""

import pytest
from django.db import connection

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
    assert "/virkemidler/stimulab/" not in _hrefs(client, "brukerinvolvering")
    Synonym.objects.create(terms="brukerinvolvering\nbrukernes behov")
    assert _hrefs(client, "brukerinvolvering")[0] == "/virkemidler/stimulab/"


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="«oppstartsselskaper» needs Norwegian stemming"
)
def test_the_first_synonyms_come_with_the_site(client, seeded):
    # «startup», «oppstartsselskap» and «oppstartsbedrift» (search/migrations/0003).
    assert _hrefs(client, "oppstartsbedrift")[0] == "/virkemidler/startoff/"
