"""Tests: fast password hashing, a throw-away key, the same storage as production."""

import atexit
import secrets
import shutil
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import CACHES, DATABASES
from .env import env_str

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY") or secrets.token_urlsafe(50)
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
ALLOWED_HOSTS = ["*"]
WAGTAILADMIN_BASE_URL = "http://testserver"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# One media folder per test run, shared by the in-process client and the browser tests' server.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="innovasjon-test-media-"))
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
# Static files come from the finders in tests; there is no collected folder to serve.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
# The database cache whatever REDIS_URL says: its rows roll back with each test's transaction,
# and no test run shares a cache with another. tests/test_scale_out.py starts Redis-backed servers.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "innovasjon_cache",
        "OPTIONS": {"MAX_ENTRIES": 50000},
    },
    "counters": CACHES["counters"],
}
# Whole pages and their cached parts on, as in production: every test of a public page reads it
# through the page cache, so a change that fails to purge a page fails that page's test.
PAGE_CACHE_SECONDS = 600
# Creating and dropping a test database on a busy server can take longer than any page may:
# no statement timeout here. tests/test_database_faults.py runs the production timeouts.
if DATABASES["default"]["ENGINE"] == "core.postgresql":
    DATABASES["default"]["OPTIONS"]["options"] = "-c statement_timeout=0"
    DATABASES["default"]["OPTIONS"].pop("client_wait_timeout", None)
# The in-memory SQLite test database is shared by the test's connection and the live server's
# threads through SQLite's shared cache, whose table locks fail at once whatever the timeout: an
# IMMEDIATE transaction held for a whole test would refuse every write the live server makes.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"].pop("transaction_mode", None)
