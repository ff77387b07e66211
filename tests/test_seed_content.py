"""The seed document, all of it, on the public site; the loader is safe to run again."""

import io
import re

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision

from pages.models import ContentPage
from programs.models import ProgramPage, ProgramStatus
from tests.conftest import FIXTURES, normalise_space, public_pages, soup_of, visible_text

SEED_DOCUMENT = FIXTURES / "innovasjon-i-offentlig-sektor.txt"


def seed_sentences():
    """Every heading, paragraph and list item of the seed, split into sentences."""
    sentences = []
    for line in SEED_DOCUMENT.read_text(encoding="utf-8").splitlines():
        line = re.sub(r"^\s*•\s*", "", line).strip()
        if line:
            sentences += [
                normalise_space(s) for s in re.split(r"(?<=[.!?:])\s+", line) if s.strip()
            ]
    return sentences


def test_seed_reference_is_not_empty():
    sentences = seed_sentences()
    assert len(sentences) > 30
    assert "Hva er innovasjon i offentlig sektor?" in sentences


def test_every_sentence_of_the_seed_document_is_on_some_public_page(client, seeded):
    texts = []
    for page in public_pages():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        texts.append(visible_text(response.content.decode()))
    site_text = "\n".join(texts)
    missing = [s for s in seed_sentences() if s not in site_text]
    assert missing == []


@pytest.mark.parametrize(
    ("url", "expected_h1", "expected_text"),
    [
        ("/", "Innovasjon i offentlig sektor", "Dette finner du her"),
        (
            "/hva-er-innovasjon/",
            "Hva er innovasjon i offentlig sektor?",
            "Kilde: Kommunal- og moderniseringsdepartementet",
        ),
        ("/prinsipper/", "Innovasjon krever at vi utvikler", "Handlingsrom og insentiver"),
        ("/kompetanse/", "Kompetanse som fremmer innovasjon", "Gevinstrealisering"),
        ("/handlingsrom/", "Innovasjon krever handlingsrom", "Innovasjonsbarometeret"),
        ("/virkemidler/", "Virkemidler og nye samarbeid", "StartOff"),
        ("/virkemidler/stimulab/", "Stimulab", "Hvem det er for"),
        ("/virkemidler/startoff/", "StartOff", "ble avsluttet"),
        ("/virkemidler/innovasjonsnettverket/", "Nettverk for innovasjon", "Innovasjonsnettverket"),
    ],
)
def test_seeded_page_answers_with_its_content(client, seeded, url, expected_h1, expected_text):
    response = client.get(url)
    assert response.status_code == 200
    soup = soup_of(response)
    h1s = soup.find_all("h1")
    assert len(h1s) == 1
    assert h1s[0].get_text(strip=True).startswith(expected_h1)
    assert expected_text in visible_text(response.content.decode())


def test_program_index_lists_programs_in_tree_order_and_ended_ones_apart(client, seeded):
    soup = soup_of(client.get("/virkemidler/"))
    titles = [h.get_text(strip=True) for h in soup.select(".card h2")]
    assert titles == ["Stimulab", "Nettverk for innovasjon"]
    ended = soup.find(id="avsluttede-virkemidler").find_parent("section")
    assert [h.get_text(strip=True) for h in ended.select(".card h3")] == ["StartOff"]


def test_ended_program_says_so_at_the_top(client, seeded):
    startoff = ProgramPage.objects.get(locale__language_code="nb", slug="startoff")
    assert startoff.status == ProgramStatus.ENDED
    soup = soup_of(client.get("/virkemidler/startoff/"))
    article = soup.find("article")
    alert = article.select_one(".ds-alert")
    assert "avsluttet" in alert.get_text()
    # Directly under the title, before any of the program's content.
    assert alert.find_previous("h1") is not None
    assert alert.find_previous("p", class_="lead") is not None
    assert soup.select_one(".facts").find_previous(class_="ds-alert") is alert


def test_pages_are_published_with_a_first_revision(seeded):
    for page in Page.objects.filter(depth__gt=1).specific():
        assert page.live, page
        assert page.live_revision is not None, page
        assert page.latest_revision == page.live_revision


def _snapshot():
    return (
        Page.objects.count(),
        sorted(Revision.page_revisions.values_list("id", "object_id")),
        sorted(Page.objects.values_list("id", "url_path", "title", "live")),
    )


def test_running_the_loader_twice_changes_nothing(seeded):
    before = _snapshot()
    out = io.StringIO()
    call_command("load_seed_content", stdout=out)
    assert _snapshot() == before
    assert "Ingenting ble endret" in out.getvalue()


def test_an_editors_edit_survives_the_loader(client, seeded):
    page = ContentPage.objects.get(slug="handlingsrom")
    page.title = "Handlingsrom – redigert av redaksjonen"
    page.lead = "En ny ingress fra redaksjonen."
    page.save_revision().publish()
    call_command("load_seed_content", stdout=io.StringIO())
    page.refresh_from_db()
    assert page.title == "Handlingsrom – redigert av redaksjonen"
    assert "En ny ingress fra redaksjonen." in client.get("/handlingsrom/").content.decode()


def test_renamed_and_deleted_seed_pages_stay_as_the_editors_left_them(
    client, seeded, django_capture_on_commit_callbacks
):
    renamed = ContentPage.objects.get(slug="kompetanse")
    with django_capture_on_commit_callbacks(execute=True):
        renamed.slug = "kompetanse-ny"
        renamed.save_revision().publish()
    ContentPage.objects.get(slug="handlingsrom").delete()
    before = _snapshot()
    call_command("load_seed_content", stdout=io.StringIO())
    assert _snapshot() == before
    assert client.get("/kompetanse/").status_code == 301
    assert client.get("/handlingsrom/").status_code == 404


def test_slugs_are_norwegian_and_lower_case(seeded):
    for page in public_pages():
        assert page.slug == page.slug.lower()
        assert re.fullmatch(r"[a-z0-9-]+", page.slug), page.slug
