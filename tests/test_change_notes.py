"""Public change notes («Endringer på denne siden»): written with a change that matters, shown
as «Sist oppdatert» and in the page's change history once published, never before."""

import io
from datetime import timedelta
from unittest import mock

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import Page

from pages.models import ChangeNote, ContentPage
from programs.models import ProgramPage
from tests.conftest import soup_of, visible_text

PAGE = "/kompetanse/"


@pytest.fixture(autouse=True)
def page_cache_on(settings, db):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()


def publish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    revision = page.save_revision()
    revision.publish()
    return revision


def kompetanse():
    return ContentPage.objects.get(locale__language_code="nb", slug="kompetanse")


def history_url(page):
    return f"/endringer/{page.pk}/"


def history_notes(client, page, url=None):
    response = client.get(url or history_url(page))
    assert response.status_code == 200
    return [visible_text(str(item)) for item in soup_of(response).select("main ol li")]


def test_a_published_note_is_the_last_update_and_the_history_lists_notes_newest_first(
    client, seeded
):
    page = kompetanse()
    publish(page, change_note="Nytt avsnitt om opplæring for ledere.")
    publish(page, change_note="Lenken til kurskatalogen er oppdatert.")

    last_updated = soup_of(client.get(PAGE)).select_one(".last-updated")
    text = visible_text(str(last_updated))
    assert text.startswith("Sist oppdatert")
    assert "Lenken til kurskatalogen er oppdatert." in text
    assert "Nytt avsnitt" not in text
    link = last_updated.find("a", string="Se alle endringer")
    assert link["href"] == history_url(page)

    notes = history_notes(client, page)
    assert len(notes) == 2
    assert notes[0].endswith("Lenken til kurskatalogen er oppdatert.")
    assert notes[1].endswith("Nytt avsnitt om opplæring for ledere.")
    # Dated in Bokmål: "8. desember 2026: …".
    assert " 20" in notes[0].split(":")[0]
    history = soup_of(client.get(history_url(page)))
    assert visible_text(str(history.find("h1"))) == "Endringer på denne siden"
    assert history.select("main ol li time[datetime]")


def test_the_note_is_emptied_on_publishing_so_a_later_typo_fix_records_none(client, seeded):
    page = kompetanse()
    revision = publish(page, change_note="Ny frist for påmelding.")
    revision.refresh_from_db()
    page = kompetanse()
    assert page.change_note == ""
    assert revision.content["change_note"] == ""
    # The editor's next edit starts from the latest revision, without the note.
    assert page.get_latest_revision_as_object().change_note == ""

    publish(page, title=page.title + " ")  # a small fix, no note
    assert ChangeNote.objects.filter(page=page).count() == 1
    text = visible_text(client.get(PAGE).content.decode())
    assert "Ny frist for påmelding." in text


def test_a_note_in_a_change_not_yet_published_is_never_shown(client, seeded):
    page = kompetanse()
    page.change_note = "Dette er bare et utkast."
    page.save_revision()  # a draft, waiting for review or its publishing date

    assert not ChangeNote.objects.filter(page=page).exists()
    assert "Dette er bare et utkast." not in client.get(PAGE).content.decode()
    assert history_notes(client, page) == []
    assert "Dette er bare et utkast." not in client.get("/abonner/nytt-og-endret/").content.decode()


def test_notes_survive_a_move_and_a_rename(client, seeded):
    page = kompetanse()
    publish(page, change_note="Kurset er flyttet til våren.")
    new_parent = Page.objects.get(locale__language_code="nb", slug="handlingsrom")
    page.move(new_parent, pos="last-child")
    page = kompetanse()
    publish(page, slug="kompetanse-og-kurs", title="Kompetanse og kurs")

    moved = client.get("/handlingsrom/kompetanse-og-kurs/")
    assert moved.status_code == 200
    assert "Kurset er flyttet til våren." in visible_text(moved.content.decode())
    assert history_notes(client, page)[0].endswith("Kurset er flyttet til våren.")


def test_an_english_page_has_its_own_notes_under_en(client, seeded):
    stimulab_en = ProgramPage.objects.get(locale__language_code="en", slug="stimulab")
    publish(stimulab_en, change_note="The application form has moved.")

    page = client.get("/en/programmes/stimulab/")
    last_updated = soup_of(page).select_one(".last-updated")
    assert "Last updated" in visible_text(str(last_updated))
    link = last_updated.find("a", string="See all changes")
    assert link["href"] == f"/en/changes/{stimulab_en.pk}/"
    history = client.get(link["href"])
    assert visible_text(str(soup_of(history).find("h1"))) == "Changes to this page"
    assert history_notes(client, stimulab_en, link["href"])[0].endswith(
        "The application form has moved."
    )
    # The Bokmål page keeps none of the English notes, and each history is in its language.
    assert client.get(history_url(stimulab_en)).status_code == 404
    stimulab = ProgramPage.objects.get(locale__language_code="nb", slug="stimulab")
    assert history_notes(client, stimulab) == []


def test_the_history_of_an_unpublished_private_or_unknown_page_is_not_found(client, seeded):
    page = kompetanse()
    publish(page, change_note="Ny versjon av veilederen.")
    page.unpublish()
    assert client.get(history_url(page)).status_code == 404
    assert client.get("/endringer/999999/").status_code == 404
    assert client.get("/endringer/99999999999/").status_code == 404
    response = Client().post(history_url(page))
    assert response.status_code == 405


def test_a_scheduled_change_shows_its_note_only_once_the_scheduler_publishes_it(client, seeded):
    page = kompetanse()
    go_live = timezone.now() + timedelta(hours=2)
    page.go_live_at = go_live
    publish(page, change_note="Ny samling i mars.")
    assert not ChangeNote.objects.filter(page=page).exists()
    assert "Ny samling i mars." not in client.get(PAGE).content.decode()

    with mock.patch("django.utils.timezone.now", return_value=go_live + timedelta(minutes=1)):
        call_command("publish_scheduled", stdout=io.StringIO())
    assert "Ny samling i mars." in visible_text(client.get(PAGE).content.decode())
    (note,) = ChangeNote.objects.filter(page=page)
    assert note.published_at == go_live + timedelta(minutes=1)
