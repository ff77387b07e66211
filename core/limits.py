"""Limits on what one request may take: its body (RequestBodyLimitMiddleware) and a render
slot (RenderSlotsMiddleware).

Bodies: refused when larger than any view here could want, before anything reads them.

nginx (deploy/nginx/) already refuses what is far too large; this is the app's own limit, so that
a request that reaches gunicorn some other way is refused too and no multipart parser, temporary
file or CSRF check ever sees the body. Public pages take only small forms (a page password, a
login); signed-in editors may upload images and documents in the admin.
"""

import threading

from django.conf import settings
from django.http import HttpResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers

from core.views import bad_request

ADMIN_PREFIX = "/admin/"
BUSY_RETRY_AFTER_SECONDS = 5


class RequestBodyLimitMiddleware:
    """Must run after AuthenticationMiddleware (it asks whether an admin upload comes from a
    signed-in user) and before anything that reads request.POST or request.body."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "HTTP_TRANSFER_ENCODING" in request.META:
            # A body of unknown length: none of our forms sends one, and nginx never passes one.
            return _refusal("411.html", 411)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return bad_request(request)
        if length < 0:
            return bad_request(request)
        if length > settings.PUBLIC_MAX_BODY_BYTES and not _editor_upload(request, length):
            return _refusal("413.html", 413)
        return self.get_response(request)


def _editor_upload(request, length):
    # Checked last: only a large body costs a session lookup.
    return (
        length <= settings.ADMIN_MAX_BODY_BYTES
        and request.path.startswith(ADMIN_PREFIX)
        and request.user.is_authenticated
    )


def _refusal(template, status):
    return HttpResponse(loader.render_to_string(template), status=status)


class RenderSlotsMiddleware:
    """At most RENDER_SLOTS requests of a process render at once; the rest of its gunicorn
    threads stay free for what needs no render: cached pages (answered by the page cache, before
    this), static files and health checks (before that). A request that finds no slot within
    RENDER_SLOT_WAIT seconds gets a 503 with Retry-After at once, instead of queueing behind
    renders that wait on a slow or frozen database."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.slots = threading.BoundedSemaphore(settings.RENDER_SLOTS)

    def __call__(self, request):
        if not self.slots.acquire(timeout=settings.RENDER_SLOT_WAIT):
            return busy()
        try:
            return self.get_response(request)
        finally:
            self.slots.release()


def busy():
    response = HttpResponse(loader.render_to_string("errors/busy.html"), status=503)
    response["Retry-After"] = str(BUSY_RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response
