"""/personvern/ tells the whole truth: each thing the site stores about a reader, why, on what
basis, for how long, and whom to ask; editors can change it."""

from datetime import timedelta

import pytest

from feedback.models import RETENTION
from pages.models import ContentPage
from tests.conftest import normalise_space, visible_text

URL = "/personvern/"


@pytest.fixture
def privacy_text(client, seeded):
    response = client.get(URL)
    assert response.status_code == 200
    return normalise_space(visible_text(response.content.decode()))


@pytest.mark.parametrize(
    ("stored", "said"),
    [
        ("the answer, its page and time", "lagrer vi svaret (ja eller nei), hvilken side"),
        ("the comment", "kan du skrive hva du savnet"),
        ("masking that misses names", "for eksempel et navn, blir lagret slik du skrev dem"),
        ("the answers' period", "Svarene og kommentarene slettes etter ett år"),
        ("the throttle's hash", "bare en kode som er regnet ut fra den (en hash)"),
        ("the hash's period", "slettes senest ti minutter etter at timen du svarte i, er omme"),
        ("the request log", "Webserveren logger hver side som blir hentet"),
        ("no address in the request log", "Loggen har ikke IP-adressen din"),
        ("the web server's error log", "Feilmeldingene fra webserveren kan likevel inneholde"),
        ("the logs' period, set by operations", "Hvor lenge loggene oppbevares, bestemmes i"),
        ("error reports", "sender nettstedet en rapport til tjenesten Sentry"),
        (
            "what error reports hold",
            "adressen til siden og til siden du kom fra, begge uten søkeord",
        ),
        ("what error reports lack", "Den har ikke IP-adressen din, informasjonskapsler"),
        ("legal basis", "personvernforordningen artikkel 6 nr. 1 bokstav e"),
        ("controller", "Digitaliseringsdirektoratet er behandlingsansvarlig"),
        ("contact", "postmottak@digdir.no"),
        ("complaint", "klage til Datatilsynet"),
    ],
)
def test_the_privacy_page_names_what_is_stored_and_for_how_long(privacy_text, stored, said):
    assert said in privacy_text, stored


def test_the_privacy_page_no_longer_claims_nothing_is_collected(privacy_text):
    assert "samler ikke inn personopplysninger" not in privacy_text


def test_the_period_the_page_states_is_the_one_the_command_enforces(privacy_text):
    # tests/test_feedback_retention.py proves the command deletes what is older than RETENTION.
    assert timedelta(days=365) == RETENTION
    assert "slettes etter ett år" in privacy_text


def test_what_operations_decide_is_listed_for_editors_to_confirm(seeded):
    page = ContentPage.objects.get(slug="personvern")
    assert "serverloggene og feilrapportene" in page.facts_to_confirm
    assert "personvernombudet" in page.facts_to_confirm


def test_editors_can_change_the_privacy_text(client, seeded):
    page = ContentPage.objects.get(slug="personvern")
    page.body = [("text", "<p>Loggene slettes etter 30 dager.</p>")]
    page.save_revision().publish()
    assert "Loggene slettes etter 30 dager." in visible_text(client.get(URL).content.decode())
