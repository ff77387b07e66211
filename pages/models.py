"""The base content types: home, definition, principles and generic content pages."""

import re

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Locale, Orderable, Page, PageViewRestriction
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from core import caching
from pages.blocks import ALT_TEXT_REQUIRED, BodyBlock, LinkBlock, body_headings, body_prose
from pages.headings import Heading

# Addresses travel through e-mail, slides and case files: plain ASCII survives all of them.
ASCII_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class WrittenStandard(models.TextChoices):
    BOKMAL = "nb", _("Bokmål")
    NYNORSK = "nn", _("Nynorsk")


@register_snippet
class ContentOwner(models.Model):
    """The team that answers for a page's content and is asked when it is due for review."""

    name = models.CharField(_("Team eller enhet"), max_length=120, unique=True)
    email = models.EmailField(
        _("E-post"), help_text=_("En felles adresse for teamet, ikke en persons e-post.")
    )

    panels = [FieldPanel("name"), FieldPanel("email")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("Innholdseier")
        verbose_name_plural = _("Innholdseiere")

    def __str__(self):
        return self.name


def _is_norwegian(page):
    return page.locale_id == _default_locale_id()


class PageForm(WagtailAdminPageForm):
    """The page editor's form: a page is published with an owner to ask about it; the written
    standard is a Norwegian page's only (an English page's panel then hides, having no field)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "content_owner" in self.fields:
            self.fields["content_owner"].required = True
        if not _is_norwegian(self.instance):
            self.fields.pop("written_standard", None)


class LanguagePanel(HelpPanel):
    """A help panel for one side of the translation: the Norwegian pages (the sources, measured
    by the Scandinavian LIX) or their translations."""

    def __init__(self, *args, norwegian, **kwargs):
        super().__init__(*args, **kwargs)
        self.norwegian = norwegian

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "norwegian": self.norwegian}

    class BoundPanel(HelpPanel.BoundPanel):
        def is_shown(self):
            return super().is_shown() and _is_norwegian(self.instance) == self.panel.norwegian


# Search boosts: PostgreSQL puts each boost in one of four weight classes, A to D, counted over all
# indexed models; 10 is the class of Wagtail's image and document titles, the top one (A).
TOP_BOOST = 10
LEAD_BOOST = 3


class BasePage(Page):
    """What every public page has: a short menu title, a text for cards and link previews, an
    editors-only note of facts still to confirm, and an owner who reviews it by a date."""

    menu_title = models.CharField(
        _("Kort tittel"),
        max_length=40,
        blank=True,
        help_text=_("Brukes i menyen og brødsmulestien. Tom betyr sidetittelen."),
    )
    # Unsourced facts are kept here, for editors only: never rendered, indexed or in the API.
    facts_to_confirm = models.TextField(
        _("Må bekreftes før publisering"),
        blank=True,
        help_text=_(
            "Bare redaktører ser dette feltet. Skriv opp fakta som mangler kilde eller må "
            "sjekkes, og hvor de hører hjemme på siden. Det vises aldri for besøkende, i søket "
            "eller i API-et. Tøm feltet når alt er bekreftet."
        ),
    )

    # The language act counts each page as written in one of the two standards.
    written_standard = models.CharField(
        _("Målform"),
        max_length=2,
        choices=WrittenStandard.choices,
        default=WrittenStandard.BOKMAL,
        help_text=_(
            "Hvilken målform siden er skrevet på. Skjermlesere og søkemotorer leser innholdet "
            "etter den. Adressen endres ikke."
        ),
    )

    # Optional to the model, so pages made in code and tables filled before owners existed stay
    # valid; the editor's form asks for one (PageForm).
    content_owner = models.ForeignKey(
        ContentOwner,
        verbose_name=_("Innholdseier"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "Teamet som har ansvaret for innholdet og får beskjed når siden skal gjennomgås."
        ),
    )
    # Written with a change that matters to readers, recorded as a ChangeNote when the change
    # is published and then emptied (pages/change_notes.py), so the next edit starts blank.
    change_note = models.CharField(
        _("Offentlig endringsnotat"),
        max_length=300,
        blank=True,
        help_text=_(
            "Skriv en kort setning om hva som er endret, hvis endringen betyr noe for leserne, "
            "for eksempel «Søknadsfristen er flyttet til 1. mars». Notatet vises på siden og i "
            "nyhetsstrømmen når endringen publiseres. En rettet skrivefeil trenger ikke notat."
        ),
    )
    next_review = models.DateField(
        _("Neste gjennomgang"),
        null=True,
        blank=True,
        help_text=_(
            "Når siden skal leses gjennom igjen. Tom, eller mindre enn 30 dager unna, blir "
            "12 måneder etter publisering når siden publiseres."
        ),
    )

    content_panels = [
        *Page.content_panels,
        LanguagePanel(
            heading=_("Oversettelse"),
            template="wagtailadmin/panels/translation_status_panel.html",
            norwegian=False,
        ),
        FieldPanel("written_standard"),
        LanguagePanel(
            heading=_("Lesbarhet (LIX)"),
            template="wagtailadmin/panels/readability_panel.html",
            norwegian=True,
        ),
        MultiFieldPanel([FieldPanel("facts_to_confirm")], heading=_("Til kontroll for redaktører")),
        MultiFieldPanel([FieldPanel("change_note")], heading=_("Endringer på denne siden")),
        MultiFieldPanel(
            [FieldPanel("content_owner"), FieldPanel("next_review")],
            heading=_("Eier og gjennomgang"),
        ),
    ]
    promote_panels = [
        *Page.promote_panels,
        FieldPanel("menu_title"),
        HelpPanel(
            heading=_("Permanent lenke"),
            template="wagtailadmin/panels/permalink_panel.html",
        ),
    ]

    # What names the page ranks first (search/backends.py); the lead comes next and the body last.
    search_fields = [
        *Page.search_fields,
        index.SearchField("title", boost=TOP_BOOST),
        index.SearchField("menu_title", boost=TOP_BOOST),
        index.SearchField("search_description", boost=TOP_BOOST),
    ]

    base_form_class = PageForm

    class Meta:
        abstract = True

    @property
    def short_title(self):
        return self.menu_title or self.title

    @property
    def content_language(self):
        """The language of the page's own text, for its `lang`: the written standard of a
        Norwegian page, the locale's language otherwise."""
        if self.locale_id == _default_locale_id():
            return self.written_standard
        return self.locale.language_code

    @cached_property
    def trail(self):
        """The pages above this one, from the home page down; breadcrumbs and JSON-LD share it."""
        return list(self.get_ancestors().filter(depth__gt=1).specific().defer_streamfields())

    def clean(self):
        super().clean()
        if self.slug and not ASCII_SLUG.fullmatch(self.slug):
            raise ValidationError(
                {
                    "slug": _(
                        "Bruk bare små bokstaver a–z, tall og bindestrek i adressen. "
                        "Skriv æ, ø og å som ae, o og a."
                    )
                }
            )

    @cached_property
    def latest_change_note(self):
        """The newest published public note, for «Sist oppdatert»; None without one."""
        return ChangeNote.objects.filter(page_id=self.pk).first() if self.pk else None

    @property
    def card_text(self):
        """The short text used on cards, in search results and in link previews."""
        return self.search_description or getattr(self, "lead", "") or ""

    def get_view_restrictions(self):
        """Wagtail's restrictions on this page and above it, from the database only where the
        answer cached with the content says there are any: a public page is served without
        asking. A restriction made, changed or removed moves the content generation on."""
        if self.pk is not None and caching.cached(
            "open-to-all", lambda: _open_to_all(self.path), self.pk
        ):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    # The text fields the page's template shows, besides the title and the body.
    reading_fields = ()

    def reading_texts(self):
        """The page's own text, for its reading time, straight from its content."""
        yield self.title
        yield from (getattr(self, name) or "" for name in self.reading_fields)
        if hasattr(self, "body"):
            yield from body_prose(self.body)

    def section_headings(self, context):
        """The h2 and h3 the page's template shows, in reading order (pages.headings.Outline).
        A page type with headings of its own around the body adds them here."""
        return body_headings(self.body) if hasattr(self, "body") else ()


class PageImageMixin(models.Model):
    """A page's main image, which cannot be published without alt text or a decorative choice."""

    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Bilde"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt_text = models.CharField(
        _("Alternativ tekst"),
        max_length=250,
        blank=True,
        help_text=_("Beskriv hva bildet viser for dem som ikke ser det."),
    )
    image_decorative = models.BooleanField(
        _("Bildet er dekorativt"),
        default=False,
        help_text=_("Kryss av bare hvis bildet ikke formidler noe. Da leses det ikke opp."),
    )

    image_panels = [
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("image_alt_text"), FieldPanel("image_decorative")],
            heading=_("Bilde"),
        )
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.image_decorative:
            self.image_alt_text = ""
        elif self.image and not self.image_alt_text.strip():
            raise ValidationError({"image_alt_text": ALT_TEXT_REQUIRED})

    @property
    def image_alt(self):
        return "" if self.image_decorative else self.image_alt_text


