"""Every page type stays within the first-load budget (issue 10): the HTML and everything the first
paint fetches, compressed as the server sends it. The browser audit measures what Chromium really
downloaded; this test needs no browser and counts the strict upper bound: every font the CSS
declares (whether or not the page uses it), every stylesheet (print too, which browsers fetch
anyway), every script and preload, and the biggest candidate of each image that is not lazy."""

import mimetypes
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client
from fontTools.ttLib import TTFont

from bench.queries import PAGE_TYPES as SEEDED_PAGE_TYPES
from tests.conftest import soup_of, visible_text
from tests.weight import wire_bytes

BUDGET = 100 * 1024  # bytes: 100 KiB

# One list of page types for the benchmark and the budgets, plus the empty search and the 404.
PAGE_TYPES = {**SEEDED_PAGE_TYPES, "empty search": "/sok/", "404": "/finnes-ikke/"}

FONT_FACE = re.compile(r"@font-face\s*{([^}]*)}")
CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)["']?\s*\)""")


def local_file(url):
    """The file behind a static or media URL, as the server would send it."""
    path = urlsplit(url).path
    if path.startswith(settings.STATIC_URL):
        found = finders.find(path.removeprefix(settings.STATIC_URL))
        assert found, f"{url} is referenced but no static file has that name"
        return Path(found)
    if path.startswith(settings.MEDIA_URL):
        found = Path(settings.MEDIA_ROOT) / path.removeprefix(settings.MEDIA_URL)
        assert found.is_file(), f"{url} is referenced but is not in MEDIA_ROOT"
        return found
    raise AssertionError(f"{url} is neither a static nor a media URL")


def sent_bytes(url):
    path = local_file(url)
    return wire_bytes(path.read_bytes(), mimetypes.guess_type(path.name)[0] or "")


def srcset_urls(srcset):
    return [candidate.split()[0] for candidate in srcset.split(",") if candidate.strip()]


def first_paint_images(soup):
    """Per image that is not lazy, the candidates a browser may choose from: the first <source>
    of a <picture> (the most efficient format, which every current browser takes), else the
    <img>'s own srcset and src."""
    for img in soup.find_all("img"):
        if img.get("loading") == "lazy":
            continue
        picture = img.find_parent("picture")
        source = picture.find("source") if picture else None
        if source is not None:
            yield srcset_urls(source["srcset"])
        else:
            yield [*srcset_urls(img.get("srcset", "")), *([img["src"]] if img.get("src") else [])]


def stylesheet_fonts(css_url):
    """Every font file the stylesheet's @font-face rules point at, as absolute paths."""
    css = local_file(css_url).read_text()
    for rule in FONT_FACE.findall(css):
        for ref in CSS_URL.findall(rule):
            if not ref.startswith("data:"):
                yield urljoin(css_url, ref)


def first_load(html):
    """Bytes per URL the first load of this HTML costs (the HTML itself under "document")."""
    soup = BeautifulSoup(html, "html.parser")
    parts = {"document": wire_bytes(html, "text/html")}
    for link in soup.find_all("link", href=True):
        rel = set(link.get("rel", []))
        if rel & {"stylesheet", "preload", "modulepreload", "icon"}:
            parts[link["href"]] = sent_bytes(link["href"])
        if "stylesheet" in rel:
            for font in stylesheet_fonts(link["href"]):
                parts[font] = sent_bytes(font)
    for script in soup.find_all("script", src=True):
        parts[script["src"]] = sent_bytes(script["src"])
    for candidates in first_paint_images(soup):
        biggest = max(candidates, key=sent_bytes)
        parts[biggest] = sent_bytes(biggest)
    return parts


def report(page_type, url, parts):
    lines = [f"{page_type} {url}: {sum(parts.values()) / 1024:.1f} KiB of {BUDGET / 1024:.0f}"]
    for part, size in sorted(parts.items(), key=lambda item: -item[1]):
        lines.append(f"  {size / 1024:7.1f} KiB  {part}")
    return "\n".join(lines)


@pytest.mark.django_db
def test_every_page_type_weighs_at_most_100_kb_compressed(seeded):
    client = Client()
    too_heavy = []
    for page_type, url in PAGE_TYPES.items():
        response = client.get(url)
        assert response.status_code == (404 if page_type == "404" else 200), url
        parts = first_load(response.content)
        if sum(parts.values()) > BUDGET:
            too_heavy.append(report(page_type, url, parts))
    assert not too_heavy, "\n\n".join(too_heavy)


@pytest.mark.django_db
def test_the_subset_fonts_have_every_character_the_pages_print(seeded):
    """Subsetting drops glyphs: a character outside the subset falls back to another font in the
    middle of a word. The seed content and every template's text must be inside it."""
    client = Client()
    text = "".join(visible_text(client.get(url).content) for url in PAGE_TYPES.values())
    fonts = {
        font
        for url in PAGE_TYPES.values()
        for link in soup_of(client.get(url)).find_all("link", rel="stylesheet")
        for font in stylesheet_fonts(link["href"])
    }
    assert fonts
    for font in sorted(fonts):
        cmap = TTFont(local_file(font)).getBestCmap()
        missing = sorted({char for char in text if not char.isspace() and ord(char) not in cmap})
        assert not missing, f"{font} lacks {''.join(missing)!r}"


@pytest.mark.django_db
def test_the_preloaded_font_is_one_the_stylesheets_declare_and_images_reserve_their_space(seeded):
    """A preload the CSS does not use is downloaded twice or for nothing; an image without width
    and height moves the text below it when it arrives."""
    client = Client()
    for url in PAGE_TYPES.values():
        soup = soup_of(client.get(url))
        declared = {
            font
            for link in soup.find_all("link", rel="stylesheet")
            for font in stylesheet_fonts(link["href"])
        }
        preloads = [
            link["href"] for link in soup.find_all("link", rel="preload", attrs={"as": "font"})
        ]
        assert preloads, url
        assert set(preloads) <= declared, f"{url} preloads {preloads}; the CSS declares {declared}"
        for img in soup.find_all("img"):
            assert img.get("width") and img.get("height"), f"{url}: {img}"
