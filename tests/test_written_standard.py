"""Each page is written in Bokmål or Nynorsk: its content says so with `lang`, its address stays,
and the language report counts pages and words in each standard against the 25 % minimum."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse
from django.utils.html import strip_tags
from wagtail.models import Page

from languagereport import report
from pages.models import BasePage, ContentPage, PrinciplesPage, WrittenStandard
from tests.conftest import soup_of
from tests.reports import (
    csv_table,
    h1_texts,
    refused_to_a_user_without_admin_access,
    unlabelled_filter_fields,
    xlsx_table,
)

NYNORSK_PAGE = "/kompetanse/"
SEEDED_NYNORSK_PAGE = "/sprak/"


def _content_lang(response):
    """The `lang` in force on the page's h1, and the document's."""
    page = soup_of(response)
    holder = page.find("h1").find_parent(attrs={"lang": True})
    return holder["lang"], page.find("html")["lang"]


def _make_nynorsk(path):
    page = Page.objects.get(url_path__endswith=path).specific
    page.written_standard = WrittenStandard.NYNORSK
    page.save_revision().publish()
    return page


@pytest.fixture
def editor_client(seeded):
    user = User.objects.create_user(username="redaktor", password="x")
    user.groups.add(Group.objects.get(name="Redaktører"))
    client = Client()
    client.force_login(user)
    return client


def test_every_page_is_bokmal_until_an_editor_says_otherwise(seeded):
    pages = [page for page in Page.objects.live().specific() if isinstance(page, BasePage)]
    assert pages
    # The seed's one page written in Nynorsk is its page on the site's languages.
    nynorsk = [page.url_path for page in pages if page.written_standard != "nb"]
    assert nynorsk == [f"{seeded.url_path}{SEEDED_NYNORSK_PAGE.strip('/')}/"]
    assert ContentPage().written_standard == "nb"
    assert _content_lang(Client().get(NYNORSK_PAGE)) == ("nb", "nb")


def test_a_nynorsk_page_says_so_on_its_content_and_keeps_its_address(seeded):
    _make_nynorsk(NYNORSK_PAGE)
    response = Client().get(NYNORSK_PAGE)
    assert response.status_code == 200
    # The page's text is Nynorsk; the menu and footer around it stay Bokmål.
    assert _content_lang(response) == ("nn", "nb")


def test_the_report_counts_pages_and_words_in_each_standard(seeded):
    before = report.build()
    total_pages, total_words = before.page_count, before.word_count
    seeded_nn = next(standard for standard in before.standards if standard.code == "nn")
    nn_before, nn_words_before = len(seeded_nn.pages), seeded_nn.words
    nynorsk = _make_nynorsk(NYNORSK_PAGE)
    words = report.words_in(nynorsk)
    assert words > 50

    rows = {row[0].code: row for row in report.build().rows()}
    _, nn_pages, nn_page_share, nn_words, nn_word_share, nn_meets = rows["nn"]
    _, nb_pages, _, nb_words, _, nb_meets = rows["nb"]
    nn_words_after = nn_words_before + words
    assert (nn_pages, nb_pages) == (nn_before + 1, total_pages - nn_before - 1)
    assert (nn_words, nb_words) == (nn_words_after, total_words - nn_words_after)
    assert nn_page_share == (Decimal(100) * nn_pages / total_pages).quantize(Decimal("0.1"))
    assert nn_word_share == (Decimal(100) * nn_words_after / total_words).quantize(Decimal("0.1"))
    assert nn_meets is False and nb_meets is True


def test_words_are_counted_in_the_title_and_every_searchable_field(seeded):
    page = ContentPage.objects.get(url_path__endswith=NYNORSK_PAGE)
    page.title = "Ein tittel med fem ord"
    page.menu_title = ""
    page.search_description = "Ei skildring"
    page.lead = "Ei ingress på fire"
    page.body = [("text", "<p>Tre <b>ord</b> her</p>")]
    assert report.words_in(page) == 5 + 2 + 4 + 3


def test_editors_see_the_report_with_the_pages_of_each_standard(editor_client):
    nynorsk = _make_nynorsk(NYNORSK_PAGE)
    response = editor_client.get(reverse("written_standards_report"))
    assert response.status_code == 200
    assert h1_texts(response) == ["Målform"]
    text = response.content.decode()
    assert "Nynorsk" in text and "Bokmål" in text
    nynorsk_section = text.split("<h2>Nynorsk</h2>", 1)[1]
    assert reverse("wagtailadmin_pages:edit", args=[nynorsk.pk]) in nynorsk_section


def test_the_report_exports_every_page_as_csv(editor_client):
    _make_nynorsk(NYNORSK_PAGE)
    response = editor_client.get(reverse("written_standards_report"), {"export": "csv"})
    rows = csv_table(response)
    assert rows[0] == ["Målform", "Tittel", "Adresse", "Ord"]
    assert len(rows) - 1 == report.build().page_count
    nynorsk = [row for row in rows[1:] if row[0] == "Nynorsk"]
    assert sorted(row[2].removeprefix("http://testserver") for row in nynorsk) == sorted(
        [NYNORSK_PAGE, SEEDED_NYNORSK_PAGE]
    )


def test_a_title_that_looks_like_a_formula_is_exported_as_text(editor_client):
    page = ContentPage.objects.get(url_path__endswith=NYNORSK_PAGE)
    page.title = '=HYPERLINK("http://example.com")'
    page.save_revision().publish()
    response = editor_client.get(reverse("written_standards_report"), {"export": "csv"})
    assert "'=HYPERLINK" in response.content.decode("utf-8-sig")


def test_the_report_filters_by_standard_and_keeps_the_count_of_both(editor_client):
    nynorsk = _make_nynorsk(NYNORSK_PAGE)
    url = reverse("written_standards_report")
    response = editor_client.get(url, {"written_standard": WrittenStandard.NYNORSK})
    assert unlabelled_filter_fields(response) == []
    listed = {
        link["href"]
        for table in soup_of(response).select("#listing-results table.listing")[1:]
        for link in table.select("tbody a")
    }
    nynorsk_pages = report.build().standards[1].pages
    assert listed == {
        reverse("wagtailadmin_pages:edit", args=[page.pk]) for page, _words in nynorsk_pages
    }
    assert reverse("wagtailadmin_pages:edit", args=[nynorsk.pk]) in listed
    # The share of each standard is counted over every page, whatever the filter shows.
    summary = soup_of(response).select_one("#listing-results table.listing tbody")
    assert [row.th.get_text(strip=True) for row in summary.select("tr")] == ["Bokmål", "Nynorsk"]
    table = csv_table(editor_client.get(url, {"written_standard": "nn", "export": "csv"}))
    assert {row[0] for row in table[1:]} == {"Nynorsk"}
    assert len(table) - 1 == len(nynorsk_pages)
    workbook = xlsx_table(editor_client.get(url, {"export": "xlsx"}))
    assert workbook[0] == ["Målform", "Tittel", "Adresse", "Ord"]
    assert len(workbook) - 1 == report.build().page_count


def test_visitors_cannot_see_the_report(seeded):
    response = Client().get(reverse("written_standards_report"))
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert refused_to_a_user_without_admin_access(Client(), reverse("written_standards_report"))


def test_the_words_of_a_pages_inline_items_count_too(seeded):
    page = PrinciplesPage.objects.get(locale__language_code="nb")
    principles = list(page.principles.all())
    assert principles
    in_principles = sum(
        len(report.WORD.findall(strip_tags(f"{p.title} {p.text}"))) for p in principles
    )
    with_principles = report.words_in(page)
    page.principles = []  # in memory only: the page without its inline items
    assert with_principles - report.words_in(page) == in_principles > 0


def test_the_admin_does_not_call_a_nynorsk_page_bokmal(editor_client):
    page = ContentPage.objects.get(slug="sprak", written_standard=WrittenStandard.NYNORSK)
    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    status = soup_of(response).select_one('[data-side-panel="status"]')
    assert "bokmål" not in status.get_text(" ").lower()
    assert "Språk: Norsk" in " ".join(status.get_text(" ").split())
