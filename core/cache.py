"""Django's Redis cache as an accelerator the site never depends on.

- **Fails open.** An error from Redis (stopped, frozen, unreachable) is a miss: reads give the
  default, writes are dropped. Short socket timeouts (settings: CACHE_SOCKET_TIMEOUT) bound what
  one call can cost, and no call is retried.
- **A circuit breaker.** After a failure the process skips Redis for CACHE_FAILURE_SKIP_SECONDS,
  instead of paying the timeout on every call; then one call tries again.
- **Nothing stale after it.** A write dropped while Redis was out may have been a purge. Before
  the first call afterwards, `core.caching.start_afresh` is sent, and the caches built on
  this one start afresh (core/caching.py, pagecache/invalidation.py).
- **One client per connection pool.** Django's client builds a new `redis.Redis` for every
  operation, and each one rebuilds its table of response callbacks: 8 % of a page render's CPU
  in the profile in docs/benchmarks.md. A `redis.Redis` is safe to share between threads.
"""

import functools
import logging
import threading
import time

from django.conf import settings
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.backoff import NoBackoff
from redis.exceptions import RedisError
from redis.retry import Retry

from core.caching import start_afresh

logger = logging.getLogger(__name__)

# What a cache that is down raises: redis-py's errors, and the socket's own.
CACHE_DOWN = (RedisError, OSError)


class CircuitBreaker:
    """The state of Redis as this process last found it, shared by its threads."""

    def __init__(self):
        self._lock = threading.Lock()
        self._open_until = 0.0
        self._writes_lost = False

    def is_open(self):
        return time.monotonic() < self._open_until

    def trip(self, error):
        with self._lock:
            was_open = self.is_open()
            self._open_until = time.monotonic() + settings.CACHE_FAILURE_SKIP_SECONDS
        if not was_open:
            logger.warning(
                "Cache unavailable (%s): pages are rendered without it for %s s",
                type(error).__name__,
                settings.CACHE_FAILURE_SKIP_SECONDS,
            )

    def write_lost(self):
        self._writes_lost = True

    def make_good(self):
        """Before the first call after writes were lost: the caches built on this one start
        afresh, so that the call itself cannot read what a lost purge should have removed. If
        that fails, the writes count as lost still, and the next try makes it good."""
        if not self._writes_lost:
            return
        with self._lock:
            lost, self._writes_lost = self._writes_lost, False
        if lost:
            start_afresh.send(sender=CircuitBreaker)
            if not self._writes_lost:
                logger.warning("Cache available again: cached pages and pieces start afresh")

    def reset(self):
        with self._lock:
            self._open_until, self._writes_lost = 0.0, False


breaker = CircuitBreaker()


def _fail_open(fallback, writes=False):
    """The method, answering `fallback(*args, **kwargs)` while Redis is out."""

    def decorate(method):
        @functools.wraps(method)
        def call(self, *args, **kwargs):
            if not breaker.is_open():
                breaker.make_good()
            if not breaker.is_open():
                try:
                    return method(self, *args, **kwargs)
                except CACHE_DOWN as error:
                    breaker.trip(error)
            if writes:
                breaker.write_lost()
            return fallback(*args, **kwargs)

        return call

    return decorate


def _default(key, default=None, version=None):
    return default


def _nothing(*args, **kwargs):
    return None


def _false(*args, **kwargs):
    return False


def _found_none(*args, **kwargs):
    return {}


def _all_failed(data, *args, **kwargs):
    return list(data)


class SharedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}
        # No retry: a failed call is a miss at once, and the breaker decides when to try again.
        self._pool_options.setdefault("retry", Retry(NoBackoff(), 0))
        self._pool_options.setdefault("socket_connect_timeout", settings.CACHE_SOCKET_TIMEOUT)
        self._pool_options.setdefault("socket_timeout", settings.CACHE_SOCKET_TIMEOUT)

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        # Pools live as long as this object, so their ids stay theirs.
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients.setdefault(id(pool), self._client(connection_pool=pool))
        return client


class FailOpenRedisCache(RedisCache):
    """See the module's docstring. `incr` stays strict: the security counters live in the
    database cache ("counters"), never here."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient

    get = _fail_open(_default)(RedisCache.get)
    get_many = _fail_open(_found_none)(RedisCache.get_many)
    has_key = _fail_open(_false)(RedisCache.has_key)
    set = _fail_open(_nothing, writes=True)(RedisCache.set)
    add = _fail_open(_false, writes=True)(RedisCache.add)
    touch = _fail_open(_false, writes=True)(RedisCache.touch)
    set_many = _fail_open(_all_failed, writes=True)(RedisCache.set_many)
    delete = _fail_open(_false, writes=True)(RedisCache.delete)
    delete_many = _fail_open(_nothing, writes=True)(RedisCache.delete_many)
    clear = _fail_open(_false, writes=True)(RedisCache.clear)

    def is_available(self):
        """Whether Redis answers now (readiness); also what the breaker goes by."""
        if not breaker.is_open():
            breaker.make_good()
        if breaker.is_open():
            return False
        try:
            self._cache.get_client().ping()
        except CACHE_DOWN as error:
            breaker.trip(error)
            return False
        return True
