"""What a calendar must remember between publishings: the deadline each program's event last
had, and how often it moved. A calendar app updates an event only when its SEQUENCE rises
(RFC 5545, 3.8.7.4), and nothing in a published program says how often its deadline moved; the
revisions could, but they may be purged, and a SEQUENCE that falls back is ignored."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DeadlineEvent(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("Virkemiddel"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
    )
    deadline = models.DateField(_("Søknadsfrist"))
    sequence = models.PositiveIntegerField(_("Antall endringer av fristen"), default=0)
    changed_at = models.DateTimeField(_("Sist endret"))

    class Meta:
        verbose_name = _("Søknadsfrist i kalenderen")
        verbose_name_plural = _("Søknadsfrister i kalenderen")

    def __str__(self):
        return f"{self.page_id}: {self.deadline}"
