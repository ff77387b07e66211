"""LIX, the Scandinavian readability index, for editors: in the page editor and in a report."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from wagtail.models import Page

from pages.models import ContentPage
from pages.readability import Lix, lix_of_blocks, lix_of_page, lix_of_text, prose_blocks
from programs.models import ProgramPage
from readability import report as readability_report
from tests.conftest import soup_of
from tests.reports import (
    csv_table,
    h1_texts,
    refused_to_a_user_without_admin_access,
    unlabelled_filter_fields,
)


def test_lix_of_a_known_text():
    # Stimulab(8) gir(3) veiledning(10). Vi(2) hjelper(7) virksomheter(12) med(3) tjenester(9).
    # 8 words, 2 sentences, 5 longer than six letters: 8/2 + 100 * 5/8 = 4 + 62.5 = 66.5
    lix = lix_of_text("Stimulab gir veiledning. Vi hjelper virksomheter med tjenester.")
    assert (lix.words, lix.sentences, lix.long_words) == (8, 2, 5)
    assert lix.value == 66.5
    assert lix.band == "Svært vanskelig"


def test_æ_ø_and_å_are_letters():
    # Blåbær(6, not long) og(2) rødgrønne(9) løsninger(9): 4 words, 1 sentence, 2 long:
    # 4/1 + 100 * 2/4 = 4 + 50 = 54
    assert lix_of_text("Blåbær og rødgrønne løsninger.").value == 54


def test_numbers_are_not_words_and_a_hyphenated_word_is_one():
    # Et(2) tallsprosjekt(13; "2020-" is a number) med(3) e-post(5 letters) og(2) støtte(6),
    # "25 %" no word: 6 words, 1 sentence, 1 long: 6/1 + 100 * 1/6 = 6 + 16.67 = 22.67
    lix = lix_of_text("Et 2020-tallsprosjekt med e-post og 25 % støtte!")
    assert (lix.words, lix.sentences, lix.long_words) == (6, 1, 1)
    assert lix.value == pytest.approx(6 + 100 / 6)
    assert lix_of_text("2020 25 % 3,5").value is None


def test_abbreviations_end_no_sentence():
    # Vi(2) tilbyr(6) bla(3) veiledning(10). Det(3) er(2) gratis(6): 7 words, 2 sentences,
    # 1 long: 7/2 + 100 * 1/7 = 3.5 + 14.29 = 17.79
    lix = lix_of_text("Vi tilbyr bl.a. veiledning. Det er gratis.")
    assert (lix.words, lix.sentences, lix.long_words) == (7, 2, 1)
    assert lix.value == pytest.approx(3.5 + 100 / 7)


def test_markup_navigation_code_and_hidden_text_are_not_read():
    html = (
        "<h2>Om Stimulab</h2><p>Vi gir <b>tverrfaglig</b>\n veiledning.</p>"
        "<nav><p>Meny og lenker</p></nav><pre><code>kode = 'tekst.'</code></pre>"
        "<p hidden>Skjult avsnitt.</p><script>var skript = 1;</script>"
        "<ul><li><p>Punkt med avsnitt</p></li></ul>"
    )
    blocks = prose_blocks(html)
    assert blocks == ["Om Stimulab", "Vi gir tverrfaglig veiledning.", "Punkt med avsnitt"]
    # Om Stimulab(8) | Vi gir tverrfaglig(11) veiledning(10). | Punkt med avsnitt(7):
    # a heading and a bullet without a full stop are sentences too: 9 words, 3 sentences,
    # 4 long: 9/3 + 100 * 4/9 = 3 + 44.44 = 47.44
    lix = lix_of_blocks(blocks)
    assert (lix.words, lix.sentences, lix.long_words) == (9, 3, 4)
    assert lix.value == pytest.approx(3 + 400 / 9)


def test_an_empty_text_has_no_score_and_does_not_crash():
    for lix in (lix_of_blocks([]), lix_of_blocks(prose_blocks("")), lix_of_text("   ")):
        assert (lix.value, lix.band) == (None, None)
    assert prose_blocks("<p><b></b></p>", "main") == []


@pytest.mark.parametrize(
    ("words", "band"),
    [
        (29, "Svært lett"),
        (30, "Lett"),
        (39, "Lett"),
        (40, "Middels"),
        (50, "Vanskelig"),
        (59, "Vanskelig"),
        (60, "Svært vanskelig"),
    ],
)
def test_the_norwegian_bands_start_at_their_lower_bound(words, band):
    # One sentence of short words: LIX is the number of words.
    assert Lix(words, 1, 0).value == words
    assert Lix(words, 1, 0).band == band


def test_a_page_is_read_as_the_public_sees_it(seeded):
    stimulab = ProgramPage.objects.get(locale__language_code="nb", slug="stimulab")
    html = stimulab.make_preview_request().render().content.decode()
    assert "Hopp til hovedinnhold" in html and "Del denne siden" in html
    blocks = prose_blocks(html, "main [lang]")
    text = " ".join(blocks)
    assert "Hopp til hovedinnhold" not in text
    assert "Del denne siden" not in text
    assert "Sist oppdatert" not in text
    assert stimulab.title in blocks
    assert stimulab.description.split(".")[0] in text
    assert lix_of_page(stimulab) == lix_of_blocks(blocks)


@pytest.fixture
def admin_client(client, db):
    client.force_login(User.objects.create_superuser("lix", "lix@example.no", "x"))
    return client


def test_the_editor_shows_the_lix_of_the_draft(admin_client, seeded):
    page = ContentPage.objects.get(locale__language_code="nb", slug="handlingsrom")
    lix = lix_of_page(page)
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    text = soup_of(response).get_text(" ")
    assert f"LIX {round(lix.value)}: {lix.band}." in text
    assert f"{lix.words} ord i {lix.sentences} setninger" in text
    add = reverse("wagtailadmin_pages:add", args=["pages", "contentpage", seeded.pk])
    assert "Lesbarheten vises når siden er lagret." in admin_client.get(add).content.decode()


def test_the_checks_panel_shows_the_same_lix_and_no_other_readability_figure(admin_client, seeded):
    page = ContentPage.objects.get(locale__language_code="nb", slug="handlingsrom")
    lix = lix_of_page(page)
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    checks = soup_of(response).select_one('[data-side-panel="checks"]')
    assert f"LIX {round(lix.value)}: {lix.band}." in checks.get_text(" ")
    assert not checks.select("[data-content-readability-score], [data-content-word-count]")


def test_the_report_lists_every_norwegian_page_hardest_first_with_csv(admin_client, seeded):
    empty = seeded.add_child(instance=ContentPage(title="Tom side", slug="tom"))
    empty.save_revision().publish()
    # Live without ever being published: no publishing time.
    seeded.add_child(instance=ContentPage(title="Aldri publisert", slug="aldri"))
    response = admin_client.get(reverse("readability_report"))
    assert response.status_code == 200
    rows = soup_of(response).select("table.listing tbody tr")
    titles = [row.th.get_text(strip=True) for row in rows]
    norwegian = Page.objects.live().filter(depth__gt=1, locale__language_code="nb")
    assert sorted(titles) == sorted(norwegian.values_list("title", flat=True))
    # A page with a title and nothing else is read too: its title is a sentence.
    assert "Tom side" in titles
    scores = [int(row.find_all("td")[0].get_text(strip=True)) for row in rows]
    assert scores == sorted(scores, reverse=True)

    assert h1_texts(response) == ["Lesbarhet"]

    table = csv_table(admin_client.get(reverse("readability_report"), {"export": "csv"}))
    assert table[0] == ["Tittel", "Adresse", "LIX", "Nivå", "Ord", "Setninger", "Lange ord"]
    assert sorted(row[0] for row in table[1:]) == sorted(titles)
    assert all(row[2] == "" or "," in row[2] for row in table[1:])


def _scores(response):
    return [
        (row.th.get_text(strip=True), row.find_all("td")[1].get_text(strip=True))
        for row in soup_of(response).select("table.listing tbody tr")
    ]


def test_the_report_filters_by_band(admin_client, seeded):
    every = _scores(admin_client.get(reverse("readability_report")))
    assert len({band for _, band in every}) > 1
    hard = "Vanskelig"
    response = admin_client.get(reverse("readability_report"), {"band": "50"})
    assert unlabelled_filter_fields(response) == []
    assert _scores(response) == [(title, band) for title, band in every if band == hard]
    table = csv_table(
        admin_client.get(reverse("readability_report"), {"band": "50", "export": "csv"})
    )
    assert [row[0] for row in table[1:]] == [title for title, band in every if band == hard]


def test_a_page_is_read_again_only_once_it_is_published_anew(admin_client, seeded, monkeypatch):
    admin_client.get(reverse("readability_report"))
    read = []

    def counting(page):
        read.append(page.pk)
        return lix_of_page(page)

    monkeypatch.setattr(readability_report, "lix_of_page", counting)
    admin_client.get(reverse("readability_report"))
    assert read == []
    page = ContentPage.objects.get(locale__language_code="nb", slug="handlingsrom")
    page.body = [("text", "<p>Kort. Lett. Tekst.</p>")]
    page.save_revision().publish()
    response = admin_client.get(reverse("readability_report"))
    assert read == [page.pk]
    assert dict(_scores(response))[page.title] == lix_of_page(page).band


def test_only_admin_users_get_the_report(client, seeded):
    assert client.get(reverse("readability_report")).status_code == 302
    assert refused_to_a_user_without_admin_access(client, reverse("readability_report"))
