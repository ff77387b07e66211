"""Programs that help agencies innovate (Stimulab, StartOff, ...) and the page listing them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from pages.blocks import BodyBlock
from pages.models import BasePage, PageImageMixin


class ProgramIndexPage(BasePage):
    lead = models.TextField(_("Ingress"), max_length=800, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("Innhold etter listen"), blank=True)

    page_description = _("Lister virkemidlene under seg, i rekkefølgen i sidetreet.")
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["programs.ProgramPage"]

    content_panels = [*BasePage.content_panels, FieldPanel("lead"), FieldPanel("body")]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
    ]

    api_fields = [APIField("lead")]

    class Meta:
        verbose_name = _("Oversikt over virkemidler")

    def programs(self):
        """Live programs in the editors' order (the order in the page tree)."""
        return (
            ProgramPage.objects.child_of(self).live().public().defer_streamfields().order_by("path")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programs"] = self.programs().select_related("image")
        return context


class ProgramStatus(models.TextChoices):
    RUNNING = "running", _("Pågår")
    OPEN = "open", _("Åpen for søknader")
    ENDED = "ended", _("Avsluttet")


class ProgramPage(PageImageMixin, BasePage):
    name = models.CharField(
        _("Navn på virkemiddelet"),
        max_length=80,
        help_text=_("Det korte navnet folk kjenner, for eksempel «Stimulab»."),
    )
    summary = models.CharField(
        _("Kort oppsummering"),
        max_length=250,
        help_text=_("Én setning. Vises på kort, i søkeresultater og når lenken deles."),
    )
    description = models.TextField(
        _("Beskrivelse"), help_text=_("Et kort avsnitt om virkemiddelet.")
    )
    target_audience = models.TextField(_("Hvem det er for"), max_length=600)
    offer = models.TextField(_("Hva det tilbyr"), max_length=800)
    how_to_take_part = models.TextField(_("Slik deltar du"), max_length=800)
    responsible_organisation = models.CharField(
        _("Ansvarlig organisasjon"), max_length=120, default="Digitaliseringsdirektoratet"
    )
    status = models.CharField(
        _("Status"), max_length=10, choices=ProgramStatus.choices, default=ProgramStatus.RUNNING
    )
    applications_close_on = models.DateField(
        _("Søknadsfrist"), null=True, blank=True, help_text=_("Må fylles ut når søknaden er åpen.")
    )
    ended_on = models.DateField(_("Avsluttet dato"), null=True, blank=True)
    contact_email = models.EmailField(_("Kontakt-e-post"))
    more_info_url = models.URLField(_("Lenke til mer informasjon"), blank=True)
    more_info_text = models.CharField(
        _("Lenketekst for mer informasjon"),
        max_length=120,
        blank=True,
        help_text=_("For eksempel «Stimulab på digdir.no». Tom tekst gir «Mer informasjon»."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("Innhold"), blank=True)

    page_description = _("Et virkemiddel eller program, med faste fakta og fritt innhold.")
    parent_page_types = ["programs.ProgramIndexPage"]
    subpage_types = []

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("name"), FieldPanel("responsible_organisation")]),
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("applications_close_on"), FieldPanel("ended_on")]),
            ],
            heading=_("Status"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("target_audience"),
                FieldPanel("offer"),
                FieldPanel("how_to_take_part"),
            ],
            heading=_("Fakta"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldRowPanel([FieldPanel("more_info_url"), FieldPanel("more_info_text")]),
            ],
            heading=_("Kontakt og lenker"),
        ),
        *PageImageMixin.image_panels,
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("name", boost=3),
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.SearchField("target_audience"),
        index.SearchField("offer"),
        index.SearchField("how_to_take_part"),
        index.SearchField("body"),
        index.FilterField("status"),
    ]
    api_fields = [
        APIField("name"),
        APIField("summary"),
        APIField("description"),
        APIField("target_audience"),
        APIField("offer"),
        APIField("how_to_take_part"),
        APIField("responsible_organisation"),
        APIField("status"),
        APIField("applications_close_on"),
        APIField("ended_on"),
        APIField("contact_email"),
        APIField("more_info_url"),
    ]

    class Meta:
        verbose_name = _("Virkemiddel")
        verbose_name_plural = _("Virkemidler")

    def clean(self):
        super().clean()
        errors = {}
        if self.status == ProgramStatus.OPEN and not self.applications_close_on:
            errors["applications_close_on"] = _("Skriv inn søknadsfristen når søknaden er åpen.")
        if self.status == ProgramStatus.ENDED and not self.ended_on:
            errors["ended_on"] = _("Skriv inn datoen virkemiddelet ble avsluttet.")
        if self.status != ProgramStatus.ENDED and self.ended_on:
            errors["ended_on"] = _("Bare et avsluttet virkemiddel kan ha en avsluttet dato.")
        if errors:
            raise ValidationError(errors)

    @property
    def card_text(self):
        return self.summary

    def json_ld(self, url):
        """schema.org's GovernmentService fits a public program with a provider and audience."""
        data = {
            "@type": "GovernmentService",
            "@id": f"{url}#virkemiddel",
            "name": self.name,
            "description": self.summary,
            "url": url,
            "provider": {"@type": "GovernmentOrganization", "name": self.responsible_organisation},
            "audience": {"@type": "Audience", "audienceType": self.target_audience},
            "availableChannel": {
                "@type": "ServiceChannel",
                "serviceUrl": self.more_info_url or url,
                "availableLanguage": "nb",
            },
        }
        if self.contact_email:
            data["provider"]["email"] = self.contact_email
        return data

    @property
    def status_label(self):
        """What cards and facts say: an open call past its deadline reads as closed."""
        if self.applications_closed:
            return _("Søknadsfristen er ute")
        return self.get_status_display()

    @property
    def status_color(self):
        """Designsystemet colour for the status tag on cards."""
        if self.is_ended or self.applications_closed:
            return "neutral"
        return "success" if self.status == ProgramStatus.OPEN else "info"

    @property
    def is_ended(self):
        return self.status == ProgramStatus.ENDED

    @property
    def applications_closed(self):
        """An open call whose deadline has passed reads as closed, even before editors notice."""
        return (
            self.status == ProgramStatus.OPEN
            and self.applications_close_on is not None
            and self.applications_close_on < timezone.localdate()
        )
