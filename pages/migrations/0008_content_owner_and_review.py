"""Content owners and review dates. Live pages get a review date 12 months after they were
last published; approvers manage the owners, editors see them."""

import calendar
import datetime
from importlib import import_module

import django.db.models.deletion
from django.db import migrations, models

roles = import_module("pages.migrations.0002_editorial_roles")
PAGE_MODELS = ["homepage", "definitionpage", "principlespage", "contentpage"]


def a_year_after(moment):
    day = moment.date()
    return datetime.date(day.year + 1, day.month, min(day.day, calendar.monthrange(day.year + 1, day.month)[1]))


def set_review_dates(apps, model_names, app_label):
    for name in model_names:
        model = apps.get_model(app_label, name)
        for page in model.objects.filter(live=True, next_review__isnull=True).exclude(
            last_published_at__isnull=True
        ):
            model.objects.filter(pk=page.pk).update(next_review=a_year_after(page.last_published_at))


def forwards(apps, schema_editor):
    set_review_dates(apps, PAGE_MODELS, "pages")
    Group = apps.get_model("auth", "Group")
    grants = {
        roles.EDITORS: ["view"],
        roles.APPROVERS: ["add", "change", "delete", "view"],
    }
    for group in Group.objects.filter(name__in=list(grants)):
        for action in grants[group.name]:
            group.permissions.add(
                roles._permission(apps, "pages", "contentowner", f"{action}_contentowner")
            )


class Migration(migrations.Migration):

    dependencies = [
        ('pages', '0007_translation_permission'),
    ]

    operations = [
        migrations.CreateModel(
            name='ContentOwner',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=120, unique=True, verbose_name='Team eller enhet')),
                ('email', models.EmailField(help_text='En felles adresse for teamet, ikke en persons e-post.', max_length=254, verbose_name='E-post')),
            ],
            options={
                'verbose_name': 'Innholdseier',
                'verbose_name_plural': 'Innholdseiere',
                'ordering': ['name'],
            },
        ),
        migrations.AddField(
            model_name='contentpage',
            name='next_review',
            field=models.DateField(blank=True, help_text='Når siden skal leses gjennom igjen. Tom, eller mindre enn 30 dager unna, blir 12 måneder etter publisering når siden publiseres.', null=True, verbose_name='Neste gjennomgang'),
        ),
        migrations.AddField(
            model_name='definitionpage',
            name='next_review',
            field=models.DateField(blank=True, help_text='Når siden skal leses gjennom igjen. Tom, eller mindre enn 30 dager unna, blir 12 måneder etter publisering når siden publiseres.', null=True, verbose_name='Neste gjennomgang'),
        ),
        migrations.AddField(
            model_name='homepage',
            name='next_review',
            field=models.DateField(blank=True, help_text='Når siden skal leses gjennom igjen. Tom, eller mindre enn 30 dager unna, blir 12 måneder etter publisering når siden publiseres.', null=True, verbose_name='Neste gjennomgang'),
        ),
        migrations.AddField(
            model_name='principlespage',
            name='next_review',
            field=models.DateField(blank=True, help_text='Når siden skal leses gjennom igjen. Tom, eller mindre enn 30 dager unna, blir 12 måneder etter publisering når siden publiseres.', null=True, verbose_name='Neste gjennomgang'),
        ),
        migrations.AddField(
            model_name='contentpage',
            name='content_owner',
            field=models.ForeignKey(blank=True, help_text='Teamet som svarer for innholdet og får beskjed når siden skal gjennomgås.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='pages.contentowner', verbose_name='Innholdseier'),
        ),
        migrations.AddField(
            model_name='definitionpage',
            name='content_owner',
            field=models.ForeignKey(blank=True, help_text='Teamet som svarer for innholdet og får beskjed når siden skal gjennomgås.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='pages.contentowner', verbose_name='Innholdseier'),
        ),
        migrations.AddField(
            model_name='homepage',
            name='content_owner',
            field=models.ForeignKey(blank=True, help_text='Teamet som svarer for innholdet og får beskjed når siden skal gjennomgås.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='pages.contentowner', verbose_name='Innholdseier'),
        ),
        migrations.AddField(
            model_name='principlespage',
            name='content_owner',
            field=models.ForeignKey(blank=True, help_text='Teamet som svarer for innholdet og får beskjed når siden skal gjennomgås.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='pages.contentowner', verbose_name='Innholdseier'),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
