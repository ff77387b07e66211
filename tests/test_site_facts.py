"""What the site says about itself and its sources is true: the competence list in each chapter's
own words, the English pages in the white paper's official English, the Nynorsk page's count, the
language report's note and Stimulab's newest source for editors to confirm."""

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

from languagereport import report
from pages.models import ContentPage
from programs.models import ProgramPage
from tests.conftest import normalise_space, soup_of, visible_text


def _text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return normalise_space(visible_text(response.content.decode()))


def test_the_competence_list_uses_each_chapters_own_words(client, seeded):
    items = [
        normalise_space(li.get_text(" "))
        for li in soup_of(client.get("/kompetanse/")).select("main li")
    ]
    assert [item for item in items if "kapittel" in item] == [
        "Forsøk og eksperimentering (kapittel 9 i meldingen)",
        "Samarbeid med andre aktører (kapittel 10)",
        "Innovative anskaffelser og partnerskap med næringslivet (kapittel 11)",
        "Gevinstrealisering (kapittel 13)",
    ]
    assert "Samarbeid med innbyggerne" not in _text(client, "/kompetanse/")


def _main_text(client, url):
    main = soup_of(client.get(url)).select_one("main")
    # Addresses shown as text (the share link) are no wording.
    words = [word for word in main.get_text(" ").split() if "/" not in word]
    return normalise_space(" ".join(words))


def test_english_pages_cite_and_quote_the_official_english_white_paper(client, seeded):
    principles = _main_text(client, "/en/principles/")
    assert "Freedom of action and incentives" in principles
    assert (
        "Politicians and public authorities need to grant freedom of action and provide "
        "incentives for innovation." in principles
    )
    assert "An innovative public sector" in principles
    english_version = "https://www.regjeringen.no/en/dokumenter/meld.-st.-30-20192020/id2715113/"
    assert soup_of(client.get("/en/principles/")).find("a", href=english_version)
    definition = _main_text(client, "/en/what-is-innovation/")
    assert "new or significantly improved service" in definition
    assert "official English version" in definition
    assert "(in Norwegian)" not in principles + definition
    assert "Room to act" not in principles


@pytest.mark.parametrize(
    "url",
    [
        "/en/",
        "/en/what-is-innovation/",
        "/en/principles/",
        "/en/programmes/",
        "/en/programmes/stimulab/",
        "/en/programmes/startoff/",
    ],
)
def test_english_pages_call_virkemidler_schemes_and_spell_email_one_way(client, seeded, url):
    text = _main_text(client, url)
    assert "e-mail" not in text.lower(), url
    # «Programme» only where the Norwegian says «program»: StartOff, and LUP's own name.
    if not url.endswith("/startoff/"):
        for sentence in text.split("."):
            if "programme" in sentence.lower():
                assert "StartOff" in sentence or "Supplier Development" in sentence, sentence


def test_the_english_programme_list_is_headed_schemes(client, seeded):
    h1 = soup_of(client.get("/en/programmes/")).find("h1").get_text(" ", strip=True)
    assert h1 == "Schemes and new partnerships for innovation in the public sector"


def test_the_nynorsk_page_gives_the_true_count_and_the_report_says_no(seeded):
    built = report.build()
    counts = {standard.code: len(standard.pages) for standard in built.standards}
    assert counts["nn"] == 1
    page = ContentPage.objects.get(slug="sprak")
    body = normalise_space(str(page.body))
    assert f"éi av dei {built.page_count} sidene på norsk skriven på nynorsk" in body
    assert "somme sider" not in body and "kva for sider" in page.search_description
    meets = {row[0].code: row[5] for row in built.rows()}
    assert meets["nn"] is False


def test_the_language_report_uses_the_laws_own_term_and_section(seeded):
    user = User.objects.create_user(username="redaktor")
    user.groups.add(Group.objects.get(name="Redaktører"))
    client = Client()
    client.force_login(user)
    text = _text(client, reverse("written_standards_report"))
    assert "Språklova § 13 første ledd krever at sentrale statsorgan" in text
    assert "statlige organer" not in text


def test_stimulab_links_to_the_newest_call_and_asks_editors_to_confirm_it(client, seeded):
    page = ProgramPage.objects.get(slug="stimulab", locale__language_code="nb")
    newest = "https://www.digdir.no/stimulab/los-samfunnsfloker-med-hjelp-fra-stimulab/5283"
    assert page.more_info_url == newest
    assert soup_of(client.get("/virkemidler/stimulab/")).find("a", href=newest)
    assert "den nyeste utlysningen vi fant" in page.facts_to_confirm
    assert "hvordan-bli-med-i-stimulab" not in page.more_info_url


@pytest.mark.parametrize(
    ("url", "natural", "old"),
    [
        ("/", "hjelper virksomheter med å innovere", "hjelper virksomheter å innovere"),
        ("/kompetanse/", "selv om siden får ny adresse", "også om siden får ny adresse"),
    ],
)
def test_bokmal_reads_naturally_on_public_pages(client, seeded, url, natural, old):
    html = client.get(url).content.decode()
    assert natural in html and old not in html


def test_bokmal_reads_naturally_for_editors(client, seeded):
    owner = ContentPage._meta.get_field("content_owner")
    assert str(owner.help_text).startswith("Teamet som har ansvaret for innholdet")
    client.force_login(User.objects.create_superuser("admin", "admin@example.com", "x"))
    report_text = _text(client, "/admin/rapporter/tilbakemeldinger/")
    assert "i kommentarene ble skjult før de ble lagret" in report_text
    page = ContentPage.objects.get(slug="kompetanse")
    editor = _text(client, f"/admin/pages/{page.pk}/edit/")
    assert "selv om siden flyttes eller får ny adresse" in editor
