"""Go-live and expiry dates take effect when the scheduler (`publish_scheduled`) runs."""

import io
from datetime import timedelta
from unittest import mock

from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from pages.models import ContentPage
from tests.admin_forms import edit_form_data


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
