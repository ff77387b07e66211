from datetime import timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _

COMMENT_MAX_LENGTH = 1000
# How long an answer and its comment are kept: the privacy page (seed/content.py, PRIVACY) says
# «ett år», and `delete_old_feedback`, run by the scheduler, deletes what is older.
RETENTION = timedelta(days=365)


class Answer(models.Model):
    """One reader's answer to "Var denne siden nyttig?", with what they missed if anything.
    Nothing about the reader is kept with it: no address, no cookie, no user. The comment may
    still name someone: masking catches e-mail addresses and numbers, not names."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Side"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    helpful = models.BooleanField(_("Nyttig"))
    # Masked (feedback/masking.py) before it is saved.
    comment = models.TextField(_("Hva manglet"), max_length=COMMENT_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(_("Tidspunkt"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Tilbakemelding")
        verbose_name_plural = _("Tilbakemeldinger")

    def __str__(self):
        return f"{self.page_id}: {'ja' if self.helpful else 'nei'}"
