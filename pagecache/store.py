"""Whole pages for anonymous readers in the shared cache, under versions that purge them exactly.

Each URL has versions: one for the whole site, one for each URL above it (a subtree) and one of
its own. An entry holds the versions it was rendered under, and is served only while they are
still the current ones, read from the shared cache on every request. A purge gives a version a
new value, so every instance stops serving the old entries at once. A render that started
before a purge stores the versions it read, which no longer match: it can never bring back stale
content.

A lookup never writes: a version that is missing (never made, expired or evicted) matches no
entry. Only storing a page, which the router found, adds the missing versions, and only if no
purge set them meanwhile. So versions exist for pages that exist, and every key expires:
entries after PAGE_CACHE_SECONDS, versions after VERSION_SECONDS. A new version is the clock in
nanoseconds, larger than any value a lost one held, so an entry never matches a remade version.

A small per-process layer in front keeps the latest entries, checked against the same shared
versions: a hit there costs one round trip that fetches a few numbers, not the page.
"""

import functools
import hashlib
import threading
import time
from collections import OrderedDict

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


# Hashed once per path, not on every hit; a made-up path costs one slot here.
@functools.lru_cache(maxsize=4096)
def version_keys(path):
    return (
        EVERYTHING,
        *(subtree_version_key(p) for p in ancestor_paths(path)),
        page_version_key(path),
    )


def _new_version():
    return time.time_ns()


# Far longer than an entry lives, so that versions rarely expire under entries still in use; an
# expired one costs a render, never a stale page.
VERSION_SECONDS = 24 * 60 * 60


def entry_key(host, path, query):
    """`host` as Django validated it, without a port; `query` as the middleware normalised it.
    The date: a program whose deadline passed at midnight reads as closed from then on."""
    return _entry_key(host, path, query, timezone.localdate().isoformat())


@functools.lru_cache(maxsize=4096)
def _entry_key(*parts):
    return f"pagecache:entry:{_digest(repr(parts))}"


class _LocalEntries:
    """The latest entries this process stored or read: at most PAGE_CACHE_LOCAL_ENTRIES of them,
    each for no longer than the shared cache would keep it."""

    def __init__(self):
        self._entries = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            held = self._entries.get(key)
            if held is None:
                return None
            expires, entry = held
            if expires <= time.monotonic():
                del self._entries[key]
                return None
            self._entries.move_to_end(key)
            return entry

    def put(self, key, entry):
        size = settings.PAGE_CACHE_LOCAL_ENTRIES
        expires = time.monotonic() + settings.PAGE_CACHE_SECONDS
        with self._lock:
            self._entries[key] = (expires, entry)
            self._entries.move_to_end(key)
            while len(self._entries) > size:
                self._entries.popitem(last=False)

    def clear(self):
        with self._lock:
            self._entries.clear()


local_entries = _LocalEntries()


def lookup(host, path, query):
    """(key, versions, entry or None): the stored entry for this URL, if it is still current.
    `versions` holds None for each version that does not exist (yet)."""
    key = entry_key(host, path, query)
    keys = version_keys(path)
    local = local_entries.get(key)
    found = cache.get_many(keys if local is not None else [*keys, key])
    versions = [found.get(version) for version in keys]
    if None in versions:
        return key, versions, None
    if local is not None and local["versions"] == versions:
        return key, versions, local
    entry = found.get(key) if local is None else cache.get(key)
    if entry is None or entry.get("versions") != versions:
        return key, versions, None
    local_entries.put(key, entry)
    return key, versions, entry


def entry_of(response, versions):
    content = response.content
    # Computed once, when stored, not on every hit.
    etag = f'"{hashlib.sha256(content).hexdigest()[:32]}"'
    return {
        "versions": versions,
        "status": response.status_code,
        "headers": {**response.headers, "ETag": etag},
        "content": content,
        "etag": etag,
    }


def complete_versions(path, versions):
    """The versions to store a page under: those read, with each missing one added now. None if
    any was set meanwhile (a purge, or another render): this render may predate it."""
    complete = list(versions)
    for i, (key, value) in enumerate(zip(version_keys(path), versions, strict=True)):
        if value is None:
            complete[i] = _new_version()
            if not cache.add(key, complete[i], timeout=VERSION_SECONDS):
                return None
    return complete


def write(key, entry):
    cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
    local_entries.put(key, entry)


def purge(pages=(), subtrees=(), everything=False):
    """New versions for these URL paths (each page alone; each subtree with all below it)."""
    keys = [page_version_key(path) for path in pages]
    keys += [subtree_version_key(path) for path in subtrees]
    if everything:
        keys.append(EVERYTHING)
    if keys:
        value = _new_version()
        cache.set_many(dict.fromkeys(keys, value), timeout=VERSION_SECONDS)
