"""Wagtail looks up the request's Site in the database on every request; here it comes from the
shared cache, with the site's home page, under the content generation (core/caching.py).

Only the cache is read here. A site not cached yet is found by Wagtail in the view, as always,
and stored afterwards: so a database outage is met in the view, which answers it with the 503,
and never waits out its timeout here first."""

from django.conf import settings
from django.utils import translation

from core import caching


class CachedSiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        parts = ("site", request.get_port())
        found = caching.read(*parts, request=request)
        if found is not caching.MISSING:
            request._wagtail_site = found
        response = self.get_response(request)
        site = getattr(request, "_wagtail_site", None)
        if found is caching.MISSING and site is not None and response.status_code < 500:
            # The home page the router starts from comes with it (loaded here, once).
            site.root_page.specific  # noqa: B018
            caching.write(site, *parts, request=request)
        return response


class PathLanguageMiddleware:
    """The language comes from the URL alone: /en/… is English, every other path Bokmål.

    Django's LocaleMiddleware would also read the browser's Accept-Language and add
    `Vary: Accept-Language` to every Bokmål page, which splits the CDN's and the page cache's
    entries for nothing: a Bokmål URL never answers in another language. The admin sets each
    editor's own language itself.

    The language is put back afterwards: a page rendered inside another request (the editor's
    readability box renders the page it measures) must not switch the admin around it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = translation.get_language_from_path(request.path_info)
        with translation.override(language or settings.LANGUAGE_CODE):
            request.LANGUAGE_CODE = translation.get_language()
            response = self.get_response(request)
            response.headers.setdefault("Content-Language", translation.get_language())
        return response
