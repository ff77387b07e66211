"""Cached pieces of pages (fragments, the site, routes, menus), all keyed by one content generation.

Any change to content moves the generation on, in the shared cache, so no instance keeps using a
piece made from older content: the pieces are never purged one by one, they stop being read. The
generation moves twice: at once, so the writing transaction itself reads fresh pieces, and after
commit, so that a piece another process built meanwhile from the old rows is left behind too.
"""

import contextlib
import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.dispatch import Signal
from django.http.request import split_domain_port
from django.utils import timezone, translation

try:
    from redis.exceptions import RedisError
except ImportError:  # pragma: no cover - redis is a dependency; the cache may be another
    RedisError = OSError

# Every cached page and piece is to be made anew: sent by the cache backend when the cache
# answers again after writes to it were lost (a purge among them would otherwise never have
# happened), and by each new gunicorn worker (after a deploy, or after a worker that died
# holding such a purge).
start_afresh = Signal()

GENERATION_KEY = "content-generation"
# Longer than any piece lives: an expired generation is remade larger, and the pieces rebuilt.
GENERATION_SECONDS = 24 * 60 * 60
MISSING = _MISSING = object()
# A cache that is down (Redis, or the database cache in an outage) means building the piece,
# never an error page of its own: a database outage then gets its 503 where views get it.
CACHE_ERRORS = (DatabaseError, RedisError, OSError)


def _fresh_value():
    # Larger than any value a lost key held, so an evicted generation never comes back.
    return time.time_ns()


def content_generation(request=None):
    """The current generation, read once per request."""
    if request is not None and hasattr(request, "_content_generation"):
        return request._content_generation
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, _fresh_value(), timeout=GENERATION_SECONDS)
        value = cache.get(GENERATION_KEY)
    if request is not None:
        request._content_generation = value
    return value


def _bump():
    cache.set(GENERATION_KEY, _fresh_value(), timeout=GENERATION_SECONDS)


def content_changed():
    _bump()
    transaction.on_commit(_bump)


def _new_generation(sender, **kwargs):
    _bump()


start_afresh.connect(_new_generation, dispatch_uid="core-start-afresh")


def key_for(name, *parts, request=None):
    """A cache key for `name` under the current generation; `parts` say what else it varies on."""
    # The raw host's name (pieces are looked up before Django validates it) without its port, so
    # that made-up ports make no new keys: the Site piece names the port it was found for.
    host = split_domain_port(request._get_raw_host())[0] if request is not None else ""
    raw = repr(
        (
            name,
            content_generation(request),
            host,
            translation.get_language(),
            timezone.localdate().isoformat(),
            parts,
        )
    )
    return f"piece:{name}:{hashlib.sha256(raw.encode()).hexdigest()}"


def cache_failed(request):
    """After one failed cache call a request asks the cache no more: in a database outage each
    call to the database cache would wait out the whole timeout again."""
    if request is not None:
        request._cache_failed = True


def _cache_usable(request):
    return settings.FRAGMENT_CACHE_SECONDS and not getattr(request, "_cache_failed", False)


def cached(name, build, *parts, request=None, keep_none=True):
    """`build()`'s value from the cache, or built and stored now. `keep_none=False` stores no
    None, where any visitor could make up keys (unknown URLs)."""
    seconds = settings.FRAGMENT_CACHE_SECONDS
    if not _cache_usable(request):
        return build()
    try:
        key = key_for(name, *parts, request=request)
        value = cache.get(key, _MISSING)
    except CACHE_ERRORS:
        cache_failed(request)
        return build()
    if value is _MISSING:
        value = build()
        if value is not None or keep_none:
            _set_quietly({key: value}, seconds)
    return value


def read(name, *parts, request=None):
    """The cached value, or MISSING (also when the cache cannot be read)."""
    if not _cache_usable(request):
        return MISSING
    try:
        return cache.get(key_for(name, *parts, request=request), MISSING)
    except CACHE_ERRORS:
        cache_failed(request)
        return MISSING


def write(value, name, *parts, request=None):
    if _cache_usable(request):
        _set_quietly(
            {key_for(name, *parts, request=request): value}, settings.FRAGMENT_CACHE_SECONDS
        )


def _set_quietly(values, seconds):
    with contextlib.suppress(*CACHE_ERRORS):
        cache.set_many(values, timeout=seconds)


def cached_many(name, ids, build_missing, request=None):
    """{id: value} for every id, from the cache where it has them; `build_missing(ids)` gives
    a dict for the rest, which is stored."""
    seconds = settings.FRAGMENT_CACHE_SECONDS
    ids = list(ids)
    if not seconds:
        return build_missing(ids)
    keys = {key_for(name, i, request=request): i for i in ids}
    found = {keys[key]: value for key, value in cache.get_many(list(keys)).items()}
    missing = [i for i in ids if i not in found]
    if missing:
        built = build_missing(missing)
        cache.set_many({key: built[i] for key, i in keys.items() if i in built}, timeout=seconds)
        found.update(built)
    return found
