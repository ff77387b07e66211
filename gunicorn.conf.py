"""The one gunicorn configuration, used by the Docker image and by `make serve` alike."""

import os

from gunicorn.glogging import Logger

# GUNICORN_BIND (e.g. unix:/run/app.sock) lets `make serve` hide gunicorn behind nginx.
bind = (
    os.environ.get("GUNICORN_BIND")
    or f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"
)
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# More threads than render slots (RENDER_SLOTS in the settings): the rest answer cached pages and
# health checks while renders wait on the database. Each rendering thread may hold a database
# connection: 2 workers x 12 threads stay within PostgreSQL's 100 with two instances.
threads = int(os.environ.get("GUNICORN_THREADS", "12"))
wsgi_app = "innovasjon.wsgi:application"
# Django writes the access log: one JSON line per request (core/logs.py), without the
# client address or the query string. gunicorn's own would be a second, plain-text line.
accesslog = None


class DjangoWritesTheAccessLog(Logger):
    # With logconfig_dict set, gunicorn formats an access line for every request even without
    # an access log: 8 % of a cached page's CPU in the profile (docs/benchmarks.md).
    def access(self, resp, req, environ, request_time):
        pass


logger_class = DjangoWritesTheAccessLog
errorlog = "-"
timeout = 30
# nginx (deploy/nginx/nginx.conf.template) refuses whatever these would, with its own Norwegian
# page instead of gunicorn's bare English 400; tests/test_reverse_proxy.py holds them together.
# The request line has the same limit (nginx: 414). nginx passes at most 97 of a client's header
# lines plus 3 of its own, none longer than its header buffers (33 KiB in all), which also bound
# the X-Forwarded-For it joins and appends to.
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 34 * 1024
graceful_timeout = 20
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# gunicorn's own lines (start, stop, worker timeouts) as JSON too, like Django's.
logconfig_dict = {
    "root": {"level": "INFO", "handlers": []},
    "formatters": {"json": {"()": "core.logs.JsonFormatter"}},
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "stream": "ext://sys.stderr",
        }
    },
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["stderr"], "propagate": False},
    },
}


def post_worker_init(worker):
    """A new worker starts the shared caches afresh: a deploy may have changed every template,
    and the worker it replaces may have died holding a purge Redis could not take."""
    from core.caching import start_afresh

    start_afresh.send(sender=type(worker))
