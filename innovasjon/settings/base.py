"""Settings shared by every environment. Secure by default: dev.py loosens, never the reverse."""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse_lazy

from .env import env_bool, env_float, env_int, env_list, env_str
from .mail import NO_MAIL_BACKEND, email_settings

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def gettext_noop(message):
    """Marks a string for makemessages, as Django's does. Django's reads settings.USE_I18N, and
    settings read while this module still loads are made from the half-loaded module: after a
    refusal below or in production.py, manage.py would run its checks on those instead."""
    return message


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # Cross-cutting runtime code every app may use; its system checks (core/checks.py).
    "core",
    "csp",
    "pages",
    "pagecache",
    "programs",
    "search",
    "seed",
    "languagereport",
    "readability",
    "review",
    "feedback",
    "linkcheck",
    "feeds",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
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
    # Wagtail's admin says "2 minutes ago" with humanize; installed, its Bokmål is read.
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "axes",
]

MIDDLEWARE = [
    # First of all: one log line for every request, whoever answers it.
    "core.logs.RequestLogMiddleware",
    # HEAD answers with GET's headers and no body, whoever below makes the response.
    "core.middleware.HeadWithoutBodyMiddleware",
    # Outside whitenoise and the health check, so that every response gets the same security
    # headers: pages, the static files whitenoise answers early, health checks and error pages.
    "core.headers.SecurityHeadersMiddleware",
    # Its HTTPS redirect leaves the health checks alone (SECURE_REDIRECT_EXEMPT).
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.middleware.HealthCheckMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous readers' pages from the shared cache: before the session, so a hit needs none.
    "pagecache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.request_context.PathLanguageMiddleware",
    # What the page cache did not answer waits for a render slot, or gets a 503 at once (in the
    # reader's language, hence after the line above).
    "core.limits.RenderSlotsMiddleware",
    "django.middleware.common.CommonMiddleware",
    # The Site from the shared cache; after CommonMiddleware, which has refused unknown hosts.
    "core.request_context.CachedSiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.admin_security.SessionLifetimeMiddleware",
    # Before anything reads a body; after authentication, as editors may upload.
    "core.limits.RequestBodyLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Turns django-axes' lockout of a login into the 429 page (core/admin_security.py).
    "axes.middleware.AxesMiddleware",
    # Innermost: the first to see a view's exception, turning a database fault into a 503.
    "core.unavailable.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "innovasjon.urls"
CSRF_FAILURE_VIEW = "core.views.csrf_failure"
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
# SQLite (`make run`): an autosave and a preview at the same moment must both succeed. WAL lets
# readers and the one writer work side by side; an IMMEDIATE transaction takes the write lock
# when it begins, where a second writer waits up to `timeout` seconds for it, instead of failing
# at once with "database is locked" when it cannot upgrade a read lock in the middle.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        transaction_mode="IMMEDIATE",
        timeout=20,
    )
# PostgreSQL: a database that is down or frozen must never hold every gunicorn thread.
# connect_timeout bounds a new connection, statement_timeout a slow query (the server cancels
# it), and the client-side wait (core/postgresql/base.py) a server that no longer answers
# at all; it is a second longer than the statement timeout, so the server normally cancels first.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    _statement_timeout_ms = env_int("DATABASE_STATEMENT_TIMEOUT_MS", 5000)
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options["connect_timeout"] = env_int("DATABASE_CONNECT_TIMEOUT", 3)
    _options["options"] = f"-c statement_timeout={_statement_timeout_ms}"
    if _statement_timeout_ms:
        _options["client_wait_timeout"] = _statement_timeout_ms / 1000 + 1
    DATABASES["default"]["ENGINE"] = "core.postgresql"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Signing in to the admin (docs/security.md). django-axes checks every login first: after