class HomePage(PageImageMixin, BasePage):
    lead = models.TextField(_("Ingress"), max_length=600)

    page_description = _("Forsiden. Det finnes bare én.")
    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("lead"),
        *PageImageMixin.image_panels,
        InlinePanel(
            "entry_points",
            heading=_("Innganger"),
            label=_("Inngang"),
            help_text=_("Sidene som vises som kort på forsiden, i denne rekkefølgen."),
        ),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("lead", boost=LEAD_BOOST)]

    class Meta:
        verbose_name = _("Forside")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Built only where the template renders it: not at all when the cached article is used.
        context["entry_points"] = SimpleLazyObject(self.entry_cards)
        return context

    reading_fields = ("lead",)

    def section_headings(self, context):
        if context.get("entry_points"):
            title = gettext("Dette finner du her")
            yield Heading("entry-points-heading", 2, title, fixed_id="entry-points-heading")

    @property
    def localized(self):
        """This home page in the active language, where Wagtail asks the database on every
        request; cached with the content, for each language (the cache key holds it)."""
        return caching.cached("localized-home", lambda: super(HomePage, self).localized, self.pk)

    def route(self, request, path_components):
        """The page at this URL in one query, where Wagtail asks two for every level below the
        home page. Which page holds a URL is cached; a URL no page holds takes Wagtail's own
        walk, so that a page type with routes of its own still gets to answer."""
        if not path_components:
            return super().route(request, path_components)
        url_path = self.url_path + "/".join(path_components) + "/"
        found = caching.cached(
            "page-at-url",
            lambda: self._page_at(url_path),
            self.pk,
            url_path,
            request=request,
            keep_none=False,
        )
        if found is None:
            return super().route(request, path_components)
        content_type_id, page_id = found
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        page = next(iter(model.objects.filter(pk=page_id).order_by()), None) if model else None
        if page is None:
            raise Http404
        return page.route(request, [])

    def _page_at(self, url_path):
        """(content type id, page id), or None where no page has this URL."""
        return (
            Page.objects.filter(url_path=url_path, path__startswith=self.path)
            .values_list("content_type_id", "pk")
            .first()
        )

    def entry_cards(self):
        """Live, public entry points with their pages' specific fields, in two queries."""
        entries = list(self.entry_points.all())
        pages = Page.objects.filter(pk__in=[e.page_id for e in entries]).live().public()
        by_id = {page.pk: page for page in pages.specific()}
        return [
            {"page": by_id[e.page_id], "text": e.text or by_id[e.page_id].card_text}
            for e in entries
            if e.page_id in by_id
        ]


