"""Every public page type renders in at most six SQL queries, routing included, however big the
site grows: with the page cache off and Django's other caches warm.

The caches are Redis in production; the test settings' database cache would count each cache
read as a query, so these tests count with an in-memory cache instead.
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.generate import generate_site
from bench.queries import PAGE_TYPES as SEEDED_PAGE_TYPES

MAX_QUERIES = 6
PAGE_TYPES = {
    **SEEDED_PAGE_TYPES,
    "program index, filtered": "/virkemidler/?status=pagar&malgruppe=kommuner",
    "generated content page": "/generert/generert-side-0005/",
}


@pytest.fixture
def memory_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.PAGE_CACHE_SECONDS = 0
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def queries_per_page_type():
    client = Client()
    counts = {}
    for name, url in PAGE_TYPES.items():
        assert client.get(url).status_code == 200, url  # warms Django's caches
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[name] = [query["sql"] for query in captured.captured_queries]
    return counts


def test_every_page_type_renders_in_at_most_six_queries_at_10_and_at_200_pages(
    seeded, memory_cache
):
    generate_site(programs=10, content=10)
    small = queries_per_page_type()
    generate_site(programs=200, content=200)
    large = queries_per_page_type()

    for name in PAGE_TYPES:
        assert len(small[name]) <= MAX_QUERIES, (name, small[name])
        assert len(large[name]) == len(small[name]), (name, large[name])


def test_the_program_list_pages_its_programs_in_the_same_queries(seeded, memory_cache):
    generate_site(programs=200, content=0)
    client = Client()
    for url in ("/virkemidler/?side=2", "/virkemidler/?side=10", "/virkemidler/?status=avsluttet"):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        assert len(captured.captured_queries) <= MAX_QUERIES, url
