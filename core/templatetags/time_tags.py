"""Dates in the form HTML's `<time datetime>` accepts."""

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def html_datetime(value):
    """`2026-11-30T07:53:51+01:00`, in the current time zone. HTML allows at most three digits
    of fractional seconds, so `|date:'c'` (microseconds) is invalid: drop them."""
    if not value:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(microsecond=0).isoformat()
