"""Which live pages are past or near their review date, with owner and last publishing.

The dates live on each page type's own table (BasePage is abstract), so one query reads them
through a subquery per type; the report then filters and sorts on them like on Page's own
fields."""

from django.db.models import BigIntegerField, DateField, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page, get_page_models

from pages.models import BasePage, ContentOwner
from pages.reports import page_type_field
from pages.review import due_soon_limit


def reviewed_types():
    return [model for model in get_page_models() if issubclass(model, BasePage)]


def pages_with_review():
    """Live pages of the reviewed types, annotated with `review_date` and `review_owner_id`."""
    return (
        Page.objects.live()
        .type(*reviewed_types())
        .annotate(
            review_date=page_type_field("next_review", reviewed_types(), DateField()),
            review_owner_id=page_type_field("content_owner", reviewed_types(), BigIntegerField()),
        )
    )


def due(queryset, today=None):
    """Past or within the due-soon window; a page without a date is due."""
    return queryset.filter(
        Q(review_date__lte=due_soon_limit(today)) | Q(review_date__isnull=True)
    ).order_by("review_date", "path")


def overdue(queryset, today=None):
    today = today or timezone.localdate()
    return queryset.filter(Q(review_date__lt=today) | Q(review_date__isnull=True))


def due_soon(queryset, today=None):
    today = today or timezone.localdate()
    return queryset.filter(review_date__gte=today, review_date__lte=due_soon_limit(today))


def status(review_date, today=None):
    """The state of a date as the report says it."""
    today = today or timezone.localdate()
    if review_date is None:
        return _("Mangler dato")
    days = (review_date - today).days
    if days < 0:
        return ngettext(
            "Forfalt for %(days)s dag siden", "Forfalt for %(days)s dager siden", -days
        ) % {"days": -days}
    if days == 0:
        return _("Forfaller i dag")
    return ngettext("Forfaller om %(days)s dag", "Forfaller om %(days)s dager", days) % {
        "days": days
    }


def is_overdue(review_date, today=None):
    return review_date is None or review_date < (today or timezone.localdate())


def owners_by_id(ids):
    return {owner.pk: owner for owner in ContentOwner.objects.filter(pk__in=set(ids) - {None})}
