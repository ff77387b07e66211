"""Which cached pages a change shows on, and their purge: in the shared cache (every instance)
and, where one is configured, in the CDN through Wagtail's frontend cache.

A page's change purges the page and all below it (their breadcrumbs and addresses carry it), its
parent's listing, each site's home page (entry points), every page that links to it, and the
whole site when it changes the menu or the footer. A site or a site setting purges the site.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page, ReferenceIndex, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from pagecache import store
from pages.templatetags.navigation_tags import menu_entries


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
        pages, subtrees, everything = set(self.pages), set(self.subtrees), self.everything

        def now():
            store.purge(pages, subtrees, everything)

        # Now, for what this transaction reads next; after commit, for what other processes
        # rendered meanwhile from the rows as they were.
        now()
        transaction.on_commit(now)
        if getattr(settings, "WAGTAILFRONTENDCACHE", None):
            transaction.on_commit(lambda: _purge_frontend(pages, subtrees, everything))


def _path_of(page):
    parts = page.get_url_parts() if page is not None else None
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


# Each site's menu as it was before a page's first save in this process, by page id: a publish
# saves the page before it sends page_published, when the menu is compared. Bounded, as a draft
# that is never published leaves its entry behind.
_MENUS_BEFORE = {}
_MAX_REMEMBERED = 1000


def _menus():
    return {
        site.pk: menu_entries(site.root_page) for site in Site.objects.select_related("root_page")
    }


def _remember_menus(page_id):
    if page_id not in _MENUS_BEFORE:
        if len(_MENUS_BEFORE) >= _MAX_REMEMBERED:
            _MENUS_BEFORE.clear()
        _MENUS_BEFORE[page_id] = _menus()


def _menu_moved(page):
    """Whether the change to `page` changed a site's menu; unknown counts as changed."""
    before = _MENUS_BEFORE.pop(page.pk, None)
    return before is None or before != _menus()


def _in_chrome(page):
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


def _referencing_pages(page):
    page_type = ContentType.objects.get_for_model(Page)
    ids = (
        ReferenceIndex.get_references_to(page)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    return Page.objects.filter(pk__in=[int(i) for i in ids if i.isdigit()])


def purge_for_page(page, purge=None, parent=None):
    purge = purge or Purge()
    purge.subtree(page)
    purge.page(parent or page.get_parent())
    for site in Site.objects.select_related("root_page"):
        purge.page(site.root_page)
    for other in _referencing_pages(page):
        purge.page(other)
    purge.everything = purge.everything or _menu_moved(page) or _in_chrome(page)
    purge.send()


def _on_published(sender, instance, **kwargs):
    purge_for_page(instance)


def _on_unpublished(sender, instance, **kwargs):
    purge_for_page(instance)


def _on_moved(sender, instance, parent_page_before, parent_page_after, url_path_before, **kwargs):
    purge = Purge()
    # The old address, as it was under its site (url_path_before is the tree's own path).
    for site in Site.objects.select_related("root_page"):
        root = site.root_page.url_path
        if url_path_before.startswith(root):
            purge.subtree(path="/" + url_path_before[len(root) :])
    purge.page(parent_page_before)
    purge_for_page(instance, purge, parent=parent_page_after)


def _on_page_saving(sender, instance, **kwargs):
    """A renamed page leaves its old address; what was cached there must go with it."""
    if not isinstance(instance, Page) or instance.pk is None:
        return
    _remember_menus(instance.pk)
    before = Page.objects.filter(pk=instance.pk).only("url_path", "path", "depth").first()
    if before is not None and before.url_path != instance.url_path:
        purge = Purge()
        purge.subtree(before)
        purge.send()


def _on_page_deleting(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.depth > 1:
        purge = Purge()
        # Gone from the menu once deleted: a menu page's deletion moves the menu.
        purge.everything = instance.show_in_menus
        purge_for_page(instance, purge)


def _on_site_change(sender, instance, **kwargs):
    if isinstance(instance, (Site, BaseSiteSetting)):
        purge = Purge()
        purge.everything = True
        purge.send()


def connect():
    page_published.connect(_on_published, dispatch_uid="pagecache-published")
    page_unpublished.connect(_on_unpublished, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(_on_moved, dispatch_uid="pagecache-moved")
    pre_save.connect(_on_page_saving, dispatch_uid="pagecache-page-saving")
    pre_delete.connect(_on_page_deleting, dispatch_uid="pagecache-page-deleting")
    post_save.connect(_on_site_change, dispatch_uid="pagecache-site-saved")
    post_delete.connect(_on_site_change, dispatch_uid="pagecache-site-deleted")
