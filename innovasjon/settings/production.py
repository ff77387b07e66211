"""Production (`make serve`, the Docker image): base's secure defaults, and a refusal to start
with any configuration that would be unsafe or wrong in public. Each refusal names what to set."""

from django.core.checks.security.base import (
    SECRET_KEY_INSECURE_PREFIX,
    SECRET_KEY_MIN_LENGTH,
    SECRET_KEY_MIN_UNIQUE_CHARACTERS,
)
from django.core.exceptions import ImproperlyConfigured

from core.checks import base_url_problem

from .base import *  # noqa: F403
from .base import DEBUG, SECRET_KEY
from .env import env_bool, env_str

if DEBUG:
    raise ImproperlyConfigured(
        "DEBUG is on. Production settings never run with DEBUG=true: it shows visitors "
        "tracebacks and settings, and skips security checks. Unset DEBUG, or use "
        "innovasjon.settings.dev on your own machine."
    )

if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Production settings need the SECRET_KEY environment variable: "
        "a long random string, e.g. from "
        "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`."
    )

# Django's own rule (security.W009), enforced: a guessable key lets anyone sign sessions,
# password reset links and the feedback tokens.
_weak_key = [
    reason
    for weak, reason in (
        (
            len(SECRET_KEY) < SECRET_KEY_MIN_LENGTH,
            f"it has {len(SECRET_KEY)} characters, fewer than {SECRET_KEY_MIN_LENGTH}",
        ),
        (
            len(set(SECRET_KEY)) < SECRET_KEY_MIN_UNIQUE_CHARACTERS,
            f"it has fewer than {SECRET_KEY_MIN_UNIQUE_CHARACTERS} different characters",
        ),
        (
            SECRET_KEY.startswith(SECRET_KEY_INSECURE_PREFIX),
            f"it starts with {SECRET_KEY_INSECURE_PREFIX!r}, the mark of a development key",
        ),
    )
    if weak
]
if _weak_key:
    raise ImproperlyConfigured(
        f"SECRET_KEY is too weak: {'; '.join(_weak_key)}. Set a long random string, e.g. from "
        "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`."
    )

if not env_str("DATABASE_URL"):
    raise ImproperlyConfigured(
        "DATABASE_URL is not set. Production settings never fall back to a SQLite file in the "
        "project folder: set DATABASE_URL, e.g. postgres://user:password@host:5432/innovasjon."
    )

# `make serve` sets ALLOW_LOCAL_BASE_URL=true to run over plain HTTP on 127.0.0.1.
_base_url_problem = base_url_problem(
    env_str("WAGTAILADMIN_BASE_URL"), allow_local=env_bool("ALLOW_LOCAL_BASE_URL", False)
)
if _base_url_problem:
    raise ImproperlyConfigured(
        f"WAGTAILADMIN_BASE_URL is not usable: {_base_url_problem}. Set it to the site's public "
        "https address, e.g. https://innovasjon.example.no: canonical links, the sitemap, "
        "robots.txt and the API are built from it. A local run over plain HTTP on this machine "
        "also sets ALLOW_LOCAL_BASE_URL=true, as `make serve` does."
    )

# Errors, with their tracebacks, also go to Sentry when SENTRY_DSN is set (core/monitoring).
if SENTRY_DSN:  # noqa: F405
    from core.monitoring import init_sentry

    from .env import env_float, env_str

    init_sentry(
        SENTRY_DSN,  # noqa: F405
        environment=env_str("SENTRY_ENVIRONMENT"),
        release=env_str("SENTRY_RELEASE"),
        traces_sample_rate=env_float("SENTRY_TRACES_SAMPLE_RATE", 0.0),
    )
