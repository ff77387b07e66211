"""Health checks for load balancers, orchestrators and the Docker HEALTHCHECK.

Liveness (/helse/) says the process answers and never touches the database: restarting the
app does not fix a database outage. Readiness (/helse/klar/) says the app can serve pages, so it
asks the database. Both answer JSON, are never cached, accept only GET and HEAD and never read
a request body."""

import logging

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from innovasjon.unavailable import RETRY_AFTER_SECONDS

LIVENESS_PATH = "/helse/"
READINESS_PATH = "/helse/klar/"
ALLOWED_METHODS = ("GET", "HEAD")

logger = logging.getLogger(__name__)


def _json(data, status=200):
    response = JsonResponse(data, status=status)
    add_never_cache_headers(response)
    return response


def liveness(request):
    return _json({"status": "ok"})


def readiness(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as exc:
        logger.warning("Readiness check failed: database unavailable (%s)", type(exc).__name__)
        response = _json({"status": "unavailable", "database": "unavailable"}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return _json({"status": "ok", "database": "ok"})


CHECKS = {LIVENESS_PATH: liveness, READINESS_PATH: readiness}


def health_check(request, check):
    if request.method not in ALLOWED_METHODS:
        response = _json(
            {"status": "method not allowed", "message": _("Metoden er ikke tillatt.")}, status=405
        )
        response["Allow"] = ", ".join(ALLOWED_METHODS)
        return response
    return check(request)
