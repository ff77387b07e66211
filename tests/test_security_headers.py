"""Every response carries the same security headers: pages, static files (answered early by
whitenoise), the 404, the 503 and the health check. Anonymous visitors get the strict policy and
no cookie; only the admin gets the looser policy that Wagtail's admin needs."""

from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.middleware.clickjacking import XFrameOptionsMiddleware
from django.middleware.security import SecurityMiddleware
from django.test import Client, override_settings

from core.checks import check_security_headers
from tests.conftest import public_pages

PUBLIC_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
ADMIN_POLICY = {
    **PUBLIC_POLICY,
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
}
OTHER_HEADERS = {
    "Permissions-Policy": (
        "accelerometer=(), browsing-topics=(), camera=(), display-capture=(), "
        "geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), "
        "payment=(), serial=(), usb=()"
    ),
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "SAMEORIGIN",
}


def policy(response):
    """The Content-Security-Policy header as {directive: [sources]} (its order is not fixed)."""
    directives = [d.split() for d in response["Content-Security-Policy"].split(";")]
    return {name: sources for name, *sources in directives}


def other_headers(response):
    return {name: response.get(name) for name in OTHER_HEADERS}


def assert_public_header_set(response):
    assert policy(response) == PUBLIC_POLICY
    # In one fixed order, so that every worker process sends the same bytes.
    directives = response["Content-Security-Policy"].split("; ")
    assert directives == sorted(directives)
    assert other_headers(response) == OTHER_HEADERS
    assert "Content-Security-Policy-Report-Only" not in response


@pytest.fixture
def database_down():
    error = OperationalError('connection to server at "127.0.0.1", port 5432 failed: refused')
    with mock.patch.object(BaseDatabaseWrapper, "ensure_connection", side_effect=error):
        yield


def test_a_page_has_the_full_header_set(client, seeded):
    response = client.get("/virkemidler/stimulab/", secure=True)
    assert response.status_code == 200
    assert_public_header_set(response)


def test_a_static_file_from_whitenoise_has_the_full_header_set(client, seeded):
    response = client.get("/static/site/site.css", secure=True)
    assert response.status_code == 200
    assert type(response).__module__.startswith("whitenoise")
    assert response["Content-Type"].startswith("text/css")
    assert_public_header_set(response)


def test_the_404_page_has_the_full_header_set(client, seeded):
    response = client.get("/finnes-ikke/", secure=True)
    assert response.status_code == 404
    assert_public_header_set(response)


def test_the_503_page_has_the_full_header_set(seeded, database_down):
    response = Client().get("/virkemidler/stimulab/", secure=True)
    assert response.status_code == 503
    assert_public_header_set(response)


def test_the_health_check_has_the_full_header_set(client, seeded):
    response = client.get("/helse/", secure=True)
    assert response.status_code == 200
    assert_public_header_set(response)


@pytest.mark.parametrize("url", ["/virkemidler/stimulab/", "/static/site/site.css", "/helse/"])
def test_django_sets_its_security_headers_once_per_response(seeded, url):
    """SecurityMiddleware and XFrameOptionsMiddleware wrap every middleware that answers by
    itself, so nothing runs them a second time to cover those answers."""
    with (
        mock.patch.object(
            SecurityMiddleware,
            "process_response",
            autospec=True,
            side_effect=SecurityMiddleware.process_response,
        ) as security,
        mock.patch.object(
            XFrameOptionsMiddleware,
            "process_response",
            autospec=True,
            side_effect=XFrameOptionsMiddleware.process_response,
        ) as frame_options,
    ):
        response = Client().get(url, secure=True)
    assert response.status_code == 200
    assert_public_header_set(response)
    assert (security.call_count, frame_options.call_count) == (1, 1)


@pytest.mark.parametrize(
    "headers",
    [
        "core.headers.SecurityHeadersMiddleware",
        "django.middleware.security.SecurityMiddleware",
        "django.middleware.clickjacking.XFrameOptionsMiddleware",
    ],
)
def test_the_system_check_refuses_a_header_middleware_inside_the_health_check(settings, headers):
    assert not check_security_headers(None)
    middleware = [name for name in settings.MIDDLEWARE if name != headers]
    middleware.insert(middleware.index("core.middleware.HealthCheckMiddleware") + 1, headers)
    settings.MIDDLEWARE = middleware
    assert [error.id for error in check_security_headers(None)] == ["innovasjon.E001"]


def test_hsts_is_only_sent_over_https(client, seeded):
    response = client.get("/")
    assert response.status_code == 200
    assert "Strict-Transport-Security" not in response
    assert policy(response) == PUBLIC_POLICY


def test_the_admin_gets_the_admin_policy_and_the_other_headers(client, seeded):
    response = client.get("/admin/login/", secure=True)
    assert response.status_code == 200
    assert policy(response) == ADMIN_POLICY
    assert other_headers(response) == OTHER_HEADERS


def test_a_logged_in_editor_gets_the_strict_policy_on_public_pages(client, seeded):
    editor = get_user_model().objects.create_superuser("csp-admin", "a@example.invalid", "x")
    client.force_login(editor)
    response = client.get("/virkemidler/stimulab/", secure=True)
    assert response.status_code == 200
    assert "wagtail-userbar" in response.content.decode()
    assert policy(response) == PUBLIC_POLICY


def test_the_admin_preview_gets_the_admin_policy(client, seeded):
    editor = get_user_model().objects.create_superuser("csp-admin", "a@example.invalid", "x")
    client.force_login(editor)
    response = client.get(f"/admin/pages/{seeded.id}/edit/preview/", secure=True)
    assert response.status_code == 200
    assert policy(response) == ADMIN_POLICY


def test_anonymous_visitors_get_no_cookie_from_any_public_page(seeded):
    urls = [page.url for page in public_pages()]
    urls += ["/sok/?q=innovasjon", "/finnes-ikke/", "/sitemap.xml", "/robots.txt"]
    assert len(urls) > 10
    client = Client()
    for url in urls:
        response = client.get(url, secure=True)
        assert response.status_code in (200, 404), url
        assert not response.cookies, f"{url} sets {list(response.cookies)}"
        assert "Set-Cookie" not in response, url


def test_images_in_object_storage_are_allowed_from_its_address(seeded, settings):
    s3 = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"bucket_name": "innovasjon-media", "custom_domain": "bilder.example.no"},
    }
    with override_settings(STORAGES={**settings.STORAGES, "default": s3}):
        # No page with images: their renditions would be read from the bucket.
        response = Client().get("/robots.txt", secure=True)
        admin = Client().get("/admin/login/", secure=True)
    assert policy(response) == {
        **PUBLIC_POLICY,
        "img-src": ["'self'", "data:", "https://bilder.example.no"],
    }
    assert policy(admin)["img-src"] == ["'self'", "data:", "blob:", "https://bilder.example.no"]
