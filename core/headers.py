"""The Content-Security-Policy and Permissions-Policy of every response.

Whitenoise answers static files before the middleware after it runs, and the health check and
error pages can be made by middleware too; this and Django's SecurityMiddleware (HSTS on HTTPS,
nosniff, Referrer-Policy, COOP) and XFrameOptionsMiddleware come before all of them in
MIDDLEWARE, so that each header is set once, by one middleware, on every response.
"""

from urllib.parse import urlsplit

from csp.constants import HEADER
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.files.storage import default_storage

ADMIN_PREFIX = "/admin/"


def permissions_policy_header(policy):
    """`camera=(), ...` from {"camera": [], ...}; an allowlist item is "self" or an origin."""

    def item(origin):
        return origin if origin == "self" else f'"{origin}"'

    return ", ".join(
        f"{feature}=({' '.join(map(item, origins))})" for feature, origins in policy.items()
    )


def storage_origin():
    """Where uploaded images are served from, if not from this site: object storage or its CDN
    (AWS_S3_CUSTOM_DOMAIN). Asked of the storage itself, so it is never out of step."""
    parts = urlsplit(default_storage.url("images/x.png"))
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else None


def wants_admin_policy(request):
    """Wagtail's admin, its preview included. Public pages get the strict policy for everyone:
    the userbar that logged-in editors see there runs under it (tested in Chromium)."""
    return request.path_info.startswith(ADMIN_PREFIX)


class SecurityHeadersMiddleware(CSPMiddleware):
    def __init__(self, get_response):
        super().__init__(get_response)
        self.permissions_policy = permissions_policy_header(settings.PERMISSIONS_POLICY)
        origin = storage_origin()
        self.image_sources = [origin] if origin else []

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and wants_admin_policy(request):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        if self.image_sources:
            update = dict(parts.update or {})
            update["img-src"] = [*update.get("img-src", ()), *self.image_sources]
            parts.update = update
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if HEADER in response:
            # django-csp joins the directives in set order, which differs between processes;
            # one fixed order keeps the header byte-identical whichever worker answers.
            response[HEADER] = "; ".join(sorted(response[HEADER].split("; ")))
        response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        return response
