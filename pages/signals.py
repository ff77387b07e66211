"""Signals of the base app: a page's review date and change note on publishing, a new page's
owner."""

from wagtail.signals import init_new_page, page_published

from pages.change_notes import record_change_note
from pages.review import set_review_date


def _owner_from_parent(sender, page, parent, **kwargs):
    """A new page starts with its parent's owner, as a section's pages are mostly one team's."""
    if hasattr(page, "content_owner_id") and not page.content_owner_id:
        page.content_owner_id = getattr(parent.specific, "content_owner_id", None)


def connect():
    page_published.connect(set_review_date, dispatch_uid="pages-review-date")
    page_published.connect(record_change_note, dispatch_uid="pages-change-note")
    init_new_page.connect(_owner_from_parent, dispatch_uid="pages-owner-from-parent")
