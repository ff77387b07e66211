"""SQL queries per page type, in this process through Django's test client, as the site grows.

The page cache is off, so every request renders. "queries" has Django's other caches warm: each
URL is requested once before ("queries_cold", the first request after the pages were added)."""

PAGE_TYPES = {
    "home": "/",
    "definition": "/hva-er-innovasjon/",
    "principles": "/prinsipper/",
    "content": "/kompetanse/",
    "program index": "/virkemidler/",
    "program": "/virkemidler/stimulab/",
    "search": "/sok/?q=innovasjon",
}
SIZES = (10, 100, 1000)


def queries_as_the_site_grows(host, sizes=SIZES):
    """{size: {page type: {"url", "status", "queries", "queries_cold"}}} with `size` generated
    program pages and as many generated content pages; the site is left at the largest size."""
    from bench.generate import generate_site  # models: only once Django is set up

    counts = {}
    for size in sizes:
        generate_site(programs=size, content=size)
        counts[size] = count_queries(host)
    return counts


def count_queries(host, urls=PAGE_TYPES):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    # PAGE_CACHE_SECONDS=0 switches the page cache off; a setting nothing reads otherwise.
    with override_settings(PAGE_CACHE_SECONDS=0):
        client = Client(HTTP_HOST=host)
        rows = {}
        for name, url in urls.items():
            # The first request after a change finds Django's caches cold and warms them.
            with CaptureQueriesContext(connection) as cold:
                client.get(url)
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url)
            rows[name] = {
                "url": url,
                "status": response.status_code,
                "queries": len(captured.captured_queries),
                "queries_cold": len(cold.captured_queries),
            }
        return rows
