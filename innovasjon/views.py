"""Views that are not content types: health check and error pages."""

from django.db import connection
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseForbidden,
    HttpResponseRedirect,
    HttpResponseServerError,
)
from django.template import loader
from django.urls import reverse
from django.views.decorators.cache import cache_control, never_cache
from wagtail.models import Page, Site

from pages.sharing import MAX_PAGE_ID


@never_cache
def health(request):
    """For load balancers and the Docker HEALTHCHECK: the app answers and reaches its database."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        return HttpResponseServerError("database unavailable", content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


def server_error(request):
    """Renders without a request context, so it works when the database is down."""
    return HttpResponseServerError(loader.render_to_string("500.html"))


def bad_request(request, exception=None):
    """Also for a Host header we do not serve, so nothing here may look at the host."""
    return HttpResponseBadRequest(loader.render_to_string("400.html"))


def permission_denied(request, exception=None):
    return HttpResponseForbidden(loader.render_to_string("403.html"))


def csrf_failure(request, reason=""):
    return HttpResponseForbidden(loader.render_to_string("403_csrf.html"))


def permalink(request, page_id):
    """/s/<id>/: follows a page through every move and rename. Temporary redirect, because
    where it points may change."""
    if page_id > MAX_PAGE_ID:
        raise Http404
    # Private pages too: the page itself asks for a login, as it would from its own URL.
    page = Page.objects.live().filter(pk=page_id, depth__gt=1).first()
    url = page.get_url(request) if page else None
    if not url:
        raise Http404
    return HttpResponseRedirect(url)


@cache_control(max_age=3600, public=True)
def robots_txt(request):
    site = Site.find_for_request(request)
    root = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /sok/",
        "Disallow: /api/",
        "Disallow: /s/",
        f"Sitemap: {root}{reverse('sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
