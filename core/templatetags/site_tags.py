from django import template
from django.conf import settings
from django.utils.translation import gettext

register = template.Library()


@register.simple_tag
def site_name():
    """The site's name from WAGTAIL_SITE_NAME; needs no request, so error pages can use it."""
    return gettext(settings.WAGTAIL_SITE_NAME)
