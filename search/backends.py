"""Wagtail's database search backend, with PostgreSQL stemming by each page's language.

PostgreSQL's backend has one text search configuration for the whole index. Here an English page
is indexed with the English snowball stemmer and a Norwegian one (Bokmål or Nynorsk) with the
Norwegian one, and a search runs with the configuration of the language searched in. SQLite's
FTS5 index has no stemmer in any language, so there Wagtail's own backend is used unchanged.
"""

import copy
from collections import defaultdict

from django.db import connection
from wagtail.models import Locale
from wagtail.search.backends.database import SearchBackend as database_backend

# PostgreSQL's text search configurations by the first part of a locale's language code.
SEARCH_CONFIGS = {"nb": "norwegian", "nn": "norwegian", "en": "english"}
DEFAULT_CONFIG = "norwegian"


def search_config(language_code):
    return SEARCH_CONFIGS.get((language_code or "").split("-")[0].lower(), DEFAULT_CONFIG)


def SearchBackend(params):
    """What WAGTAILSEARCH_BACKENDS names: the locale-aware backend on PostgreSQL."""
    if connection.vendor != "postgresql":
        return database_backend(params)
    from modelsearch.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
    )

    class LocaleAwareIndex(PostgresIndex):
        def add_items(self, model, objs):
            languages = dict(Locale.objects.values_list("pk", "language_code"))
            groups = defaultdict(list)
            for obj in objs:
                language = languages.get(getattr(obj, "locale_id", None))
                groups[search_config(language)].append(obj)
            for config, group in groups.items():
                index = copy.copy(self)
                index.backend = self.backend.for_config(config)
                PostgresIndex.add_items(index, model, group)

    class LocaleAwarePostgresSearchBackend(PostgresSearchBackend):
        index_class = LocaleAwareIndex

        def for_config(self, config):
            backend = copy.copy(self)
            backend.config = config
            return backend

        def for_language(self, language_code):
            return self.for_config(search_config(language_code))

    return LocaleAwarePostgresSearchBackend(params)


def for_language(backend, language_code):
    """The backend to search text in this language with: the same backend where it has no
    stemming to choose."""
    chooser = getattr(backend, "for_language", None)
    return chooser(language_code) if chooser else backend
