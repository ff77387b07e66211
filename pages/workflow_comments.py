"""The approver's comment greets the editor who opens a page sent back for changes.

Wagtail keeps it behind the status panel's details; the editorial guide promises it on opening.
"""

from django.contrib import messages
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from wagtail.models import WorkflowState


def show_requested_changes(request, page):
    if request.method != "GET":
        return
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return
    task_state = state.current_task_state
    if task_state is None or not task_state.comment:
        return
    who = task_state.finished_by
    messages.warning(
        request,
        _("%(name)s ba om endringer %(when)s: «%(comment)s»")
        % {
            "name": who.get_full_name() or who.get_username() if who else _("Godkjenneren"),
            "when": formats.date_format(
                timezone.localtime(task_state.finished_at), "j. F \\k\\l. H:i"
            ),
            "comment": task_state.comment,
        },
    )
