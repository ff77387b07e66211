"""Menu, breadcrumbs and footer: the chrome every page shares."""

from django import template
from wagtail.models import Site

from core import caching
from pages.models import BasePage

register = template.Library()


def _site_root(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    # The home page of the URL's language: the English menu lists the English pages.
    return site.root_page.specific.localized if site else None


def menu_entries(root, request=None):
    """Pages marked "show in menus" directly under the home page, in tree order, as plain
    values: cached, and compared by the page cache to see whether a change moved the menu."""
    return [
        {"pk": page.pk, "path": page.path, "url": page.get_url(request), "label": menu_label(page)}
        for page in root.get_children().live().in_menu().public().specific().defer_streamfields()
    ]


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    root = _site_root(context)
    request = context.get("request")
    current = context.get("page")
    items = []
    if root is not None:
        entries = caching.cached(
            "menu", lambda: menu_entries(root, request), root.pk, request=request
        )
        for entry in entries:
            active = current is not None and (
                current.pk == entry["pk"] or current.path.startswith(entry["path"])
            )
            current_page = current is not None and current.pk == entry["pk"]
            items.append({**entry, "active": active, "current": current_page})
    return {"items": items, "request": request}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if not isinstance(page, BasePage) or page.depth <= 2:
        return {"ancestors": [], "page": None}
    return {"ancestors": page.trail, "page": page}


@register.simple_tag
def menu_label(page):
    return getattr(page, "short_title", None) or page.title
