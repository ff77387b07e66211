from django import template

from pages.readability import lix_of_page

register = template.Library()


@register.simple_tag
def readability(page):
    """For the editor's readability panel: the LIX of the version being edited, None on a page
    not yet saved."""
    return lix_of_page(page) if page is not None and page.pk else None
