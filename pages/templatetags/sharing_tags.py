from django import template

from pages.sharing import share_context

register = template.Library()


@register.inclusion_tag("includes/share.html", takes_context=True)
def share_area(context, page):
    return {"page": page, **share_context(page, context.get("request"))}
