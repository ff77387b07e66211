"""The editors' guide sends editors to Snippets → Målgrupper: editors may see the audiences there,
approvers also change them. A change shows on the public filter at once, without a workflow, so
it is for approvers, like the footer and redirects."""

from importlib import import_module

from django.db import migrations

roles = import_module("pages.migrations.0002_editorial_roles")

ACTIONS = {
    roles.EDITORS: ["view"],
    roles.APPROVERS: ["view", "add", "change", "delete"],
}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, actions in ACTIONS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        for action in actions:
            group.permissions.add(
                roles._permission(apps, "programs", "audience", f"{action}_audience")
            )


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0008_content_owner_and_review"),
        ("programs", "0008_content_owner_and_review"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
