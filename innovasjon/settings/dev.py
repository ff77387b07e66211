"""Local development (`make run`): debug on, plain HTTP, a secret key kept per checkout."""

import secrets

from .base import *  # noqa: F403
from .base import BASE_DIR, EMAIL_BACKEND
from .env import env_bool, env_int, env_str
from .mail import NO_MAIL_BACKEND

DEBUG = env_bool("DEBUG", True)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE_SSL_REDIRECT
SECURE_HSTS_SECONDS = 0


def _local_secret_key():
    """A random key generated once per checkout (git-ignored), so none is in the repo."""
    key_file = BASE_DIR / ".dev-secret-key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
    return key_file.read_text().strip()


SECRET_KEY = env_str("SECRET_KEY") or _local_secret_key()

# Absolute links name the port `make run` serves on (PORT), unless a base URL is set.
# `make run` moves the Site there too (seed's set_local_site_address).
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL") or (
    f"http://127.0.0.1:{env_int('PORT', 8000)}"
)
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL

# Template edits show at once: no cached pages or parts unless asked for.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0)
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", 0)

# Mail is printed to the console unless a mail server is configured, so password reset works.
if EMAIL_BACKEND == NO_MAIL_BACKEND:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    WAGTAIL_PASSWORD_RESET_ENABLED = True

# Log lines for people to read, unless LOG_FORMAT asks for JSON.
LOGGING["handlers"]["console"]["formatter"] = env_str("LOG_FORMAT", "text")  # noqa: F405

# Plain storage so that `runserver` works without collectstatic.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
