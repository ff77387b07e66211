"""The one StreamField block library, shared by every page type."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import RichText

from pages import rich_text
from pages.headings import Heading

# One message for every place an image is chosen: blocks and pages' own image fields.
ALT_TEXT_REQUIRED = _(
    "Skriv en alternativ tekst som beskriver bildet, eller kryss av for at bildet er dekorativt."
)


class RichTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", settings.RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Tekst")
        template = "blocks/rich_text.html"
        description = _("Avsnitt, lister, lenker og mellomtitler (H2–H4).")
        preview_value = (
            "<p>Innovasjon i offentlig sektor kan være en ny eller vesentlig endret tjeneste.</p>"
        )


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Tekst"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Nivå"),
        choices=[("h2", _("Mellomtittel (H2)")), ("h3", _("Undertittel (H3)")), ("h4", "H4")],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Mellomtittel")
        template = "blocks/heading.html"
        description = _("En mellomtittel som kan lenkes til direkte.")
        preview_value = {"text": "Kompetanse som fremmer innovasjon", "level": "h2"}


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Sitat"))
    attribution = blocks.CharBlock(label=_("Hvem sa eller skrev det"), required=False)
    source_url = blocks.URLBlock(label=_("Lenke til kilden"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Sitat")
        template = "blocks/quote.html"
        description = _("Et sitat med kilde.")
        preview_value = {
            "text": "Offentlige virksomheter må søke nye former for samarbeid.",
            "attribution": "En innovativ offentlig sektor (2020)",
        }


class LinkValue(blocks.StructValue):
    @cached_property
    def target(self):
        """The chosen page in the reader's language where it has a version in it."""
        page = self.get("page")
        return page.localized if page else None

    @cached_property
    def href(self):
        return self.target.url if self.target else self.get("url")

    @cached_property
    def label(self):
        return self.get("text") or (self.target.title if self.target else self.get("url"))

    @cached_property
    def language(self):
        """The language of the page linked to, for its `lang` where it differs from the
        reader's; None for an external link."""
        return getattr(self.target.specific, "content_language", None) if self.target else None


class LinkBlock(blocks.StructBlock):
    """A link to a page on this site or, failing that, to an external URL."""

    page = blocks.PageChooserBlock(label=_("Side på nettstedet"), required=False)
    url = blocks.URLBlock(label=_("Eller ekstern adresse"), required=False)
    text = blocks.CharBlock(
        label=_("Lenketekst"),
        required=False,
        max_length=120,
        help_text=_("Tom tekst betyr sidens tittel."),
    )

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={"url": ValidationError(_("Velg enten en side eller en adresse."))}
            )
        if value.get("url") and not value.get("text"):
            raise StructBlockValidationError(
                block_errors={"text": ValidationError(_("En ekstern lenke trenger lenketekst."))}
            )
        return value

    class Meta:
        icon = "link"
        label = _("Lenke")
        value_class = LinkValue


class CallToActionBlock(LinkBlock):
    class Meta:
        icon = "pick"
        label = _("Handlingsknapp")
        template = "blocks/call_to_action.html"
        description = _("En tydelig knapp til neste steg, for eksempel å søke.")
        preview_value = {"url": "https://www.digdir.no/", "text": "Søk om midler"}


class LinkListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Overskrift"), required=False, max_length=120)
    links = blocks.ListBlock(LinkBlock(), label=_("Lenker"), min_num=1, max_num=20)

    class Meta:
        icon = "list-ul"
        label = _("Lenkeliste")
        template = "blocks/link_list.html"
        description = _("En liste med lenker, for eksempel til kilder eller videre lesing.")
        preview_value = {
            "heading": "Les mer",
            "links": [{"url": "https://www.digdir.no/", "text": "Digitaliseringsdirektoratet"}],
        }


def _preview_pages():
    from wagtail.models import Page

    return list(Page.objects.live().public().filter(depth=3).order_by("path")[:3])


def _preview_figure():
    from wagtail.images import get_image_model

    return {
        "image": get_image_model().objects.order_by("pk").first(),
        "alt_text": "Eksempel på et bilde",
        "caption": "Bildetekst som forklarer bildet.",
        "credit": "Digdir",
    }


