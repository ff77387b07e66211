"""Programs that help agencies innovate (Stimulab, StartOff, ...) and the page listing them."""

from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.formats import date_format as format_date
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from core import caching
from core.pagination import PAGE_PARAM, pagination, parse_page_number
from pages.blocks import BodyBlock
from pages.headings import Heading
from pages.models import LEAD_BOOST, TOP_BOOST, BasePage, PageImageMixin

PROGRAMS_PER_PAGE = 20


@register_snippet
class Audience(models.Model):
    """Who a program is for, as visitors filter the program list by it."""

    name = models.CharField(_("Navn"), max_length=80, unique=True)
    name_en = models.CharField(
        _("Navn på engelsk"),
        max_length=80,
        blank=True,
        help_text=_("Vises i filteret på de engelske sidene. Tomt betyr navnet på norsk."),
    )
    slug = models.SlugField(
        _("Adresse"),
        max_length=80,
        unique=True,
        help_text=_(
            "Små bokstaver a–z, tall og bindestrek. Står i adressen til filteret, for "
            "eksempel /virkemidler/?malgruppe=kommuner."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("name_en"), FieldPanel("slug")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("Målgruppe")
        verbose_name_plural = _("Målgrupper")

    def __str__(self):
        return self.name

    @property
    def label(self):
        """The name in the active language."""
        if translation.get_language() == "en" and self.name_en:
            return self.name_en
        return self.name


class ProgramFilters(forms.Form):
    """The program list's filters: a plain GET form, so they work without JavaScript."""

    status = forms.ChoiceField(label=_("Status"), required=False)
    malgruppe = forms.ChoiceField(label=_("Hvem det er for"), required=False)

    STATUSES = {"apen": _("Åpen for søknader"), "pagar": _("Pågår"), "avsluttet": _("Avsluttet")}

    def __init__(self, data, audiences):
        super().__init__(data)
        self.fields["status"].choices = [("", _("Alle")), *self.STATUSES.items()]
        self.fields["malgruppe"].choices = [
            ("", _("Alle")),
            *((a.slug, a.label) for a in audiences),
        ]
        for name, field in self.fields.items():
            field.error_messages["invalid_choice"] = _(
                "«%(value)s» er ikke et av valgene. Velg fra listen."
            )
            field.widget.attrs["class"] = "ds-input"
            field.widget.attrs["id"] = f"filter-{name}"

    def filter(self, programs):
        today = timezone.localdate()
        open_now = Q(status=ProgramStatus.OPEN, applications_close_on__gte=today)
        closed_call = Q(status=ProgramStatus.OPEN, applications_close_on__lt=today)
        status = self.cleaned_data.get("status")
        if status == "apen":
            programs = programs.filter(open_now)
        elif status == "pagar":
            programs = programs.filter(Q(status=ProgramStatus.RUNNING) | closed_call)
        elif status == "avsluttet":
            programs = programs.filter(status=ProgramStatus.ENDED)
        if audience := self.cleaned_data.get("malgruppe"):
            programs = programs.filter(audiences__slug=audience)
        return programs

    def query(self):
        """The filters as they stand in the address, without empty ones."""
        return {name: value for name, value in self.cleaned_data.items() if value}


class ProgramIndexPage(BasePage):
    lead = models.TextField(_("Ingress"), max_length=800, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("Innhold etter listen"), blank=True)

    page_description = _("Lister virkemidlene under seg, i rekkefølgen i sidetreet.")
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["programs.ProgramPage"]

    content_panels = [*BasePage.content_panels, FieldPanel("lead"), FieldPanel("body")]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("lead", boost=LEAD_BOOST),
        index.SearchField("body"),
    ]

    api_fields = [APIField("lead")]
    reading_fields = ("lead",)

    class Meta:
        verbose_name = _("Oversikt over virkemidler")

    def section_headings(self, context):
        yield Heading(
            "filter-heading", 2, gettext("Filtrer virkemidlene"), fixed_id="filter-heading"
        )
        listing = context.get("listing") or {}
        if context.get("list_error") == "page_number":
            yield Heading("list-alert", 2, gettext("Ugyldig sidenummer"))
        elif listing.get("past_last_page"):
            yield Heading("list-alert", 2, gettext("Listen har ikke så mange sider"))
        elif listing.get("ended"):
            ended = gettext("Avsluttede virkemidler")
            yield Heading("avsluttede-virkemidler", 2, ended, fixed_id="avsluttede-virkemidler")
        yield from super().section_headings(context)

    def programs(self):
        """Live programs: running ones first, then ended ones, each in the editors' order (the
        order in the page tree)."""
        return (
            ProgramPage.objects.child_of(self)
            .live()
            .public()
            .defer_streamfields()
            .annotate(
                ended=models.Case(
                    models.When(status=ProgramStatus.ENDED, then=1),
                    default=0,
                    output_field=models.IntegerField(),
                )
            )
            .order_by("ended", "path")
        )

    def list_for(self, request):
        """What the query string asks of the list, decided before anything is rendered: the
        HTTP status and the list's part of the template context. A filter or page number that
        is not one of the choices is a 400 whose message names it, a page past the last a 404;
        either is a page for this request alone (page_variant None)."""
        filters = ProgramFilters(request.GET, Audience.objects.all())
        number = parse_page_number(request.GET.get(PAGE_PARAM))
        if not filters.is_valid() or number is None:
            error = "page_number" if number is None else "filters"
            return 400, {"filters": filters, "list_error": error, "page_variant": None}
        query = filters.query()
        variant = tuple(sorted({**query, PAGE_PARAM: number}.items()))
        listing = caching.cached(
            "program-list",
            lambda: self._listing(filters, query, number),
            self.pk,
            variant,
            request=request,
        )
        status = 404 if listing.get("past_last_page") else 200
        return status, {"filters": filters, "listing": listing, "page_variant": urlencode(variant)}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # serve() has decided the list already; a preview has not.
        context.update(kwargs.get("list_context") or self.list_for(request)[1])
        return context

    def _listing(self, filters, query, number):
        programs = filters.filter(self.programs()).select_related("image")
        paginator = Paginator(programs, PROGRAMS_PER_PAGE)
        if number > paginator.num_pages:
            return {"past_last_page": True, "count": paginator.count, "first_page": _url(query, 1)}
        page = paginator.page(number)
        items = list(page.object_list)
        return {
            "count": paginator.count,
            "filtered": bool(query),
            "current": [p for p in items if not p.is_ended],
            "ended": [p for p in items if p.is_ended],
            "pagination": pagination(page, lambda n: _url(query, n)),
        }

    def serve(self, request, *args, **kwargs):
        status, list_context = self.list_for(request)
        response = super().serve(request, *args, list_context=list_context, **kwargs)
        response.status_code = status
        return response


def _url(query, number):
    params = {**query, **({PAGE_PARAM: number} if number > 1 else {})}
    return "?" + urlencode(params) if params else "./"


class ProgramStatus(models.TextChoices):
    RUNNING = "running", _("Pågår")
    OPEN = "open", _("Åpen for søknader")
    ENDED = "ended", _("Avsluttet")


# Not a stored status: an open call whose deadline has passed, read as closed.
APPLICATIONS_CLOSED = "closed"
# The active language's: "5. desember 2026", "5 December 2026" (core/formats/).
DATE_FORMAT = "DATE_FORMAT"


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
        _("Beskrivelse"),
        help_text=_(
            "Et kort avsnitt om virkemiddelet. Når det er avsluttet, vises avsnittet som "
            "beskrivelsen fra mens det pågikk."
        ),
    )
    # The facts may stay empty until they are sourced; the page leaves empty ones out.
    target_audience = models.TextField(_("Hvem det er for"), max_length=600, blank=True)
    offer = models.TextField(_("Hva det tilbyr"), max_length=800, blank=True)
    how_to_take_part = models.TextField(_("Slik deltar du"), max_length=800, blank=True)
    responsible_organisation = models.CharField(
        _("Ansvarlig organisasjon"), max_length=120, blank=True
    )
    status = models.CharField(
        _("Status"), max_length=10, choices=ProgramStatus.choices, default=ProgramStatus.RUNNING
    )
    applications_close_on = models.DateField(
        _("Søknadsfrist"), null=True, blank=True, help_text=_("Må fylles ut når søknaden er åpen.")
    )
    # An end is often known only by its year or a decision, never invent a date for it.
    ended_year = models.PositiveSmallIntegerField(
        _("Avslutningsår"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text=_("Året virkemiddelet ble avsluttet. Vises som «Avsluttet i 2024»."),
    )
    end_note = models.CharField(
        _("Merknad om avslutningen"),
        max_length=160,
        blank=True,
        help_text=_(
            "Kort tekst om hva som er kjent, for eksempel hvilket vedtak som avsluttet det. "
            "Uten år vises merknaden i stedet for «Avsluttet i …»."
        ),
    )
    contact_email = models.EmailField(_("Kontakt-e-post"), blank=True)
    more_info_url = models.URLField(_("Lenke til mer informasjon"), blank=True)
    more_info_text = models.CharField(
        _("Lenketekst for mer informasjon"),
        max_length=120,
        blank=True,
        help_text=_("For eksempel «Stimulab på digdir.no». Tom tekst gir «Mer informasjon»."),
    )
    audiences = ParentalManyToManyField(
        Audience,
        verbose_name=_("Målgrupper"),
        blank=True,
        related_name="programs",
        help_text=_("Hvem virkemiddelet er for. Besøkende kan filtrere oversikten på dette."),
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
                FieldPanel("applications_close_on"),
                FieldRowPanel([FieldPanel("ended_year"), FieldPanel("end_note")]),
            ],
            heading=_("Status"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("target_audience"),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
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
        index.SearchField("name", boost=TOP_BOOST),
        index.SearchField("responsible_organisation", boost=TOP_BOOST),
        index.SearchField("summary", boost=LEAD_BOOST),
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
        APIField("ended_year"),
        APIField("end_note"),
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
        if self.status == ProgramStatus.ENDED and not (self.ended_year or self.end_note.strip()):
            errors["ended_year"] = _(
                "Skriv inn året virkemiddelet ble avsluttet, eller en merknad om avslutningen."
            )
        if self.status != ProgramStatus.ENDED:
            if self.ended_year:
                errors["ended_year"] = _("Bare et avsluttet virkemiddel kan ha et avslutningsår.")
            if self.end_note:
                errors["end_note"] = _(
                    "Bare et avsluttet virkemiddel kan ha en merknad om avslutningen."
                )
        if errors:
            raise ValidationError(errors)

    reading_fields = (
        "summary",
        "description",
        "target_audience",
        "offer",
        "how_to_take_part",
        "responsible_organisation",
        "more_info_text",
    )

    @property
    def card_text(self):
        return self.summary

    def reading_texts(self):
        yield from super().reading_texts()
        if self.name != self.title:
            yield self.name
        if self.is_ended:
            yield self.end_note

    def section_headings(self, context):
        if notice := self.status_notice:
            yield Heading("status", 2, notice)
        facts = gettext("Fakta om %(name)s") % {"name": self.name}
        yield Heading("fakta", 2, facts, fixed_id="fakta")
        yield from super().section_headings(context)

    def json_ld(self, url):
        """schema.org's GovernmentService fits a public program with a provider and audience."""
        data = {
            "@type": "GovernmentService",
            "@id": f"{url}#virkemiddel",
            "name": self.name,
            "description": self.summary,
            "url": url,
            "availableChannel": {
                "@type": "ServiceChannel",
                "serviceUrl": self.more_info_url or url,
                "availableLanguage": "nb",
            },
        }
        # Only what the page states: no provider or audience that editors have not confirmed.
        if self.responsible_organisation:
            data["provider"] = {
                "@type": "GovernmentOrganization",
                "name": self.responsible_organisation,
            }
            if self.contact_email:
                data["provider"]["email"] = self.contact_email
        if self.target_audience:
            data["audience"] = {"@type": "Audience", "audienceType": self.target_audience}
        return data

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

    @property
    def is_open_for_applications(self):
        return self.status == ProgramStatus.OPEN and not self.applications_closed

    @property
    def current_status(self):
        """The stored status, with a passed deadline read as closed; colours are chosen by it."""
        return APPLICATIONS_CLOSED if self.applications_closed else self.status

    @property
    def status_label(self):
        """The status in a word or two, as tags and facts show it."""
        if self.applications_closed:
            return gettext("Søknadsfristen er ute")
        return self.get_status_display()

    @property
    def status_summary(self):
        """The status with what is known of it: the deadline, or when the program ended."""
        if self.is_open_for_applications and self.applications_close_on:
            return gettext("Åpen for søknader, frist %(date)s") % {
                "date": format_date(self.applications_close_on, DATE_FORMAT)
            }
        if self.is_ended:
            if self.ended_year:
                return gettext("Avsluttet i %(year)s") % {"year": self.ended_year}
            if self.end_note:
                return self.end_note
        return self.status_label

    @property
    def status_notice(self):
        """The sentence at the top of the page for a status readers must notice; "" otherwise."""
        if self.is_ended:
            if self.ended_year:
                return gettext("Dette virkemiddelet ble avsluttet i %(year)s.") % {
                    "year": self.ended_year
                }
            return gettext("Dette virkemiddelet er avsluttet.")
        if self.applications_closed:
            return gettext("Søknadsfristen gikk ut %(date)s.") % {
                "date": format_date(self.applications_close_on, DATE_FORMAT)
            }
        if self.is_open_for_applications and self.applications_close_on:
            return gettext("Åpen for søknader til %(date)s.") % {
                "date": format_date(self.applications_close_on, DATE_FORMAT)
            }
        return ""