# AXES_FAILURE_LIMIT failures for one user name (from anywhere) or from one client (whatever the
# user names) further logins are refused with a 429 for AXES_COOLOFF_MINUTES, counted from the
# last failure before the lock; tries during the lock do not extend it.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "core.admin_security.lockout_response"
AXES_CLIENT_IP_CALLABLE = "core.http.client_ip"
# No record of successful logins; failed attempts are kept only as long as they count.
AXES_DISABLE_ACCESS_LOG = True
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "csrfmiddlewaretoken"]
# Proxies whose X-Forwarded-For hop is believed: nginx on this machine, and a load balancer in
# front of it if there is one. A missing load balancer here makes all clients one client.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", ["127.0.0.1", "::1"])
# Password reset sends mail to whatever address is typed in: a few requests per client and per
# address an hour (core/admin_security.py).
PASSWORD_RESET_LIMIT = env_int("PASSWORD_RESET_LIMIT", 5)
PASSWORD_RESET_WINDOW = 60 * 60
# A working day: the admin asks for the password again this long after signing in.
SESSION_COOKIE_AGE = env_int("SESSION_HOURS", 8) * 60 * 60
# Where the site's own login (/_util/login/, for pages only signed-in users may read) and a
# page's password form go without a safe page to return to: the home page in the reader's
# language, which every reader may see. Django's /accounts/profile/ does not exist here, and the
# admin would turn away a reader who is no editor. Lazy: resolved in the request's language.
LOGIN_REDIRECT_URL = reverse_lazy("wagtail_serve", args=[""])

# Bokmål is the default language and carries no URL prefix; English lives under /en/, so no
# Bokmål link changed when it came. Nynorsk is a page's written standard, not a locale: the
# language act counts pages written in it, and parallel copies do not count.
LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", "Norsk bokmål"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
# The admin's name for a page's locale: the Norwegian locale holds pages in Bokmål and in Nynorsk
# (BasePage.written_standard), so it is just "Norsk" there.
WAGTAIL_CONTENT_LANGUAGES = [("nb", "Norsk"), ("en", "English")]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nb", "Norsk bokmål"), ("en", "English")]
WAGTAILADMIN_USER_LOGIN_FORM = "core.admin_forms.LoginForm"
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["core.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
NODE_MODULES = BASE_DIR / "node_modules"
# The design system and font come from npm (package-lock.json), served straight from
# node_modules so that an upgrade is a version bump, never a copy by hand. Inter is served as
# the subsets bin/build_fonts.py cuts from it (`make install`, the Docker build): a third of the
# bytes of the package's own.
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("designsystemet", NODE_MODULES / "@digdir/designsystemet-css/dist"),
    ("fonts/inter", BASE_DIR / "build/fonts/inter"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "media")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploads in S3-compatible object storage (django-storages) when a bucket is named, so that no
# instance keeps them on its own disk. boto3 reads AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY
# (or the machine's role) itself. Images are public objects with plain, cacheable URLs on
# AWS_S3_CUSTOM_DOMAIN (a CDN) or the endpoint; documents stay private (WAGTAILDOCS_SERVE_METHOD).
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL") or None,
            "region_name": env_str("AWS_S3_REGION_NAME") or None,
            "custom_domain": env_str("AWS_S3_CUSTOM_DOMAIN") or None,
            # Who may read what is the bucket policy's business, never a per-object ACL.
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }

# Shared by every process and instance, so that what one invalidates (Wagtail's site root
# paths, renditions) no other keeps serving stale: Redis when there is one, else the database
# (table made by `createcachetable`). Never per-process memory. Redis is an accelerator: when it
# is down or frozen, each call fails within CACHE_SOCKET_TIMEOUT and is then skipped for
# CACHE_FAILURE_SKIP_SECONDS (core/cache.py).
REDIS_URL = env_str("REDIS_URL")
CACHE_KEY_PREFIX = env_str("CACHE_KEY_PREFIX", "innovasjon")
CACHE_SOCKET_TIMEOUT = env_float("CACHE_SOCKET_TIMEOUT", 0.25)
CACHE_FAILURE_SKIP_SECONDS = env_int("CACHE_FAILURE_SKIP_SECONDS", 5)
_DATABASE_CACHE = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": "innovasjon_cache",
    "KEY_PREFIX": CACHE_KEY_PREFIX,
    # Room for every page and its parts; Django culls a third at random past this.
    "OPTIONS": {"MAX_ENTRIES": 50000},
}
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.cache.FailOpenRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
        }
    }
