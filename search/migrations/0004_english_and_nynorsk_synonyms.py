"""Synonyms for words the pages in Bokmål do not use: English with no English page of its own
(«privacy») and Nynorsk whose stem is not the Bokmål word's («verkemiddel»). Editors keep or
change them in the admin."""

from django.db import migrations

SYNONYMS = [
    "personvern\nprivacy",
    "virkemidler\nvirkemiddel\nverkemiddel\nverkemidlar",
]


def add(apps, schema_editor):
    Synonym = apps.get_model("site_search", "Synonym")
    Synonym.objects.bulk_create(Synonym(terms=terms) for terms in SYNONYMS)


def remove(apps, schema_editor):
    apps.get_model("site_search", "Synonym").objects.filter(terms__in=SYNONYMS).delete()


class Migration(migrations.Migration):
    dependencies = [("site_search", "0003_first_synonyms")]

    operations = [migrations.RunPython(add, remove)]
