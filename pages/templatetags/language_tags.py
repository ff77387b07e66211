"""The language switcher and the hreflang links in the head."""

from django import template
from django.urls import reverse

from pages import languages

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context.get("request")
    page = context.get("page") or None
    return {"links": languages.switcher(page, request) if request is not None else []}


@register.inclusion_tag("includes/hreflang.html", takes_context=True)
def hreflang_links(context, page):
    request = context.get("request")
    found = languages.alternates(page, request)
    # x-default: the Bokmål version, which is what a reader of no listed language gets.
    default = next((url for code, url in found if code == "nb"), None)
    return {"alternates": found, "default": default}


@register.simple_tag
def home_url():
    """The home page's address in the active language ("/", "/en/"); asks no database, so
    error pages can use it."""
    return reverse("wagtail_serve", args=[""])
