"""What a reader navigates by on each seed page: heading ids, the table of contents, the section
links and the reading time, as read from the rendered HTML.

tests/fixtures/page_outlines.json holds them as the pages showed them before section ids and
reading times were computed from the content, for every seed page and for a few pages built here
that the seed lacks (every block; repeated headings and ones that look like the chrome's ids; a
listing's error messages); tests/test_page_outline.py holds today's pages to it. To record them
again, deliberately (the output changed on purpose):

    DJANGO_SETTINGS_MODULE=innovasjon.settings.test .venv/bin/python -m tests.page_outline
"""

import io
import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

FIXTURE = Path(__file__).parent / "fixtures" / "page_outlines.json"


def _text(tag):
    """The heading's own words, without the section link inside it."""
    return " ".join(
        text.strip()
        for text in tag.find_all(string=True)
        if text.strip() and not text.find_parent(class_="anchor-link")
    )


def outline_of(html):
    main = BeautifulSoup(html, "html.parser").select_one("main")
    reading_time = main.select_one(".last-updated .reading-time")
    return {
        "headings": [
            [heading.name, heading.get("id"), _text(heading)]
            for heading in main.find_all(("h1", "h2", "h3", "h4", "h5", "h6"))
        ],
        "contents": [
            [link["href"], link.get_text(" ", strip=True)] for link in main.select("nav.toc a")
        ],
        "section_links": [
            [link["href"], link.get_text(" ", strip=True)] for link in main.select("a.anchor-link")
        ],
        "reading_time": reading_time.get_text() if reading_time else None,
    }


def seed_page_urls():
    from wagtail.models import Page

    pages = Page.objects.live().public().filter(depth__gt=1).order_by("path")
    return [page.url for page in pages]


def outlines(client):
    """{url: outline} for every public seed page, Norwegian and English."""
    result = {}
    for url in seed_page_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        result[url] = outline_of(response.content.decode())
    return result


# Headings that share words, or spell an id the page chrome uses ("main"), or one the program
# page's template sets itself ("fakta"); inline markup and entities inside a heading.
REPEATS = [
    {"type": "heading", "value": {"text": "Mål", "level": "h2"}},
    {"type": "text", "value": "<h2>Mål</h2><p>Første mål.</p><h3>Main</h3><p>Tekst.</p>"},
    {"type": "heading", "value": {"text": "Mål 2", "level": "h2"}},
    {"type": "heading", "value": {"text": "Detaljer", "level": "h4"}},
    {"type": "text", "value": "<h2>Innhold på <b>siden</b> &amp; mer</h2><p>Slutt.</p>"},
    {"type": "heading", "value": {"text": "Fakta", "level": "h3"}},
]


def build_pages(home):
    """Pages the seed lacks, published under `home`; their addresses, with a listing's two
    error messages."""
    from pages.models import ContentPage
    from programs.models import ProgramIndexPage, ProgramPage
    from tests.factories import make_all_blocks_page

    repeats = ContentPage(title="Gjentatte titler", slug="gjentatte-titler", body=REPEATS)
    home.add_child(instance=repeats)
    repeats.save_revision().publish()
    program = ProgramPage.objects.get(slug="stimulab", locale__language_code="nb")
    program.body = REPEATS
    program.save_revision().publish()
    listing = ProgramIndexPage.objects.get(slug="virkemidler", locale__language_code="nb").url
    return [
        make_all_blocks_page(home).url,
        repeats.url,
        program.url,
        f"{listing}?side=abc",
        f"{listing}?side=99",
    ]


def built_outlines(client, home):
    return {url: outline_of(client.get(url).content.decode()) for url in build_pages(home)}


def _dumps(found):
    """JSON with one heading, contents entry or link a line, so that a change reads as one."""
    text = json.dumps(found, ensure_ascii=False, indent=1)
    return (
        re.sub(
            r"\[\n\s+([^\[\]{}]*?)\n\s+\]",
            lambda m: "[" + re.sub(r",\n\s+", ", ", m[1]) + "]",
            text,
        )
        + "\n"
    )


def _record():
    import django
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    django.setup()
    setup_test_environment()
    from django.db import connection

    connection.creation.create_test_db(verbosity=0)
    try:
        from wagtail.models import Site

        call_command("load_seed_content", stdout=io.StringIO())
        home = Site.objects.get(is_default_site=True).root_page.specific
        found = {"seed": outlines(Client()), "built": built_outlines(Client(), home)}
    finally:
        connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0)
    FIXTURE.write_text(_dumps(found))
    print(f"{len(found['seed'])} + {len(found['built'])} pages written to {FIXTURE}")


if __name__ == "__main__":
    _record()
