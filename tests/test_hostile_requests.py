"""Hostile and malformed requests against every public URL pattern get a 4xx or a normal answer,
never a 500, and no answer shows a traceback or anything about the server's insides."""

import urllib.parse
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.conftest import public_pages

ROOT = Path(__file__).resolve().parent.parent

# One URL per public pattern in innovasjon/urls.py; the page tree's are added per test.
PUBLIC_URLS = [
    "/",
    "/sok/",
    "/sok/?q=innovasjon",
    "/s/3/",
    "/sitemap.xml",
    "/robots.txt",
    "/api/v2/pages/",
    "/api/v2/pages/3/",
    "/api/v2/pages/?type=programs.ProgramPage&fields=*",
    "/media/images/illustrasjon.png",
    "/media/original_images/illustrasjon.png",
    "/dokumenter/1/rapport.pdf",
    "/helse/",
    "/helse/klar/",
    "/stimulab/",
    "/static/site/site.css",
]
METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND"]
PATH_ATTACKS = [
    "a" * 5000,
    "%00",
    "x%00y",
    "%ff%fe",
    "%c0%af",
    "..",
    "../../etc/passwd",
    "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "..%5c..%5cwindows",
    "%252e%252e%252f",
    "<script>alert(1)</script>",
    "'%20OR%201=1--",
    "~",
    "//evil.example.com",
    "%0d%0aSet-Cookie:%20a=b",
]
QUERY_ATTACKS = [
    "q=" + "x" * 20_000,
    "q=%00",
    "q=%ff%fe",
    "%ff%fe=%ff",
    "q=' OR 1=1 --",
    "q=<script>",
    "q=a&q=b&q=c",
    "q[]=1",
    "limit=-1&offset=abc",
    "limit=99999999999999999999&offset=-5",
    "fields=**&order=-nope",
    "type=nope.Nope",
    "child_of=abc&descendant_of=-1",
    "search=x&search_operator=xor",
    "page=-1",
    "page=99999999999999999999",
    "&&&==&",
    "a=" + "%" * 50,
]
HEADER_ATTACKS = [
    {"HTTP_X_JUNK": "x" * 60_000},
    {"HTTP_HOST": "evil.example.com"},
    {"HTTP_HOST": "[::1]:99999"},
    {"HTTP_HOST": "localhost:abc"},
    {"HTTP_HOST": "a" * 300},
    {"HTTP_HOST": "localhost\x00.evil"},
    {"HTTP_X_FORWARDED_HOST": "evil.example.com"},
    {"HTTP_X_FORWARDED_PROTO": "gopher"},
    {"HTTP_X_FORWARDED_PORT": "-1"},
    {"HTTP_RANGE": "bytes=999999999-"},
    {"HTTP_RANGE": "bytes=a-b,-,5-1"},
    {"HTTP_COOKIE": "sessionid=\x00\xff; csrftoken=<script>; =; ;;"},
    {"HTTP_COOKIE": "sessionid=" + "x" * 5000},
    {"HTTP_ACCEPT_LANGUAGE": "xx-" * 1000},
    {"HTTP_ACCEPT_LANGUAGE": "*;q=abc, nb;q=-1, ,;"},
    {"HTTP_ACCEPT": "application/json;q=x, */*;q=nan"},
    {"HTTP_ACCEPT_ENCODING": "gzip;q=abc, br;q=2"},
    {"HTTP_IF_MODIFIED_SINCE": "not a date"},
    {"HTTP_IF_NONE_MATCH": '"' * 100},
    {"CONTENT_TYPE": "multipart/form-data; boundary="},
    {"CONTENT_LENGTH": "-1"},
]
# Nothing of the server's insides may reach a visitor.
LEAKS = ["Traceback", 'File "/', "django.", "psycopg", "sqlite3", "SECRET_KEY", str(ROOT)]


@pytest.fixture
def hostile_client(seeded):
    return Client(raise_request_exception=False)


def _assert_safe(response, label):
    assert response.status_code < 500, (label, response.status_code)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode("utf-8", "replace")
    for leak in [*LEAKS, settings.SECRET_KEY]:
        assert leak not in text, (label, leak)


def _all_urls():
    """Every fixed pattern, and one page of each page type: pages of a type share one view."""
    one_per_type = {type(page): page.url for page in public_pages()}
    return PUBLIC_URLS + sorted(one_per_type.values())


def _join(url, suffix):
    path, _, query = url.partition("?")
    return f"{path}{suffix}" + (f"?{query}" if query else "")


def test_hostile_paths_never_give_a_500(hostile_client):
    for url in _all_urls():
        for attack in PATH_ATTACKS:
            target = _join(url, attack)
            _assert_safe(hostile_client.get(target), target)


def test_hostile_query_strings_never_give_a_500(hostile_client):
    for url in _all_urls():
        path = url.partition("?")[0]
        for attack in QUERY_ATTACKS:
            target = f"{path}?{attack}"
            _assert_safe(hostile_client.get(target), target)


def test_odd_methods_never_give_a_500(hostile_client):
    for url in _all_urls():
        for method in METHODS:
            response = hostile_client.generic(method, url, data=b"\xff\x00{", content_type="x/y")
            _assert_safe(response, f"{method} {url}")


def test_hostile_headers_never_give_a_500(hostile_client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
    for url in _all_urls():
        for headers in HEADER_ATTACKS:
            _assert_safe(hostile_client.get(url, **headers), f"{url} {headers!r:.80}")


def test_hostile_hosts_never_give_a_500_even_when_every_host_is_allowed(hostile_client, settings):
    settings.ALLOWED_HOSTS = ["*"]
    for url in _all_urls():
        for headers in HEADER_ATTACKS:
            if "HTTP_HOST" in headers or "HTTP_X_FORWARDED_HOST" in headers:
                _assert_safe(hostile_client.get(url, **headers), f"{url} {headers!r:.80}")


_bytes = st.binary(max_size=40).map(lambda raw: urllib.parse.quote_from_bytes(raw, safe="/=&"))


@hypothesis_settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    base=st.sampled_from(PUBLIC_URLS),
    suffix=st.one_of(_bytes, st.text(max_size=30).map(urllib.parse.quote)),
    query=_bytes,
    method=st.sampled_from(METHODS),
)
def test_random_requests_never_give_a_500(hostile_client, base, suffix, query, method):
    target = _join(base, suffix) + ("&" if "?" in base else "?") + query
    _assert_safe(hostile_client.generic(method, target), f"{method} {target}")
