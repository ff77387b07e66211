"""`make bench` rewrites its tables in docs/benchmarks.md and keeps what was written by hand."""

from bench import report

RESULTS = {
    "duration_s": 400,
    "settings": {
        "workers": 2,
        "threads": 2,
        "programs": 1000,
        "content": 1000,
        "runs": 3,
        "wrk": "wrk -t2 -c8 -d10s",
    },
    "machine": {
        "date": "2026-12-04T21:00:00+01:00",
        "nproc": 2,
        "cpu": "CPU",
        "memory": "1 GiB",
        "kernel": "6",
        "python": "3.11",
        "django": "5.2",
        "wagtail": "8.0",
        "gunicorn": "23",
        "postgresql": "15",
        "redis": "7",
        "wrk": "wrk 4.1",
    },
    "throughput": [
        {
            "label": "Home page",
            "path": "/",
            "page_cache": "on: hit",
            "requests_per_s": 3210.0,
            "requests_per_s_min": 3100.0,
            "requests_per_s_max": 3300.0,
            "p50_ms": 2.1,
            "p99_ms": 9.0,
            "errors": 0,
        }
    ],
    "ratios": {"home page": 0.77},
    "queries": {"10": {"home": {"url": "/", "status": 200, "queries": 0, "queries_cold": 9}}},
    "weights": {
        "home": {
            "html_bytes": 3000,
            "css_bytes": 30000,
            "fonts_bytes": 41000,
            "js_bytes": 300,
            "images_bytes": 6000,
            "total_bytes": 80300,
        }
    },
}
HAND_WRITTEN = (
    "## Against the targets\n\nThe profile says why.\n\n## Slow clients\n\nnginx in front.\n"
)


def test_a_new_run_replaces_the_tables_and_keeps_the_hand_written_sections(tmp_path, monkeypatch):
    monkeypatch.setattr(report, "DOC", tmp_path / "benchmarks.md")
    monkeypatch.setattr(report, "RAW", tmp_path / "latest.json")
    report.DOC.write_text("# Benchmarks\n\n| old table | 1 req/s |\n\n" + HAND_WRITTEN)

    report.write(RESULTS)

    text = report.DOC.read_text()
    assert "old table" not in text
    assert "3,210 (3,100–3,300)" in text
    assert "home page 0.77" in text
    assert text.endswith("\n" + HAND_WRITTEN)
    assert (tmp_path / "latest.json").exists()


def test_the_search_times_say_what_each_fallback_adds():
    search = {
        "found as typed": {"query": "innovasjon", "median_ms": 30.0},
        "misspelt, corrected": {
            "query": "stimulap",
            "median_ms": 41.5,
            "direct": "stimulab",
            "direct_ms": 28.5,
        },
    }
    lines = report.markdown({**RESULTS, "search": search}).splitlines()
    assert "| found as typed | `innovasjon` | 30.0 |  |  |  |" in lines
    assert "| misspelt, corrected | `stimulap` | 41.5 | `stimulab` | 28.5 | +13.0 ms |" in lines
