"""Refuses request bodies larger than any view here could want, before anything reads them.

nginx (deploy/nginx/) already refuses what is far too large; this is the app's own limit, so that
a request that reaches gunicorn some other way is refused too and no multipart parser, temporary
file or CSRF check ever sees the body. Public pages take only small forms (a page password, a
login); signed-in editors may upload images and documents in the admin.
"""

from django.conf import settings
from django.http import HttpResponse
from django.template import loader

from innovasjon.views import bad_request

ADMIN_PREFIX = "/admin/"


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
