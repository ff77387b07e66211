"""The tree's root, which editors meet as the top of the page explorer, in Bokmål: Wagtail names it
"Root" in its own migration."""

from django.db import migrations

TITLE = "Alle sider"


def rename(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title="Root").update(title=TITLE, draft_title=TITLE)


def rename_back(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title=TITLE).update(title="Root", draft_title="Root")


class Migration(migrations.Migration):
    dependencies = [("pages", "0008_content_owner_and_review")]

    operations = [migrations.RunPython(rename, rename_back)]
