"""Health checks for load balancers, orchestrators and the Docker HEALTHCHECK.

Liveness (/helse/) says the process answers and never touches the database: restarting the
app does not fix a database outage. Readiness (/helse/klar/) says the app can serve pages, so it
asks the database, within READINESS_TIMEOUT seconds whatever state the database is in. It also
says whether the cache answers, and stays ready without it: pages are then rendered uncached.
Both answer JSON, are never cached, accept only GET and HEAD and never read a request body."""

import logging
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as ProbeTimeout

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from core.unavailable import RETRY_AFTER_SECONDS

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


# A frozen database holds a query for up to the driver's own bound (6 s in production); the
# probe runs in a thread of its own, with its own connection, and is not waited for past this.
READINESS_TIMEOUT = 2
_probe = ThreadPoolExecutor(max_workers=1, thread_name_prefix="readiness")


def _ask_database():
    # A connection of its own each time: one left open in this thread would outlive its use.
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    finally:
        connection.close()


def _cache_state():
    is_available = getattr(cache, "is_available", None)
    return "ok" if is_available is None or is_available() else "down"


def readiness(request):
    try:
        _probe.submit(_ask_database).result(timeout=READINESS_TIMEOUT)
    except (DatabaseError, ProbeTimeout) as exc:
        logger.warning("Readiness check failed: database unavailable (%s)", type(exc).__name__)
        response = _json({"status": "unavailable", "database": "unavailable"}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return _json({"status": "ok", "database": "ok", "cache": _cache_state()})


CHECKS = {LIVENESS_PATH: liveness, READINESS_PATH: readiness}


def health_check(request, check):
    if request.method not in ALLOWED_METHODS:
        response = _json(
            {"status": "method not allowed", "message": _("Metoden er ikke tillatt.")}, status=405
        )
        response["Allow"] = ", ".join(ALLOWED_METHODS)
        return response
    return check(request)
