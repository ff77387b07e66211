"""`make bench`: server-side render time and page weight of every public page.

Runs against a throw-away SQLite database with the seed content, through Django's test client,
so the figures measure our code and templates rather than a network. Results go to
bench-results/latest.json and a table on stdout.
"""

import gzip
import io
import json
import os
import re
import shutil
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUESTS_PER_PAGE = 30
ASSET_KINDS = {".css": "css", ".js": "js", ".woff2": "fonts"}


def main():
    workdir = Path(tempfile.mkdtemp(prefix="innovasjon-bench-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "innovasjon.settings.test")
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.staticfiles import finders
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment
    from wagtail.models import Page

    settings.MEDIA_ROOT = workdir / "media"
    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("load_seed_content", stdout=io.StringIO())

    client = Client()
    pages = list(Page.objects.live().public().filter(depth__gt=1).specific())
    urls = [page.url for page in pages] + ["/sok/?q=innovasjon", "/finnes-ikke/"]
    rows = []
    for url in urls:
        client.get(url)  # warm: renditions, template caches
        timings = []
        for _ in range(REQUESTS_PER_PAGE):
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        html = response.content
        weights = {"html": len(gzip.compress(html, 9)), "css": 0, "fonts": 0, "js": 0}
        for asset in re.findall(rb'(?:href|src)="(/static/[^"]+)"', html):
            path = finders.find(asset.decode().removeprefix("/static/"))
            if not path:
                continue
            data = Path(path).read_bytes()
            kind = ASSET_KINDS.get(Path(path).suffix)
            if kind:
                # woff2 is already compressed; text assets are served gzipped by whitenoise.
                weights[kind] += len(data) if kind == "fonts" else len(gzip.compress(data, 9))
        rows.append(
            {
                "url": url,
                "status": response.status_code,
                "median_ms": round(statistics.median(timings), 1),
                "p95_ms": round(sorted(timings)[int(len(timings) * 0.95) - 1], 1),
                **{f"{k}_kb": round(v / 1024, 1) for k, v in weights.items()},
            }
        )

    out = ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps(rows, indent=2, ensure_ascii=False))
    print(
        f"{'url':42} {'status':>6} {'median':>8} {'p95':>8} "
        f"{'html':>6} {'css':>6} {'fonts':>6} {'js':>5}"
    )
    for row in rows:
        print(
            f"{row['url'][:42]:42} {row['status']:>6} {row['median_ms']:>6}ms {row['p95_ms']:>6}ms "
            f"{row['html_kb']:>5}K {row['css_kb']:>5}K {row['fonts_kb']:>5}K {row['js_kb']:>4}K"
        )
    print(f"\n{REQUESTS_PER_PAGE} requests per page; sizes compressed (gzip -9, woff2 as is).")
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
