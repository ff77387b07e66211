"""Public pages show an estimated reading time beside "Sist oppdatert", counted on the text the
reader gets."""

import pytest

from pages.models import ContentPage
from pages.reading_time import minutes
from tests.conftest import public_pages, soup_of


def _page_with_words(parent, count, slug="lang-side", code_words=0):
    # Seven-letter words with no sentence end: nothing but words to count.
    prose = " ".join(["lesing"] * count)
    code = f"<p><code>{' '.join(['kode'] * code_words)}</code></p>" if code_words else ""
    page = ContentPage(title="Lang side", slug=slug, body=[("text", f"<p>{prose}</p>{code}")])
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _reading_time(client, page):
    tag = soup_of(client.get(page.url)).select_one(".last-updated .reading-time")
    return tag.get_text() if tag else None


def test_minutes_round_up_at_218_words_a_minute_in_norwegian_and_228_in_english():
    assert minutes(0, "nb") is None
    assert minutes(1, "nb") == 1
    assert minutes(218, "nb") == 1
    assert minutes(219, "nb") == 2
    assert minutes(218 * 3, "nn") == 3
    assert minutes(228, "en") == 1
    assert minutes(229, "en") == 2


# The seed pages longer than a minute: the privacy page says all it stores (issue 25).
LONGER_SEED_PAGES = {"/personvern/": "3 minutter å lese"}


def test_every_public_page_shows_its_reading_time_after_the_last_update(client, seeded):
    for page in public_pages():
        line = soup_of(client.get(page.url)).select_one(".last-updated")
        assert line is not None, page.url
        english = page.locale.language_code == "en"
        expected = LONGER_SEED_PAGES.get(
            page.url, "1 minute to read" if english else "1 minutt å lese"
        )
        assert line.select_one(".reading-time").get_text() == expected, page.url
        assert "<!--reading-time-->" not in client.get(page.url).content.decode()


def test_a_long_page_shows_three_minutes(client, seeded):
    # The title (2 words) and the body's 600: 602 words / 218 a minute = 2.8, rounded up to 3.
    page = _page_with_words(seeded, 600)
    assert _reading_time(client, page) == "3 minutter å lese"


def test_code_and_the_interface_around_the_text_are_not_read_as_prose(client, seeded):
    # 430 words and the title's 2: 432 / 218 = 1.98, so 2 minutes; the 400 words of code would
    # make it 4 if they were counted.
    page = _page_with_words(seeded, 430, code_words=400)
    assert _reading_time(client, page) == "2 minutter å lese"


def test_the_screen_reader_hears_a_comma_where_the_eye_sees_a_dot(client, seeded):
    line = soup_of(client.get("/kompetanse/")).select_one(".last-updated")
    assert line.select_one("[aria-hidden=true]").get_text() == " · "
    assert line.select_one(".ds-sr-only").get_text() == ", "


@pytest.mark.parametrize("url", ["/en/", "/en/programmes/stimulab/"])
def test_the_reading_time_is_in_english_on_english_pages(client, seeded, url):
    assert "minute to read" in soup_of(client.get(url)).select_one(".last-updated").get_text()
