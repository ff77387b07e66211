from django.db import models
from django.utils.translation import gettext_lazy as _


class PageLix(models.Model):
    """A page's LIX figures as it was last worked out, so that the report sorts, filters and
    pages on them in the database; worked out again once the page is published anew."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("Side"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="lix_figures",
    )
    words = models.PositiveIntegerField(_("Ord"))
    sentences = models.PositiveIntegerField(_("Setninger"))
    long_words = models.PositiveIntegerField(_("Lange ord"))
    # The publishing time and revision the figures were worked out from.
    version = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("LIX for en side")
        verbose_name_plural = _("LIX for sidene")

    def __str__(self):
        return f"{self.page_id}: {self.words} ord"
