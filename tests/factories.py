"""Test data built in code: images, documents, and a page that uses every block."""

import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from pages.models import ContentPage


def make_image(title="Testbilde", size=(1600, 900)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (0, 98, 186)).save(buffer, format="PNG")
    image = get_image_model()(title=title, file=ImageFile(buffer, name="testbilde.png"))
    image.save()
    return image


def make_document(title="Årsrapport", size=1_234_567, extension="pdf"):
    document = get_document_model()(title=title)
    document.file.save(f"rapport.{extension}", ContentFile(b"%PDF-1.4\n" + b"0" * size), save=False)
    document.save()
    return document


def all_blocks_body(image, document, related_page):
    """One of every block, in an order that keeps headings in sequence."""
    return [
        {"type": "heading", "value": {"text": "Om eksempelet", "level": "h2"}},
        {
            "type": "text",
            "value": (
                "<h3>Lenker og dokumenter</h3>"
                f'<p>Les <a linktype="document" id="{document.pk}">årsrapporten</a> og '
                '<a href="https://www.digdir.no/">Digdir</a>.</p>'
                "<ul><li>Punkt én</li><li>Punkt to</li></ul>"
            ),
        },
        {
            "type": "figure",
            "value": {
                "image": image.pk,
                "alt_text": "Et blått rektangel",
                "decorative": False,
                "caption": "En bildetekst.",
                "credit": "Testfotograf",
            },
        },
        {
            "type": "callout",
            "value": {"kind": "info", "heading": "Merk", "text": "<p>Viktig informasjon.</p>"},
        },
        {
            "type": "callout",
            "value": {"kind": "warning", "heading": "Advarsel", "text": "<p>Vær obs.</p>"},
        },
        {
            "type": "details",
            "value": {"summary": "Hvem kan søke?", "content": "<p>Alle virksomheter.</p>"},
        },
        {
            "type": "table",
            "value": {
                "caption": "Virkemidler",
                "columns": [
                    {"type": "text", "heading": "Navn"},
                    {"type": "number", "heading": "Prosjekter"},
                ],
                "rows": [{"values": ["Stimulab", "12"]}, {"values": ["StartOff", "21"]}],
            },
        },
        {
            "type": "quote",
            "value": {"text": "Prøv, feil, lær.", "attribution": "En leder", "source_url": ""},
        },
        {
            "type": "call_to_action",
            "value": {"page": None, "url": "https://www.digdir.no/", "text": "Søk nå"},
        },
        {
            "type": "link_list",
            "value": {
                "heading": "Les mer",
                "links": [{"page": related_page.pk, "url": "", "text": ""}],
            },
        },
        {"type": "related_pages", "value": {"heading": "Se også", "pages": [related_page.pk]}},
        {"type": "heading", "value": {"text": "Kontakt oss", "level": "h2"}},
        {
            "type": "contact",
            "value": {
                "name": "Kari Nordmann",
                "role": "Rådgiver",
                "email": "kari@example.no",
                "phone": "22 45 10 00",
            },
        },
    ]


def make_all_blocks_page(parent, slug="alle-blokker"):
    image = make_image()
    document = make_document()
    related = Page.objects.live().filter(depth=3).first()
    page = ContentPage(
        title="Alle blokker",
        slug=slug,
        lead="En side som bruker hver blokk i biblioteket.",
        body=all_blocks_body(image, document, related),
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
