"""The one map from a change to what it makes stale, and the one purge of all three caches.

Caches (docs/caching.md): whole pages for anonymous readers (pagecache/store.py, exact versions
per URL path), pieces of pages (core/caching.py, one content generation) and, where configured,
the CDN (Wagtail's frontend cache). Every change below ends in `Purge.send()`, which purges all
three from the same set of paths:

| change                                     | stale                                          |
|--------------------------------------------|------------------------------------------------|
| a page published, unpublished, saved       | it and all below it, its parent (listing),     |
| outside a draft, or deleted                | each site's home page, pages linking to it,    |
|                                            | its translations (language switcher); the      |
|                                            | whole site if it moved the menu or the footer  |
|                                            | links to it                                    |
| a page renamed or moved                    | the above, and all below its old address       |
| a view restriction created, changed or     | the whole site: its pages may be listed, linked|
| deleted (or its groups)                    | or carded anywhere                             |
| a site, a site setting, a locale, a snippet| the whole site                                 |
| an image or a document                     | the pages that use it                          |
| any of the above                           | what is made from the whole site: the feeds,   |
|                                            | calendars and change histories                 |

Documents are never stored by a shared cache (core/documents.py), so a collection's privacy
needs no purge of them; the pieces that list them are renewed all the same.

A draft (a revision, a lock) changes nothing the public sees and purges nothing.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import (
    BaseViewRestriction,
    Locale,
    Page,
    PageViewRestriction,
    ReferenceIndex,
    Site,
)
from wagtail.signals import post_page_move
from wagtail.snippets.models import get_snippet_models

from core.caching import content_changed, start_afresh
from pagecache import store

# Page fields a draft, a lock or a tree insert writes; a save of only these shows nothing new.
DRAFT_FIELDS = {
    "comments",
    "draft_title",
    "has_unpublished_changes",
    "latest_revision",
    "latest_revision_created_at",
    "locked",
    "locked_at",
    "locked_by",
    "numchild",
}
# What Wagtail stores of an image or a document the first time it is asked for it, often while
# rendering a page: nothing a reader sees changes.
MEDIA_METADATA_FIELDS = {"file_hash", "file_size"}
# What the main menu shows of a page (pages/templatetags/navigation_tags.py: menu_entries).
MENU_FIELDS = ("title", "menu_title", "slug", "show_in_menus", "live")


class Purge:
    """URL paths to purge, gathered first and sent together."""

    def __init__(self):
        self.pages, self.subtrees, self.everything = set(), set(), False

    def page(self, page):
        if path := _path_of(page):
            self.pages.add(path)

    def subtree(self, page=None, path=None):
        if path := path or _path_of(page):
            self.subtrees.add(path)

    def send(self):
        """Purges the page cache and the pieces now, for what this transaction reads next, and
        again after commit, for what other processes rendered meanwhile from the rows as they
        were; the CDN after commit."""
        pages, subtrees, everything = set(self.pages), set(self.subtrees), self.everything
        # What is made from every page (feeds, calendars) is stale after any change. Not sent
        # to the CDN, which purges URLs, not prefixes: it keeps those briefly instead
        # (pagecache/middleware.py).
        stored = subtrees | set(settings.PAGE_CACHE_CONTENT_WIDE_PREFIXES)
        content_changed()
        store.purge(pages, stored, everything)
        transaction.on_commit(lambda: store.purge(pages, stored, everything))
        if getattr(settings, "WAGTAILFRONTENDCACHE", None):
            transaction.on_commit(lambda: _purge_frontend(pages, subtrees, everything))


def _path_of(page):
    if page is None:
        return None
    try:
        parts = page.get_url_parts()
    finally:
        # Wagtail keeps the sites it found on the page: one saved before its site was made
        # would keep finding none.
        vars(page).pop("_wagtail_cached_site_root_paths", None)
    return parts[2] if parts else None


def _purge_frontend(pages, subtrees, everything):
    batch = PurgeBatch()
    live = Page.objects.live().exclude(depth=1)
    if everything:
        batch.add_pages(live)
    else:
        for site in Site.objects.select_related("root_page"):
            batch.add_urls(f"{site.root_url}{path}" for path in pages | subtrees)
            base = site.root_page.url_path.rstrip("/")
            for path in subtrees:
                batch.add_pages(live.filter(url_path__startswith=base + path))
    batch.purge()


def _in_menu_position(page):
    """A child of a site's home page: where the main menu takes its entries from."""
    return any(
        page.depth == root.depth + 1 and page.path.startswith(root.path)
        for root in Page.objects.filter(sites_rooted_here__isnull=False).only("path", "depth")
    )


def _linked_from_settings(page):
    """Whether a site setting (the footer) links to the page."""
    for content_type_id in (
        ReferenceIndex.get_references_to(page)
        .values_list("base_content_type_id", flat=True)
        .distinct()
    ):
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None and issubclass(model, BaseSiteSetting):
            return True
    return False


