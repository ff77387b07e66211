"""The estimated reading time a page shows beside "Sist oppdatert", counted on the page as
rendered, so that it is the text the reader gets, whatever the page type."""

import math

from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import ngettext

from pages.readability import CONTENT, WORD, prose_blocks

# Where the template wants the reading time; filled in after rendering, once the text is known.
PLACEHOLDER = "<!--reading-time-->"
# Silent reading of a standard text, words per minute: IReST (Trauzettel-Klosinski and Dietz,
# Investigative Ophthalmology & Visual Science 53(9), 2012, table 3), the figures Wagtail's own
# reading time uses. The study has no Norwegian text; Swedish, the closest, reads at 218.
WORDS_PER_MINUTE = {"en": 228, "nb": 218, "nn": 218}
DEFAULT_WORDS_PER_MINUTE = 218


def minutes(word_count, language):
    """Whole minutes, rounded up: a reader plans by the longer estimate. None for no text."""
    if word_count <= 0:
        return None
    speed = WORDS_PER_MINUTE.get(language, DEFAULT_WORDS_PER_MINUTE)
    return math.ceil(word_count / speed)


def word_count(html):
    return sum(len(WORD.findall(block)) for block in prose_blocks(html, CONTENT))


def label(count):
    return ngettext("%(minutes)s minutt å lese", "%(minutes)s minutter å lese", count) % {
        "minutes": count
    }


def fill_in(response):
    """A TemplateResponse post-render callback: the placeholder becomes the reading time, in
    the interface language the page was rendered in."""
    if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
        return
    charset = response.charset
    html = response.content.decode(charset)
    if PLACEHOLDER not in html:
        return
    count = minutes(word_count(html), translation.get_language())
    # A dot to the eye, a comma to the ear.
    text = (
        format_html(
            '<span aria-hidden="true"> · </span><span class="ds-sr-only">, </span>'
            '<span class="reading-time">{}</span>',
            label(count),
        )
        if count
        else ""
    )
    response.content = html.replace(PLACEHOLDER, text, 1).encode(charset)