else:
    CACHES = {"default": _DATABASE_CACHE}
# Security counters (the feedback and password-reset throttles) in a table of their own, where
# no page can evict them: Compose runs Redis with allkeys-lru. Expired rows go as new ones come.
# django-axes keeps its login locks in the database too.
CACHES["counters"] = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": "innovasjon_counters",
    "KEY_PREFIX": CACHE_KEY_PREFIX,
    "OPTIONS": {"MAX_ENTRIES": 10_000_000},
}

# The page cache (pagecache/): whole pages for anonymous readers, purged exactly on publishing.
# 0 switches it off. Its seconds are also the s-maxage a CDN may keep a page for; Wagtail's
# frontend cache purges the CDN on the same changes. Browsers, which nobody can purge, keep a
# page for a minute.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
PAGE_BROWSER_MAX_AGE = env_int("PAGE_BROWSER_MAX_AGE", 60)
PAGE_STALE_WHILE_REVALIDATE = 60
PAGE_STALE_IF_ERROR = 86400
# Entries each process keeps in memory too (about 15–50 KB each), each served only after the
# shared cache confirms it is current; 0 keeps none.
PAGE_CACHE_LOCAL_ENTRIES = env_int("PAGE_CACHE_LOCAL_ENTRIES", 256)
# Search (/sok/, /en/search/) is never cached: every query is another page, and echoes
# what was typed.
PAGE_CACHE_EXCLUDED_PREFIXES = [
    "/admin/",
    "/sok/",
    "/en/search/",
    "/api/",
    "/dokumenter/",
    "/media/",
    "/s/",
]
# The only query parameters that make another cached page (the program list's page and
# filters); a request with any other is answered, just not stored.
PAGE_CACHE_QUERY_PARAMETERS = ["side", "status", "malgruppe"]
# Not pages, yet stored like them: what is made from the content of the whole site (the feeds,
# the calendars and the change histories, feeds/urls.py), purged whole by every published change.
PAGE_CACHE_CONTENT_WIDE_PREFIXES = ["/abonner/", "/en/subscribe/", "/endringer/", "/en/changes/"]
# Renders at once per process (core/limits.py), fewer than gunicorn's threads
# (GUNICORN_THREADS, 12): the threads left over answer cached pages and health checks while
# renders wait on a slow database. A request waits this long for a slot before its 503.
RENDER_SLOTS = env_int("RENDER_SLOTS", 4)
RENDER_SLOT_WAIT = env_float("RENDER_SLOT_WAIT", 0.5)
# Cached parts of pages (core/caching.py), keyed by the content's generation, so they never
# go stale; the seconds only bound how long an unused part takes room.
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", 3600)

# Security: on unless a setting below is switched off by the environment.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# The health checks (core/health.py), which the Docker HEALTHCHECK and load balancers call
# over plain HTTP on 127.0.0.1: answered, not redirected.
SECURE_REDIRECT_EXEMPT = [r"^helse/(klar/)?$"]
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
# Under /admin/ only (core/headers.py): Wagtail's admin runs inline scripts, and its editor
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

