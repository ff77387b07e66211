""" "Var denne siden nyttig?": answers are stored per page, comments masked, bad input refused in
Norwegian, readers throttled, and the pages stay cacheable without a cookie."""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.test import Client
from wagtail.models import Page

from feedback import masking
from feedback.models import Answer
from feedback.throttle import ANSWERS_PER_HOUR, ANSWERS_PER_PAGE
from pages.models import ContentPage
from tests.conftest import soup_of
from tests.reports import (
    csv_table,
    h1_texts,
    refused_to_a_user_without_admin_access,
    unlabelled_filter_fields,
)

URL = "/tilbakemelding/"
REPORT = "/admin/rapporter/tilbakemeldinger/"


@pytest.fixture
def page(seeded):
    cache.clear()
    return ContentPage.objects.get(slug="kompetanse")


def _no(client, page, **headers):
    response = client.post(URL, {"side": page.pk, "svar": "nei"}, **headers)
    token = soup_of(response).select_one("input[name=token]")["value"]
    return response, token


def _message(response):
    return soup_of(response).select_one("[data-feedback]").get_text(" ", strip=True)


def test_every_page_has_the_form_without_a_csrf_token(client, page):
    form = soup_of(client.get(page.url)).select_one("[data-feedback] form")
    assert form["method"] == "post" and form["action"] == URL
    assert form.select_one("input[name=side]")["value"] == str(page.pk)
    assert [b["value"] for b in form.select("button[name=svar]")] == ["ja", "nei"]
    assert form.select_one("input[name=csrfmiddlewaretoken]") is None
    assert "Var denne siden nyttig?" in form.get_text()


def test_english_pages_ask_in_english_and_post_to_the_english_address(client, seeded):
    form = soup_of(client.get("/en/")).select_one("[data-feedback] form")
    assert form["action"] == "/en/feedback/"
    assert "Was this page useful?" in form.get_text()


def test_a_yes_is_stored_with_its_page_and_date_and_thanked(client, page):
    response = client.post(URL, {"side": page.pk, "svar": "ja"})
    assert response.status_code == 200
    assert "Takk for svaret!" in _message(response)
    [answer] = Answer.objects.all()
    assert (answer.page_id, answer.helpful, answer.comment) == (page.pk, True, "")
    assert answer.created_at is not None
    assert soup_of(response).select_one(f"a[href='{page.url}']") is not None


def test_a_no_asks_what_was_missing_and_stores_the_comment_masked(client, page):
    response, token = _no(client, page)
    assert response.status_code == 200
    hint = soup_of(response).select_one("#feedback-comment-hint").get_text()
    assert "Ikke skriv personopplysninger" in hint and "1000 tegn" in hint
    assert soup_of(response).select_one("textarea[name=kommentar]")["maxlength"] == "1000"
    comment = "Ring meg på 22 45 10 00 eller skriv til ola.nordmann@example.no. Fnr 01019912345."
    response = client.post(URL, {"token": token, "kommentar": comment})
    assert response.status_code == 200
    assert "Takk for svaret!" in _message(response)
    answer = Answer.objects.get()
    assert answer.helpful is False
    assert answer.comment == (
        "Ring meg på [telefon] eller skriv til [e-post]. Fnr [fødselsnummer]."
    )


def test_a_comment_can_be_sent_only_once_for_its_answer(client, page):
    _, token = _no(client, page)
    client.post(URL, {"token": token, "kommentar": "Første"})
    response = client.post(URL, {"token": token, "kommentar": "Andre"})
    assert response.status_code == 400
    assert "allerede sendt" in _message(response)
    assert Answer.objects.get().comment == "Første"


