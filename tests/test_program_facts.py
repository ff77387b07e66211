"""Published facts are true and sourced; unsourced ones are shown to editors, never to visitors.

Also the program status as the model computes it, and how the pages show it.
"""

import json
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from pages.models import DefinitionPage
from programs.models import ProgramPage, ProgramStatus
from programs.templatetags.program_tags import status_color
from seed import content as seed
from tests.admin_forms import edit_form_data
from tests.conftest import soup_of, visible_text

FAR_FUTURE = date(2099, 3, 1)


def _program(**fields):
    return ProgramPage(title="Testprogram", name="Testprogram", **fields)


def _facts(soup):
    """The fact list as {label: value}."""
    return {
        item.find("dt").get_text(strip=True): item.find("dd").get_text(" ", strip=True)
        for item in soup.select(".facts__list > div")
    }


# The status on the model, without HTML.


def test_a_running_program_reads_as_running_with_no_notice():
    program = _program(status=ProgramStatus.RUNNING)
    assert program.current_status == "running"
    assert not program.is_open_for_applications
    assert program.status_summary == "Pågår"
    assert program.status_notice == ""


def test_an_open_call_states_its_deadline():
    program = _program(status=ProgramStatus.OPEN, applications_close_on=FAR_FUTURE)
    assert program.is_open_for_applications
    assert program.current_status == "open"
    assert program.status_label == "Åpen for søknader"
    assert program.status_summary == "Åpen for søknader, frist 1. mars 2099"
    assert program.status_notice == "Åpen for søknader til 1. mars 2099."


def test_an_open_call_past_its_deadline_reads_as_closed():
    program = _program(status=ProgramStatus.OPEN, applications_close_on=date(2020, 1, 31))
    assert not program.is_open_for_applications
    assert program.applications_closed
    assert program.current_status == "closed"
    assert program.status_summary == "Søknadsfristen er ute"
    assert program.status_notice == "Søknadsfristen gikk ut 31. januar 2020."


def test_the_deadline_day_itself_is_still_open():
    program = _program(status=ProgramStatus.OPEN, applications_close_on=timezone.localdate())
    assert program.is_open_for_applications
    program.applications_close_on -= timedelta(days=1)
    assert not program.is_open_for_applications


def test_an_ended_program_states_its_year_or_else_its_note():
    by_year = _program(status=ProgramStatus.ENDED, ended_year=2024, end_note="Vedtatt avviklet.")
    assert by_year.status_summary == "Avsluttet i 2024"
    assert by_year.status_notice == "Dette virkemiddelet ble avsluttet i 2024."
    by_note = _program(status=ProgramStatus.ENDED, end_note="Avviklet etter budsjettet.")
    assert by_note.status_summary == "Avviklet etter budsjettet."
    assert by_note.status_notice == "Dette virkemiddelet er avsluttet."


@pytest.mark.parametrize(
    ("fields", "colour", "alert"),
    [
        ({"status": ProgramStatus.RUNNING}, "info", "neutral"),
        ({"status": ProgramStatus.OPEN, "applications_close_on": FAR_FUTURE}, "success", "success"),
        (
            {"status": ProgramStatus.OPEN, "applications_close_on": date(2020, 1, 1)},
            "neutral",
            "warning",
        ),
        ({"status": ProgramStatus.ENDED, "ended_year": 2024}, "neutral", "warning"),
    ],
)
def test_the_template_tag_maps_each_status_to_a_designsystemet_colour(fields, colour, alert):
    program = _program(**fields)
    assert status_color(program) == colour
    assert status_color(program, "alert") == alert


def test_an_ended_program_needs_a_year_or_a_note_and_only_it_may_have_them(seeded):
    startoff = ProgramPage.objects.get(locale__language_code="nb", slug="startoff")
    startoff.clean()
    startoff.ended_year = None
    startoff.end_note = "  "
    with pytest.raises(ValidationError) as error:
        startoff.clean()
    assert "ended_year" in error.value.message_dict
    startoff.end_note = "Avviklet etter budsjettet."
    startoff.clean()

    stimulab = ProgramPage.objects.get(locale__language_code="nb", slug="stimulab")
    stimulab.ended_year = 2024
    stimulab.end_note = "Avsluttet."
    with pytest.raises(ValidationError) as error:
        stimulab.clean()
    assert set(error.value.message_dict) == {"ended_year", "end_note"}


def test_the_admin_refuses_an_ended_program_without_year_or_note(client, seeded, admin_user):
    page = ProgramPage.objects.get(locale__language_code="nb", slug="startoff")
    client.force_login(admin_user)
    data = edit_form_data(client, page, {"ended_year": "", "end_note": ""})
    data["action-publish"] = "1"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 200
    assert "Skriv inn året virkemiddelet ble avsluttet" in response.content.decode()
    page.refresh_from_db()
    assert page.ended_year == 2024


# The facts as published.


def test_definition_page_shows_the_term_once(client, seeded):
    soup = soup_of(client.get("/hva-er-innovasjon/"))
    definition = soup.select_one(".definition__text")
    text = visible_text(str(definition))
    assert text.startswith("Innovasjon i offentlig sektor kan være en ny")
    assert text.count("Innovasjon i offentlig sektor") == 1
    assert definition.find("dfn").get_text() == "Innovasjon i offentlig sektor"


