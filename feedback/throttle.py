"""At most a few answers an hour from one reader, counted in the shared cache under a keyed hash
of their address: the address itself is stored nowhere, and the hash changes every day."""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from pages.http import client_ip

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
    key = visitor_key(request)
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=3600)
        count = 1
    return count <= ANSWERS_PER_HOUR