# One JSON object per line on stderr (core/logs.py); LOG_FORMAT=text for people.
LOG_FORMAT = env_str("LOG_FORMAT", "json")
if LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured(f"LOG_FORMAT must be json or text, got {LOG_FORMAT!r}.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "core.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "filters": {"security_refusals": {"()": "core.logs.SecurityRefusalFilter"}},
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
# Error reporting, started by production.py when set (core/monitoring.py).
SENTRY_DSN = env_str("SENTRY_DSN")

# The site's name, spelt here only: templates use {% site_name %}, code reads this setting through
# gettext. Marked for translation, and a plain string, as Wagtail's admin expects.
WAGTAIL_SITE_NAME = gettext_noop("Innovasjon i offentlig sektor")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")

# Outgoing e-mail: password reset and workflow notifications (innovasjon/settings/mail.py).
_email = email_settings()
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email["EMAIL_HOST"]
EMAIL_PORT = _email["EMAIL_PORT"]
EMAIL_HOST_USER = _email["EMAIL_HOST_USER"]
EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"]
EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
# A mail server that does not answer must not hold a gunicorn thread for long.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str(
    "DEFAULT_FROM_EMAIL",
    f"noreply@{urlsplit(WAGTAILADMIN_BASE_URL).hostname or 'localhost'}",
)
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
# Without a mail server, the login page offers no password reset that would never arrive.
WAGTAIL_PASSWORD_RESET_ENABLED = EMAIL_BACKEND != NO_MAIL_BACKEND
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.backends",
        "SEARCH_CONFIG": "norwegian",
    }
}
WAGTAILREDIRECTS_AUTO_CREATE = True
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Documents are always streamed by /dokumenter/ after the collection's privacy check, also from
# S3, where Wagtail's default would redirect to the object's own URL.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Larger request bodies are refused with 413 before they are read (core/limits.py): small
# forms on public pages, and the largest upload plus its form for signed-in editors in /admin/.
PUBLIC_MAX_BODY_BYTES = 64 * 1024
ADMIN_MAX_BODY_BYTES = max(WAGTAILDOCS_MAX_UPLOAD_SIZE, WAGTAILIMAGES_MAX_UPLOAD_SIZE) + 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Its banner leads to Wagtail's English guide; the admin links to ours (pages/guide.py).
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# Avatars from gravatar.com would send a hash of each editor's e-mail to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
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

# A CDN or caching proxy in front of the instances: Wagtail purges a page's URLs from it when
# the page is published, unpublished or moved. FRONTEND_CACHE_BACKEND picks the kind.
FRONTEND_CACHE_BACKEND = env_str("FRONTEND_CACHE_BACKEND")
_FRONTEND_CACHE_NEEDS = {
    "http": ("FRONTEND_CACHE_PURGE_URL",),
    "cloudflare": ("CLOUDFLARE_API_TOKEN", "CLOUDFLARE_ZONE_ID"),
    "cloudfront": ("CLOUDFRONT_DISTRIBUTION_ID",),
}
if FRONTEND_CACHE_BACKEND:
    if FRONTEND_CACHE_BACKEND not in _FRONTEND_CACHE_NEEDS:
        raise ImproperlyConfigured(
            "FRONTEND_CACHE_BACKEND must be http, cloudflare or cloudfront, "
            f"got {FRONTEND_CACHE_BACKEND!r}."
        )
    _missing = [name for name in _FRONTEND_CACHE_NEEDS[FRONTEND_CACHE_BACKEND] if not env_str(name)]
    if _missing:
        raise ImproperlyConfigured(
            f"FRONTEND_CACHE_BACKEND={FRONTEND_CACHE_BACKEND} also needs {', '.join(_missing)}."
        )
    _backends = "wagtail.contrib.frontend_cache.backends."
    WAGTAILFRONTENDCACHE = {
        "default": {
            "http": {
                # A caching proxy (Varnish, nginx) that accepts PURGE requests.
                "BACKEND": _backends + "HTTPBackend",
                "LOCATION": env_str("FRONTEND_CACHE_PURGE_URL"),
            },
            "cloudflare": {
                "BACKEND": _backends + "CloudflareBackend",
                "BEARER_TOKEN": env_str("CLOUDFLARE_API_TOKEN"),
                "ZONEID": env_str("CLOUDFLARE_ZONE_ID"),
            },
            "cloudfront": {
                # boto3 finds the AWS credentials itself, as for media.
                "BACKEND": _backends + "CloudfrontBackend",
                "DISTRIBUTION_ID": env_str("CLOUDFRONT_DISTRIBUTION_ID"),
            },
        }[FRONTEND_CACHE_BACKEND]
    }
