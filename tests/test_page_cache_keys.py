"""What anonymous requests may leave in the shared cache: nothing without an expiry, no versions
for pages that do not exist, one entry per page whatever the port or the spelling of its page
number, and no security counter where a page could evict it."""

import shutil

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client

from pages.models import ContentPage

pytestmark = pytest.mark.skipif(
    shutil.which("redis-server") is None, reason="needs redis-server (apt-get install redis-server)"
)


def _keys():
    client = cache._cache.get_client()
    return {key.decode(): client.ttl(key) for key in client.keys("*")}


def test_unknown_urls_leave_no_key_without_an_expiry_and_no_versions(redis_cache):
    for i in range(200):
        assert Client().get(f"/x-{i}/a/b/c/").status_code == 404
    keys = _keys()
    assert [key for key, ttl in keys.items() if ttl < 0] == []
    assert [key for key in keys if ":pagecache:" in key] == []


def test_a_path_of_many_segments_adds_no_keys(redis_cache):
    Client().get("/x/")
    before = len(_keys())
    assert Client().get("/" + "a/" * 1900).status_code == 404
    assert len(_keys()) == before


def test_a_stored_page_has_expiring_versions(redis_cache):
    Client().get("/handlingsrom/")
    keys = _keys()
    versions = [key for key in keys if ":pagecache:v:" in key]
    assert len(versions) == 4  # the site, the subtrees / and /handlingsrom/, the page
    assert all(keys[key] > 0 for key in versions)


def test_the_port_in_the_host_header_makes_no_new_entry(redis_cache):
    Client().get("/handlingsrom/", HTTP_HOST="testserver:8001")
    assert Client().get("/handlingsrom/", HTTP_HOST="testserver:8002")["X-Page-Cache"] == "hit"
    assert Client().get("/handlingsrom/")["X-Page-Cache"] == "hit"


@pytest.mark.parametrize("spelling", ["01", " 1", "1 ", "001"])
def test_a_page_number_is_keyed_as_the_list_reads_it(redis_cache, spelling):
    assert Client().get("/virkemidler/", {"side": "1"}).status_code == 200
    assert Client().get("/virkemidler/", {"side": spelling})["X-Page-Cache"] == "hit"


def test_security_counters_are_kept_where_pages_cannot_evict_them(redis_cache):
    page = ContentPage.objects.get(slug="handlingsrom")
    assert Client().post("/tilbakemelding/", {"side": page.pk, "svar": "ja"}).status_code == 200
    assert not [key for key in _keys() if "feedback" in key]
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM innovasjon_counters")
        assert any("feedback" in key for (key,) in cursor.fetchall())
