"""Heading levels, stable section ids and the outline of a page, shared by validation and
rendering. The outline comes from the page's content, in reading order, before anything is
rendered: templates take each heading's id, its section link and the contents from it."""

from dataclasses import dataclass

from django.utils.text import slugify
from wagtail.coreutils import string_to_ascii

ANCHORED_LEVELS = (2, 3)
MAX_ID_LENGTH = 60
TOC_MIN_H2 = 3
# Ids the page chrome around the article uses; a heading must never take one of them.
CHROME_IDS = (
    "main",
    "toc-heading",
    "share-heading",
    "permalink",
    "footer-contact",
    "footer-about",
    "header-search-q",
)


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


@dataclass(frozen=True)
class Heading:
    """A heading the page shows, as its content says: `key` is how its template finds it (a
    block's id, or the id the template gives it), `fixed_id` an id the template sets itself."""

    key: object
    level: int
    title: str
    fixed_id: str | None = None


@dataclass(frozen=True)
class Section:
    id: str
    level: int
    title: str


class Outline:
    """Every h2 and h3 of an article with its id, and the contents where three or more h2 are."""

    def __init__(self, headings):
        headings = [h for h in headings if h.level in ANCHORED_LEVELS]
        ids = SectionIds()
        for used in (*CHROME_IDS, *(h.fixed_id for h in headings if h.fixed_id)):
            ids.reserve(used)
        self.sections = {}
        for heading in headings:
            if heading.title:
                taken = heading.fixed_id or ids.take(heading.title)
                self.sections[heading.key] = Section(taken, heading.level, heading.title)
        h2s = [section for section in self.sections.values() if section.level == 2]
        self.contents = h2s if len(h2s) >= TOC_MIN_H2 else []

    def get(self, key):
        return self.sections.get(key)
