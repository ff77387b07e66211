"""Cancelling a scheduled publication also takes its go-live date off the draft.

Wagtail's own view only unmarks the scheduled revision. The date stays in the draft, so the next
approval would quietly schedule again instead of publishing.
"""

from django.utils import timezone
from wagtail.admin.views.pages.revisions import RevisionsUnscheduleView
from wagtail.models import Page


class UnscheduleAndClearDate(RevisionsUnscheduleView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        draft = self.object.get_latest_revision_as_object()
        if draft.go_live_at is not None:
            draft.go_live_at = None
            draft.save_revision(user=request.user, log_action=True)
        # A page never published keeps the date on its own row too.
        Page.objects.filter(pk=self.object.pk, go_live_at__gt=timezone.now()).update(
            go_live_at=None
        )
        return response
