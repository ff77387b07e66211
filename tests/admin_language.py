"""Finds English interface text in an admin page: every text node, the attributes a screen reader
or a tooltip reads, and the text in the page's JSON data, with names from the content removed.

A word is English here when Wagtail's or Django's English source strings use it and no Norwegian
translation installed (theirs or ours) does; so "side" or "status" never count, "the" and
"schedule" always do."""

import functools
import json
import re
from pathlib import Path

import django
import wagtail
from bs4 import BeautifulSoup, Comment
from django.conf import settings

from tests.catalogues import parse_po

SITE_PACKAGES = Path(wagtail.__file__).parent.parent
ENGLISH_SOURCES = [Path(wagtail.__file__).parent, Path(django.__file__).parent / "contrib"]
# Words that are Bokmål too, though no installed Norwegian catalogue happens to use them: "per"
# ("andel ord per målform"), "team" ("et team med en felles e-postadresse"), "import" (Wagtail's
# own Bokmål for importing redirects). "UTC" is a name, the time zone's, in every language.
ALLOWED = {"wagtail", "per", "team", "import", "utc"}
READ_ATTRIBUTES = (
    "title",
    "aria-label",
    "aria-description",
    "aria-roledescription",
    "placeholder",
    "alt",
    "data-w-tooltip-content-value",
)
AXE_CONFIGURATION = "checker-axe-configuration"
WORD = re.compile(r"[A-Za-zÆØÅæøå]+(?:'[a-z]+)?")
# Placeholders, tags, entities, paths, addresses and identifiers are not words.
MARKUP = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}|<[^>]+>|&\w+;|\S*[_/@\\]\S*|\w+\.\w\S*")
# A JSON string that is an identifier, a path, a class list or a token, not text.
NOT_TEXT = re.compile(r"^[a-z0-9_\-./:#?=&%+ ]*$|^[A-Z0-9_]+$|^https?://|^[A-Za-z0-9]{24,}$")


def _words(text):
    return {w.lower() for w in WORD.findall(MARKUP.sub(" ", text)) if len(w) > 1}


def _catalogues(language):
    roots = [SITE_PACKAGES, *map(Path, settings.LOCALE_PATHS)]
    for root in roots:
        yield from root.glob(f"**/locale/{language}/LC_MESSAGES/*.po")
        yield from root.glob(f"{language}/LC_MESSAGES/*.po")


@functools.cache
def english_only_words():
    english, norwegian = set(), set()
    for source in ENGLISH_SOURCES:
        for path in source.glob("**/locale/en/LC_MESSAGES/*.po"):
            for _context, msgid in parse_po(path.read_text(encoding="utf-8")):
                english |= _words(msgid.replace("\0", " "))
    for language in ("nb", "no", "nn"):
        for path in _catalogues(language):
            for (_context, msgid), msgstr in parse_po(path.read_text(encoding="utf-8")).items():
                if msgid:
                    norwegian |= _words(msgstr.replace("\0", " "))
    return frozenset(english - norwegian - ALLOWED)


def _json_strings(value):
    if isinstance(value, str):
        if not NOT_TEXT.match(value):
            yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)


def interface_texts(html):
    """Every piece of text in the page that an editor can see or hear."""
    soup = BeautifulSoup(html, "html.parser")
    for script in soup.find_all("script"):
        # axe's rule names, shown only when a rule fires, quote HTML's own names ('role',
        # <summary>); tests/browser/test_content_checker.py reads the checker as shown.
        if script.get("type") == "application/json" and script.get("id") != AXE_CONFIGURATION:
            yield from _json_strings(json.loads(script.string or "null"))
        script.decompose()
    # Styles, and what editors wrote: a text area holds content, not interface.
    for tag in soup.find_all(["style", "textarea"]):
        tag.decompose()
    # A hidden counter the admin's script fills with a number before showing it (Wagtail leaves
    # "None" in it until then).
    for tag in soup.select("[data-side-panel-toggle-counter][hidden]"):
        tag.decompose()
    for text in soup.find_all(string=True):
        if not isinstance(text, Comment) and text.strip():
            yield text.strip()
    for tag in soup.find_all(True):
        for attribute in READ_ATTRIBUTES:
            if tag.get(attribute):
                yield tag[attribute]
        if tag.name == "input" and tag.get("type") in ("submit", "button", "reset"):
            yield tag.get("value", "")


def english_texts(html, names=()):
    """The texts with an English word left once the content's names are taken out."""
    english = english_only_words()
    names = sorted({n for n in names if n}, key=len, reverse=True)
    found = []
    for text in interface_texts(html):
        rest = text
        for name in names:
            rest = rest.replace(name, " ")
        words = _words(rest) & english
        # Python's None, printed where a value is missing: English, whatever the catalogues say.
        if re.search(r"(?<![\w-])None(?![\w-])", rest):
            words.add("none")
        if words:
            found.append((text, sorted(words)))
    return found
