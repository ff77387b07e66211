"""The estimated reading time a page shows beside "Sist oppdatert", counted on the page's own
text as its content holds it: the title, the fields the page type shows and the body's blocks.
The site's interface around the text, and the pages a listing shows, are not the page's text."""

import math

from django.utils.translation import ngettext

from pages.readability import WORD

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


def word_count(texts):
    return sum(len(WORD.findall(text)) for text in texts)


def of_page(page, language):
    """The page's reading time in whole minutes, in `language`'s reading speed; None for none."""
    return minutes(word_count(page.reading_texts()), language)


def label(count):
    return ngettext("%(minutes)s minutt å lese", "%(minutes)s minutter å lese", count) % {
        "minutes": count
    }
