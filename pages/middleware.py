"""Wagtail looks up the request's Site in the database on every request; here it comes from the
shared cache, with the site's home page, under the content generation (pages/caching.py).

Only the cache is read here. A site not cached yet is found by Wagtail in the view, as always,
and stored afterwards: so a database outage is met in the view, which answers it with the 503,
and never waits out its timeout here first."""

from pages import caching


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
