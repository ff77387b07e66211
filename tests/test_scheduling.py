"""Go-live and expiry dates take effect when the scheduler (`publish_scheduled`) runs."""

import io
from datetime import timedelta
from pathlib import Path
from unittest import mock

import wagtail
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from pages.models import ContentPage
from tests.admin_forms import edit_form_data
from tests.conftest import visible_text


def _run_scheduler_at(moment):
    with mock.patch("django.utils.timezone.now", return_value=moment):
        call_command("publish_scheduled", stdout=io.StringIO())


def _user(username, group):
    user = User.objects.create_user(username=username, password="x", first_name=username)
    user.groups.add(Group.objects.get(name=group))
    return user


def test_a_page_scheduled_for_the_future_is_public_only_after_the_scheduler_runs(client, seeded):
    parent = seeded
    page = ContentPage(title="Planlagt nyhet", slug="planlagt", lead="Kommer snart.", live=False)
    parent.add_child(instance=page)
    go_live = timezone.now() + timedelta(hours=2)
    page.go_live_at = go_live
    page.save_revision().publish()

    page.refresh_from_db()
    assert not page.live
    assert client.get("/planlagt/").status_code == 404

    _run_scheduler_at(go_live - timedelta(minutes=1))
    page.refresh_from_db()
    assert not page.live

    _run_scheduler_at(go_live + timedelta(minutes=1))
    page.refresh_from_db()
    assert page.live
    assert client.get("/planlagt/").status_code == 200


def test_expiry_unpublishes_the_page(client, seeded):
    page = ContentPage.objects.get(slug="handlingsrom")
    expire = timezone.now() + timedelta(days=1)
    page.expire_at = expire
    page.save_revision().publish()
    assert client.get("/handlingsrom/").status_code == 200

    _run_scheduler_at(expire + timedelta(minutes=1))
    page.refresh_from_db()
    assert not page.live
    assert page.expired
    assert client.get("/handlingsrom/").status_code == 404


def _post_edit(client, page, changes, action):
    data = edit_form_data(client, page, changes)
    data[action] = "1"
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def test_a_cancelled_schedule_does_not_come_back_at_the_next_approval(client, seeded):
    page = ContentPage.objects.get(slug="handlingsrom")
    editor = _user("redaktor", "Redaktører")
    approver = _user("godkjenner", "Godkjennere")
    go_live = timezone.localtime() + timedelta(days=3)
    client.force_login(approver)
    _post_edit(
        client,
        page,
        {"title": "Planlagt endring", "go_live_at": go_live.strftime("%Y-%m-%d %H:%M")},
        "action-publish",
    )
    [scheduled] = page.revisions.filter(approved_go_live_at__isnull=False)

    client.post(reverse("wagtailadmin_pages:revisions_unschedule", args=[page.pk, scheduled.pk]))
    assert not page.revisions.filter(approved_go_live_at__isnull=False).exists()
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().go_live_at is None

    client.force_login(editor)
    _post_edit(client, page, {"title": "Ny tittel"}, "action-submit")
    page.refresh_from_db()
    task_state = page.current_workflow_state.current_task_state
    client.force_login(approver)
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    page.refresh_from_db()
    assert page.title == "Ny tittel"
    assert not page.revisions.filter(approved_go_live_at__isnull=False).exists()


def _approval_dialog(client, page):
    task_state = page.current_workflow_state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    return client.get(url).json()["html"]


def test_the_approver_sees_what_goes_live_and_when_before_approving(client, seeded):
    page = ContentPage.objects.get(slug="handlingsrom")
    editor = _user("redaktor", "Redaktører")
    approver = _user("godkjenner", "Godkjennere")
    go_live = timezone.localtime().replace(hour=9, minute=30) + timedelta(days=3)
    client.force_login(editor)
    _post_edit(
        client,
        page,
        {"title": "Planlagt endring", "go_live_at": go_live.strftime("%Y-%m-%d %H:%M")},
        "action-submit",
    )
    page.refresh_from_db()
    client.force_login(approver)
    dialog = _approval_dialog(client, page)
    assert f"planlegger publisering {go_live.day}. " in visible_text(dialog)
    assert "kl. 09:30" in visible_text(dialog)
    compare = reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, "live", "latest"])
    assert f'href="{compare}"' in dialog

    other = ContentPage.objects.get(slug="kompetanse")
    client.force_login(editor)
    _post_edit(client, other, {"title": "Uten dato"}, "action-submit")
    other.refresh_from_db()
    client.force_login(approver)
    assert "publiserer siden med en gang" in visible_text(_approval_dialog(client, other))


def test_the_approval_dialog_is_wagtails_with_only_the_summary_added():
    """An upgrade of Wagtail that changes its dialog fails here, to be copied again."""
    name = "wagtailadmin/shared/workflow_action_modal.html"
    theirs = (Path(wagtail.__file__).parent / "admin/templates" / name).read_text()
    ours = (Path(settings.BASE_DIR) / "templates" / name).read_text()
    for original, changed in [
        ("{% load i18n wagtailadmin_tags %}", "{% load i18n wagtailadmin_tags approval_tags %}"),
        (
            '{% include "wagtailadmin/shared/non_field_errors.html" %}\n',
            '{% include "wagtailadmin/shared/non_field_errors.html" %}\n'
            '    {% if action == "approve" %}{% approval_summary object %}{% endif %}\n',
        ),
    ]:
        assert original in theirs
        theirs = theirs.replace(original, changed)
    assert ours == theirs
