"""A program's deadline in the calendars: its SEQUENCE rises each time a published deadline
moves (feeds/models.py says why it is stored)."""

from django.db.models.signals import pre_save
from django.utils import timezone
from wagtail.signals import page_published

from feeds.models import DeadlineEvent
from programs.models import ProgramPage

_UNKNOWN = object()


def _remember_deadline(sender, instance, raw=False, update_fields=None, **kwargs):
    """Before a program's row changes (publishing writes it; a draft does not), the deadline it
    had, for a program whose event is not stored yet."""
    if raw or instance.pk is None or update_fields is not None:
        return
    before = ProgramPage.objects.filter(pk=instance.pk, live=True)
    instance._deadline_before = before.values_list("applications_close_on", flat=True).first()


def track_deadline(sender, instance, **kwargs):
    """page_published: the event's stored deadline follows the program's, counting each move."""
    if not isinstance(instance, ProgramPage):
        return
    before = vars(instance).pop("_deadline_before", _UNKNOWN)
    deadline = instance.applications_close_on
    if deadline is None:
        return  # no event to show; the count goes on if the call opens again
    event = DeadlineEvent.objects.filter(page_id=instance.pk).first()
    now = timezone.now()
    if event is None:
        moved = before not in (_UNKNOWN, None) and before != deadline
        DeadlineEvent.objects.create(
            page_id=instance.pk, deadline=deadline, sequence=int(moved), changed_at=now
        )
    elif event.deadline != deadline:
        event.deadline = deadline
        event.sequence += 1
        event.changed_at = now
        event.save()


def connect():
    pre_save.connect(_remember_deadline, sender=ProgramPage, dispatch_uid="feeds-deadline-before")
    page_published.connect(track_deadline, dispatch_uid="feeds-deadline-published")
