"""Wagtail's database search backend, with PostgreSQL stemming by each page's language and a
ranking that depends only on the pages.

PostgreSQL's backend has one text search configuration for the whole index. Here an English page
is indexed with the English snowball stemmer and a Norwegian one (Bokmål or Nynorsk) with the
Norwegian one, and a search runs with the configuration of the language searched in. SQLite's
FTS5 index has no stemmer in any language, so there Wagtail's own backend is used unchanged.

The ranking: the weight classes of the fields (pages/models.py) count with PostgreSQL's default
weights, without the title norm modelsearch multiplies by, which depends on the order pages were
indexed in; ended programs and home pages (whose title, the site's name, every query about
innovation matches) count half; ties go in the order of the page tree, not by page id.
"""

import copy
from collections import defaultdict

from django.db import connection
from django.db.models import Case, F, FloatField, Value, When
from wagtail.models import Locale, Page
from wagtail.search.backends.database import SearchBackend as database_backend

from programs.models import ProgramStatus

# PostgreSQL's text search configurations by the first part of a locale's language code.
SEARCH_CONFIGS = {"nb": "norwegian", "nn": "norwegian", "en": "english"}
DEFAULT_CONFIG = "norwegian"

# ts_rank's weights for the classes D, C, B and A: PostgreSQL's defaults.
CLASS_WEIGHTS = "{0.1,0.2,0.4,1.0}"
HALF_RANK = 0.5
HOME_PAGE_DEPTH = 2


def search_config(language_code):
    return SEARCH_CONFIGS.get((language_code or "").split("-")[0].lower(), DEFAULT_CONFIG)


def SearchBackend(params):
    """What WAGTAILSEARCH_BACKENDS names: the locale-aware backend on PostgreSQL."""
    if connection.vendor != "postgresql":
        return database_backend(params)
    from modelsearch.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )

    class RankingQueryCompiler(PostgresSearchQueryCompiler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.sql_weights = CLASS_WEIGHTS

        def get_index_vectors(self, search_query):
            return [(F("index_entries__title"), 1.0), (F("index_entries__body"), 1.0)]

        def _apply_ordering_and_scoring(
            self, queryset, rank_expression, start, stop, score_field=None
        ):
            if not (self.order_by_relevance and issubclass(queryset.model, Page)):
                return super()._apply_ordering_and_scoring(
                    queryset, rank_expression, start, stop, score_field
                )
            rank_expression = rank_expression * Case(
                When(programpage__status=ProgramStatus.ENDED, then=Value(HALF_RANK)),
                When(depth=HOME_PAGE_DEPTH, then=Value(HALF_RANK)),
                default=Value(1.0),
                output_field=FloatField(),
            )
            queryset = queryset.order_by(rank_expression.desc(), "path")
            if score_field is not None:
                queryset = queryset.annotate(**{score_field: rank_expression})
            return queryset[start:stop]

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
        query_compiler_class = RankingQueryCompiler

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
