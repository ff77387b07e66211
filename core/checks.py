"""System checks that guard what the settings modules alone cannot: a settings module of an
operator's own, and values that are valid Python but unsafe in public.

`manage.py check` runs the policy checks; `manage.py check --deploy` adds the deploy checks.
"""

import ipaddress
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

HEALTH_CHECK = "core.middleware.HealthCheckMiddleware"
WHITENOISE = "whitenoise.middleware.WhiteNoiseMiddleware"
SECURITY = "django.middleware.security.SecurityMiddleware"
# Each header middleware, and the middleware that answer some requests themselves (and so must
# come after it, or those answers lack its headers).
HEADER_MIDDLEWARE = {
    "core.headers.SecurityHeadersMiddleware": (HEALTH_CHECK, SECURITY, WHITENOISE),
    SECURITY: (HEALTH_CHECK, WHITENOISE),
    "django.middleware.clickjacking.XFrameOptionsMiddleware": (HEALTH_CHECK, WHITENOISE),
}
CACHES_PER_PROCESS = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)
UNSAFE_SOURCES = ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*")


def is_loopback_host(host):
    host = (host or "").strip("[]").lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def base_url_problem(url, allow_local=False):
    """Why `url` cannot be the public base URL (WAGTAILADMIN_BASE_URL), or None if it can."""
    if not url:
        return "it is not set"
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"{url!r} is not an absolute http(s) URL"
    if allow_local:
        return None
    if parts.scheme != "https":
        return f"{url!r} is not https"
    if is_loopback_host(parts.hostname):
        return f"{url!r} points at this machine, not at the public site"
    return None


@register(Tags.security)
def check_security_headers(app_configs, **kwargs):
    errors = []
    middleware = list(settings.MIDDLEWARE)
    for headers, answering in HEADER_MIDDLEWARE.items():
        position = middleware.index(headers) if headers in middleware else None
        before = [m for m in answering if m in middleware[: position or 0]]
        if position is None or before:
            errors.append(
                Error(
                    f"{headers} is missing from MIDDLEWARE or comes after "
                    f"{', '.join(before) or 'nothing'}.",
                    hint="It must come before every middleware that answers requests itself ("
                    f"{', '.join(answering)}), or those answers lack its headers.",
                    id="innovasjon.E001",
                )
            )
    directives = getattr(settings, "CONTENT_SECURITY_POLICY", {}).get("DIRECTIVES", {})
    for name in ("default-src", "script-src", "style-src", "frame-ancestors", "object-src"):
        if not directives.get(name):
            errors.append(
                Error(
                    f"The public Content-Security-Policy has no {name}.",
                    hint="See CONTENT_SECURITY_POLICY in innovasjon/settings/base.py.",
                    id="innovasjon.E002",
                )
            )
    for name, sources in directives.items():
        unsafe = [s for s in sources or () if s in UNSAFE_SOURCES]
        if unsafe:
            errors.append(
                Error(
                    f"The public Content-Security-Policy allows {', '.join(unsafe)} in {name}.",
                    hint="Public pages run no inline script or style: move it to a static file. "
                    "Only CONTENT_SECURITY_POLICY_ADMIN may be looser.",
                    id="innovasjon.E003",
                )
            )
    return errors


@register(Tags.security, deploy=True)
def check_deploy_settings(app_configs, **kwargs):
    warnings = []
    if "*" in settings.ALLOWED_HOSTS:
        warnings.append(
            Warning(
                "ALLOWED_HOSTS accepts any host ('*').",
                hint="List the site's host names, e.g. ALLOWED_HOSTS=innovasjon.example.no.",
                id="innovasjon.W001",
            )
        )
    problem = base_url_problem(settings.WAGTAILADMIN_BASE_URL)
    if problem:
        warnings.append(
            Warning(
                f"WAGTAILADMIN_BASE_URL is not the public https address: {problem}.",
                hint="It is used in canonical links, the sitemap, robots.txt and the API.",
                id="innovasjon.W002",
            )
        )
    backend = settings.CACHES["default"]["BACKEND"]
    if backend in CACHES_PER_PROCESS:
        warnings.append(
            Warning(
                f"The default cache is {backend}, one per process.",
                hint="Each gunicorn worker would keep its own stale copy of what another "
                "invalidates: use the database cache or Redis (REDIS_URL).",
                id="innovasjon.W004",
            )
        )
    plain = [o for o in settings.CSRF_TRUSTED_ORIGINS if not o.startswith("https://")]
    if plain:
        warnings.append(
            Warning(
                f"CSRF_TRUSTED_ORIGINS has origins that are not https: {', '.join(plain)}.",
                id="innovasjon.W003",
            )
        )
    return warnings


@register(Tags.security, deploy=True)
def check_email(app_configs, **kwargs):
    """Password reset and workflow notifications need a mail server (settings/mail.py)."""
    if settings.EMAIL_BACKEND == "django.core.mail.backends.dummy.EmailBackend":
        return [
            Warning(
                "No mail server is configured: approvers get no notice of pages to review, and "
                "the login page offers no password reset.",
                hint="Set EMAIL_URL, e.g. smtps://user:password@smtp.example.no, or EMAIL_HOST "
                "and its companions, and DEFAULT_FROM_EMAIL.",
                id="innovasjon.W010",
            )
        ]
    encrypted = settings.EMAIL_USE_TLS or settings.EMAIL_USE_SSL
    if not encrypted and settings.EMAIL_HOST_PASSWORD and not is_loopback_host(settings.EMAIL_HOST):
        return [
            Warning(
                f"The mail password is sent to {settings.EMAIL_HOST} unencrypted.",
                hint="Use smtps:// or ?tls=true in EMAIL_URL (EMAIL_USE_SSL or EMAIL_USE_TLS).",
                id="innovasjon.W011",
            )
        ]
    return []
