"""Views that are not content types: error pages, robots.txt."""

import sys

from django.http import (
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseForbidden,
    HttpResponseServerError,
)
from django.template import loader
from django.urls import reverse
from django.views import defaults
from django.views.decorators.cache import cache_control
from wagtail.models import Site

from core.unavailable import (
    DATABASE_UNAVAILABLE,
    is_database_unavailable,
    service_unavailable,
)


def server_error(request):
    """Renders without a request context, so it works when the database is down. A database
    fault outside any view (in middleware, say) gets the 503 page instead."""
    exc = sys.exc_info()[1]
    if is_database_unavailable(exc):
        return service_unavailable(request, exc)
    return HttpResponseServerError(loader.render_to_string("500.html"))


def page_not_found(request, exception=None):
    """The Norwegian 404 page has the site's menus, which come from the database."""
    try:
        return defaults.page_not_found(request, exception)
    except DATABASE_UNAVAILABLE as exc:
        return service_unavailable(request, exc)


def bad_request(request, exception=None):
    """Also for a Host header we do not serve, so nothing here may look at the host."""
    return HttpResponseBadRequest(loader.render_to_string("400.html"))


def permission_denied(request, exception=None):
    return HttpResponseForbidden(loader.render_to_string("403.html"))


def csrf_failure(request, reason=""):
    return HttpResponseForbidden(loader.render_to_string("403_csrf.html"))


@cache_control(max_age=3600, public=True)
def robots_txt(request):
    site = Site.find_for_request(request)
    root = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /sok/",
        "Disallow: /en/search/",
        "Disallow: /api/",
        "Disallow: /s/",
        f"Sitemap: {root}{reverse('sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
