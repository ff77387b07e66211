"""Structured logs: one JSON line per request, JSON for every other record, and security
refusals as plain warnings. No client address and no query string is ever written."""

import contextvars
import json
import logging
import re
import time
import uuid
from datetime import UTC, datetime

from django.conf import settings

REQUEST_ID_HEADER = "X-Request-ID"
# A proxy's request id is trusted only if it is a short plain token: it ends up in every line.
SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9-]{1,64}")

# A password-reset link holds a token that signs its holder in until it is used or expires:
# whoever reads the logs must not be able to follow it.
_RESET_LINK = re.compile(r"(/admin/password_reset/confirm/)[^\s\"'?]*")

request_id_var = contextvars.ContextVar("request_id", default=None)
request_logger = logging.getLogger("innovasjon.request")


def loggable_path(text):
    """A path, or a message naming one, as logs and error reports may keep it: without the
    token of a reset link."""
    return _RESET_LINK.sub(r"\1…", text)


def _request_id(request):
    offered = request.headers.get(REQUEST_ID_HEADER, "")
    return offered if SAFE_REQUEST_ID.fullmatch(offered) else uuid.uuid4().hex


class RequestLogMiddleware:
    """Outermost, so that it also sees requests refused by the host check or answered by the
    health check and whitenoise."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = _request_id(request)
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response[REQUEST_ID_HEADER] = request_id
            path = loggable_path(request.path)
            request_logger.info(
                "%s %s %s",
                request.method,
                path,
                response.status_code,
                extra={
                    "fields": {
                        "method": request.method,
                        "path": path,
                        "status": response.status_code,
                        "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    }
                },
            )
            return response
        finally:
            request_id_var.reset(token)


class JsonFormatter(logging.Formatter):
    """time, level, logger, message, request_id when there is one, the record's `fields`, and
    the traceback as one string. Django's `request` extra is never written: it holds the IP."""

    def format(self, record):
        line = {
            "time": datetime.fromtimestamp(record.created, UTC)
            .isoformat(timespec="milliseconds")
            .replace("+00:00", "Z"),
            "level": record.levelname,
            "logger": record.name,
            "message": loggable_path(record.getMessage()),
        }
        request_id = request_id_var.get()
        if request_id:
            line["request_id"] = request_id
        line.update(getattr(record, "fields", {}))
        if record.exc_info:
            line["exc_info"] = loggable_path(self.formatException(record.exc_info))
        return json.dumps(line, ensure_ascii=False, default=str)


def _server_paths():
    folders = (settings.MEDIA_ROOT, settings.STATIC_ROOT, settings.BASE_DIR)
    return sorted((str(folder) for folder in folders if folder), key=len, reverse=True)


class SecurityRefusalFilter(logging.Filter):
    """A refused Host header, a path outside the media folder and other suspicious requests
    are expected noise from the internet, answered with 400: a warning without a traceback,
    and without the server's folders that some of Django's messages name. 4xx answers logged
    by `django.request` lose their tracebacks too; 500s keep theirs.

    The record is changed in place. Sentry looks at a record after the handlers, so it sees a
    warning, not an error event."""

    def filter(self, record):
        if record.name.startswith("django.security."):
            message = record.getMessage()
            for server_path in _server_paths():
                message = message.replace(server_path, "…")
            record.msg, record.args = message, ()
            record.levelno, record.levelname = logging.WARNING, "WARNING"
            record.exc_info = record.exc_text = None
        elif record.name == "django.request" and getattr(record, "status_code", 500) < 500:
            record.exc_info = record.exc_text = None
        return True
