"""Walks the admin as one signed-in user: from the views given, every admin link, menu entry and
data URL each view holds, once per shape of address (the same view for another page or image is
the same view), and answers {view: html} for tests/admin_language.py to read."""

import json
import re
from collections import deque
from urllib.parse import parse_qsl, urlencode, urlsplit

from bs4 import BeautifulSoup

ADMIN = "/admin/"
# Addresses that act on a GET (sign out), serve files or data rather than a view, need the ids
# a script adds (bulk actions, block previews, editing sessions), or only repeat a view with
# another sort order, page number, filter value or return address.
SKIP = re.compile(
    r"^/admin/(logout|jsi18n|api|sprite|icons|tag-autocomplete|autocomplete|"
    r"failwhale|images/\d+/preview|images/\d+/generate_url/\d+|documents/\d+/download|"
    r"pages/workflow/action|workflows/(enable|disable|remove)|bulk|block-preview|editing-sessions)"
    r"|/(view_draft|preview|preview_revision|lock|unlock|set_position)/|/revisions/\d+/view/"
    r"|/export/|/download/"
    r"|\.(css|js|png|svg|jpe?g|ico|pdf)$"
)
REPEATING = {"p", "ordering", "page", "q", "export", "_", "locale", "content_type", "next"}
MAX_VIEWS = 400


def shape(url):
    """What two addresses of the same view share: digits and query values left out."""
    parts = urlsplit(url)
    keys = sorted({key for key, _value in parse_qsl(parts.query) if key not in REPEATING})
    return re.sub(r"\d+", "N", parts.path) + ("?" + "&".join(keys) if keys else "")


def _admin_url(value):
    if not isinstance(value, str):
        return None
    parts = urlsplit(value.strip())
    if parts.scheme not in ("", "http", "https") or not parts.path.startswith(ADMIN):
        return None
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if k not in ("export",)])
    url = parts.path + ("?" + query if query else "")
    return None if SKIP.search(parts.path) else url


def _json_urls(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _json_urls(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_urls(item)


def links(html):
    """Every admin address a view offers: links, form actions, data-* URLs, JSON props."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            if (
                name == "href"
                or (name == "action" and tag.get("method", "get").lower() == "get")
                or (name.startswith("data-") and isinstance(value, str) and value.startswith(ADMIN))
            ):
                found.append(value)
    for script in soup.find_all("script", type="application/json"):
        found.extend(_json_urls(json.loads(script.string or "null")))
    return [url for url in map(_admin_url, found) if url]


def body(response):
    """A chooser or modal answers with its HTML inside JSON."""
    if response["Content-Type"].startswith("application/json"):
        data = response.json()
        return data.get("html") or ""
    if response["Content-Type"].startswith("text/html"):
        return response.content.decode()
    return None


def walk(client, start):
    """{address: (status, html or None)}: every address in `start`, and one address of each
    further shape reachable from them."""
    seen = {shape(url) for url in start}
    queue = deque(start)
    views = {}
    while queue and len(views) < MAX_VIEWS:
        url = queue.popleft()
        if url in views:
            continue
        response = client.get(url)
        views[url] = (response.status_code, None)
        if response.status_code in (301, 302):
            found = [_admin_url(response["Location"])]
        else:
            html = body(response) if response.status_code == 200 else None
            views[url] = (response.status_code, html)
            found = links(html) if html else []
        for link in filter(None, found):
            if shape(link) not in seen:
                seen.add(shape(link))
                queue.append(link)
    return views