@pytest.mark.parametrize(
    "text, stored",
    [
        ("", ""),
        ("a" * 1000, "a" * 1000),
        ("<script>alert(1)</script><b>fet</b>", "<script>alert(1)</script><b>fet</b>"),
        ("linje\x00en\x07\r\nto\tfane\x1b", "linjeen\nto\tfane"),
    ],
)
def test_comments_are_stored_as_text_within_the_limit(client, page, text, stored):
    _, token = _no(client, page)
    assert client.post(URL, {"token": token, "kommentar": text}).status_code == 200
    assert Answer.objects.get().comment == stored


def test_a_comment_of_1001_characters_is_refused_in_norwegian_and_kept_in_the_box(client, page):
    _, token = _no(client, page)
    response = client.post(URL, {"token": token, "kommentar": "b" * 1001})
    assert response.status_code == 400
    box = soup_of(response).select_one("textarea[name=kommentar]")
    assert box.get_text() == "b" * 1001
    assert box["aria-invalid"] == "true"
    error = soup_of(response).select_one("#feedback-comment-error").get_text()
    assert error == "Skriv høyst 1000 tegn. Teksten din har 1001."
    assert Answer.objects.get().comment == ""


def test_html_in_a_comment_is_shown_escaped_to_editors(client, page):
    _, token = _no(client, page)
    client.post(URL, {"token": token, "kommentar": "<script>alert(1)</script>"})
    admin = Client()
    admin.force_login(User.objects.create_superuser("admin", password="x"))
    html = admin.get(f"/admin/rapporter/tilbakemeldinger/{page.pk}/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html


def test_invalid_utf8_is_no_server_error(client, page):
    body = b"side=" + str(page.pk).encode() + b"&svar=nei\xff\xfe"
    response = client.generic("POST", URL, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert "Vi fikk ikke svaret ditt" in _message(response)
    _, token = _no(client, page)
    response = client.generic(
        "POST",
        URL,
        b"token=" + token.encode() + b"&kommentar=%FF%FEhei\xc3\x28",
        content_type="application/x-www-form-urlencoded",
    )
    # Bytes that are no UTF-8 become the replacement character: stored as text, no error.
    assert response.status_code == 200
    assert Answer.objects.get().comment.startswith("\ufffd\ufffdhei")


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"side": "", "svar": "ja"},
        {"side": "abc", "svar": "ja"},
        {"side": "99999999", "svar": "ja"},
        {"side": "-1", "svar": "nei"},
        {"side": "1" * 400, "svar": "nei"},
        {"svar": "kanskje"},
        {"token": "forfalsket", "kommentar": "hei"},
    ],
)
def test_bad_answers_are_refused_in_norwegian(client, page, data):
    if "svar" in data and "side" not in data:
        data = {**data, "side": page.pk}
    response = client.post(URL, data)
    assert response.status_code == 400
    assert "Vi fikk ikke svaret ditt" in _message(response)
    assert not Answer.objects.exists()


def test_an_unpublished_or_private_page_takes_no_answers(client, page):
    page.unpublish()
    assert client.post(URL, {"side": page.pk, "svar": "ja"}).status_code == 400
    root = Answer.objects.count()
    assert root == 0


@pytest.mark.parametrize("where", ["root", "outside every site"])
def test_a_page_without_a_public_address_takes_no_answers(client, page, where):
    root = Page.get_first_root_node()
    if where == "root":
        target = root
    else:
        target = root.add_child(instance=Page(title="Utenfor nettstedet", slug="utenfor"))
    assert target.live and target.url is None
    for answer in ("ja", "nei"):
        response = client.post(URL, {"side": target.pk, "svar": answer})
        assert response.status_code == 400
        assert "Vi fant ikke siden du svarte om." in _message(response)
        assert 'href="None"' not in response.content.decode()
    assert not Answer.objects.exists()


def test_only_post_is_allowed(client, page):
    response = client.get(URL)
    assert response.status_code == 405
    assert response["Allow"] == "POST"


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_ORIGIN": "https://angriper.example"},
        {"HTTP_ORIGIN": "null"},
    ],
)
def test_a_post_from_another_site_is_refused(client, page, headers):
    response = client.post(URL, {"side": page.pk, "svar": "ja"}, **headers)
    assert response.status_code == 403
    assert "sendt fra et annet nettsted" in _message(response)
    assert not Answer.objects.exists()


