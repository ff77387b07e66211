"""Error reporting to Sentry, when SENTRY_DSN is set. Nothing about visitors goes with an
event: no IP address, no cookies, no request body, no query string (search terms) and no
local variables, which would carry all of these."""

from urllib.parse import urlsplit, urlunsplit

import sentry_sdk
from sentry_sdk.integrations.django import DjangoIntegration

from core.logs import loggable_path


def _without_visitor_data(event, hint):
    request = event.get("request")
    if request:
        for key in ("query_string", "data", "cookies", "env"):
            request.pop(key, None)
        if "url" in request:
            request["url"] = _without_query(request["url"])
        # The page a visitor came from: on this site often the search page, with the search
        # terms in its query string (Referrer-Policy sends the whole address within the site).
        headers = request.get("headers") or {}
        for name in [name for name in headers if name.lower() == "referer"]:
            headers[name] = _without_query(str(headers[name]))
    return event


def _without_query(address):
    url = urlsplit(address)
    return urlunsplit((url.scheme, url.netloc, loggable_path(url.path), "", ""))


def init_sentry(dsn, environment="", release="", traces_sample_rate=0.0, transport=None):
    sentry_sdk.init(
        dsn=dsn,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        max_request_body_size="never",
        # Frame variables hold the request, its query string and the WSGI environ's address.
        include_local_variables=False,
        before_send=_without_visitor_data,
        # Performance traces carry the request too, with its query string.
        before_send_transaction=_without_visitor_data,
        traces_sample_rate=traces_sample_rate,
        environment=environment or None,
        release=release or None,
        transport=transport,
    )
