"""Content owners and review dates for program pages, as for the base pages."""

from importlib import import_module

import django.db.models.deletion
from django.db import migrations, models

owners = import_module("pages.migrations.0008_content_owner_and_review")


def forwards(apps, schema_editor):
    owners.set_review_dates(apps, ["programindexpage", "programpage"], "programs")


class Migration(migrations.Migration):

    dependencies = [
        ('pages', '0008_content_owner_and_review'),
        ('programs', '0007_audience_english_name'),
    ]

    operations = [
        migrations.AddField(
            model_name='programindexpage',
            name='content_owner',
            field=models.ForeignKey(blank=True, help_text='Teamet som svarer for innholdet og får beskjed når siden skal gjennomgås.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='pages.contentowner', verbose_name='Innholdseier'),
        ),
        migrations.AddField(
            model_name='programindexpage',
            name='next_review',
            field=models.DateField(blank=True, help_text='Når siden skal leses gjennom igjen. Tom, eller mindre enn 30 dager unna, blir 12 måneder etter publisering når siden publiseres.', null=True, verbose_name='Neste gjennomgang'),
        ),
        migrations.AddField(
            model_name='programpage',
            name='content_owner',
            field=models.ForeignKey(blank=True, help_text='Teamet som svarer for innholdet og får beskjed når siden skal gjennomgås.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='pages.contentowner', verbose_name='Innholdseier'),
        ),
        migrations.AddField(
            model_name='programpage',
            name='next_review',
            field=models.DateField(blank=True, help_text='Når siden skal leses gjennom igjen. Tom, eller mindre enn 30 dager unna, blir 12 måneder etter publisering når siden publiseres.', null=True, verbose_name='Neste gjennomgang'),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
