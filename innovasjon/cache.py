"""Django's Redis cache, with one client per connection pool instead of one per call.

Django's client builds a new `redis.Redis` for every cache operation, and each one rebuilds its
table of response callbacks: 8 % of a page render's CPU in the profile in docs/benchmarks.md.
A `redis.Redis` is safe to share between threads (each command takes a connection from the pool).
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class SharedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        # Pools live as long as this object, so their ids stay theirs.
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients.setdefault(id(pool), self._client(connection_pool=pool))
        return client


class SharedClientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
