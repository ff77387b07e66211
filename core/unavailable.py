"""When the database is down or does not answer, every page says so with a 503 and a
Retry-After, instead of a 500 «Noe gikk galt»: the fault is temporary and not the visitor's."""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers

RETRY_AFTER_SECONDS = 30
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)

logger = logging.getLogger(__name__)


def is_database_unavailable(exc):
    """True if the exception, or one it was raised from or while handling, says the database
    cannot be reached (refused, timed out, connection lost)."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, DATABASE_UNAVAILABLE):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False


def service_unavailable(request, exc):
    """The Norwegian 503 page; renders without a request context, so without the database."""
    logger.warning(
        "Database unavailable, answered 503: %s %s (%s: %s)",
        request.method,
        request.path,
        type(exc).__name__,
        str(exc).strip().splitlines()[0] if str(exc).strip() else "",
    )
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


class DatabaseUnavailableMiddleware:
    """Turns a database fault in any view (Wagtail's page router, search, permalinks, the
    sitemap) into the 503 page. The answer then passes the other middleware like any other
    response, so it carries the same headers. Faults outside views reach server_error and
    page_not_found in core/views.py, which answer the same."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_database_unavailable(exception):
            return service_unavailable(request, exception)
        return None