def _referencing_pages(instance):
    page_type = ContentType.objects.get_for_model(Page)
    ids = (
        ReferenceIndex.get_references_to(instance)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    return Page.objects.filter(pk__in=[int(i) for i in ids if i.isdigit()])


def purge_for_page(page, purge=None, parent=None, menu_changed=False):
    purge = purge or Purge()
    purge.subtree(page)
    purge.page(parent or page.get_parent())
    for site in Site.objects.select_related("root_page"):
        purge.page(site.root_page)
    for other in _referencing_pages(page):
        purge.page(other)
    for translation in page.get_translations():
        purge.page(translation)
    purge.everything = (
        purge.everything
        or (menu_changed and _in_menu_position(page))
        or _linked_from_settings(page)
    )
    purge.send()


def _menu_state(page):
    return tuple(getattr(page, field, None) for field in MENU_FIELDS)


def _on_page_saving(sender, instance, update_fields=None, raw=False, **kwargs):
    """Before a page's row changes (publishing, unpublishing, a rename), what it was: the
    address it may leave, and what the menu showed of it. Kept on the instance for after."""
    if raw or not isinstance(instance, Page) or instance.pk is None or _draft_only(update_fields):
        return
    # The whole row of the page's own type, which has the menu title: rare (no draft comes here).
    before = type(instance)._default_manager.filter(pk=instance.pk).first()
    instance._purge_before = Purge()
    instance._menu_before = None
    if before is not None:
        instance._menu_before = _menu_state(before)
        if before.url_path != instance.url_path:
            instance._purge_before.subtree(before)


def _on_page_saved(sender, instance, created=False, update_fields=None, raw=False, **kwargs):
    # A raw save loads rows as they were (fixtures, a restore): they change nothing one by one.
    if raw or not isinstance(instance, Page) or instance.depth <= 1:
        return
    if _draft_only(update_fields):
        return
    purge = vars(instance).pop("_purge_before", None) or Purge()
    menu_changed = created or vars(instance).pop("_menu_before", None) != _menu_state(instance)
    purge_for_page(instance, purge, menu_changed=menu_changed)


def _draft_only(update_fields):
    return update_fields is not None and set(update_fields) <= DRAFT_FIELDS


def _on_moved(sender, instance, parent_page_before, parent_page_after, url_path_before, **kwargs):
    purge = Purge()
    # The old address, as it was under its site (url_path_before is the tree's own path).
    for site in Site.objects.select_related("root_page"):
        root = site.root_page.url_path
        if url_path_before.startswith(root):
            purge.subtree(path="/" + url_path_before[len(root) :])
    purge.page(parent_page_before)
    purge_for_page(instance, purge, parent=parent_page_after, menu_changed=True)


def _on_page_deleting(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.depth > 1:
        purge_for_page(instance, menu_changed=instance.show_in_menus)


def _everything():
    purge = Purge()
    purge.everything = True
    purge.send()


def _on_model_change(sender, instance, raw=False, update_fields=None, **kwargs):
    """Anything but a page that the public sees, saved or deleted."""
    if raw or (update_fields is not None and set(update_fields) <= MEDIA_METADATA_FIELDS):
        return
    if isinstance(instance, PageViewRestriction | Site | Locale | BaseSiteSetting):
        _everything()
    elif isinstance(instance, BaseViewRestriction):
        Purge().send()  # a collection's: only the pieces that list its documents
    elif isinstance(instance, AbstractImage | AbstractDocument):
        purge = Purge()
        for page in _referencing_pages(instance):
            purge.page(page)
        purge.send()
    elif isinstance(instance, tuple(get_snippet_models())):
        _everything()  # snippets (audiences) label pages anywhere


def _on_restriction_groups(sender, instance, action, **kwargs):
    if action.startswith("post_") and isinstance(instance, PageViewRestriction):
        _everything()


def _purge_everything(sender, **kwargs):
    store.purge(everything=True)


def connect():
    start_afresh.connect(_purge_everything, dispatch_uid="pagecache-start-afresh")
    post_page_move.connect(_on_moved, dispatch_uid="pagecache-moved")
    pre_save.connect(_on_page_saving, dispatch_uid="pagecache-page-saving")
    post_save.connect(_on_page_saved, dispatch_uid="pagecache-page-saved")
    pre_delete.connect(_on_page_deleting, dispatch_uid="pagecache-page-deleting")
    post_save.connect(_on_model_change, dispatch_uid="pagecache-model-saved")
    post_delete.connect(_on_model_change, dispatch_uid="pagecache-model-deleted")
    m2m_changed.connect(_on_restriction_groups, dispatch_uid="pagecache-restriction-groups")
