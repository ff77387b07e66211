"""The synonyms issue 23 names, for editors to keep or change in the admin."""

from django.db import migrations

FIRST_SYNONYMS = [
    "DOGA\nDesign og arkitektur Norge",
    "DFØ\nDirektoratet for forvaltning og økonomistyring",
    "startup\noppstartsselskap\noppstartsbedrift",
    "anskaffelse\ninnkjøp",
    "stortingsmelding\nMeld. St.",
]


def add(apps, schema_editor):
    Synonym = apps.get_model("site_search", "Synonym")
    Synonym.objects.bulk_create(Synonym(terms=terms) for terms in FIRST_SYNONYMS)


def remove(apps, schema_editor):
    apps.get_model("site_search", "Synonym").objects.filter(terms__in=FIRST_SYNONYMS).delete()


class Migration(migrations.Migration):
    dependencies = [("site_search", "0002_synonyms")]

    operations = [migrations.RunPython(add, remove)]
