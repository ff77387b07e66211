"""A limit on answers from one address, counted in the shared counters (a database table no page
can evict) under a keyed hash of the address: the address itself is stored nowhere, and the hash
changes every day. A count is kept for its clock hour only: its row expires when the hour ends,
and `delete_old_feedback` deletes expired rows (the privacy page says the hash is kept an hour).
Redis plays no part: with it down the throttle counts as ever; with the
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


def visitor_key(request, scope="", now=None):
    now = now or timezone.now()
    address = client_ip(request) or "unknown"
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"{now:%Y-%m-%d}:{address}".encode(), hashlib.sha256
    ).hexdigest()
    return f"feedback:visitor:{digest}:{scope}:{now:%H}"


def _count(key, now):
    """One more under `key`, which expires when the clock hour ends. Not incr(): the database
    cache's incr() sets the value again with the default timeout of five minutes, after which
    the hour's count would start again from nothing."""
    counters = caches["counters"]
    left_of_hour = 3600 - (now.minute * 60 + now.second)
    count = (counters.get(key) or 0) + 1
    counters.set(key, count, timeout=left_of_hour)
    return count


def allow(request, page_id):
    """Counts this answer; False once the address has sent ANSWERS_PER_PAGE on this page or
    ANSWERS_PER_HOUR in all this hour."""
    now = timezone.now()
    on_page = _count(visitor_key(request, f"page-{page_id}", now), now)
    if on_page > ANSWERS_PER_PAGE:
        return False
    return _count(visitor_key(request, now=now), now) <= ANSWERS_PER_HOUR
