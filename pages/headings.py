"""Heading levels and stable section ids, shared by validation and rendering."""

from bs4 import BeautifulSoup
from django.utils.text import slugify
from wagtail.coreutils import string_to_ascii

HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
ANCHORED_TAGS = ("h2", "h3")
MAX_ID_LENGTH = 60


def heading_levels_in_html(html):
    soup = BeautifulSoup(html or "", "html.parser")
    return [int(tag.name[1]) for tag in soup.find_all(HEADING_TAGS)]


def section_id(text):
    """A readable id from the heading's own text, so text above it cannot change it."""
    # slugify() drops letters it cannot transliterate; anyascii spells æ, ø, å as ae, o, a.
    slug = slugify(string_to_ascii(text))[:MAX_ID_LENGTH].strip("-")
    return slug or "seksjon"


class SectionIds:
    """Hands out unique ids on one page: the second "Mål" becomes "mal-2"."""

    def __init__(self):
        self.used = set()

    def reserve(self, existing_id):
        self.used.add(existing_id)

    def take(self, text):
        base = section_id(text)
        candidate, number = base, 1
        while candidate in self.used:
            number += 1
            candidate = f"{base}-{number}"
        self.used.add(candidate)
        return candidate
