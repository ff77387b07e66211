from django import template

from pages.languages import translation_status as status_of

register = template.Library()


@register.simple_tag
def translation_status(page):
    """For the editor's translation panel: None on a page that is no translation."""
    return status_of(page) if page is not None and page.pk else None
