"""What a reader navigates by on each seed page: heading ids, the table of contents, the section
links and the reading time, as read from the rendered HTML.

tests/fixtures/page_outlines.json holds them as the pages showed them before section ids and
reading times were computed from the content; tests/test_page_outline.py holds today's pages to
it. To record them again, deliberately (the output changed on purpose):

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
        call_command("load_seed_content", stdout=io.StringIO())
        found = outlines(Client())
    finally:
        connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0)
    FIXTURE.write_text(_dumps(found))
    print(f"{len(found)} pages written to {FIXTURE}")


if __name__ == "__main__":
    _record()
