"""The site's own words, to correct a misspelt query with: the closest word by pg_trgm similarity
in the vocabulary search/migrations builds from the search index. PostgreSQL only; elsewhere no
query is corrected."""

import re
from dataclasses import dataclass, field

from django.db import connection

# A candidate is this similar by trigrams to the misspelt word, or as few edits away as
# MAX_EDITS allows for its length: «kompetence» is two edits from «kompetanse» but only 0.38
# similar. Unrelated words («presens», «xylofon») are 0.43 similar or less, and more edits away.
MIN_SIMILARITY = 0.5
MIN_LENGTH = 4
# Longer than this is no word a reader means (a pasted string, an attack): neither corrected nor
# split, which would cost a lookup for every way to cut it.
MAX_LENGTH = 40
# (length at least, edits allowed): one letter wrong in a word of five, two in a word of eight.
MAX_EDITS = ((8, 2), (5, 1))
CANDIDATES = 5
_LETTERS = re.compile(r"[^\W\d_]+")

# The nearest words by trigrams: pg_trgm's % (similarity 0.3 or more) uses the index.
_CLOSEST = """
SELECT query.word, candidate.word, candidate.similarity, candidate.pages
FROM unnest(%s::text[]) AS query(word)
CROSS JOIN LATERAL (
    SELECT vocabulary.word, similarity(vocabulary.word, query.word) AS similarity, vocabulary.pages
    FROM site_search_vocabulary vocabulary
    WHERE vocabulary.language = %s AND vocabulary.word %% query.word
    ORDER BY similarity(vocabulary.word, query.word) DESC, vocabulary.pages DESC, vocabulary.word
    LIMIT %s
) candidate
"""


# A word of the query this long finds the compounds it is part of: innkjøp finds innkjøpsprosessen.
MIN_PART = 5
MAX_COMPOUNDS = 20
# A word this long that neither the site uses nor is part of a word it uses is split in two, at
# the point where the most of it is the site's words or parts of them: «søknadsfrist» is «søknad»
# (the «s» joins the two) and «frist», «brukerinvolvering» «bruker» and «involvering».
MIN_SPLIT = 2 * MIN_PART
_JOINING = ("s", "e")

