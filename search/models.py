"""Synonyms that editors manage: words and names that mean the same to a reader."""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet

from core import caching

_WORD = re.compile(r"[^\W_]+")


def words_of(text):
    """The lowercased words of a text, without punctuation: «Meld. St.» is ["meld", "st"]."""
    return _WORD.findall(text.lower())


@register_snippet
class Synonym(models.Model):
    """A search for one of the terms also finds the pages that use any of the others."""

    terms = models.TextField(
        _("Ord som betyr det samme"),
        help_text=_(
            "Ett ord eller uttrykk per linje, for eksempel «DOGA» og «Design og arkitektur "
            "Norge». Et søk på ett av dem finner også sidene som bruker de andre."
        ),
    )

    class Meta:
        verbose_name = _("Synonym")
        verbose_name_plural = _("Synonymer")

    def __str__(self):
        return " = ".join(self.term_list())

    def term_list(self):
        return [line.strip() for line in self.terms.splitlines() if words_of(line)]


def _synonym_groups():
    """Every synonym's terms, from the cache: a search should not cost a query for them. Saving
    a snippet starts a new content generation (pagecache/invalidation.py), and with it a new key."""
    return caching.cached(
        "search-synonyms", lambda: [synonym.term_list() for synonym in Synonym.objects.all()]
    )


def variants(query):
    """The query as typed and, for each synonym term it contains, with that term replaced by each
    of the others."""
    words = words_of(query)
    found = [query]
    for terms in _synonym_groups():
        for term in terms:
            term_words = words_of(term)
            for start in range(len(words) - len(term_words) + 1):
                if words[start : start + len(term_words)] == term_words:
                    before, after = words[:start], words[start + len(term_words) :]
                    found.extend(
                        " ".join([*before, *words_of(other), *after])
                        for other in terms
                        if other != term
                    )
    return list(dict.fromkeys(found))


class ZeroHitSearch(models.Model):
    """How many searches in a day, in a language, found nothing for a query (search/zero_hits.py):
    the query normalised and masked, and nothing about who searched."""

    day = models.DateField(_("Dag"), db_index=True)
    language = models.CharField(_("Språk"), max_length=8)
    query = models.CharField(_("Søk"), max_length=200)
    count = models.PositiveIntegerField(_("Antall"), default=0)

    class Meta:
        verbose_name = _("Søk uten treff")
        verbose_name_plural = _("Søk uten treff")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "language", "query"], name="zero_hit_search_per_day"
            )
        ]

    def __str__(self):
        return self.query
