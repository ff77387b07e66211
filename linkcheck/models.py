from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    PAGE = "side", _("Side")
    DOCUMENT = "dokument", _("Dokument")
    IMAGE = "bilde", _("Bilde")
    URL = "adresse", _("Adresse")


class BrokenLink(models.Model):
    """A link on a live page that did not work at the last check; gone once it works again or
    leaves the page."""

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("Side"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("Type"), max_length=10, choices=Kind.choices)
    # A page, document or image id, or the address as written.
    target = models.CharField(_("Mål"), max_length=2000)
    text = models.CharField(_("Lenketekst"), max_length=255, blank=True)
    place = models.CharField(_("Felt"), max_length=255, blank=True)
    reason = models.CharField(_("Feil"), max_length=255)
    first_seen = models.DateTimeField(_("Brutt siden"))
    last_checked = models.DateTimeField(_("Sist sjekket"))

    class Meta:
        ordering = ["page__path", "first_seen"]
        verbose_name = _("Brutt lenke")
        verbose_name_plural = _("Brutte lenker")
        constraints = [
            models.UniqueConstraint(fields=["page", "kind", "target"], name="one_row_per_link")
        ]

    def __str__(self):
        return f"{self.page_id}: {self.target}"


class CheckRun(models.Model):
    """One finished run of `check_links`, so the report can say how fresh it is."""

    finished_at = models.DateTimeField(_("Ferdig"), auto_now_add=True, db_index=True)
    pages = models.PositiveIntegerField(_("Sider"))
    links = models.PositiveIntegerField(_("Lenker"))
    broken = models.PositiveIntegerField(_("Brutte"))
    external = models.BooleanField(_("Med eksterne adresser"))

    class Meta:
        ordering = ["-finished_at"]
        get_latest_by = "finished_at"

    def __str__(self):
        return str(self.finished_at)
