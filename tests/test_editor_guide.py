"""The admin's help leads to our Norwegian guide, served in the admin, never to Wagtail's
English one."""

import re
from pathlib import Path

import pytest
import wagtail
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.urls import reverse


@pytest.fixture
def editor(db):
    user = User.objects.create_user(username="redaktor", password="x")
    user.groups.add(Group.objects.get(name="Redaktører"))
    return user


def test_the_admin_links_to_our_guide_and_not_to_wagtails(client, editor):
    client.force_login(editor)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "guide.wagtail.org" not in dashboard
    html = BeautifulSoup(dashboard, "html.parser")
    # The help menu is drawn from the sidebar's JSON, the account summary is HTML.
    assert f'"{reverse("editor_guide")}"' in html.select_one("#wagtail-sidebar-props").string
    assert html.select_one(f'a[href="{reverse("editor_guide")}"]')


def test_the_guide_reads_in_the_admin(client, editor):
    client.force_login(editor)
    response = client.get(reverse("editor_guide"))
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert html.select_one("h1").get_text(strip=True) == "Redaktørveiledning"
    assert html.select_one("article h2").get_text(strip=True) == "Roller"
    assert "Godkjennere" in html.select_one("article table").get_text()


def test_the_guide_is_for_editors_only(client, db):
    response = client.get(reverse("editor_guide"))
    assert response.status_code == 302


def test_the_account_summary_is_wagtails_with_only_the_guide_link_changed():
    """An upgrade of Wagtail that changes it fails here, to be copied again."""
    name = "wagtailadmin/home/account_summary.html"
    theirs = (Path(wagtail.__file__).parent / "admin/templates" / name).read_text()
    ours = (Path(settings.BASE_DIR) / "templates" / name).read_text()
    start = theirs.index("            {% wagtail_feature_release_editor_guide_link")
    end = theirs.index("</li>", start) + len("</li>")
    our_link = (
        "            <li>\n"
        '                <a class="w-underline w-underline-offset-[3px]"\n'
        "                   href=\"{% url 'editor_guide' %}\">"
        '{% translate "Redaktørveiledning" %}</a>\n'
        "            </li>"
    )
    assert ours == theirs[:start] + our_link + theirs[end:]


def test_the_guide_names_the_menu_entries_as_the_admin_shows_them(client, editor):
    """The guide wrote «Snippets → Målgrupper» where the menu reads «Snutter» (issue 24)."""
    approver = User.objects.create_user(username="godkjenner", password="x")
    approver.groups.add(Group.objects.get(name="Godkjennere"))
    menus = ""
    for user in (editor, approver):
        client.force_login(user)
        dashboard = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
        menus += dashboard.select_one("#wagtail-sidebar-props").string
    guide = (Path(settings.BASE_DIR) / "docs/redaktorveiledning.md").read_text()
    paths = re.findall(r"(?:«|\*\*)([^«»*\n]+?) → ", guide)
    assert "Snutter" in paths
    assert [entry for entry in paths if f'"{entry}"' not in menus] == []
