from django.utils.html import escape
from wagtail import hooks
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.documents.rich_text import DocumentLinkHandler

from pages.accessibility import WCAG_TAGS
from pages.documents import document_meta


class SiteAccessibilityChecker(ContentCheckerItem):
    """The userbar's checker runs the same WCAG 2.1 AA rules as our browser tests."""

    axe_run_only = WCAG_TAGS


@hooks.register("construct_wagtail_userbar")
def use_wcag_checker(request, items, page):
    items[:] = [
        SiteAccessibilityChecker(in_editor=item.in_editor)
        if isinstance(item, ContentCheckerItem)
        else item
        for item in items
    ]


class DocumentLinkWithMetaHandler(DocumentLinkHandler):
    """Marks document links with their type and size; `sectioned` shows it in the link text."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        return [
            f'<a href="{escape(doc.url)}" data-document-meta="{escape(document_meta(doc))}">'
            if doc
            else "<a>"
            for doc in cls.get_many(attrs_list)
        ]


@hooks.register("register_rich_text_features", order=100)
def register_document_link_with_meta(features):
    # order=100: after wagtail.documents has registered its own handler for the same link type.
    features.register_link_type(DocumentLinkWithMetaHandler)
