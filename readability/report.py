"""LIX for every live Norwegian page, hardest first; each page's figure is kept in the shared
cache until the page is published again."""

from django.core.cache import cache
from wagtail.models import Locale, Page

from pages.readability import Lix, lix_of_page

CACHE_SECONDS = 7 * 24 * 3600


def _cached_lix(page):
    # A page made live without being published has no publishing time; its revision then says
    # whether it changed.
    published = page.last_published_at.timestamp() if page.last_published_at else 0
    key = f"readability:lix:{page.pk}:{published}:{page.latest_revision_id}"
    figures = cache.get(key)
    if figures is None:
        lix = lix_of_page(page)
        figures = (lix.words, lix.sentences, lix.long_words)
        cache.set(key, figures, CACHE_SECONDS)
    return Lix(*figures)


def rows():
    """(page, Lix) for the live pages in the default locale (Bokmål and Nynorsk), hardest first;
    pages without text last."""
    pages = (
        Page.objects.live()
        .filter(depth__gt=1, locale=Locale.get_default())
        .specific()
        .order_by("path")
    )
    result = [(page, _cached_lix(page)) for page in pages]
    return sorted(result, key=lambda row: (row[1].value is None, -(row[1].value or 0)))
