"""Page weight as the running server sends it: the HTML and everything its first paint needs.

Text (HTML, CSS, JS) counts gzip -9; woff2, AVIF, WebP and PNG count as they are. An upper bound,
as a browser could fetch it on a first visit: every stylesheet (print too, which browsers fetch
anyway), every font the stylesheets declare, every script and preload, and the largest candidate
of the first (most efficient) format of each image that is not lazy.
"""

import gzip
import re
import urllib.request
from urllib.parse import urljoin

from bs4 import BeautifulSoup

CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)["']?\s*\)""")
KINDS = ("html", "css", "fonts", "js", "images")


class Weigher:
    """Weighs pages of one server; a file several pages share is fetched once."""

    def __init__(self, base_url):
        self.base_url = base_url
        self._bodies = {}

    def page(self, path):
        url = urljoin(self.base_url, path)
        html = self._get(url)
        soup = BeautifulSoup(html, "html.parser")
        files = {kind: set() for kind in KINDS}
        for link in soup.find_all("link", href=True):
            rel = link.get("rel") or []
            href = urljoin(url, link["href"])
            if "stylesheet" in rel:
                files["css"].add(href)
            elif "preload" in rel and link.get("as") == "font":
                files["fonts"].add(href)
        for css in list(files["css"]):
            for ref in CSS_URL.findall(self._get(css).decode()):
                if ref.endswith(".woff2"):
                    files["fonts"].add(urljoin(css, ref))
        files["js"] = {urljoin(url, s["src"]) for s in soup.find_all("script", src=True)}
        files["images"] = {urljoin(url, src) for src in first_paint_images(soup)}
        sizes = {"html": _gzipped(html)}
        for kind in KINDS[1:]:
            sizes[kind] = sum(self._size(kind, file) for file in files[kind])
        return {
            "path": path,
            **{f"{kind}_bytes": size for kind, size in sizes.items()},
            "total_bytes": sum(sizes.values()),
            "files": {kind: sorted(urls) for kind, urls in files.items() if kind != "html"},
        }

    def _size(self, kind, url):
        body = self._get(url)
        return _gzipped(body) if kind in ("css", "js") else len(body)

    def _get(self, url):
        if url not in self._bodies:
            # No Accept-Encoding: the body as it is, compressed here the same way for every file.
            with urllib.request.urlopen(url, timeout=30) as response:
                self._bodies[url] = response.read()
        return self._bodies[url]


def first_paint_images(soup):
    """Per <img> that is not lazy: the largest candidate of its <picture>'s first <source>,
    else of its own srcset, else its src."""
    for img in soup.find_all("img"):
        if img.get("loading") == "lazy":
            continue
        picture = img.find_parent("picture")
        source = picture.find("source", srcset=True) if picture else None
        srcset = source["srcset"] if source else img.get("srcset", "")
        if srcset:
            yield _largest(srcset)
        elif img.get("src"):
            yield img["src"]


def _largest(srcset):
    def width(candidate):
        descriptor = (candidate.split()[1:] or ["1x"])[0]
        return float(descriptor[:-1] or 0)

    candidates = [c.strip() for c in srcset.split(",") if c.strip()]
    return max(candidates, key=width).split()[0]


def _gzipped(body):
    return len(gzip.compress(body, compresslevel=9))
