"""Search ranking on PostgreSQL (search/backends.py): what names a page counts most, the order
does not change when the index is rebuilt, and running programs come before ended ones."""

import io

import pytest
from django.core.management import call_command
from django.db import connection

from programs.models import ProgramPage
from tests.conftest import soup_of

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite's search has no ranking of its own"
)


def _top(client, q, count=3):
    response = client.get("/sok/", {"q": q})
    return [link["href"] for link in soup_of(response).select(".search-result h2 a")][:count]


def test_menu_titles_descriptions_and_organisations_rank_first(client, seeded):
    assert _top(client, "innovasjon", 1) == ["/hva-er-innovasjon/"]
    assert _top(client, "prinsipper", 1) == ["/prinsipper/"]
    assert _top(client, "DOGA", 1) == ["/virkemidler/stimulab/"]


def test_the_top_three_stay_the_same_after_update_index(client, seeded):
    queries = ["innovasjon", "offentlig sektor", "digdir", "kompetanse", "samarbeid"]
    before = {q: _top(client, q) for q in queries}
    call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
    assert {q: _top(client, q) for q in queries} == before


def _publish(page):
    page.save_revision().publish()


def test_a_running_program_ranks_above_an_ended_one(client, seeded):
    startoff = ProgramPage.objects.get(slug="startoff", locale__language_code="nb")
    stimulab = ProgramPage.objects.get(slug="stimulab", locale__language_code="nb")
    # The same organisation on both: only the status tells them apart, and StartOff, which has
    # ended, names DFØ in its text as well.
    stimulab.responsible_organisation = startoff.responsible_organisation
    _publish(stimulab)
    assert _top(client, "DFØ", 2) == ["/virkemidler/stimulab/", "/virkemidler/startoff/"]
