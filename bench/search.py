"""Search times in the bench's own process (issue 23, point 8): the search alone, without its
results cache and without the page around the results, so that each fallback's cost shows. The
other caches are warm, as in production; the median of RUNS after one warm-up.

A fallback's cost is its query's time less the time of typing what the fallback found: «stimulap»
against «stimulab», «søknadsfrist» against «søknaden».

`python -m bench.search` measures these alone (a throwaway database with the seed and the
generated pages, about 5 minutes) and writes them into the last run's results and
docs/benchmarks.md.
"""

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

# (label, query typed into /sok/, the query that finds the same without a fallback)
SEARCHES = [
    ("found as typed", "innovasjon", None),
    ("found as typed, one page", "stimulab", None),
    ("English typed into /sok/", "innovation", None),
    ("synonym", "anskaffelse", "anskaffelse innkjøp"),
    ("some of the words", "stimulab blåbærsyltetøy", "stimulab"),
    ("part of a compound", "innkjøp", "innkjøpsprosessen"),
    ("misspelt, corrected", "stimulap", "stimulab"),
    ("compound split", "søknadsfrist", "søknaden"),
    ("without hits", "xylofon", None),
]
RUNS = 9


def search_times(host, searches=SEARCHES, runs=RUNS):
    """{label: {"query", "median_ms", "direct", "direct_ms"}}."""
    rows = {}
    for label, query, direct in searches:
        rows[label] = {"query": query, "median_ms": _median_ms(host, query, runs)}
        if direct:
            rows[label].update(direct=direct, direct_ms=_median_ms(host, direct, runs))
    return rows


def _median_ms(host, query, runs):
    from django.test import RequestFactory
    from django.utils import translation
    from wagtail.models import Site

    from search import views

    factory = RequestFactory(HTTP_HOST=host)
    times = []
    with translation.override("nb"):
        for _ in range(runs + 1):
            request = factory.get("/sok/", {"q": query})
            site = Site.find_for_request(request)
            start = time.perf_counter()
            views._run_search(request, query, 1, site, {})
            times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times[1:]), 1)


def main():
    from bench import database, queries, report, server
    from bench.__main__ import _close_django_connections, _setup_django, _step

    workdir = Path(tempfile.mkdtemp(prefix="innovasjon-bench-search-"))
    log_path = workdir / "server.log"
    with database.throwaway_database() as database_url, database.redis_key_prefix() as redis:
        try:
            port = server.free_port()
            env = server.production_env(database_url, *redis, port, workdir / "media")
            for command in (["migrate", "--no-input"], ["createcachetable"], ["load_seed_content"]):
                _step(f"manage.py {command[0]}")
                server.manage(env, log_path, *command)
            _step("generating pages")
            _setup_django(env)
            from bench.generate import generate_site

            generate_site(programs=max(queries.SIZES), content=max(queries.SIZES))
            _step("search times")
            times = search_times(host=f"{server.HOST}:{port}")
        finally:
            _close_django_connections()
    results = json.loads(report.RAW.read_text())
    results["search"] = times
    report.write(results)
    print(json.dumps(times, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    sys.exit(main())
