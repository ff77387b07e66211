"""LIX, the readability index used in Scandinavia (Björnsson): words per sentence, plus the share
of long words (more than six letters) in per cent, over the text a reader sees on a page.

A word is a run of letters (æ, ø and å are letters), and a hyphenated word or one with an
apostrophe is one word; a number is not a word, so "2020" counts nothing and "2020-tallet" counts
as "tallet". A sentence ends at ".", "!", "?" or ":" before a space or the end, and at the end of
every block (a heading, a paragraph, a list item, a table cell): a heading or a bullet without a
full stop is still a sentence. The full stops in common abbreviations (f.eks., bl.a.) end nothing.
"""

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup
from django.utils.translation import gettext_lazy as _

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
SENTENCE_END = re.compile(r"[.!?:]+(?=\s|$)")
LONG_WORD = 6
ABBREVIATIONS = re.compile(
    r"\b(?:f\.eks|bl\.a|m\.m|m\.v|o\.l|t\.o\.m|d\.v\.s|dvs|osv|ca|nr|jf|mv|pkt|kl|evt|ev|inkl)\.",
    re.IGNORECASE,
)
BLOCKS = (
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "li",
    "td",
    "th",
    "dt",
    "dd",
    "figcaption",
    "blockquote",
    "caption",
    "summary",
)
# Not read as prose: code, forms, scripts and whatever the reader is not shown.
NOT_PROSE = (
    "script",
    "style",
    "template",
    "code",
    "pre",
    "kbd",
    "samp",
    "nav",
    "form",
    "svg",
    "noscript",
    "button",
)
# Norwegian bands (Björnsson), each from its lower bound.
BANDS = [
    (60, _("Svært vanskelig")),
    (50, _("Vanskelig")),
    (40, _("Middels")),
    (30, _("Lett")),
    (0, _("Svært lett")),
]


@dataclass(frozen=True)
class Lix:
    words: int
    sentences: int
    long_words: int

    @property
    def value(self):
        """None for a text without words: no score rather than a made-up one."""
        if not self.words:
            return None
        return self.words / self.sentences + 100 * self.long_words / self.words

    @property
    def band(self):
        value = self.value
        if value is None:
            return None
        return next(label for bound, label in BANDS if value >= bound)


def lix_of_blocks(blocks):
    """LIX of texts each of which ends a sentence where it ends."""
    words = sentences = long_words = 0
    for block in blocks:
        text = ABBREVIATIONS.sub(lambda m: m.group(0)[:-1].replace(".", ""), block)
        found = WORD.findall(text)
        if not found:
            continue
        words += len(found)
        long_words += sum(1 for word in found if len(re.sub(r"[-'’]", "", word)) > LONG_WORD)
        text = text.rstrip()
        # Every stop ends a sentence, and so does the block's end where no stop stands.
        sentences += len(SENTENCE_END.findall(text)) + (text[-1] not in ".!?:")
    return Lix(words, sentences, long_words)


def lix_of_text(text):
    return lix_of_blocks([text])


def prose_blocks(html, root_selector=None):
    """The text of each block in the HTML, as a reader sees it: no markup, navigation, code or
    hidden parts. With `root_selector`, only what is inside its first match."""
    soup = BeautifulSoup(html or "", "html.parser")
    root = soup.select_one(root_selector) if root_selector else soup
    if root is None:
        return []
    for tag in root.find_all(NOT_PROSE):
        tag.decompose()
    # Hidden text, and the "last updated" line, which is the site's and not the writer's.
    for tag in root.select("[hidden], [aria-hidden=true], .ds-sr-only, .last-updated"):
        tag.decompose()
    blocks = []
    for tag in root.find_all(BLOCKS):
        # The innermost blocks only: a list item's text is not counted again in its paragraph.
        if tag.find(BLOCKS):
            continue
        text = re.sub(r"\s+", " ", tag.get_text(" ")).strip()
        if text:
            blocks.append(text)
    return blocks


# The page's own text in base.html: its content, without the header, breadcrumbs and share box.
CONTENT = "main [lang]"


def lix_of_page(page):
    """LIX of the page as the public sees it (or would, for a draft): rendered, caches bypassed."""
    response = page.make_preview_request()
    if hasattr(response, "render"):
        response.render()
    if response.status_code != 200:
        return Lix(0, 0, 0)
    return lix_of_blocks(prose_blocks(response.content.decode(), CONTENT))
