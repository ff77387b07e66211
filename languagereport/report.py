"""The language act's count (språklova): the share of live public pages, and of their words, in
each written standard, page by page. Språklova § 13 first paragraph, the law's own words:
"Sentrale statsorgan skal over tid bruke minst 25 prosent av både bokmål og nynorsk i allment
tilgjengelege dokument." (Språkrådet, https://www.sprakradet.no/spraklov/paragrafsider/
-13-veksling-mellom-bokmal-og-nynorsk-i-allment-tilgjengelege-dokument/ ; LOV-2021-05-21-42.)
Web page text is such a document: Språkrådet, "Reglar for sentrale statsorgan" (seed/
translations.py, LANGUAGE_RULES_URL)."""

import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import CharField
from django.utils.html import strip_tags
from wagtail.models import Locale, Page, get_page_models
from wagtail.search import index

from pages.languages import translation_status
from pages.models import BasePage, WrittenStandard
from pages.reports import page_type_field

MINIMUM_SHARE = Decimal("25")
WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def words_in(page):
    """The words a reader can search for on the page: its title, every searchable field and the
    searchable fields of its inline items (a principles page's principles)."""
    return sum(
        len(WORD.findall(strip_tags(str(text)))) for text in _texts(page, page.search_fields)
    )


def _texts(obj, search_fields):
    counted = set()
    for search_field in search_fields:
        if isinstance(search_field, index.SearchField):
            # A field may be listed more than once (Wagtail's title and ours, boosted).
            if search_field.field_name in counted:
                continue
            counted.add(search_field.field_name)
            value = search_field.get_value(obj)
            yield from (text for text in _as_list(value) if text)
        elif isinstance(search_field, index.RelatedFields):
            related = search_field.get_value(obj)
            items = related.all() if hasattr(related, "all") else _as_list(related)
            for item in items:
                yield from _texts(item, search_field.fields)


def _as_list(value):
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


@dataclass
class Standard:
    code: str
    label: str
    pages: list = field(default_factory=list)  # (page, words), by title

    @property
    def words(self):
        return sum(words for _, words in self.pages)


@dataclass
class Report:
    standards: list

    @property
    def words_by_page(self):
        return {page.pk: words for standard in self.standards for page, words in standard.pages}

    @property
    def page_count(self):
        return sum(len(standard.pages) for standard in self.standards)

    @property
    def word_count(self):
        return sum(standard.words for standard in self.standards)

    def rows(self):
        """(standard, pages, page share %, words, word share %, meets the minimum) per standard."""
        for standard in self.standards:
            page_share = _share(len(standard.pages), self.page_count)
            word_share = _share(standard.words, self.word_count)
            yield (
                standard,
                len(standard.pages),
                page_share,
                standard.words,
                word_share,
                page_share >= MINIMUM_SHARE and word_share >= MINIMUM_SHARE,
            )


def _share(part, whole):
    if not whole:
        return Decimal("0.0")
    return (Decimal(100) * part / whole).quantize(Decimal("0.1"))


def counted_types():
    return [model for model in get_page_models() if issubclass(model, BasePage)]


def counted_pages():
    """The live public Norwegian pages, annotated with `written_standard`, by standard and title.
    Only Norwegian pages: an English translation is in neither written standard."""
    return (
        Page.objects.live()
        .public()
        .filter(depth__gt=1, locale=Locale.get_default())
        .type(*counted_types())
        .annotate(
            written_standard=page_type_field(
                "written_standard", counted_types(), CharField(max_length=2)
            )
        )
        .order_by("written_standard", "title", "pk")
    )


def build():
    standards = {code: Standard(code, label) for code, label in WrittenStandard.choices}
    for page in counted_pages().specific():
        standards[page.written_standard].pages.append((page, words_in(page)))
    return Report(list(standards.values()))


def translations():
    """Each page not in the default locale with its status, those whose source changed first."""
    pages = Page.objects.exclude(locale=Locale.get_default()).filter(depth__gt=1).order_by("path")
    found = [status for page in pages.specific() if (status := translation_status(page))]
    return sorted(found, key=lambda status: not status.source_changed)
