"""The results as docs/benchmarks.md and bench-results/latest.json."""

import json
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "benchmarks.md"
RAW = ROOT / "bench-results" / "latest.json"
# Written by hand and kept as they are, from the first of these on: the figures against the
# targets, with profiles; `python -m bench.slow_clients`, which this run does not repeat.
KEPT_SECTIONS = ("## Against the targets", "## Slow clients")


def write(results):
    RAW.parent.mkdir(exist_ok=True)
    RAW.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    kept = _kept_section()
    DOC.write_text(markdown(results) + (f"\n{kept}" if kept else ""))


def _kept_section():
    if not DOC.exists():
        return ""
    text = DOC.read_text()
    starts = [start for start in map(text.find, KEPT_SECTIONS) if start >= 0]
    return text[min(starts) :] if starts else ""


def markdown(results):
    settings = results["settings"]
    machine = results["machine"]
    lines = [
        "# Benchmarks",
        "",
        *_wrap(
            "`make bench` (`bench/`) measures the site as production runs it. It starts gunicorn "
            f"with production settings and gunicorn.conf.py's {settings['workers']} workers × "
            f"{settings['threads']} threads on a loopback port, on a throwaway PostgreSQL "
            "database and Redis, with the seed content and "
            f"{settings['programs']:,} generated program pages and {settings['content']:,} "
            "generated content pages (`bench/generate.py`). Each target gets one warm-up "
            f"request, then {settings['runs']} runs of `{settings['wrk']}`; wrk runs on the "
            "same machine and sends no Accept-Encoding. Query counts come from Django's test "
            "client in the bench's own process, page cache off, other caches warm. Raw numbers: "
            f"`bench-results/latest.json`. The whole run took {results['duration_s'] / 60:.1f} "
            "minutes."
        ),
        "",
        f"## Throughput, {machine['date'][:10]}",
        "",
        *_wrap(
            "req/s is the median of the runs (min–max); latencies are the medians of the runs' "
            "p50 and p99. «page cache» says whether it was on and what the `X-Page-Cache` header "
            "of the warm-up's second response said (–: no such header, the page cache does not "
            "store the response). «errors»: non-2xx responses and socket errors, all runs."
        ),
        "",
        "| target | URL | page cache | req/s | p50 | p99 | errors |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in results["throughput"]:
        lines.append(
            f"| {row['label']} | `{row['path']}` | {row['page_cache']} | "
            f"{row['requests_per_s']:,.0f} ({row['requests_per_s_min']:,.0f}–"
            f"{row['requests_per_s_max']:,.0f}) | {_ms(row['p50_ms'])} | {_ms(row['p99_ms'])} | "
            f"{row['errors']} |"
        )
    ratios = ", ".join(f"{name} {ratio:.2f}" for name, ratio in results["ratios"].items())
    lines += [
        "",
        f"Page from the page cache ÷ the static file, in req/s: {ratios}.",
        "",
        "## Queries per page",
        "",
        *_wrap(
            "SQL queries for one request with Django's caches warm, by the number of generated "
            "program pages (and as many content pages)."
        ),
        "",
    ]
    lines += _query_table(results["queries"], "queries")
    lines += [
        "",
        *_wrap(
            "The first request after the pages were added, with Django's caches cold (as after "
            "any publish):"
        ),
        "",
        *_query_table(results["queries"], "queries_cold"),
    ]
    if "search" in results:
        lines += ["", "## Search", "", *_search_section(results["search"])]
    lines += [
        "",
        "## Page weight",
        "",
        *_wrap(
            "KiB on a first visit, at the largest size: HTML, CSS and JS gzip -9; woff2, AVIF "
            "and WebP as they are. An upper bound: every stylesheet (print too), every font the "
            "stylesheets declare, every script, and the largest candidate of each image that is "
            "not lazy (`bench/weight.py`)."
        ),
        "",
        "| page | HTML | CSS | fonts | JS | images | total |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, row in results["weights"].items():
        cells = [row[f"{kind}_bytes"] for kind in ("html", "css", "fonts", "js", "images")]
        lines.append(
            f"| {name} | "
            + " | ".join(_kib(size) for size in cells)
            + f" | **{_kib(row['total_bytes'])}** |"
        )
    lines += ["", "## Machine", ""]
    for item in (
        f"{machine['nproc']} CPUs (`nproc`), {machine['cpu']}, {machine['memory']} memory, "
        f"Linux {machine['kernel']}; shared with other jobs, so expect noise",
        f"Python {machine['python']}, Django {machine['django']}, Wagtail {machine['wagtail']}, "
        f"gunicorn {machine['gunicorn']}",
        f"PostgreSQL {machine['postgresql']}, Redis {machine['redis']}, {machine['wrk']}",
        machine["date"],
    ):
        lines += _wrap(item, initial="- ", subsequent="  ")
    lines.append("")
    return "\n".join(lines)


def _search_section(rows):
    """The time of each kind of search, and what its fallback adds to typing what it found."""
    lines = [
        *_wrap(
            "The search alone, in the bench's process at the largest size (`bench/search.py`): "
            "the queries that find the results for `/sok/`, without the results cache and "
            "without the page around them; other caches warm. Median of 9 runs. A fallback "
            "adds its time less that of typing what it found."
        ),
        "",
        "| search | query | ms | typed instead | ms | the fallback adds |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for label, row in rows.items():
        if row.get("direct"):
            direct = f"`{row['direct']}` | {row['direct_ms']:.1f}"
            added = f"{row['median_ms'] - row['direct_ms']:+.1f} ms"
        else:
            direct, added = " | ", ""
        lines.append(
            f"| {label} | `{row['query']}` | {row['median_ms']:.1f} | {direct} | {added} |"
        )
    return lines


def _query_table(counts, field):
    sizes = list(counts)
    lines = [
        "| page | URL | " + " | ".join(f"{int(size):,}" for size in sizes) + " |",
        "| --- | --- | " + " | ".join("---" for _ in sizes) + " |",
    ]
    for name, row in counts[sizes[0]].items():
        cells = []
        for size in sizes:
            cell = counts[size][name]
            status = "" if cell["status"] == 200 else f" ({cell['status']})"
            cells.append(f"{cell[field]}{status}")
        lines.append(f"| {name} | `{row['url']}` | " + " | ".join(cells) + " |")
    return lines


def _wrap(text, initial="", subsequent=""):
    return textwrap.wrap(
        text, 100, initial_indent=initial, subsequent_indent=subsequent, break_on_hyphens=False
    )


def _ms(value):
    return f"{value:.1f} ms" if value < 100 else f"{value:,.0f} ms"


def _kib(size):
    return f"{size / 1024:.1f}"
