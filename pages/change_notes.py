"""Public change notes: the editor's note on a change becomes a ChangeNote when it is published."""

from django.utils import timezone

from pages.models import ChangeNote


def record_change_note(sender, instance, revision=None, **kwargs):
    """page_published: the note written with this change, dated when it went live. The field is
    emptied on the live page and in the revision it came from, as pages/review.py does with the
    review date, so the next edit starts without it and a typo fix publishes no note again."""
    note = (getattr(instance, "change_note", "") or "").strip()
    if not note:
        return
    ChangeNote.objects.create(
        page_id=instance.pk,
        revision=revision,
        note=note,
        published_at=instance.last_published_at or timezone.now(),
    )
    instance.change_note = ""
    type(instance).objects.filter(pk=instance.pk).update(change_note="")
    if revision is not None:
        revision.content["change_note"] = ""
        revision.save(update_fields=["content"])


def notes_of(page):
    """The page's published notes, newest first."""
    return ChangeNote.objects.filter(page_id=page.pk)
