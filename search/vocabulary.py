"""The site's own words, to correct a misspelt query with: the closest word by pg_trgm similarity
in the vocabulary search/migrations builds from the search index. PostgreSQL only; elsewhere no
query is corrected."""

import re

from django.db import connection

# Every typo of the judged queries (tests/fixtures/judged_queries.json) but one is at least this
# similar to its word; unrelated words («presens», «finnesikke») are 0.43 or less.
MIN_SIMILARITY = 0.5
MIN_LENGTH = 4
_LETTERS = re.compile(r"[^\W\d_]+")

_CLOSEST = """
SELECT query.word, closest.word
FROM unnest(%s::text[]) AS query(word)
CROSS JOIN LATERAL (
    SELECT vocabulary.word FROM site_search_vocabulary vocabulary
    WHERE vocabulary.language = %s AND vocabulary.word %% query.word
        AND similarity(vocabulary.word, query.word) >= %s
    ORDER BY similarity(vocabulary.word, query.word) DESC, vocabulary.pages DESC, vocabulary.word
    LIMIT 1
) closest
WHERE closest.word <> query.word
"""


# A word of the query this long finds the compounds it is part of: innkjøp finds innkjøpsprosessen.
MIN_PART = 5
MAX_COMPOUNDS = 20

_COMPOUNDS = """
SELECT query.word, compound.word
FROM unnest(%s::text[]) AS query(word)
CROSS JOIN LATERAL (
    SELECT vocabulary.word FROM site_search_vocabulary vocabulary
    WHERE vocabulary.language = %s AND vocabulary.word LIKE '%%' || query.word || '%%'
        AND vocabulary.word <> query.word
    ORDER BY vocabulary.pages DESC, vocabulary.word
    LIMIT %s
) compound
"""


def available():
    return connection.vendor == "postgresql"


def refresh(**kwargs):
    """Rebuilds the vocabulary from the search index: on every publish, unpublish and delete."""
    if available():
        with connection.cursor() as cursor:
            cursor.execute("REFRESH MATERIALIZED VIEW site_search_vocabulary")


def corrected(query, language_code):
    """The query with each word the site does not use replaced by the closest one it does, or
    None if no word changes."""
    if not available():
        return None
    words = query.lower().split()
    unknown = sorted(
        {word for word in words if len(word) >= MIN_LENGTH and _LETTERS.fullmatch(word)}
    )
    if not unknown:
        return None
    with connection.cursor() as cursor:
        cursor.execute(_CLOSEST, [unknown, _language(language_code), MIN_SIMILARITY])
        closest = dict(cursor.fetchall())
    if not closest:
        return None
    return " ".join(closest.get(word, word) for word in words)


def compounds(query, language_code):
    """{word: the site's words that contain it} for the query's words of MIN_PART letters or
    more; empty where there is no vocabulary."""
    parts = sorted(
        {
            word
            for word in query.lower().split()
            if len(word) >= MIN_PART and _LETTERS.fullmatch(word)
        }
    )
    if not (available() and parts):
        return {}
    found = {}
    with connection.cursor() as cursor:
        cursor.execute(_COMPOUNDS, [parts, _language(language_code), MAX_COMPOUNDS])
        for part, compound in cursor.fetchall():
            found.setdefault(part, []).append(compound)
    return found


def _language(language_code):
    return (language_code or "").split("-")[0]
