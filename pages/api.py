"""Read-only JSON API (Wagtail API v2) for intranets that show program facts."""

import logging
import re

from django.core.exceptions import ValidationError
from django.db import DatabaseError, DataError
from django.http import Http404
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Locale

from core.unavailable import RETRY_AFTER_SECONDS, is_database_unavailable

logger = logging.getLogger(__name__)

# Far beyond the site's size; larger offsets overflow the database's integers.
MAX_OFFSET = 10_000


class OffsetError(BadRequestError):
    """An offset that is not plain digits from 0 to MAX_OFFSET."""


class BoundedPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        offset = request.GET.get("offset", "0")
        # Plain ASCII digits only: Wagtail's int() also reads "+5", "1_000", " 5" and other
        # scripts' digits, which would pass the cap on their way to the database.
        if not re.fullmatch("[0-9]+", offset) or int(offset) > MAX_OFFSET:
            raise OffsetError()
        return super().paginate_queryset(queryset, request, view)


class PublicPagesAPIViewSet(PagesAPIViewSet):
    """Live, public pages only (Wagtail's default); read-only (GET only)."""

    http_method_names = ["get", "head", "options"]
    # JSON only: Wagtail adds DRF's browsable HTML view, which also sets a CSRF cookie on an
    # anonymous GET. `?format=api` is now an unknown format, a 404.
    renderer_classes = [JSONRenderer]
    pagination_class = BoundedPagination

    def get_queryset(self):
        # Without ?locale= the API lists the Bokmål pages, as it did before English came, so
        # an intranet reading it gets no translations it did not ask for.
        queryset = super().get_queryset()
        if "locale" not in self.request.GET and "translation_of" not in self.request.GET:
            queryset = queryset.filter(locale=Locale.get_default())
        return queryset

    def handle_exception(self, exc):
        # Fixed messages only: exception text can hold database addresses, SQL or the raw
        # parameter, and Wagtail's own messages echo the parameter too.
        if isinstance(exc, Http404):
            return Response({"message": _("Fant ikke siden.")}, status=status.HTTP_404_NOT_FOUND)
        if isinstance(exc, OffsetError):
            return Response(
                {
                    "message": _("Parameteren offset må være et helt tall fra 0 til %(max)s.")
                    % {"max": MAX_OFFSET}
                },
                status=status.HTTP_400_BAD_REQUEST,
            )
        # Wagtail's filters turn some bad parameters into BadRequestError; a malformed date or
        # number for a field filter raises ValidationError or ValueError, or, from the
        # database, DataError. All are the caller's.
        if isinstance(exc, BadRequestError | ValidationError | ValueError | DataError):
            return Response(
                {"message": _("Ugyldig forespørsel. Sjekk parameterne.")},
                status=status.HTTP_400_BAD_REQUEST,
            )
        if isinstance(exc, DatabaseError):
            # An outage needs no traceback per request; any other database error is a bug.
            if is_database_unavailable(exc):
                logger.warning("API answered 503: database unavailable (%s)", type(exc).__name__)
            else:
                logger.error("API answered 503: database error", exc_info=exc)
            response = Response(
                {"message": _("API-et er midlertidig utilgjengelig. Prøv igjen senere.")},
                status=status.HTTP_503_SERVICE_UNAVAILABLE,
                headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
            )
            add_never_cache_headers(response)
            return response
        return super().handle_exception(exc)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
