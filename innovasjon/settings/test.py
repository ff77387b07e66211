"""Tests: fast password hashing, a throw-away key, the same storage as production."""

import secrets

from .base import *  # noqa: F403
from .env import env_str

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY") or secrets.token_urlsafe(50)
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
ALLOWED_HOSTS = ["*"]
WAGTAILADMIN_BASE_URL = "http://testserver"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