class FigureBlock(blocks.StructBlock):
    """An image that never reaches the public without alt text or an explicit decorative choice."""

    image = ImageChooserBlock(label=_("Bilde"))
    alt_text = blocks.CharBlock(
        label=_("Alternativ tekst"),
        required=False,
        max_length=250,
        help_text=_("Beskriv hva bildet viser for dem som ikke ser det."),
    )
    decorative = blocks.BooleanBlock(
        label=_("Bildet er dekorativt"),
        required=False,
        help_text=_("Kryss av bare hvis bildet ikke formidler noe. Da leses det ikke opp."),
    )
    caption = blocks.CharBlock(label=_("Bildetekst"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("Kreditering"), required=False, max_length=120)

    def clean(self, value):
        value = super().clean(value)
        if value.get("decorative"):
            value["alt_text"] = ""
        elif not (value.get("alt_text") or "").strip():
            raise StructBlockValidationError(
                block_errors={"alt_text": ValidationError(ALT_TEXT_REQUIRED)}
            )
        return value

    class Meta:
        icon = "image"
        label = _("Bilde")
        template = "blocks/figure.html"
        description = _("Et bilde med alternativ tekst, bildetekst og kreditering.")
        preview_value = staticmethod(_preview_figure)


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Type"),
        choices=[("info", _("Informasjon")), ("warning", _("Advarsel"))],
        default="info",
    )
    heading = blocks.CharBlock(label=_("Overskrift"), required=False, max_length=120)
    text = RichTextBlock(label=_("Tekst"), features=settings.RICH_TEXT_FEATURES_IN_BOXES)

    class Meta:
        icon = "warning"
        label = _("Merknad")
        template = "blocks/callout.html"
        description = _("En boks som fremhever viktig informasjon.")
        preview_value = {
            "kind": "info",
            "heading": "Søknadsfrist",
            "text": "<p>Fristen for å søke er 1. mars.</p>",
        }


class DetailsBlock(blocks.StructBlock):
    summary = blocks.CharBlock(label=_("Spørsmål eller tittel"), max_length=200)
    content = RichTextBlock(label=_("Innhold"), features=settings.RICH_TEXT_FEATURES_IN_BOXES)

    class Meta:
        icon = "collapse-down"
        label = _("Utvidbart felt")
        template = "blocks/details.html"
        description = _("Innhold som leseren kan folde ut, for eksempel spørsmål og svar.")
        preview_value = {
            "summary": "Hvem kan søke?",
            "content": "<p>Alle statlige og kommunale virksomheter.</p>",
        }


class TableBlock(TypedTableBlock):
    """A table with column headings and a caption that screen readers announce first."""

    def __init__(self, **kwargs):
        super().__init__(
            [
                ("text", blocks.CharBlock(label=_("Tekst"))),
                ("number", blocks.DecimalBlock(label=_("Tall"))),
            ],
            **kwargs,
        )

    def clean(self, value):
        value = super().clean(value)
        if not (value.caption or "").strip():
            raise ValidationError(
                _("Gi tabellen en tittel, slik at den kan leses opp før tabellen.")
            )
        if not value.columns or any(not (c["heading"] or "").strip() for c in value.columns):
            raise ValidationError(_("Hver kolonne trenger en overskrift."))
        return value

    class Meta:
        icon = "table"
        label = _("Tabell")
        template = "blocks/table.html"
        description = _("En tabell med tittel og kolonneoverskrifter.")
        preview_value = {
            "caption": "Virkemidler for innovasjon",
            "columns": [
                {"type": "text", "heading": "Virkemiddel"},
                {"type": "text", "heading": "Ansvarlig"},
            ],
            "rows": [
                {"values": ["Stimulab", "Digdir"]},
                {"values": ["StartOff", "DFØ"]},
            ],
        }


class RelatedPagesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Overskrift"), max_length=120, default=_("Se også"))
    pages = blocks.ListBlock(
        blocks.PageChooserBlock(label=_("Side")), label=_("Sider"), min_num=1, max_num=6
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["cards"] = shown_pages(value)
        return context

    class Meta:
        icon = "doc-full"
        label = _("Relaterte sider")
        template = "blocks/related_pages.html"
        description = _("Kort som peker til andre sider på nettstedet.")
        preview_value = staticmethod(lambda: {"heading": "Se også", "pages": _preview_pages()})


def shown_pages(value):
    """A related pages block's live, public pages, with their specific fields in one query."""
    from wagtail.models import Page

    chosen = [page.pk for page in value["pages"] if page]
    by_id = {p.pk: p for p in Page.objects.filter(pk__in=chosen).live().public().specific()}
    return [by_id[pk] for pk in chosen if pk in by_id]


class ContactBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Navn"), max_length=120)
    role = blocks.CharBlock(label=_("Rolle"), required=False, max_length=120)
    email = blocks.EmailBlock(label=_("E-post"), required=False)
    phone = blocks.RegexBlock(
        label=_("Telefon"),
        regex=r"^\+?[0-9 ]{8,20}$",
        required=False,
        error_messages={"invalid": _("Skriv telefonnummeret med sifre, for eksempel 22 45 10 00.")},
    )

    class Meta:
        icon = "user"
        label = _("Kontaktperson")
        template = "blocks/contact.html"
        description = _("Navn, rolle, e-post og telefon til en kontaktperson.")
        preview_value = {
            "name": "Kari Nordmann",
            "role": "Rådgiver",
            "email": "kari.nordmann@example.no",
            "phone": "22 45 10 00",
        }


class BodyBlock(blocks.StreamBlock):
    """The free-flowing part of a page. Headings start at H2 and never skip a level."""

    text = RichTextBlock()
    heading = HeadingBlock()
    figure = FigureBlock()
    callout = CalloutBlock()
    details = DetailsBlock()
    table = TableBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    link_list = LinkListBlock()
    related_pages = RelatedPagesBlock()
    contact = ContactBlock()

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        previous = 1  # the page title is the only h1
        for index, child in enumerate(value):
            for level in _heading_levels(child):
                if level < 2:
                    errors[index] = ValidationError(
                        _("Sidetittelen er den eneste H1-en. Bruk H2 for mellomtitler.")
                    )
                    break
                if level > previous + 1:
                    errors[index] = ValidationError(
                        _(
                            "Overskriftene hopper over et nivå: H%(level)s kan ikke komme "
                            "etter H%(previous)s. Bruk H%(expected)s."
                        )
                        % {"level": level, "previous": previous, "expected": previous + 1}
                    )
                    break
                previous = level
        if errors:
            raise StreamBlockValidationError(block_errors=errors)
        return value


def _heading_levels(child):
    if child.block_type == "heading":
        return [int(child.value["level"][1])]
    if child.block_type == "text":
        return rich_text.heading_levels(child.value.source)
    if child.block_type == "related_pages":
        return [2, 3]
    return []


def body_headings(body):
    """The headings a body shows, in reading order; a rich text's nth heading is keyed by its
    block's id and n. Related pages show theirs only with a page to show."""
    for child in body:
        if not child.id:
            # Made in code and not saved yet: the id saving would give it, for its template too.
            child.id = str(uuid.uuid4())
        if child.block_type == "heading":
            yield Heading(child.id, int(child.value["level"][1]), child.value["text"].strip())
        elif child.block_type == "text":
            headings = (p for p in rich_text.parts(child.value.source) if not isinstance(p, str))
            for number, heading in enumerate(headings):
                yield Heading((child.id, number), heading.level, heading.text)
        elif child.block_type == "related_pages" and shown_pages(child.value):
            yield Heading(child.id, 2, child.value["heading"].strip())


# Each block's own words as the reader reads them: text, not settings, addresses or alt text.
# The pages a block lists have their own words, not this page's.
PROSE_FIELDS = {
    "heading": ("text",),
    "figure": ("caption", "credit"),
    "callout": ("heading", "text"),
    "details": ("summary", "content"),
    "quote": ("text", "attribution"),
    "related_pages": ("heading",),
    "contact": ("name", "role"),
}


def body_prose(body):
    """The text of each block of a body, for counting its words."""
    for child in body:
        value = child.value
        if child.block_type == "text":
            yield rich_text.prose(value.source)
        elif child.block_type == "table":
            yield value.caption or ""
            yield from (column["heading"] or "" for column in value.columns)
            for row in value.row_data:
                yield from (str(cell) for cell in row["values"] if cell is not None)
        elif child.block_type == "link_list":
            yield value["heading"] or ""
            yield from (link.label or "" for link in value["links"])
        elif child.block_type == "call_to_action":
            yield value.label or ""
        else:
            for field in PROSE_FIELDS.get(child.block_type, ()):
                text = value[field]
                yield rich_text.prose(text.source) if isinstance(text, RichText) else text or ""
