from django import template

from pages.metadata import page_metadata

register = template.Library()


@register.inclusion_tag("includes/meta.html", takes_context=True)
def page_meta(context, page):
    return page_metadata(page, context.get("request"))