def _default_locale_id():
    return caching.cached("default-locale", lambda: Locale.get_default().pk)


def _open_to_all(path):
    """Whether neither the page at this tree path nor one above it has a view restriction or
    is an alias (whose restrictions are its original's)."""
    paths = [path[:end] for end in range(Page.steplen, len(path) + 1, Page.steplen)]
    return not (
        PageViewRestriction.objects.filter(page__path__in=paths).exists()
        or Page.objects.filter(path__in=paths, alias_of__isnull=False).exists()
    )


class HomeEntryPoint(Orderable):
    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="entry_points")
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("Side"), on_delete=models.CASCADE, related_name="+"
    )
    text = models.CharField(
        _("Tekst på kortet"),
        max_length=250,
        blank=True,
        help_text=_("Tom tekst betyr sidens ingress eller beskrivelse."),
    )

    panels = [FieldPanel("page"), FieldPanel("text")]

    def __str__(self):
        return self.page.title


class DefinitionPage(BasePage):
    lead = models.TextField(_("Ingress"), max_length=600, blank=True)
    definition_heading = models.CharField(
        _("Overskrift over definisjonen"), max_length=120, default=_("Definisjon")
    )
    term = models.CharField(_("Begrep"), max_length=120)
    introduction = models.CharField(
        _("Innledning til definisjonen"),
        max_length=250,
        blank=True,
        help_text=_("For eksempel: «OECD forstår innovasjon i offentlig sektor slik:»"),
    )
    definition = models.TextField(_("Definisjon"))
    source_organisation = models.CharField(_("Kilde: organisasjon"), max_length=120)
    source_title = models.CharField(_("Kilde: tittel"), max_length=250, blank=True)
    source_url = models.URLField(_("Kilde: lenke"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("Forklaring"), blank=True)

    page_description = _("Definerer et begrep, med kilde og en forklaring rundt.")
    parent_page_types = ["pages.HomePage", "pages.ContentPage"]
    subpage_types = ["pages.ContentPage"]

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("lead"),
        MultiFieldPanel(
            [
                FieldPanel("definition_heading"),
                FieldPanel("term"),
                FieldPanel("introduction"),
                FieldPanel("definition"),
            ],
            heading=_("Definisjonen"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("source_organisation"),
                FieldRowPanel([FieldPanel("source_title"), FieldPanel("source_url")]),
            ],
            heading=_("Kilde"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("lead", boost=LEAD_BOOST),
        index.SearchField("term", boost=LEAD_BOOST),
        index.SearchField("introduction"),
        index.SearchField("definition"),
        index.SearchField("source_organisation"),
        index.SearchField("source_title"),
        index.SearchField("body"),
    ]

    api_fields = [
        APIField("lead"),
        APIField("term"),
        APIField("definition"),
        APIField("source_organisation"),
        APIField("source_title"),
        APIField("source_url"),
    ]

    reading_fields = (
        "lead",
        "definition_heading",
        "introduction",
        "definition",
        "source_organisation",
        "source_title",
    )

    def section_headings(self, context):
        yield Heading("definisjon", 2, self.definition_heading.strip(), fixed_id="definisjon")
        yield from super().section_headings(context)

    class Meta:
        verbose_name = _("Definisjonsside")


class PrinciplesPage(BasePage):
    lead = models.TextField(_("Ingress"), max_length=800, blank=True)
    list_introduction = models.CharField(_("Innledning til listen"), max_length=250, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("Innhold etter listen"), blank=True)

    page_description = _("En nummerert liste med prinsipper, med kilder.")
    parent_page_types = ["pages.HomePage", "pages.ContentPage"]
    subpage_types = ["pages.ContentPage"]

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("lead"),
        FieldPanel("list_introduction"),
        InlinePanel("principles", heading=_("Prinsipper"), label=_("Prinsipp"), min_num=1),
        FieldPanel("body"),
        InlinePanel("sources", heading=_("Kilder"), label=_("Kilde")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("lead", boost=LEAD_BOOST),
        index.SearchField("list_introduction"),
        index.RelatedFields("principles", [index.SearchField("title"), index.SearchField("text")]),
        index.RelatedFields(
            "sources", [index.SearchField("title"), index.SearchField("publisher")]
        ),
        index.SearchField("body"),
    ]

    reading_fields = ("lead", "list_introduction")

    def reading_texts(self):
        yield from super().reading_texts()
        for principle in self.principles.all():
            yield from (principle.title, principle.text)
        for source in self.sources.all():
            yield from (source.title, source.publisher)

    def section_headings(self, context):
        yield Heading("prinsippene", 2, gettext("Prinsippene"), fixed_id="prinsippene")
        # By position: a preview's principles are not saved and have no key of their own.
        for number, principle in enumerate(self.principles.all()):
            yield Heading(("principle", number), 3, principle.title.strip())
        yield from super().section_headings(context)
        if self.sources.all():
            yield Heading("kilder", 2, gettext("Kilder"), fixed_id="kilder")

    class Meta:
        verbose_name = _("Prinsippside")


class Principle(Orderable):
    page = ParentalKey(PrinciplesPage, on_delete=models.CASCADE, related_name="principles")
    title = models.CharField(_("Tittel"), max_length=120)
    text = models.TextField(_("Tekst"))

    panels = [FieldPanel("title"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("Prinsipp")


class PrinciplesSource(Orderable):
    page = ParentalKey(PrinciplesPage, on_delete=models.CASCADE, related_name="sources")
    title = models.CharField(_("Tittel"), max_length=250)
    publisher = models.CharField(_("Utgiver"), max_length=120, blank=True)
    year = models.PositiveSmallIntegerField(_("År"), null=True, blank=True)
    url = models.URLField(_("Lenke"), blank=True)

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("publisher"), FieldPanel("year")]),
        FieldPanel("url"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Kilde")


class ContentPage(BasePage):
    lead = models.TextField(_("Ingress"), max_length=800, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("Innhold"), blank=True)

    page_description = _("En vanlig innholdsside med ingress og fritt innhold.")
    parent_page_types = [
        "pages.HomePage",
        "pages.ContentPage",
        "pages.DefinitionPage",
        "pages.PrinciplesPage",
    ]
    subpage_types = ["pages.ContentPage"]

    content_panels = [*BasePage.content_panels, FieldPanel("lead"), FieldPanel("body")]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("lead", boost=LEAD_BOOST),
        index.SearchField("body"),
    ]

    api_fields = [APIField("lead"), APIField("body")]
    reading_fields = ("lead",)

    class Meta:
        verbose_name = _("Innholdsside")


# uustatus.no's list of every published statement: no site's own statement, and what the seed
# once put here as a placeholder (migration 0010 clears it).
UUSTATUS_STATEMENT_LIST = re.compile(r"https?://(www\.)?uustatus\.no/(nb/|nn/|en/)?erklaringer/?")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """What the footer and link previews show; editable without a deploy."""

    organisation_name = models.CharField(
        _("Organisasjon"), max_length=120, default="Digitaliseringsdirektoratet"
    )
    contact_email = models.EmailField(_("E-post"), blank=True)
    contact_phone = models.CharField(_("Telefon"), max_length=30, blank=True)
    postal_address = models.CharField(_("Postadresse"), max_length=250, blank=True)
    accessibility_statement_url = models.URLField(
        _("Tilgjengelighetserklæring"),
        blank=True,
        help_text=_(
            "Adressen til nettstedets egen erklæring på uustatus.no. Lenken vises i bunnteksten "
            "først når adressen er fylt ut."
        ),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Personvernside"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    footer_links = StreamField(
        [("link", LinkBlock())],
        verbose_name=_("Andre lenker i bunnteksten"),
        blank=True,
    )
    default_share_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Standardbilde for deling"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Vises når en side uten eget bilde deles i Teams, Slack eller e-post."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("postal_address"),
            ],
            heading=_("Kontaktinformasjon i bunnteksten"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("accessibility_statement_url"),
                FieldPanel("privacy_page"),
                FieldPanel("footer_links"),
            ],
            heading=_("Lenker i bunnteksten"),
        ),
        FieldPanel("default_share_image"),
    ]

    class Meta:
        verbose_name = _("Innstillinger for nettstedet")

    def clean(self):
        super().clean()
        if UUSTATUS_STATEMENT_LIST.fullmatch(self.accessibility_statement_url):
            raise ValidationError(
                {
                    "accessibility_statement_url": _(
                        "Dette er listen over alle erklæringer på uustatus.no. Lim inn adressen "
                        "til nettstedets egen erklæring."
                    )
                }
            )


class ChangeNote(models.Model):
    """A public note on a published change to a page: «Endringer på denne siden». Made only when
    the change is published (pages/change_notes.py), so a draft's note is never shown. Tied to
    the page by its id, the notes follow it through moves and renames; each language's page has
    its own, written in its language."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Side"),
        on_delete=models.CASCADE,
        related_name="change_notes",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("Versjon"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.CharField(_("Endringsnotat"), max_length=300)
    published_at = models.DateTimeField(_("Publisert"), db_index=True)

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("Endringsnotat")
        verbose_name_plural = _("Endringsnotater")

    def __str__(self):
        return self.note
