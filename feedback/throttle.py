"""At most a few answers an hour from one reader, counted in the shared counters (a database
table no page can evict) under a keyed hash of their address: the address itself is stored
nowhere, and the hash changes every day. Redis plays no part: with it down the throttle counts
as ever; with the database down no answer can be stored either."""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone

from core.http import client_ip

ANSWERS_PER_HOUR = 10


def visitor_key(request):
    day = timezone.now().strftime("%Y-%m-%d")
    address = client_ip(request) or "unknown"
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"{day}:{address}".encode(), hashlib.sha256
    ).hexdigest()
    return f"feedback:visitor:{digest}:{timezone.now():%H}"


def allow(request):
    """Counts this answer; False once the reader has sent ANSWERS_PER_HOUR this hour."""
    counters = caches["counters"]
    key = visitor_key(request)
    counters.add(key, 0, timeout=3600)
    try:
        count = counters.incr(key)
    except ValueError:  # expired between add and incr
        counters.set(key, 1, timeout=3600)
        count = 1
    return count <= ANSWERS_PER_HOUR