# The site's words like each pattern (a word between % signs, or followed by one), most used first.
_LIKE = """
SELECT query.pattern, vocabulary.word
FROM unnest(%s::text[]) AS query(pattern)
CROSS JOIN LATERAL (
    SELECT vocabulary.word FROM site_search_vocabulary vocabulary
    WHERE vocabulary.language = %s AND vocabulary.word LIKE query.pattern
    ORDER BY vocabulary.pages DESC, vocabulary.word
    LIMIT %s
) vocabulary
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
    candidates = _candidates(words, language_code)
    closest = {}
    for word, found in candidates.items():
        if word in found:
            continue  # a word of the site's own
        # The fewest edits away; of those, the word most pages use.
        acceptable = [
            (edits(word, candidate), -pages, -similarity, candidate)
            for candidate, (similarity, pages) in found.items()
            if similarity >= MIN_SIMILARITY or edits(word, candidate) <= _edits_allowed(word)
        ]
        if acceptable:
            closest[word] = min(acceptable)[-1]
    if not closest:
        return None
    return " ".join(closest.get(word, word) for word in words)


def _candidates(words, language_code):
    """{word: {candidate: (similarity, pages using it)}} for the words worth correcting."""
    unknown = _words_of(" ".join(words), MIN_LENGTH)
    if not unknown:
        return {}
    found = {}
    with connection.cursor() as cursor:
        cursor.execute(_CLOSEST, [unknown, _language(language_code), CANDIDATES])
        for word, candidate, similarity, pages in cursor.fetchall():
            found.setdefault(word, {})[candidate] = (similarity, pages)
    return found


def _edits_allowed(word):
    return next((allowed for length, allowed in MAX_EDITS if len(word) >= length), 0)


def edits(a, b):
    """Optimal string alignment distance: letters inserted, deleted, replaced or swapped."""
    previous, current = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        before, previous, current = previous, current, [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
    return current[len(b)]


_USAGE = """
SELECT language, word, pages FROM site_search_vocabulary WHERE word = ANY(%s::text[])
"""


@dataclass
class Usage:
    """The query's words worth looking up (letters only, MIN_LENGTH or more), and for each
    language {word: the number of its pages using it}."""

    words: list
    pages: dict = field(default_factory=dict)

    def language(self, language_code):
        """The other language the query is written in: one whose pages use every word of it, and
        more than the pages in `language_code` do. None if there is none."""
        here = _language(language_code)
        mine = sum(self.pages.get(here, {}).values())
        for language, found in self.pages.items():
            if language != here and len(found) == len(self.words) and sum(found.values()) > mine:
                return language
        return None

    def unknown(self, language_code):
        """True if the pages in this language do not use some word of the query."""
        here = self.pages.get(_language(language_code), {})
        return any(word not in here for word in self.words)


def usage(query):
    """The Usage of the query's words: one lookup by the vocabulary's unique index."""
    found = Usage(_words_of(query, MIN_LENGTH))
    if available() and found.words:
        with connection.cursor() as cursor:
            cursor.execute(_USAGE, [found.words])
            for language, word, pages in cursor.fetchall():
                found.pages.setdefault(language, {})[word] = pages
    return found


def compounds(query, language_code):
    """{word: the site's words that contain it} for the query's words of MIN_PART letters or
    more; empty where there is no vocabulary."""
    words = _words_of(query, MIN_PART)
    if not (available() and words):
        return {}
    containing = _like([f"%{word}%" for word in words], language_code)
    found = {
        word: [other for other in containing.get(f"%{word}%", []) if other != word]
        for word in words
    }
    return {word: others for word, others in found.items() if others}


def split_words(query, language_code):
    """{word: the site's words to search for in its place} for each word of MIN_SPLIT letters or
    more that no word of the site contains, split in two where the most of it begins site words.

    For the first part, the site's words that begin with it and are longer («brukernes» for
    «bruker»), since the part alone is often another word (the verb «bruker»); it alone if there
    are none. For the second part, the site's words that begin with it («frist», «fristen»)."""
    words = _words_of(query, MIN_SPLIT)
    if not (available() and words):
        return {}
    splits = {word: list(_splits(word)) for word in words}
    patterns = {f"%{word}%" for word in words}
    patterns.update(
        f"{part}%" for options in splits.values() for split in options for part in split
    )
    like = _like(sorted(patterns), language_code)
    found = {}
    for word, options in splits.items():
        if f"%{word}%" in like:
            continue
        head, tail = max(
            options,
            key=lambda split: (
                sum(f"{part}%" in like for part in split),
                sum(len(part) for part in split if f"{part}%" in like),
            ),
        )
        starting = like.get(f"{head}%", [])
        in_place = [other for other in starting if other != head] or starting
        in_place += like.get(f"{tail}%", [])
        if in_place:
            found[word] = in_place
    return found


def _words_of(query, shortest):
    return sorted(
        {
            word
            for word in query.lower().split()
            if shortest <= len(word) <= MAX_LENGTH and _LETTERS.fullmatch(word)
        }
    )


def _splits(word):
    """Each (head, tail) of at least MIN_PART letters, with and without a joining letter."""
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        head, tail = word[:cut], word[cut:]
        yield head, tail
        if head.endswith(_JOINING) and len(head) > MIN_PART:
            yield head[:-1], tail


def _like(patterns, language_code):
    """{pattern: the site's words like it, most used first}."""
    found = {}
    with connection.cursor() as cursor:
        cursor.execute(_LIKE, [patterns, _language(language_code), MAX_COMPOUNDS])
        for pattern, word in cursor.fetchall():
            found.setdefault(pattern, []).append(word)
    return found


def _language(language_code):
    return (language_code or "").split("-")[0]
