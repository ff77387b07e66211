"""Every link in a page's content: rich text, StreamField blocks, typed fields and inline rows,
read from the stored data, so that a link to something deleted is still seen."""

from dataclasses import dataclass, replace

from bs4 import BeautifulSoup
from django.db import models
from modelcluster.models import get_all_child_relations
from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.documents.models import AbstractDocument
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.images.models import AbstractImage
from wagtail.models import Page

from linkcheck.models import Kind


@dataclass(frozen=True)
class Link:
    kind: str
    target: str
    text: str = ""
    place: str = ""


def links_of_page(page):
    """The links of a page (its specific instance) and of its inline rows, each once."""
    found = {}
    for link in [*_fields(page), *_child_rows(page)]:
        found.setdefault((link.kind, link.target), link)
    return list(found.values())


def _child_rows(page):
    for relation in get_all_child_relations(page):
        for row in getattr(page, relation.get_accessor_name()).all():
            yield from _fields(row)


def _fields(obj):
    for field in obj._meta.concrete_fields:
        place = str(field.verbose_name)
        if isinstance(field, StreamField):
            yield from _stream(field.stream_block, getattr(obj, field.name).raw_data, place)
        elif isinstance(field, RichTextField):
            yield from rich_text_links(getattr(obj, field.name), place)
        elif isinstance(field, models.URLField):
            if value := getattr(obj, field.name):
                yield Link(Kind.URL, value, place=place)
        elif isinstance(field, models.ForeignKey) and field.model._meta.app_label != "wagtailcore":
            kind = _kind_of_model(field.related_model)
            value = getattr(obj, field.attname)
            if kind and value and not field.remote_field.parent_link:
                yield Link(kind, str(value), place=place)


def _kind_of_model(model):
    if issubclass(model, Page):
        return Kind.PAGE
    if issubclass(model, AbstractDocument):
        return Kind.DOCUMENT
    if issubclass(model, AbstractImage):
        return Kind.IMAGE
    return None


def _stream(block, raw, place):
    for item in raw or []:
        child = block.child_blocks.get(item.get("type"))
        if child is not None:
            yield from _block(child, item.get("value"), f"{place} › {child.label}")


def _block(block, value, place):
    if value in (None, ""):
        return
    if isinstance(block, blocks.StreamBlock):
        yield from _stream(block, value, place)
    elif isinstance(block, TypedTableBlock):
        columns = value.get("columns", [])
        for row in value.get("rows", []):
            for column, cell in zip(columns, row.get("values", []), strict=False):
                child = block.child_blocks.get(column.get("type"))
                if child is not None:
                    yield from _block(child, cell, place)
    elif isinstance(block, blocks.StructBlock):
        # A button or a link in a list has its text beside the target, in the block's own field.
        text = (
            value.get("text")
            if isinstance(block.child_blocks.get("text"), blocks.CharBlock)
            else ""
        )
        for name, child in block.child_blocks.items():
            for link in _block(child, value.get(name), place):
                yield replace(link, text=link.text or (text or "")[:255])
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            # Wagtail stores list items as {"type": "item", "value": …}; older data as the value.
            inner = item.get("value") if isinstance(item, dict) and "type" in item else item
            yield from _block(block.child_block, inner, place)
    elif isinstance(block, blocks.RichTextBlock):
        yield from rich_text_links(value, place)
    elif isinstance(block, blocks.PageChooserBlock):
        yield Link(Kind.PAGE, str(value), place=place)
    elif isinstance(block, DocumentChooserBlock):
        yield Link(Kind.DOCUMENT, str(value), place=place)
    elif isinstance(block, ImageChooserBlock):
        yield Link(Kind.IMAGE, str(value), place=place)
    elif isinstance(block, blocks.URLBlock):
        yield Link(Kind.URL, value, place=place)


def rich_text_links(source, place=""):
    soup = BeautifulSoup(str(source or ""), "html.parser")
    for anchor in soup.find_all("a"):
        text = anchor.get_text(" ", strip=True)[:255]
        linktype = anchor.get("linktype")
        if linktype == "page" and anchor.get("id"):
            yield Link(Kind.PAGE, anchor["id"], text, place)
        elif linktype == "document" and anchor.get("id"):
            yield Link(Kind.DOCUMENT, anchor["id"], text, place)
        elif anchor.get("href"):
            yield Link(Kind.URL, anchor["href"], text, place)
    for embed in soup.find_all("embed", embedtype="image"):
        if embed.get("id"):
            yield Link(Kind.IMAGE, embed["id"], embed.get("alt", "")[:255], place)
