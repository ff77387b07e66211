"""Atom feeds (RFC 4287): «Nytt og endret» and the programs, in Bokmål and under /en/, found
through every page's head and footer, cached like pages and purged by the next publishing."""

import re
import xml.etree.ElementTree as ET
from datetime import datetime

import pytest
from django.core.cache import cache
from django.test import Client

from pages.models import ContentPage
from programs.models import ProgramPage
from tests.conftest import soup_of, visible_text

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SITE_FEED = "/abonner/nytt-og-endret/"
PROGRAM_FEED = "/abonner/virkemidler/"
ENGLISH_SITE_FEED = "/en/subscribe/whats-new/"
ENGLISH_PROGRAM_FEED = "/en/subscribe/programmes/"
# RFC 3339 date-time, as RFC 4287 (3.3) requires: a full date, time and offset.
RFC_3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})\Z")


@pytest.fixture(autouse=True)
def page_cache_on(settings, db):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()


def publish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


def feed_of(url, client=None):
    response = (client or Client()).get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def text_of(element, name):
    found = element.find(ATOM + name)
    assert found is not None, name
    return found.text or ""


def assert_date(value):
    assert RFC_3339.match(value), value
    assert datetime.fromisoformat(value.replace("Z", "+00:00")).tzinfo is not None


def assert_valid_atom(feed):
    """What RFC 4287 (4.1.1, 4.1.2) requires of a feed and each of its entries."""
    assert feed.tag == ATOM + "feed"
    assert text_of(feed, "id").startswith("http")
    assert text_of(feed, "title")
    assert_date(text_of(feed, "updated"))
    assert feed.find(f"{ATOM}author/{ATOM}name").text
    links = {link.get("rel", "alternate"): link.get("href") for link in feed.iter(ATOM + "link")}
    assert links["self"].startswith("http")
    assert links["alternate"].startswith("http")
    ids = [text_of(entry, "id") for entry in feed.iter(ATOM + "entry")]
    assert len(ids) == len(set(ids))
    for entry in feed.iter(ATOM + "entry"):
        assert text_of(entry, "title")
        assert_date(text_of(entry, "updated"))
        assert_date(text_of(entry, "published"))
        assert entry.find(ATOM + "link").get("href").startswith("http")
        assert entry.find(ATOM + "summary").get("type") == "html"


def entries_by_title(feed):
    return {text_of(entry, "title"): entry for entry in feed.iter(ATOM + "entry")}


def test_the_site_feed_is_valid_atom_in_bokmal_with_every_published_page(seeded):
    feed = feed_of(SITE_FEED)
    assert_valid_atom(feed)
    assert feed.get(XML_LANG) == "nb"
    assert text_of(feed, "title").startswith("Nytt og endret")
    assert "redaktørene" in text_of(feed, "subtitle")
    assert feed.find(f"{ATOM}author/{ATOM}name").text.startswith("Digitaliseringsdirektoratet")
    entries = entries_by_title(feed)
    assert {"Stimulab", "Kompetanse som fremmer innovasjon"} <= set(entries)
    assert not any(title.startswith("Innovation") for title in entries)  # no English page


def test_a_published_change_note_is_an_entry_with_the_note_summary_dates_and_permalink(seeded):
    page = ContentPage.objects.get(locale__language_code="nb", slug="kompetanse")
    publish(page, change_note="Nytt kurs i tjenestedesign er lagt til.")

    feed = feed_of(SITE_FEED)
    assert_valid_atom(feed)
    entry = feed.find(ATOM + "entry")  # the newest first
    assert text_of(entry, "title") == "Endret: Kompetanse som fremmer innovasjon"
    assert "Nytt kurs i tjenestedesign er lagt til." in text_of(entry, "content")
    assert entry.find(ATOM + "content").get("type") == "html"
    page.refresh_from_db()
    assert text_of(entry, "summary") == page.card_text
    assert text_of(entry, "link") == "" and entry.find(ATOM + "link").get("href") == (
        f"http://testserver/s/{page.pk}/"
    )
    assert text_of(entry, "updated") > text_of(entry, "published")
    assert text_of(feed, "updated") == text_of(entry, "updated")
    # The page's first publication is an entry of its own, which keeps its id.
    first = entries_by_title(feed)["Kompetanse som fremmer innovasjon"]
    assert text_of(first, "id") == f"http://testserver/s/{page.pk}/"
    assert text_of(entry, "id") != text_of(first, "id")