def test_a_post_from_this_site_with_the_browsers_headers_is_taken(client, page):
    response = client.post(
        URL,
        {"side": page.pk, "svar": "ja"},
        HTTP_SEC_FETCH_SITE="same-origin",
        HTTP_ORIGIN="http://testserver",
    )
    assert response.status_code == 200
    assert Answer.objects.count() == 1


def test_a_burst_of_100_posts_on_one_page_from_one_address_is_throttled(page):
    reader, other = Client(REMOTE_ADDR="203.0.113.7"), Client(REMOTE_ADDR="203.0.113.8")
    codes = [reader.post(URL, {"side": page.pk, "svar": "ja"}).status_code for _ in range(100)]
    assert codes == [200] * ANSWERS_PER_PAGE + [429] * (100 - ANSWERS_PER_PAGE)
    assert Answer.objects.count() == ANSWERS_PER_PAGE
    refused = reader.post(URL, {"side": page.pk, "svar": "ja"})
    assert "Prøv igjen om en time" in _message(refused)
    assert other.post(URL, {"side": page.pk, "svar": "ja"}).status_code == 200


def test_an_office_behind_one_address_can_answer_and_comment(seeded):
    """Forty colleagues behind one office address, each answering one of the site's pages and
    saying why when the answer is no."""
    office = Client(REMOTE_ADDR="203.0.113.20")
    pages = list(ContentPage.objects.live().filter(locale__language_code="nb"))
    for colleague in range(40):
        page = pages[colleague % len(pages)]
        response = office.post(URL, {"side": page.pk, "svar": "nei"})
        assert response.status_code == 200, colleague
        token = soup_of(response).select_one('input[name="token"]')["value"]
        comment = office.post(URL, {"token": token, "kommentar": "Mangler en kilde."})
        assert comment.status_code == 200, colleague
    assert Answer.objects.filter(comment="Mangler en kilde.").count() == 40


def test_a_flood_over_every_page_from_one_address_is_stopped(seeded):
    flood = Client(REMOTE_ADDR="203.0.113.30")
    pages = list(Page.objects.live().public().filter(depth__gt=1))
    # Spread so thin that no page reaches its own limit: only the address's limit stops it.
    assert len(pages) * ANSWERS_PER_PAGE > ANSWERS_PER_HOUR + 20
    codes = [
        flood.post(URL, {"side": pages[n % len(pages)].pk, "svar": "ja"}).status_code
        for n in range(ANSWERS_PER_HOUR + 20)
    ]
    assert codes.count(200) == ANSWERS_PER_HOUR
    assert codes[-20:] == [429] * 20


def test_the_throttle_keeps_no_address_in_clear(page):
    Client(REMOTE_ADDR="203.0.113.7").post(URL, {"side": page.pk, "svar": "ja"})
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM innovasjon_counters")
        keys = [row[0] for row in cursor.fetchall()]
    feedback_keys = [key for key in keys if "feedback" in key]
    assert feedback_keys
    assert not [key for key in keys if "203.0.113" in key]


def test_the_answer_page_is_never_cached_and_sets_no_cookie(client, page):
    for response in (client.post(URL, {"side": page.pk, "svar": "ja"}), _no(client, page)[0]):
        assert "no-store" in response["Cache-Control"]
        assert not response.cookies


def test_the_page_with_the_form_is_stored_by_the_page_cache_and_sets_no_cookie(settings, page):
    settings.PAGE_CACHE_SECONDS = 600
    first = Client().get(page.url)
    assert not first.cookies
    assert Client().get(page.url)["X-Page-Cache"] == "hit"


