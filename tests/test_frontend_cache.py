"""A caching proxy or CDN in front is told to forget a page when it is published."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from pages.models import ContentPage
from tests.production import production_settings


def test_publishing_a_page_purges_its_url_from_the_proxy(seeded, settings, purge_server):
    location, received = purge_server
    settings.WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": location,
        }
    }
    page = ContentPage.objects.get(slug="handlingsrom")
    page.title = "Handlingsrom, oppdatert"
    page.save_revision().publish()
    site = page.get_site()
    assert ("PURGE", page.url, site.hostname) in received


def test_nothing_is_purged_without_a_configured_cache(seeded, settings, purge_server):
    _, received = purge_server
    assert not hasattr(settings, "WAGTAILFRONTENDCACHE")
    page = ContentPage.objects.get(slug="handlingsrom")
    page.save_revision().publish()
    assert received == []


def _production(extra):
    return getattr(production_settings(extra), "WAGTAILFRONTENDCACHE", None)


def test_production_wires_the_purge_backend_from_the_environment():
    assert _production({}) is None
    http = _production(
        {"FRONTEND_CACHE_BACKEND": "http", "FRONTEND_CACHE_PURGE_URL": "http://varnish:6081"}
    )
    assert http == {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://varnish:6081",
        }
    }
    cloudflare = _production(
        {
            "FRONTEND_CACHE_BACKEND": "cloudflare",
            "CLOUDFLARE_API_TOKEN": "token",
            "CLOUDFLARE_ZONE_ID": "sone",
        }
    )
    assert cloudflare["default"] == {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": "token",
        "ZONEID": "sone",
    }


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"FRONTEND_CACHE_BACKEND": "varnish"}, "must be http, cloudflare or cloudfront"),
        ({"FRONTEND_CACHE_BACKEND": "http"}, "also needs FRONTEND_CACHE_PURGE_URL"),
        (
            {"FRONTEND_CACHE_BACKEND": "cloudflare", "CLOUDFLARE_API_TOKEN": "token"},
            "also needs CLOUDFLARE_ZONE_ID",
        ),
    ],
)
def test_an_incomplete_purge_configuration_stops_the_start(extra, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        _production(extra)
