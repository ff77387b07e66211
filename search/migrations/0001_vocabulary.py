"""The vocabulary a misspelt query is corrected from (search/vocabulary.py): every word of the
pages in the search index, by language, unstemmed, with the number of pages that use it, and a
pg_trgm index to find the word closest to a misspelt one.

PostgreSQL only: SQLite has no pg_trgm, and its search makes no suggestions. pg_trgm is a trusted
extension, so the database's owner may create it."""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE MATERIALIZED VIEW site_search_vocabulary AS
    SELECT locale.language_code AS language, words.word, count(*) AS pages
    FROM wagtailsearch_indexentry entry
    JOIN wagtailcore_page page
        ON page.id::text = entry.object_id AND page.content_type_id = entry.content_type_id
    JOIN wagtailcore_locale locale ON locale.id = page.locale_id
    CROSS JOIN LATERAL (
        SELECT DISTINCT word FROM regexp_split_to_table(
            lower(entry.title_text || ' ' || entry.body_text), '[^[:alpha:]]+'
        ) AS word
        WHERE length(word) >= 3
    ) words
    GROUP BY locale.language_code, words.word;
CREATE UNIQUE INDEX site_search_vocabulary_word ON site_search_vocabulary (language, word);
CREATE INDEX site_search_vocabulary_trigrams
    ON site_search_vocabulary USING gin (word gin_trgm_ops);
"""
DROP = "DROP MATERIALIZED VIEW IF EXISTS site_search_vocabulary"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create, drop)]
