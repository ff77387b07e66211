"""What counts as a change of content for the cached pieces in pages/caching.py."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Orderable, Page, PageViewRestriction, Site
from wagtail.signals import init_new_page, page_published, page_unpublished, post_page_move

from pages.caching import content_changed
from pages.review import set_review_date

# Everything a page shows comes from these: pages and their inline rows, the site and its
# settings, view restrictions, images and documents. Revisions, logs and sessions do not count.
SHOWN = (
    Page,
    Orderable,
    Site,
    BaseSiteSetting,
    PageViewRestriction,
    AbstractImage,
    AbstractDocument,
    Locale,
)


def _on_model_change(sender, instance, **kwargs):
    if isinstance(instance, SHOWN):
        content_changed()


def _on_page_event(sender, **kwargs):
    content_changed()


def _owner_from_parent(sender, page, parent, **kwargs):
    """A new page starts with its parent's owner, as a section's pages are mostly one team's."""
    if hasattr(page, "content_owner_id") and not page.content_owner_id:
        page.content_owner_id = getattr(parent.specific, "content_owner_id", None)


def connect():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_on_model_change, dispatch_uid="pages-content-changed")
    # Moves and bulk unpublishing update rows without saving each instance.
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_on_page_event, dispatch_uid="pages-page-event")
    page_published.connect(set_review_date, dispatch_uid="pages-review-date")
    init_new_page.connect(_owner_from_parent, dispatch_uid="pages-owner-from-parent")
