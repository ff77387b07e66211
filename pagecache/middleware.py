"""The page cache in front of Django: anonymous GET and HEAD of public pages come from the shared
cache without a session, routing or a template. Also the HTTP caching headers for pages."""

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.utils.cache import get_conditional_response, patch_cache_control
from wagtail.models import Page
from wagtail.views import serve as serve_page

from core.caching import CACHE_ERRORS, cache_failed
from core.pagination import PAGE_PARAM, parse_page_number
from pagecache import store

HIT_HEADER = "X-Page-Cache"
# Tracking parameters from newsletters and social media change nothing on the page.
IGNORED_PARAMETER_PREFIXES = ("utm_",)
IGNORED_PARAMETERS = {"fbclid", "gclid", "mc_cid", "mc_eid"}


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            lookup = self._lookup(request)
        except CACHE_ERRORS:
            cache_failed(request)  # the cache is down: this request is rendered, uncached
            lookup = None
        if lookup is None:
            return self._private_unless_public(request, self.get_response(request))
        key, versions, entry = lookup
        if entry is not None:
            return self._respond(request, entry, hit=True)
        response = self.get_response(request)
        if not self._storable(request, response):
            return self._private_unless_public(request, response)
        response = _shareable(response, content_wide=_content_wide(request))
        try:
            versions = store.complete_versions(request.path_info, versions)
            if versions is None:
                return response  # purged while rendering: this copy may be stale
            entry = store.entry_of(response, versions)
            store.write(key, entry)
        except CACHE_ERRORS:
            return response
        return self._respond(request, entry, hit=False)

    def _lookup(self, request):
        """(key, versions, entry or None) where the cache may answer this request; None where it
        may not."""
        if not settings.PAGE_CACHE_SECONDS or request.method not in ("GET", "HEAD"):
            return None
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return None  # signed in, or a password-protected page opened: never shared
        if request.META.get("CONTENT_LENGTH") not in (None, "", "0"):
            return None
        if request.META.get("HTTP_TRANSFER_ENCODING"):
            return None
        path = request.path_info
        if path.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PREFIXES)):
            return None
        query = _cache_query(request)
        if query is None:
            return None
        try:
            # One entry whatever port the Host header names: pages carry the site's own address.
            host, _port = split_domain_port(request.get_host())
        except DisallowedHost:
            return None  # Django answers it with its 400 further in
        return store.lookup(host, path, query)

    def _storable(self, request, response):
        """Only a Wagtail page, or what is made from the site's pages (a feed), served to an
        anonymous reader, whole and the same for everyone."""
        return (
            response.status_code == 200
            and (served_page(request, response) is not None or _content_wide(request))
            and not response.streaming
            and not response.cookies
            and not response.has_header("Cache-Control")
            and not getattr(request, "is_preview", False)
        )

    def _respond(self, request, entry, hit):
        response = HttpResponse(entry["content"], status=entry["status"], headers=entry["headers"])
        response[HIT_HEADER] = "hit" if hit else "miss"
        return get_conditional_response(request, etag=entry["etag"], response=response)

    def _private_unless_public(self, request, response):
        """A page shown to a signed-in editor, or one not fit to share, is kept out of every
        shared cache (a CDN) whatever it says itself."""
        if not response.has_header("Cache-Control") and served_page(request, response) is not None:
            patch_cache_control(response, private=True, no_cache=True)
        return response


def served_page(request, response):
    """The Wagtail page this response shows, or None where another view answered, no page holds
    the URL or the page failed (5xx). Asked of Wagtail's page view and the route it found, which
    Wagtail keeps for the request: no query. A page behind a view restriction, and its login or
    password form, come with Wagtail's never-cache headers, which keep them out of the cache."""
    match = request.resolver_match
    if match is None or match.func is not serve_page or response.status_code >= 500:
        return None
    return Page.find_for_request(request, match.args[0])


def _content_wide(request):
    return request.path_info.startswith(tuple(settings.PAGE_CACHE_CONTENT_WIDE_PREFIXES))


def _shareable(response, content_wide=False):
    """The response with the headers every copy of it is served with, set once, when stored.
    A CDN keeps a feed no longer than a browser does: Wagtail's frontend cache purges URLs, not
    everything under a prefix, so the feeds' many URLs are never purged there."""
    patch_cache_control(
        response,
        public=True,
        max_age=settings.PAGE_BROWSER_MAX_AGE,
        s_maxage=settings.PAGE_BROWSER_MAX_AGE if content_wide else settings.PAGE_CACHE_SECONDS,
        stale_while_revalidate=settings.PAGE_STALE_WHILE_REVALIDATE,
        stale_if_error=settings.PAGE_STALE_IF_ERROR,
    )
    return response


def _cache_query(request):
    """The query string as the cache keys it (sorted; tracking parameters left out), or None
    where it has a parameter the cache does not key on, so that made-up parameters cannot fill
    the cache."""
    allowed = set(settings.PAGE_CACHE_QUERY_PARAMETERS)
    kept = []
    for name, values in sorted(request.GET.lists()):
        if name in IGNORED_PARAMETERS or name.startswith(IGNORED_PARAMETER_PREFIXES):
            continue
        if name not in allowed or len(values) != 1:
            return None
        value = values[0]
        if name == PAGE_PARAM:
            # As the list reads it: " 2" and "02" are page 2. The list refuses what is no number.
            number = parse_page_number(value)
            if number is None:
                return None
            value = str(number)
        kept.append((name, value))
    return tuple(kept)
