from django import template
from django.urls import reverse
from django.utils import timezone

register = template.Library()


@register.inclusion_tag("pages/admin/approval_summary.html")
def approval_summary(page):
    """What approving a page publishes, and when: approval publishes the latest revision, on
    the go-live date it carries if that is still ahead."""
    draft = page.get_latest_revision_as_object()
    go_live_at = draft.go_live_at
    return {
        "go_live_at": go_live_at if go_live_at and go_live_at > timezone.now() else None,
        "compare_url": reverse(
            "wagtailadmin_pages:revisions_compare", args=[page.pk, "live", "latest"]
        )
        if page.live
        else None,
        "preview_url": reverse("wagtailadmin_pages:view_draft", args=[page.pk]),
    }
