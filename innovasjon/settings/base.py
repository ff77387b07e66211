"""Settings shared by every environment. Secure by default: dev.py loosens, never the reverse."""

from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_noop

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # The project wiring as an app: its system checks (innovasjon/checks.py).
    "innovasjon",
    "csp",
    "pages",
    "programs",
    "search",
    "seed",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.api.v2",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First of all: one log line for every request, whoever answers it.
    "innovasjon.logs.RequestLogMiddleware",
    # HEAD answers with GET's headers and no body, whoever below makes the response.
    "innovasjon.middleware.HeadWithoutBodyMiddleware",
    # Outermost, so that every response gets the same security headers: pages, the static files
    # whitenoise answers early, the health check and error pages that later middleware makes.
    "innovasjon.headers.SecurityHeadersMiddleware",
    "innovasjon.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before anything reads a body; after authentication, as editors may upload.
    "innovasjon.limits.RequestBodyLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Innermost: the first to see a view's exception, turning a database fault into a 503.
    "innovasjon.unavailable.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "innovasjon.urls"
CSRF_FAILURE_VIEW = "innovasjon.views.csrf_failure"
WSGI_APPLICATION = "innovasjon.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# The embedded default needs no server; PostgreSQL is chosen with DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# PostgreSQL: a database that is down or frozen must never hold every gunicorn thread.
# connect_timeout bounds a new connection, statement_timeout a slow query (the server cancels
# it), and the client-side wait (innovasjon/postgresql/base.py) a server that no longer answers
# at all; it is a second longer than the statement timeout, so the server normally cancels first.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    _statement_timeout_ms = env_int("DATABASE_STATEMENT_TIMEOUT_MS", 5000)
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options["connect_timeout"] = env_int("DATABASE_CONNECT_TIMEOUT", 3)
    _options["options"] = f"-c statement_timeout={_statement_timeout_ms}"
    if _statement_timeout_ms:
        _options["client_wait_timeout"] = _statement_timeout_ms / 1000 + 1
    DATABASES["default"]["ENGINE"] = "innovasjon.postgresql"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Bokmål is the default language and carries no URL prefix, so other languages can be
# added later under their own prefix without changing a single existing link.
LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", "Norsk bokmål")]
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nb", "Norsk bokmål"), ("en", "English")]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
NODE_MODULES = BASE_DIR / "node_modules"
# The design system and font come from npm (package-lock.json), served straight from
# node_modules so that an upgrade is a version bump, never a copy by hand.
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("designsystemet", NODE_MODULES / "@digdir/designsystemet-css/dist"),
    ("fonts/inter", NODE_MODULES / "inter-ui/web-latin"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "media")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "innovasjon",
    }
}

# Security: on unless a setting below is switched off by the environment.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Secure cookies whether or not Django redirects: the load balancer may do the redirect instead.
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# HSTS is sent on HTTPS responses only. Lower SECURE_HSTS_SECONDS (e.g. 300) while trying out a
# new domain, and set SECURE_HSTS_INCLUDE_SUBDOMAINS=false if a subdomain still serves plain HTTP.
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# SAMEORIGIN, not DENY: the admin shows the page preview in a same-origin iframe.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = [
    # W019 asks for X_FRAME_OPTIONS = "DENY", which would blank the admin's preview (above).
    "security.W019",
    # W021 asks for HSTS preload: a commitment for the whole registrable domain and all its
    # subdomains, which belongs to the domain's owner, not to this site (SECURE_HSTS_PRELOAD).
    "security.W021",
]

# Public pages run no inline script or style and are framed only by the site itself (preview).
# Images: the site's own, and data: URIs in Designsystemet's CSS.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
# Under /admin/ only (innovasjon/headers.py): Wagtail's admin runs inline scripts, and its editor
# widgets add <style> elements. The userbar on public pages works under the strict policy.
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
    }
}
# Powerful browser features the site never uses, off for every page and any frame in it.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
    )
}
SESSION_COOKIE_HTTPONLY = True
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# One JSON object per line on stderr (innovasjon/logs.py); LOG_FORMAT=text for people.
LOG_FORMAT = env_str("LOG_FORMAT", "json")
if LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured(f"LOG_FORMAT must be json or text, got {LOG_FORMAT!r}.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "innovasjon.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "filters": {"security_refusals": {"()": "innovasjon.logs.SecurityRefusalFilter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["security_refusals"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # The request lines stay whatever LOG_LEVEL says: they are the access log.
        "innovasjon.request": {"level": "INFO"},
        # One line per background task is noise; failures still show.
        "django_tasks": {"level": "WARNING"},
        "modelsearch": {"level": "WARNING"},
    },
}
# Error reporting, started by production.py when set (innovasjon/monitoring.py).
SENTRY_DSN = env_str("SENTRY_DSN")

# The site's name, spelt here only: templates use {% site_name %}, code reads this setting through
# gettext. Marked for translation, and a plain string, as Wagtail's admin expects.
WAGTAIL_SITE_NAME = gettext_noop("Innovasjon i offentlig sektor")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "norwegian",
    }
}
WAGTAILREDIRECTS_AUTO_CREATE = True
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Larger request bodies are refused with 413 before they are read (innovasjon/limits.py): small
# forms on public pages, and the largest upload plus its form for signed-in editors in /admin/.
PUBLIC_MAX_BODY_BYTES = 64 * 1024
ADMIN_MAX_BODY_BYTES = max(WAGTAILDOCS_MAX_UPLOAD_SIZE, WAGTAILIMAGES_MAX_UPLOAD_SIZE) + 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 50

# One rich-text feature set for the whole site: no h1, no embeds, no raw HTML.
RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]
# Text inside a callout or a details box: the same without headings, which would break the
# page's outline from inside a box.
RICH_TEXT_FEATURES_IN_BOXES = [f for f in RICH_TEXT_FEATURES if f not in {"h2", "h3", "h4"}]
# The API's ?search= would pass raw input to the search backend; /sok/ is the search.
WAGTAILAPI_SEARCH_ENABLED = False
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
# ASCII slugs: Wagtail turns "Søknad" into "soknad", so links survive e-mail clients and slides.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
