"""A limit on answers from one address, counted in the shared counters (a database table no page
can evict) under a keyed hash of the address: the address itself is stored nowhere, and the hash
changes every day. Redis plays no part: with it down the throttle counts as ever; with the
database down no answer can be stored either.

One address is often a whole office behind one network, so the limits are an office's: many
answers an hour over the site, fewer on any one page, where a flood would skew the figures. A
comment is not counted: it needs the signed token of an answer that was, and is stored once.
"""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone

from core.http import client_ip

ANSWERS_PER_HOUR = 200
ANSWERS_PER_PAGE = 20


def visitor_key(request, scope=""):
    day = timezone.now().strftime("%Y-%m-%d")
    address = client_ip(request) or "unknown"
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"{day}:{address}".encode(), hashlib.sha256
    ).hexdigest()
    return f"feedback:visitor:{digest}:{scope}:{timezone.now():%H}"


def _count(key):
    counters = caches["counters"]
    counters.add(key, 0, timeout=3600)
    try:
        return counters.incr(key)
    except ValueError:  # expired between add and incr
        counters.set(key, 1, timeout=3600)
        return 1


def allow(request, page_id):
    """Counts this answer; False once the address has sent ANSWERS_PER_PAGE on this page or
    ANSWERS_PER_HOUR in all this hour."""
    on_page = _count(visitor_key(request, f"page-{page_id}"))
    if on_page > ANSWERS_PER_PAGE:
        return False
    return _count(visitor_key(request)) <= ANSWERS_PER_HOUR
