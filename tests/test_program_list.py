"""The program list: 20 programs a page, filters by status and audience as a plain GET form,
and a Norwegian answer with a proper status for any page number or filter value."""

import pytest
from django.test import Client, RequestFactory

from bench.generate import generate_site
from programs.models import PROGRAMS_PER_PAGE, ProgramIndexPage, ProgramPage
from tests.conftest import soup_of, visible_text

LIST = "/virkemidler/"


def cards(response):
    return [a.get_text(" ", strip=True) for a in soup_of(response).select(".card-grid a")]


@pytest.fixture
def many_programs(seeded):
    generate_site(programs=45, content=0)
    return ProgramPage.objects.live().filter(locale__language_code="nb").count()


def test_the_list_shows_twenty_programs_a_page_with_pagination(many_programs):
    first = Client().get(LIST)
    assert first.status_code == 200
    assert len(cards(first)) == PROGRAMS_PER_PAGE
    nav = soup_of(first).select_one("nav.ds-pagination")
    assert nav["aria-label"] == "Sider i listen over virkemidler"
    assert nav.select_one('a[aria-label="Side 2"]')["href"] == "?side=2"
    last = Client().get(f"{LIST}?side=3")
    assert last.status_code == 200
    assert len(cards(last)) == many_programs - 2 * PROGRAMS_PER_PAGE


def test_running_programs_come_first_and_ended_ones_under_their_own_heading(seeded):
    page = soup_of(Client().get(LIST))
    ended = page.select_one("section.programs-ended")
    assert "StartOff" in ended.get_text(" ")
    running = [a.get_text(" ", strip=True) for a in page.select("article > .card-grid a")]
    assert any("Stimulab" in title for title in running)
    assert not any("StartOff" in title for title in running)


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("status=pagar", {"Stimulab", "Nettverk for innovasjon"}, {"StartOff"}),
        ("status=avsluttet", {"StartOff"}, {"Stimulab", "Nettverk for innovasjon"}),
        ("malgruppe=oppstartsselskaper", {"StartOff"}, {"Stimulab", "Nettverk for innovasjon"}),
        ("malgruppe=kommuner&status=pagar", {"Stimulab"}, {"StartOff"}),
    ],
)
def test_filters_show_only_the_programs_that_match(seeded, query, shown, hidden):
    response = Client().get(f"{LIST}?{query}")
    assert response.status_code == 200
    titles = " | ".join(cards(response))
    for title in shown:
        assert title in titles
    for title in hidden:
        assert title not in titles
    assert "passer" in visible_text(response.content.decode())


def test_an_open_call_is_open_until_its_deadline_passes(seeded):
    generate_site(programs=3, content=0)  # the second generated program is open, deadline ahead
    open_now = cards(Client().get(f"{LIST}?status=apen"))
    assert open_now and all("Generert" in title for title in open_now)


def test_the_filters_are_a_plain_get_form_with_labels(seeded):
    form = soup_of(Client().get(LIST)).select_one("form.program-filters")
    assert form["method"] == "get"
    for select in form.select("select"):
        assert form.select_one(f'label[for="{select["id"]}"]')
    assert form.select_one('button[type="submit"]')
    options = [o["value"] for o in form.select("select[name=status] option")]
    assert options == ["", "apen", "pagar", "avsluttet"]


def test_a_filtered_page_keeps_its_filters_in_the_pagination_links(seeded):
    generate_site(programs=90, content=0)  # a third of them running: more than one page
    response = Client().get(f"{LIST}?status=pagar")
    nav = soup_of(response).select_one("nav.ds-pagination")
    assert nav.select_one('a[aria-label="Side 2"]')["href"] == "?status=pagar&side=2"


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ("side=abc", 400, "Ugyldig sidenummer"),
        ("side=0", 400, "Ugyldig sidenummer"),
        ("side=-1", 400, "Ugyldig sidenummer"),
        ("side=99", 404, "Listen har ikke så mange sider"),
        ("side=" + "9" * 500, 404, "Listen har ikke så mange sider"),
        ("status=feil", 400, "er ikke et av valgene"),
        ("malgruppe=finnes-ikke", 400, "er ikke et av valgene"),
        ("status=" + "x" * 5000, 400, "er ikke et av valgene"),
        ("status=%3Cscript%3Ealert(1)%3C/script%3E", 400, "er ikke et av valgene"),
        ("status=%00%ff", 400, "er ikke et av valgene"),
    ],
)
def test_bad_page_numbers_and_filter_values_get_a_norwegian_message(seeded, query, status, message):
    response = Client().get(f"{LIST}?{query}")
    assert response.status_code == status
    html = response.content.decode()
    assert message in html
    assert "<script>alert" not in html


def test_an_invalid_filter_marks_its_field(seeded):
    page = soup_of(Client().get(f"{LIST}?status=feil"))
    select = page.select_one("select[name=status]")
    assert select["aria-invalid"] == "true"
    message = page.select_one(f"#{select['aria-describedby']}")
    assert "er ikke et av valgene" in message.get_text()


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("", 200),
        ("status=pagar&side=1", 200),
        ("side=0", 400),
        ("status=feil", 400),
        ("side=99", 404),
    ],
)
def test_the_list_decides_its_status_from_the_query_before_rendering(seeded, query, status):
    """One method of the index page answers it, from the query alone: no template is rendered
    and no context read back afterwards."""
    index = ProgramIndexPage.objects.get(locale__language_code="nb")
    decided, _context = index.list_for(RequestFactory().get(f"{LIST}?{query}"))
    assert decided == status
