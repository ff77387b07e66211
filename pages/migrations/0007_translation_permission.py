"""Editors and approvers may start a translation (Wagtail's simple translation): it makes a
draft copy, which still goes through approval before it is published."""

from importlib import import_module

from django.db import migrations

roles = import_module("pages.migrations.0002_editorial_roles")


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permission = roles._permission(
        apps, "simple_translation", "simpletranslation", "submit_translation"
    )
    for group in Group.objects.filter(name__in=[roles.EDITORS, roles.APPROVERS]):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0006_written_standard"),
        ("simple_translation", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