def test_a_page_that_is_unpublished_or_private_leaves_the_feed(seeded):
    page = ContentPage.objects.get(locale__language_code="nb", slug="kompetanse")
    page.unpublish()
    assert "Kompetanse som fremmer innovasjon" not in entries_by_title(feed_of(SITE_FEED))


def test_the_program_feed_has_only_programs(seeded):
    feed = feed_of(PROGRAM_FEED)
    assert_valid_atom(feed)
    assert text_of(feed, "title").startswith("Virkemidler: nytt og endret")
    titles = set(entries_by_title(feed))
    programs = set(
        ProgramPage.objects.live()
        .filter(locale__language_code="nb")
        .values_list("title", flat=True)
    )
    assert titles == programs


def test_the_english_feeds_are_in_english_with_english_pages(seeded):
    for url, title in (
        (ENGLISH_SITE_FEED, "What’s new and changed"),
        (ENGLISH_PROGRAM_FEED, "Programmes: what’s new and changed"),
    ):
        feed = feed_of(url)
        assert_valid_atom(feed)
        assert feed.get(XML_LANG) == "en"
        assert text_of(feed, "title").startswith(title)
        assert "Stimulab" in entries_by_title(feed)
    titles = entries_by_title(feed_of(ENGLISH_SITE_FEED))
    assert "Kompetanse som fremmer innovasjon" not in titles


@pytest.mark.parametrize("url", ["/", "/virkemidler/stimulab/", "/en/", "/sok/"])
def test_every_page_announces_the_feeds_in_its_head_and_footer(client, seeded, url):
    page = soup_of(client.get(url))
    feeds = page.select('head link[rel="alternate"][type="application/atom+xml"]')
    hrefs = [link["href"] for link in feeds]
    english = url.startswith("/en/")
    assert hrefs == (
        [ENGLISH_SITE_FEED, ENGLISH_PROGRAM_FEED] if english else [SITE_FEED, PROGRAM_FEED]
    )
    assert all(link["title"] for link in feeds)
    footer = page.find("footer")
    assert [a["href"] for a in footer.select('a[type="application/atom+xml"]')] == hrefs
    explanation = "tells your feed reader" if english else "gir beskjed i nyhetsleseren din"
    assert explanation in visible_text(str(footer))
    for href in hrefs:
        assert client.get(href).status_code == 200


def test_a_page_published_now_is_in_the_next_fetch_of_the_cached_feed(seeded):
    first = Client().get(SITE_FEED)
    assert first["X-Page-Cache"] == "miss"
    assert Client().get(SITE_FEED)["X-Page-Cache"] == "hit"
    assert Client().get(PROGRAM_FEED)["X-Page-Cache"] == "miss"
    assert Client().get(PROGRAM_FEED)["X-Page-Cache"] == "hit"
    # A CDN cannot be purged of every feed URL: it keeps one no longer than a browser does.
    assert "public" in first["Cache-Control"]
    assert "s-maxage=60" in first["Cache-Control"]

    stimulab = ProgramPage.objects.get(locale__language_code="nb", slug="stimulab")
    publish(stimulab, change_note="Stimulab tar imot søknader igjen.")

    for url in (SITE_FEED, PROGRAM_FEED):
        response = Client().get(url)
        assert response["X-Page-Cache"] == "miss", url
        assert "Stimulab tar imot søknader igjen." in response.content.decode()


def test_a_feed_reader_gets_304_while_the_feed_is_unchanged(seeded):
    first = Client().get(SITE_FEED)
    etag = first["ETag"]
    again = Client().get(SITE_FEED, headers={"if-none-match": etag})
    assert again.status_code == 304
    assert again.content == b""

    page = ContentPage.objects.get(locale__language_code="nb", slug="kompetanse")
    publish(page, change_note="Ny dato for samlingen.")
    changed = Client().get(SITE_FEED, headers={"if-none-match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_a_feed_has_an_etag_and_304_with_the_page_cache_off(seeded, settings):
    settings.PAGE_CACHE_SECONDS = 0
    first = Client().get(PROGRAM_FEED)
    assert "X-Page-Cache" not in first
    again = Client().get(PROGRAM_FEED, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304


def test_a_feed_refuses_post_with_a_norwegian_405(seeded):
    response = Client().post(SITE_FEED)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
