"""Editors write and submit, approvers publish; nothing reaches the public unreviewed."""

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.contrib.auth.models import Group, User
from django.urls import reverse
from wagtail.models import Page, Workflow, WorkflowPage

from pages.models import ContentPage
from tests.admin_forms import action_buttons, edit_form_data

EDITORS = "Redaktører"
APPROVERS = "Godkjennere"


def _user(username, group):
    user = User.objects.create_user(username=username, password="x", first_name=username)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(db):
    return _user("redaktor", EDITORS)


@pytest.fixture
def approver(db):
    return _user("godkjenner", APPROVERS)


@pytest.fixture
def page(seeded):
    return ContentPage.objects.get(slug="handlingsrom")


def _edit(client, page, changes, action):
    data = edit_form_data(client, page, changes)
    data[action] = "1"
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def test_roles_and_workflow_exist_after_migrating(db):
    editors = Group.objects.get(name=EDITORS)
    approvers = Group.objects.get(name=APPROVERS)
    editor_page_perms = set(editors.page_permissions.values_list("permission__codename", flat=True))
    approver_page_perms = set(
        approvers.page_permissions.values_list("permission__codename", flat=True)
    )
    assert editor_page_perms == {"add_page", "change_page"}
    assert {"add_page", "change_page", "publish_page"} <= approver_page_perms
    approver_model_perms = set(approvers.permissions.values_list("codename", flat=True))
    assert {"change_sitesettings", "change_redirect", "add_searchpromotion"} <= approver_model_perms
    assert not {"change_sitesettings", "change_redirect"} & set(
        editors.permissions.values_list("codename", flat=True)
    )
    root = Page.get_first_root_node()
    workflow = WorkflowPage.objects.get(page=root).workflow
    assert workflow.name == "Godkjenning"
    [task] = [t.specific for t in workflow.tasks]
    assert list(task.groups.all()) == [approvers]


def test_role_migration_is_idempotent(db):
    migration = __import__("pages.migrations.0002_editorial_roles", fromlist=["create_roles"])
    before = (
        Group.objects.count(),
        Workflow.objects.count(),
        sorted(Group.objects.get(name=EDITORS).page_permissions.values_list("pk", flat=True)),
    )
    migration.create_roles(apps, None)
    migration.create_roles(apps, None)
    after = (
        Group.objects.count(),
        Workflow.objects.count(),
        sorted(Group.objects.get(name=EDITORS).page_permissions.values_list("pk", flat=True)),
    )
    assert after == before


def test_editor_cannot_publish(client, editor, page):
    assert not page.permissions_for_user(editor).can_publish()
    client.force_login(editor)
    edit_html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "action-publish" not in action_buttons(edit_html)
    assert "action-submit" in action_buttons(edit_html)

    _edit(client, page, {"title": "Publisert uten godkjenning"}, "action-publish")
    page.refresh_from_db()
    assert page.title == "Innovasjon krever handlingsrom"
    assert "Publisert uten godkjenning" not in client.get("/handlingsrom/").content.decode()


def test_editor_submission_starts_the_workflow_and_changes_nothing_public(client, editor, page):
    client.force_login(editor)
    response = _edit(client, page, {"title": "Handlingsrom – ny tittel"}, "action-submit")
    assert response.status_code == 302
    page.refresh_from_db()
    state = page.current_workflow_state
    assert state is not None and state.status == "in_progress"
    assert state.workflow.name == "Godkjenning"
    assert page.title == "Innovasjon krever handlingsrom"
    public = client.get("/handlingsrom/").content.decode()
    assert "ny tittel" not in public


def test_approver_approves_and_the_page_goes_live(client, editor, approver, page):
    client.force_login(editor)
    _edit(client, page, {"title": "Handlingsrom – godkjent tittel"}, "action-submit")
    page.refresh_from_db()
    task_state = page.current_workflow_state.current_task_state
    task = task_state.task.specific
    assert task.get_actions(page, editor) == []
    assert {name for name, _label, _modal in task.get_actions(page, approver)} >= {"approve"}

    client.force_login(approver)
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", task_state.pk],
        ),
        {"comment": "Ser bra ut."},
    )
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.title == "Handlingsrom – godkjent tittel"
    assert page.current_workflow_state is None
    client.logout()
    assert "godkjent tittel" in client.get("/handlingsrom/").content.decode()


