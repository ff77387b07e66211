"""Menu, breadcrumbs and footer: the chrome every page shares."""

from django import template
from wagtail.models import Site

from pages.models import BasePage

register = template.Library()


def _site_root(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    """Pages marked "show in menus" directly under the home page, in tree order."""
    root = _site_root(context)
    current = context.get("page")
    items = []
    if root is not None:
        for page in root.get_children().live().in_menu().public().specific().defer_streamfields():
            active = current is not None and (
                current.pk == page.pk or current.path.startswith(page.path)
            )
            items.append(
                {"page": page, "active": active, "current": current and current.pk == page.pk}
            )
    return {"items": items, "request": context.get("request")}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if not isinstance(page, BasePage) or page.depth <= 2:
        return {"ancestors": [], "page": None}
    return {"ancestors": page.trail, "page": page}


@register.simple_tag
def menu_label(page):
    return getattr(page, "short_title", None) or page.title
