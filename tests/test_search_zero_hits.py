"""«Søk uten treff» (issue 23, point 6): a search without hits is counted per day and query,
masked and without anything about the reader; editors see the queries seen at least three times,
and counts go after 90 days."""

import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone

from search import zero_hits
from search.models import ZeroHitSearch
from tests.conftest import soup_of
from tests.reports import csv_table, h1_texts, refused_to_a_user_without_admin_access

REPORT = "/admin/rapporter/sok-uten-treff/"


@pytest.fixture
def editor_client(client, seeded):
    editor = User.objects.create_user("redaktor", password="x")
    editor.groups.add(Group.objects.get(name="Redaktører"))
    client.force_login(editor)
    return client


def test_a_search_without_hits_is_counted_for_the_day_with_personal_details_masked(client, seeded):
    for _ in range(2):
        client.get("/sok/", {"q": "Xylofon  xylo@example.invalid 99 88 77 66"})
    row = ZeroHitSearch.objects.get()
    assert (row.query, row.language, row.count) == ("xylofon [e-post] [telefon]", "nb", 2)
    assert row.day == timezone.localdate()


def test_only_the_day_the_language_the_query_and_the_count_are_kept():
    fields = {field.name for field in ZeroHitSearch._meta.get_fields()}
    assert fields == {"id", "day", "language", "query", "count"}


@pytest.mark.parametrize(
    ("query", "counted"),
    [
        ("xylofon 2024", "xylofon ####"),
        ("Xylofon 010190 12345", "xylofon [fødselsnummer]"),
        ("  XYLOFON\u00a0 Nr. 7 ", "xylofon nr. #"),
    ],
)
def test_digits_are_masked_and_the_query_normalised(query, counted):
    assert zero_hits.normalise(query) == counted


def test_a_search_with_hits_is_not_counted(client, seeded):
    client.get("/sok/", {"q": "innovasjon"})
    assert not ZeroHitSearch.objects.exists()


def test_the_english_search_counts_in_english(client, seeded):
    client.get("/en/search/", {"q": "xylofon"})
    assert ZeroHitSearch.objects.get().language == "en"


def test_counts_older_than_90_days_are_deleted(client, seeded, monkeypatch):
    monkeypatch.setattr(zero_hits, "_purged_on", None)  # the first count of the day
    today = timezone.localdate()
    ZeroHitSearch.objects.create(
        day=today - datetime.timedelta(days=91), language="nb", query="a", count=5
    )
    ZeroHitSearch.objects.create(
        day=today - datetime.timedelta(days=90), language="nb", query="b", count=5
    )
    client.get("/sok/", {"q": "xylofon"})
    assert sorted(ZeroHitSearch.objects.values_list("query", flat=True)) == ["b", "xylofon"]


def test_editors_see_the_queries_seen_at_least_three_times(editor_client):
    today = timezone.localdate()
    yesterday = today - datetime.timedelta(days=1)
    ZeroHitSearch.objects.create(day=yesterday, language="nb", query="kunstig intelligens", count=2)
    ZeroHitSearch.objects.create(day=today, language="nb", query="kunstig intelligens", count=1)
    ZeroHitSearch.objects.create(day=today, language="nb", query="kvantedata", count=5)
    ZeroHitSearch.objects.create(day=today, language="en", query="once or twice", count=2)
    response = editor_client.get(REPORT)
    assert response.status_code == 200
    assert h1_texts(response) == ["Søk uten treff"]
    rows = [
        [cell.get_text(" ", strip=True) for cell in row.select("th, td")][:3]
        for row in soup_of(response).select("tbody tr")
    ]
    assert rows == [
        ["kvantedata", "Norsk bokmål", "5"],
        ["kunstig intelligens", "Norsk bokmål", "3"],
    ]
    table = csv_table(editor_client.get(REPORT, {"export": "csv"}))
    assert table[0] == ["Søk", "Språk", "Antall søk", "Sist søkt"]
    assert [line[0] for line in table[1:]] == ["kvantedata", "kunstig intelligens"]


def test_the_report_is_for_admin_users_only(client, seeded):
    assert client.get(REPORT).status_code == 302
    assert refused_to_a_user_without_admin_access(client, REPORT)


def test_old_counts_are_deleted_once_a_day(client, seeded, monkeypatch):
    monkeypatch.setattr(zero_hits, "_purged_on", timezone.localdate())
    old = timezone.localdate() - datetime.timedelta(days=91)
    ZeroHitSearch.objects.create(day=old, language="nb", query="a", count=5)
    client.get("/sok/", {"q": "xylofon"})
    assert ZeroHitSearch.objects.filter(query="a").exists()
