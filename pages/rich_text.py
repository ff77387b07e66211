"""Rich text as stored (Wagtail's database format), read for its headings and its words.

Draftail stores a flat run of top-level elements, one a block, with nothing nested across them:
a heading is always `<hN …>…</hN>` on its own, and a link's `<a linktype=… id=…>` opening tag
carries what identifies the target. So a few patterns read it exactly, the way Wagtail's own
rewriters (wagtail.rich_text.rewriters) do, without parsing HTML and before anything is rendered.
"""

import re
from dataclasses import dataclass
from html import unescape

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.documents import get_document_model
from wagtail.rich_text import expand_db_html
from wagtail.rich_text.rewriters import extract_attrs

from core.documents import document_meta

HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1\s*>", re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"<[^>]*>")
# Not prose: what the reader does not read as text (pages.readability.NOT_PROSE, in rich text).
NOT_PROSE = re.compile(r"<(code|pre|kbd|samp)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
LINK = re.compile(r"<a\b([^>]*)>(.*?)</a\s*>", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Heading:
    level: int
    attributes: str
    inner: str

    @property
    def text(self):
        return heading_text(self.inner)


def parts(source):
    """The source in reading order: runs of stored HTML (str) and the headings between them."""
    found, start = [], 0
    for match in HEADING.finditer(source or ""):
        if match.start() > start:
            found.append(source[start : match.start()])
        found.append(Heading(int(match[1]), match[2], match[3]))
        start = match.end()
    if start < len(source or ""):
        found.append(source[start:])
    return found


def heading_levels(source):
    return [int(match[1]) for match in HEADING.finditer(source or "")]


def heading_text(inner):
    """A heading's words as one line: each run of text between tags, trimmed, spaced by one."""
    return " ".join(
        text for text in (unescape(piece).strip() for piece in TAG.split(inner)) if text
    )


def prose(source):
    """The words a reader reads in the source, blocks and inline tags apart, code left out."""
    return unescape(TAG.sub(" ", NOT_PROSE.sub(" ", source or "")))


def with_document_meta(source):
    """Each document link's text followed by the document's type and size, so that the reader
    knows what a click downloads."""
    links = [
        (match, extract_attrs(match[1]))
        for match in LINK.finditer(source or "")
        if 'linktype="document"' in match[1]
    ]
    if not links:
        return source
    documents = get_document_model().objects.in_bulk([attrs.get("id") for _, attrs in links])
    by_id = {str(pk): document for pk, document in documents.items()}
    pieces, start = [], 0
    for match, attrs in links:
        document = by_id.get(attrs.get("id"))
        if document is None:
            continue
        pieces.append(source[start : match.end(2)])
        pieces.append(
            format_html('<span class="document-meta"> ({})</span>', document_meta(document))
        )
        start = match.end(2)
    pieces.append(source[start:])
    return "".join(pieces)


def render(source):
    """The source as the reader gets it: links expanded, document links described."""
    return mark_safe(expand_db_html(with_document_meta(source or "")))