def test_rejection_with_a_comment_returns_the_page_to_the_editor(client, editor, approver, page):
    client.force_login(editor)
    _edit(client, page, {"title": "Handlingsrom – avvist tittel"}, "action-submit")
    page.refresh_from_db()
    workflow_state = page.current_workflow_state
    task_state = workflow_state.current_task_state

    client.force_login(approver)
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "reject", task_state.pk],
        ),
        {"comment": "Tittelen må være kortere."},
    )
    workflow_state.refresh_from_db()
    task_state.refresh_from_db()
    assert workflow_state.status == "needs_changes"
    assert task_state.status == "rejected"
    assert task_state.comment == "Tittelen må være kortere."
    page.refresh_from_db()
    assert page.title == "Innovasjon krever handlingsrom"
    client.logout()
    assert "avvist tittel" not in client.get("/handlingsrom/").content.decode()

    client.force_login(editor)
    edit_html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Tittelen må være kortere." in edit_html


def test_the_editor_sees_the_approvers_comment_on_opening_the_page(client, editor, approver, page):
    client.force_login(editor)
    _edit(client, page, {"title": "Handlingsrom – for lang tittel"}, "action-submit")
    page.refresh_from_db()
    task_state = page.current_workflow_state.current_task_state
    client.force_login(approver)
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", task_state.pk]),
        {"comment": "Tittelen må være kortere."},
    )

    client.force_login(editor)
    edit_html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    shown = BeautifulSoup(edit_html, "html.parser").select(".messages li")
    [message] = [m.get_text(" ", strip=True) for m in shown if "ba om endringer" in m.get_text()]
    assert message.startswith("godkjenner ba om endringer ")
    assert message.endswith("«Tittelen må være kortere.»")


def test_editors_see_the_audiences_the_guide_sends_them_to_and_approvers_change_them(
    client, editor, approver, seeded
):
    from programs.models import Audience

    audience = Audience.objects.first()
    listing = reverse("wagtailsnippets_programs_audience:list")
    edit = reverse("wagtailsnippets_programs_audience:edit", args=[audience.pk])

    client.force_login(editor)
    assert client.get(listing).status_code == 200
    assert client.get(reverse("wagtailsnippets_programs_audience:add")).status_code != 200

    client.force_login(approver)
    assert client.get(listing).status_code == 200
    response = client.post(
        edit, {"name": "Kommunene", "name_en": audience.name_en, "slug": audience.slug}
    )
    assert response.status_code == 302
    audience.refresh_from_db()
    assert audience.name == "Kommunene"


def test_the_workflows_emails_are_in_bokmal(client, seeded, django_capture_on_commit_callbacks):
    from django.core import mail

    editor = User.objects.create_user("skribent", "skribent@example.no", "x", first_name="Kari")
    editor.groups.add(Group.objects.get(name=EDITORS))
    approver = User.objects.create_user("sjef", "sjef@example.no", "x", first_name="Ola")
    approver.groups.add(Group.objects.get(name=APPROVERS))
    page = ContentPage.objects.get(slug="handlingsrom")

    def submit(title):
        client.force_login(editor)
        with django_capture_on_commit_callbacks(execute=True):
            _edit(client, page, {"title": title}, "action-submit")
        page.refresh_from_db()

    def decide(action, comment):
        client.force_login(approver)
        task_state = page.current_workflow_state.current_task_state
        url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
        with django_capture_on_commit_callbacks(execute=True):
            client.post(url, {"comment": comment})
        page.refresh_from_db()

    submit("Handlingsrom – første forslag")
    decide("reject", "Kortere, takk.")
    submit("Handlingsrom – kortere")
    decide("approve", "")

    sent = {(m.to[0], m.subject): m.body for m in mail.outbox}
    assert [to for to, _subject in sent] == [
        "sjef@example.no",
        "skribent@example.no",
        "sjef@example.no",
        "skribent@example.no",
    ]
    rejected = sent[next(key for key in sent if "Endringer etterspurt" in key[1])]
    assert "«Kortere, takk.»" in rejected
    english = ("The page", "has been", "The following comment", "You can", "Hello")
    for (_to, subject), body in sent.items():
        assert not [phrase for phrase in english if phrase in subject + body], subject + body


def test_editors_meet_the_top_of_the_page_tree_by_a_norwegian_name(client, editor, seeded):
    client.force_login(editor)
    root = Page.get_first_root_node()
    html = client.get(reverse("wagtailadmin_explore", args=[root.pk])).content.decode()
    assert "Utforsker: Alle sider" in " ".join(BeautifulSoup(html, "html.parser").h1.text.split())
    assert "Root" not in html