@pytest.mark.parametrize(
    "text, masked",
    [
        ("kari@nav.no", "[e-post]"),
        ("Kari.Nordmann+test@sub.example.com", "[e-post]"),
        ("22451000", "[telefon]"),
        ("22 45 10 00", "[telefon]"),
        ("224 51 000", "[telefon]"),
        ("+47 224 51 000", "[telefon]"),
        ("0047 22451000", "[telefon]"),
        ("22-45-10-00", "[telefon]"),
        ("01019912345", "[fødselsnummer]"),
        ("010199 12345", "[fødselsnummer]"),
        ("I 2024 tok det 3 minutter og 45 sekunder", "I 2024 tok det 3 minutter og 45 sekunder"),
        ("Saksnummer 2024/1234", "Saksnummer 2024/1234"),
    ],
)
def test_personal_details_are_masked(text, masked):
    assert masking.mask(text) == masked


def test_editors_see_the_share_of_yes_per_page_and_can_download_it(client, page):
    other = ContentPage.objects.get(slug="handlingsrom")
    for helpful in ("ja", "ja", "ja", "nei"):
        Client().post(URL, {"side": page.pk, "svar": helpful})
    Client().post(URL, {"side": other.pk, "svar": "nei"})
    cache.clear()
    _, token = _no(Client(), page)
    Client().post(URL, {"token": token, "kommentar": "Mer om budsjett"})
    editor = User.objects.create_user("redaktor", password="x")
    editor.groups.add(Group.objects.get(name="Redaktører"))
    client.force_login(editor)
    response = client.get(REPORT)
    assert response.status_code == 200
    rows = [
        [cell.get_text(" ", strip=True) for cell in row.select("th, td")][:4]
        for row in soup_of(response).select("tbody tr")
    ]
    assert rows == [[page.title, "5", "60 %", "1"], [other.title, "1", "0 %", "0"]]
    assert h1_texts(response) == ["Tilbakemeldinger"]
    table = csv_table(client.get(REPORT, {"export": "csv"}))
    assert table[0] == [
        "Side",
        "Adresse",
        "Svar",
        "Ja",
        "Andel ja (%)",
        "Kommentarer",
        "Siste svar",
    ]
    assert [row[2:6] for row in table[1:]] == [["5", "3", "60,0", "1"], ["1", "0", "0,0", "0"]]
    comments = client.get(f"{REPORT}{page.pk}/")
    assert h1_texts(comments) == [f"Hva manglet på «{page.title}»"]
    assert "Mer om budsjett" in comments.content.decode()
    download = csv_table(client.get(f"{REPORT}{page.pk}/", {"export": "csv"}))
    assert download[0] == ["Tidspunkt", "Hva manglet"]
    assert [row[1] for row in download[1:]] == ["Mer om budsjett"]


def test_the_report_filters_pages_with_and_without_comments(client, page):
    other = ContentPage.objects.get(slug="handlingsrom")
    Client().post(URL, {"side": other.pk, "svar": "ja"})
    _, token = _no(Client(), page)
    Client().post(URL, {"token": token, "kommentar": "Mer om budsjett"})
    client.force_login(User.objects.create_superuser("admin", password="x"))

    def titles(**filters):
        response = client.get(REPORT, filters)
        return [row.th.get_text(strip=True) for row in soup_of(response).select("tbody tr")]

    assert titles() == [page.title, other.title]
    assert unlabelled_filter_fields(client.get(REPORT)) == []
    assert titles(comments="med") == [page.title]
    assert titles(comments="uten") == [other.title]
    table = csv_table(client.get(REPORT, {"comments": "med", "export": "csv"}))
    assert [row[0] for row in table[1:]] == [page.title]


def test_the_report_is_for_admin_users_only(client, page):
    assert client.get(REPORT).status_code == 302
    assert refused_to_a_user_without_admin_access(client, REPORT)
    assert refused_to_a_user_without_admin_access(client, f"{REPORT}{page.pk}/")
    assert re.search(
        "login", client.get(f"/admin/rapporter/tilbakemeldinger/{page.pk}/")["Location"]
    )
