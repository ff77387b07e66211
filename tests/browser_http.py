"""A plain HTTP client that keeps production's cookies, for tests against running servers. It
needs only the standard library and BeautifulSoup, so tests/docker/ also runs it inside the app
image."""

import urllib.request
from urllib.error import HTTPError
from urllib.parse import urlencode

from bs4 import BeautifulSoup


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """Plain HTTP with its own cookies. Production cookies are `Secure`, which a cookie jar
    would not send over http://127.0.0.1, so they are kept by hand."""

    opener = urllib.request.build_opener(_NoRedirects)

    def __init__(self, base):
        self.base = base
        self.cookies = {}

    def request(self, path, data=None, host=None, headers=None):
        headers = {
            **(headers or {}),
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
        }
        if host:
            headers["Host"] = host  # as a load balancer sends both instances the same one
        body = urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, headers=headers)
        try:
            response = self.opener.open(request, timeout=30)
        except HTTPError as error:
            response = error
        with response:
            for cookie in response.headers.get_all("Set-Cookie") or []:
                name, value = cookie.split(";", 1)[0].split("=", 1)
                self.cookies[name] = value
            return response.status, response.headers, response.read().decode()

    def get(self, path):
        return self.request(path)

    def page(self, path):
        status, _, html = self.get(path)
        assert status == 200, (path, status)
        return BeautifulSoup(html, "html.parser")
