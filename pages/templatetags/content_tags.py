"""Turns a rendered article into one readers can navigate: section links, contents, file info."""

from bs4 import BeautifulSoup
from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from pages.headings import ANCHORED_TAGS, SectionIds

register = template.Library()

TOC_MIN_H2 = 3
# Ids the page chrome around the article uses; a heading must never take one of them.
CHROME_IDS = (
    "main",
    "toc-heading",
    "share-heading",
    "permalink",
    "footer-contact",
    "footer-about",
    "header-search-q",
)


@register.tag
def sectioned(parser, token):
    """{% sectioned %}…{% endsectioned %}: every h2/h3 inside gets a stable id and a link to itself;
    three or more h2 give a table of contents after the page header; document links show type
    and size."""
    nodelist = parser.parse(("endsectioned",))
    parser.delete_first_token()
    return SectionedNode(nodelist)


class SectionedNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        return mark_safe(enhance_article(self.nodelist.render(context)))


def enhance_article(html):
    soup = BeautifulSoup(html, "html.parser")
    _add_section_links(soup)
    _add_table_of_contents(soup)
    _describe_document_links(soup)
    return str(soup)


def _section_headings(soup, tags=ANCHORED_TAGS):
    """Headings that start a section; those inside a link (a card's title) do not."""
    return [heading for heading in soup.find_all(tags) if heading.find_parent("a") is None]


def _add_section_links(soup):
    ids = SectionIds()
    for chrome_id in CHROME_IDS:
        ids.reserve(chrome_id)
    headings = _section_headings(soup)
    # Ids the templates chose themselves are taken first, so generated ones never collide.
    for heading in headings:
        if heading.get("id"):
            ids.reserve(heading["id"])
    for heading in headings:
        title = heading.get_text(" ", strip=True)
        if not title:
            continue
        if not heading.get("id"):
            heading["id"] = ids.take(title)
        link = soup.new_tag("a", attrs={"class": "anchor-link", "href": f"#{heading['id']}"})
        label = soup.new_tag("span", attrs={"class": "ds-sr-only"})
        label.string = _("Lenke til seksjonen «%(title)s»") % {"title": title}
        mark = soup.new_tag("span", attrs={"aria-hidden": "true"})
        mark.string = "#"
        link.append(label)
        link.append(mark)
        heading.append(" ")
        heading.append(link)


def _add_table_of_contents(soup):
    h2s = [heading for heading in _section_headings(soup, "h2") if heading.get("id")]
    header = soup.find(class_="page-header")
    if len(h2s) < TOC_MIN_H2 or header is None:
        return
    nav = soup.new_tag("nav", attrs={"class": "toc", "aria-labelledby": "toc-heading"})
    title = soup.new_tag("p", attrs={"class": "ds-paragraph toc__title", "id": "toc-heading"})
    title.string = _("Innhold på siden")
    listing = soup.new_tag("ol", attrs={"class": "toc__list"})
    for heading in h2s:
        item = soup.new_tag("li")
        link = soup.new_tag("a", attrs={"class": "ds-link", "href": f"#{heading['id']}"})
        link.string = _heading_text(heading)
        item.append(link)
        listing.append(item)
    nav.append(title)
    nav.append(listing)
    header.insert_after(nav)


def _heading_text(heading):
    """The heading's own words, without the section link added to it."""
    return " ".join(
        text.strip()
        for text in heading.find_all(string=True)
        if text.strip() and not text.find_parent(class_="anchor-link")
    )


def _describe_document_links(soup):
    for link in soup.select("a[data-document-meta]"):
        meta = soup.new_tag("span", attrs={"class": "document-meta"})
        meta.string = f" ({link['data-document-meta']})"
        link.append(meta)
        del link["data-document-meta"]
