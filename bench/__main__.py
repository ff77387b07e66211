"""`make bench`: the site under load over real HTTP, its queries per page and its page weight.

1. A throwaway PostgreSQL database and Redis key prefix; collectstatic, migrate,
   createcachetable and load_seed_content under production settings.
2. In this process: generated pages (10, then 100, then 1,000 program and content pages), with
   the SQL queries per page type counted at each size; then the time of each kind of search.
3. gunicorn (production settings, gunicorn.conf.py's workers and threads) with the page cache
   as production has it, then again with PAGE_CACHE_SECONDS=0; wrk against each target.
4. docs/benchmarks.md and bench-results/latest.json.

Everything started is stopped, and the database dropped, also on failure or Ctrl-C.
"""

import logging
import os
import re
import shutil
import signal
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench import database, machine, queries, report, search, server, wrk
from bench.weight import Weigher

PROGRAM = "/virkemidler/stimulab/"
# (key, label, path); the static file's path is read from the home page.
PAGE_TARGETS = [
    ("home", "Home page", "/"),
    ("program", "Program page", PROGRAM),
    ("search", "Search", "/sok/?q=innovasjon"),
    ("search-typo", "Search, misspelt", "/sok/?q=stimulap"),
    ("search-none", "Search without hits", "/sok/?q=xylofon"),
    ("index", "Program index, page 1", "/virkemidler/"),
    ("index-50", "Program index, page 50", "/virkemidler/?side=50"),
]
STATIC_CSS = re.compile(r'href="(/static/site/site\.[0-9a-f]+\.css)"')
CACHE_HEADER = "X-Page-Cache"


def main():
    wrk.require()
    # A plain `kill` unwinds like Ctrl-C, through every `finally` below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix="innovasjon-bench-"))
    log_path = workdir / "server.log"
    try:
        with database.throwaway_database() as database_url, database.redis_key_prefix() as redis:
            try:
                results = _run(database_url, *redis, workdir, log_path)
            finally:
                _close_django_connections()
    except BaseException:
        print(f"bench: failed; the servers' and commands' log is {log_path}", file=sys.stderr)
        raise
    shutil.rmtree(workdir, ignore_errors=True)
    results["duration_s"] = round(time.monotonic() - started)
    report.write(results)
    print(f"bench: {report.DOC.relative_to(report.ROOT)} and {report.RAW.relative_to(report.ROOT)}")
    print(f"bench: took {results['duration_s'] / 60:.1f} minutes")


def _run(database_url, redis_url, cache_prefix, workdir, log_path):
    port = server.free_port()
    env = server.production_env(database_url, redis_url, cache_prefix, port, workdir / "media")
    for command in (
        ["collectstatic", "--no-input"],
        ["migrate", "--no-input"],
        ["createcachetable"],
        ["load_seed_content"],
    ):
        _step(f"manage.py {command[0]}")
        server.manage(env, log_path, *command)

    _step("generating pages and counting queries")
    _setup_django(env)
    query_counts = queries.queries_as_the_site_grows(host=f"{server.HOST}:{port}")
    _step("search times")
    search_times = search.search_times(host=f"{server.HOST}:{port}")
    _close_django_connections()  # gunicorn's workers open their own

    rows = []
    with server.gunicorn(env, log_path) as base_url:
        static_path = STATIC_CSS.search(_get(base_url, "/")[2]).group(1)
        for key, label, path in PAGE_TARGETS:
            rows.append(_load(base_url, key, label, path, page_cache="on"))
        static = _load(base_url, "static", "Static CSS file", static_path, page_cache="n/a")
        rows.append(static)
        _step("page weights")
        weigher = Weigher(base_url)
        weights = {name: weigher.page(url) for name, url in queries.PAGE_TYPES.items()}
    # The same gunicorn command, but every page rendered.
    with server.gunicorn({**env, "PAGE_CACHE_SECONDS": "0"}, log_path) as base_url:
        for key, label, path in PAGE_TARGETS:
            rows.append(_load(base_url, key, label, path, page_cache="off"))

    order = [key for key, _, _ in PAGE_TARGETS] + ["static"]
    rows.sort(key=lambda row: (order.index(row["key"]), row["page_cache"] == "off"))
    cached = {row["key"]: row for row in rows if row["page_cache"].startswith("on")}
    largest = max(query_counts)
    return {
        "settings": {
            "workers": int(env["WEB_CONCURRENCY"]),
            "threads": int(env["GUNICORN_THREADS"]),
            "wrk": f"wrk -t{wrk.THREADS} -c{wrk.CONNECTIONS} -d{wrk.DURATION_S}s "
            f"--timeout={wrk.TIMEOUT_S}s --latency",
            "runs": wrk.RUNS,
            "programs": largest,
            "content": largest,
        },
        "machine": machine.describe(),
        "throughput": rows,
        "ratios": {
            label: cached[key]["requests_per_s"] / static["requests_per_s"]
            for key, label in (("home", "home page"), ("program", "program page"))
        },
        "queries": query_counts,
        "search": search_times,
        "weights": weights,
    }


def _load(base_url, key, label, path, page_cache):
    _step(f"wrk {path} (page cache {page_cache})")
    _get(base_url, path)  # warm: the page cache, fragments, renditions
    status, headers, _ = _get(base_url, path)
    if page_cache == "on":
        page_cache = f"on: {headers.get(CACHE_HEADER, '–').lower()}"
    return {
        "key": key,
        "label": label,
        "path": path,
        "status": status,
        "page_cache": page_cache,
        **wrk.measure(base_url + path),
    }


def _get(base_url, path):
    try:
        with urllib.request.urlopen(base_url + path, timeout=60) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode(errors="replace")


def _setup_django(env):
    # This process becomes one more instance of the site, on the same database and cache.
    os.environ.update(env)
    os.environ["PAGE_CACHE_SECONDS"] = "0"
    # Its log lines (start-up, a line per page created and per request) stay off the output.
    logging.disable(logging.INFO)
    import django

    django.setup()


def _close_django_connections():
    if "django.db" in sys.modules:
        from django.db import connections

        connections.close_all()


def _step(text):
    print(f"bench: {text}", flush=True)


if __name__ == "__main__":
    main()
