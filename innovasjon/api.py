"""Read-only JSON API (Wagtail API v2) for intranets that show program facts."""

from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.response import Response
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

# Far beyond the site's size; larger offsets overflow the database's integers.
MAX_OFFSET = 10_000


class BoundedPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        offset = request.GET.get("offset", "0")
        if offset.isdigit() and int(offset) > MAX_OFFSET:
            raise BadRequestError(f"offset must be at most {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


class PublicPagesAPIViewSet(PagesAPIViewSet):
    """Live, public pages only (Wagtail's default); read-only (GET only)."""

    http_method_names = ["get", "head", "options"]
    pagination_class = BoundedPagination

    def handle_exception(self, exc):
        if isinstance(exc, Http404):
            return Response(
                {"message": _("Fant ikke siden."), "detail": str(exc)},
                status=status.HTTP_404_NOT_FOUND,
            )
        # Wagtail's filters turn some bad parameters into BadRequestError; a malformed date or
        # number for a field filter surfaces from the database instead. Both are the caller's.
        if isinstance(exc, BadRequestError | ValidationError | ValueError | DatabaseError):
            return Response(
                {"message": _("Ugyldig forespørsel. Sjekk parameterne."), "detail": str(exc)},
                status=status.HTTP_400_BAD_REQUEST,
            )
        return super().handle_exception(exc)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
