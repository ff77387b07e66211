"""Section ids, section links, contents and reading times come from the content, and pages show
the same ones as when they were read back from the rendered HTML (tests/page_outline.py)."""

import json

from tests.page_outline import FIXTURE, built_outlines, outlines

RECORDED = json.loads(FIXTURE.read_text())


def test_every_seed_page_keeps_its_heading_ids_contents_section_links_and_reading_time(
    client, seeded
):
    found = outlines(client)
    assert sorted(found) == sorted(RECORDED["seed"])
    for url, outline in RECORDED["seed"].items():
        assert found[url] == outline, url


def test_repeated_headings_every_block_and_a_listings_errors_keep_their_ids_and_contents(
    client, seeded
):
    found = built_outlines(client, seeded)
    assert sorted(found) == sorted(RECORDED["built"])
    for url, outline in RECORDED["built"].items():
        if "?side=" in url:
            # The reading time used to be filled in on 200 answers only; a listing's error
            # message now has the same one as the listing.
            assert outline["reading_time"] is None
            outline = outline | {"reading_time": RECORDED["seed"]["/virkemidler/"]["reading_time"]}
        assert found[url] == outline, url


def test_a_preview_shows_the_sections_contents_and_reading_time_of_its_own_draft(
    client, seeded, settings
):
    from bs4 import BeautifulSoup

    from pages.models import ContentPage
    from tests.page_outline import outline_of

    page = ContentPage.objects.get(slug="handlingsrom", locale__language_code="nb")
    live = outline_of(client.get(page.url).content.decode())
    words = " ".join(["lesing"] * 500)
    headings = [("heading", {"text": f"Del {n}", "level": "h2"}) for n in (1, 2, 3)]
    page.body = [*headings, ("text", f"<p>{words}</p>")]

    # A preview made in code is an anonymous GET, which the page cache would answer with the
    # live page; the admin's previews are an editor's and are never answered from it.
    settings.PAGE_CACHE_SECONDS = 0
    response = page.make_preview_request()
    draft = outline_of(response.content.decode())

    assert draft["contents"] == [["#del-1", "Del 1"], ["#del-2", "Del 2"], ["#del-3", "Del 3"]]
    assert draft["reading_time"] == "3 minutter å lese"
    assert outline_of(client.get(page.url).content.decode()) == live
    assert live["contents"] == [] and live["reading_time"] == "1 minutt å lese"
    assert BeautifulSoup(response.content.decode(), "html.parser").select_one("#del-3")


def test_related_pages_with_no_page_to_show_have_no_heading_nor_place_in_the_contents(
    client, seeded
):
    from wagtail.models import PageViewRestriction

    from pages.models import ContentPage
    from tests.page_outline import outline_of

    private = ContentPage.objects.get(slug="kompetanse", locale__language_code="nb")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
    )
    body = [{"type": "heading", "value": {"text": f"Del {n}", "level": "h2"}} for n in (1, 2)]
    body.append({"type": "related_pages", "value": {"heading": "Se også", "pages": [private.pk]}})
    page = ContentPage(title="Relatert", slug="relatert", body=body)
    seeded.add_child(instance=page)
    page.save_revision().publish()

    outline = outline_of(client.get(page.url).content.decode())

    assert [heading[2] for heading in outline["headings"][1:3]] == ["Del 1", "Del 2"]
    assert "Se også" not in [heading[2] for heading in outline["headings"]]
    assert outline["contents"] == []
