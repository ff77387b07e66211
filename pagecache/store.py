"""Whole pages for anonymous readers in the shared cache, under versions that purge them exactly.

An entry's key holds the versions of everything that can purge it: the whole site, each URL above
it (a subtree) and its own URL. A purge gives a version a new value, so every instance stops
reading the old entries at once (they expire on their own). A render that started before a purge
stores under the versions it read, which nobody reads any more: it can never bring back stale
content. A version that is missing (evicted) is given a new value before use, for the same reason.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

EVERYTHING = "pagecache:v:all"


def _digest(text):
    return hashlib.sha256(text.encode()).hexdigest()


def subtree_version_key(path):
    return f"pagecache:v:tree:{_digest(path)}"


def page_version_key(path):
    return f"pagecache:v:page:{_digest(path)}"


def ancestor_paths(path):
    """ "/a/b/" -> ["/", "/a/", "/a/b/"]."""
    parts = [part for part in path.split("/") if part]
    return ["/"] + ["/" + "/".join(parts[: i + 1]) + "/" for i in range(len(parts))]


def version_keys(path):
    return [
        EVERYTHING,
        *(subtree_version_key(p) for p in ancestor_paths(path)),
        page_version_key(path),
    ]


def _new_version():
    return time.time_ns()


def current_versions(path):
    keys = version_keys(path)
    found = cache.get_many(keys)
    missing = [key for key in keys if key not in found]
    if missing:
        for key in missing:
            cache.add(key, _new_version(), timeout=None)
        found.update(cache.get_many(missing))
    return [found.get(key) for key in keys]


def entry_key(host, path, query, versions):
    # The date: a program whose deadline passed at midnight reads as closed from then on.
    raw = repr((host, path, query, versions, timezone.localdate().isoformat()))
    return f"pagecache:entry:{_digest(raw)}"


def read(key):
    return cache.get(key)


def entry_of(response):
    content = response.content
    return {
        "status": response.status_code,
        "headers": list(response.items()),
        "content": content,
        # Computed once, when stored, not on every hit.
        "etag": f'"{hashlib.sha256(content).hexdigest()[:32]}"',
    }


def write(key, entry):
    cache.set(key, entry, settings.PAGE_CACHE_SECONDS)


def purge(pages=(), subtrees=(), everything=False):
    """New versions for these URL paths (each page alone; each subtree with all below it)."""
    keys = [page_version_key(path) for path in pages]
    keys += [subtree_version_key(path) for path in subtrees]
    if everything:
        keys.append(EVERYTHING)
    if keys:
        value = _new_version()
        cache.set_many(dict.fromkeys(keys, value), timeout=None)
