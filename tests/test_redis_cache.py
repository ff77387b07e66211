"""The Redis cache backend production uses when REDIS_URL is set."""

import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from core.cache import FailOpenRedisCache
from tests.conftest import REDIS_URL, redis_reachable

pytestmark = pytest.mark.skipif(
    not redis_reachable(), reason="needs Redis: none answers on 127.0.0.1:6379"
)


@pytest.fixture
def backend():
    cache = FailOpenRedisCache(REDIS_URL, {"KEY_PREFIX": f"test-{uuid.uuid4().hex}"})
    yield cache
    cache.clear()
    cache.close()


def test_the_redis_cache_builds_its_client_once_not_on_every_call(backend):
    backend.set("a", 1)
    client = backend._cache.get_client(write=True)
    backend.get_many(["a", "b"])
    assert backend._cache.get_client() is client
    assert backend._cache.get_client(write=True) is client


def test_the_shared_redis_client_keeps_each_threads_values_apart(backend):
    def round_trip(n):
        backend.set(f"key-{n}", {"n": n})
        return backend.get(f"key-{n}"), backend.get_many([f"key-{n}", "missing"])

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(round_trip, range(200)))
    assert results == [({"n": n}, {f"key-{n}": {"n": n}}) for n in range(200)]