def test_a_definition_that_does_not_contain_its_term_still_names_it(client, seeded):
    page = DefinitionPage.objects.get(slug="hva-er-innovasjon")
    page.term = "Offentlig innovasjon"
    page.definition = "Noe nytt som <skaper> verdi."
    page.save_revision().publish()
    definition = soup_of(client.get(page.url)).select_one(".definition__text")
    assert definition.find("dfn").get_text() == "Offentlig innovasjon"
    assert visible_text(str(definition)) == "Offentlig innovasjon: Noe nytt som <skaper> verdi."


def test_definition_cites_the_white_paper_section_that_builds_on_oecd(client, seeded):
    soup = soup_of(client.get("/hva-er-innovasjon/"))
    caption = soup.select_one(".definition__figure figcaption")
    assert "Meld. St. 30 (2019–2020) En innovativ offentlig sektor, punkt 3.1.1" in (
        caption.get_text(" ", strip=True)
    )
    assert caption.find("a")["href"] == seed.WHITE_PAPER_DEFINITION_URL
    assert "Declaration" not in caption.get_text()
    assert "Meldingen tar OECDs definisjon som utgangspunkt." in visible_text(str(soup))


def test_stimulab_is_run_by_digdir_and_doga(client, seeded):
    facts = _facts(soup_of(client.get("/virkemidler/stimulab/")))
    assert facts["Ansvarlig"] == (
        "Digitaliseringsdirektoratet (Digdir) og Design og arkitektur Norge (DOGA)"
    )


def test_startoff_names_dfo_and_speaks_in_past_tense(client, seeded):
    soup = soup_of(client.get("/virkemidler/startoff/"))
    article = soup.find("article")
    facts = _facts(article)
    assert facts["Ansvarlig"] == "Direktoratet for forvaltning og økonomistyring (DFØ)"
    assert facts["Status"] == "Avsluttet i 2024"
    assert {"Hvem det var for", "Hva det tilbød", "Deltakelse"} <= set(facts)
    assert not {"Hvem det er for", "Hva det tilbyr", "Slik deltar du", "Kontakt"} & set(facts)
    alert = article.select_one(".ds-alert").get_text(" ", strip=True)
    assert "Dette virkemiddelet ble avsluttet i 2024." in alert
    assert "statsbudsjettet for 2024" in alert
    # The seed's present-tense description stays, marked as from the time the program ran.
    earlier = article.select_one(".program__earlier")
    assert earlier.figcaption.get_text(strip=True) == "Slik ble StartOff beskrevet mens det pågikk:"
    assert "StartOff kobler oppdragsgiver og startups sammen" in earlier.blockquote.get_text()
    text = visible_text(str(article))
    assert "postmottak@digdir.no" not in text
    assert "31. desember" not in text
    assert "Ordningen var administrert av DFØ." in text
    assert "fikk utviklet løsninger" in article.select_one(".lead").get_text()


def test_program_index_never_says_startoff_offers_anything(client, seeded):
    soup = soup_of(client.get("/virkemidler/"))
    card = soup.select_one('.card[href="/virkemidler/startoff/"]')
    assert "tilby" not in card.get_text().lower()
    assert card.select_one(".ds-tag").get_text(strip=True) == "Avsluttet i 2024"
    # Apart from the current programs, which the seed's lead ("… som tilbyr …") introduces.
    heading = card.find_previous("h2")
    assert heading.get_text(" ", strip=True).startswith("Avsluttede virkemidler")
    description = soup.find("meta", attrs={"name": "description"})["content"]
    assert "tilbyr" not in description


def test_innovasjonsnettverket_publishes_only_what_the_seed_says(client, seeded):
    soup = soup_of(client.get("/virkemidler/innovasjonsnettverket/"))
    assert _facts(soup) == {"Status": "Pågår"}
    data = json.loads(soup.find("script", type="application/ld+json").string)
    service = next(item for item in data["@graph"] if item["@type"] == "GovernmentService")
    assert "provider" not in service
    assert "audience" not in service


def test_unconfirmed_facts_are_shown_to_editors_not_visitors(client, seeded, admin_user):
    page = ProgramPage.objects.get(locale__language_code="nb", slug="innovasjonsnettverket")
    note = "Status «Pågår» bygger bare på at seeden omtaler det i presens."
    assert note in page.facts_to_confirm
    # Visitors: not on the page, not in the search, not in the API.
    public = client.get(page.url).content.decode()
    assert "presens" not in public
    assert "Hvem som driver nettverket" not in public
    assert not soup_of(client.get("/sok/", {"q": "presens"})).select(".search-result")
    api = client.get("/api/v2/pages/", {"type": "programs.ProgramPage", "fields": "*"})
    assert "presens" not in api.content.decode()
    # Editors: in the edit view, under its own heading.
    client.force_login(admin_user)
    admin = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Til kontroll for redaktører" in admin
    assert "Hvem som driver nettverket" in admin


def test_home_image_alt_text_describes_the_drawing(client, seeded):
    img = soup_of(client.get("/")).select_one("main img[alt]")
    assert img["alt"].startswith("Illustrasjon: tre ringer i blått, grønt og mørkeblått")
    assert "står for" not in img["alt"]


def test_the_405_page_says_plainly_that_it_takes_no_data(client, seeded):
    response = client.post("/sok/", {"q": "innovasjon"})
    assert response.status_code == 405
    assert "Denne siden kan bare vises. Den tar ikke imot skjemaer eller andre data." in (
        visible_text(response.content.decode())
    )
