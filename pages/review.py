"""When a page is due to be read through again, and what publishing does to that date."""

import calendar
import datetime

from django.utils import timezone

REVIEW_MONTHS = 12
# A page this close to its date is listed as due soon; publishing it counts as its review.
DUE_SOON_DAYS = 30


def months_after(day, months):
    """The same day `months` later; the month's last day where it has fewer days."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    last_day = calendar.monthrange(year, month)[1]
    return datetime.date(year, month, min(day.day, last_day))


def due_soon_limit(today=None):
    return (today or timezone.localdate()) + datetime.timedelta(days=DUE_SOON_DAYS)


def next_review_on_publish(current, published_on):
    """The date a page gets when it is published: the editor's own where it lies beyond the
    due-soon window, otherwise (empty, past or soon) 12 months on, as the page has been looked
    through to be published."""
    if current is not None and current > published_on + datetime.timedelta(days=DUE_SOON_DAYS):
        return current
    return months_after(published_on, REVIEW_MONTHS)


def set_review_date(sender, instance, revision, **kwargs):
    """page_published: the live page and the revision it came from get the new date, so the
    editor sees it in the form too."""
    if not hasattr(instance, "next_review"):
        return
    published_at = instance.last_published_at or timezone.now()
    date = next_review_on_publish(instance.next_review, timezone.localdate(published_at))
    if date == instance.next_review:
        return
    instance.next_review = date
    type(instance).objects.filter(pk=instance.pk).update(next_review=date)
    if revision is not None:
        revision.content["next_review"] = date.isoformat()
        revision.save(update_fields=["content"])
