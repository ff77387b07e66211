"""An article readers can navigate: section ids and links, contents, reading time, all taken
from the page's content (pages.headings.Outline) as the templates render it, never by
rewriting what they rendered."""

from django import template
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from pages import reading_time
from pages import rich_text as stored_rich_text
from pages.headings import Outline

register = template.Library()


@register.tag
def sectioned(parser, token):
    """{% sectioned %}…{% endsectioned %}: the page's outline, as `outline`, for what is inside
    to give its h2 and h3 their ids and section links and to show the contents. Built only when
    the article is rendered: not at all when its cached fragment is used."""
    nodelist = parser.parse(("endsectioned",))
    parser.delete_first_token()
    return SectionedNode(nodelist)


class SectionedNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        page = context.get("page")
        outline = Outline(page.section_headings(context.flatten()) if page else ())
        with context.push(outline=outline):
            return self.nodelist.render(context)


@register.simple_tag(takes_context=True)
def section(context, *key):
    """{% section key… as section %}: the id and title of the heading with that key, None for
    one outside an outline (a block's preview) or without words."""
    outline = context.get("outline")
    return outline.get(key[0] if len(key) == 1 else key) if outline else None


@register.simple_tag
def section_link(section):
    """The link a heading has to its own section, after its text."""
    if not section:
        return ""
    return format_html(
        ' <a class="anchor-link" href="#{}"><span class="ds-sr-only">{}</span>'
        '<span aria-hidden="true">#</span></a>',
        section.id,
        _("Lenke til seksjonen «%(title)s»") % {"title": section.title},
    )


@register.simple_tag(takes_context=True)
def rich_text(context, value, block_id=None):
    """{% rich_text value [block id] %}: a rich text, its h2 and h3 with the ids and section
    links of the outline (keyed by the block's id and their number in it), its document links
    with their type and size."""
    outline = context.get("outline")
    source = value.source
    if outline is None or block_id is None:
        return stored_rich_text.render(source)
    rendered, number = [], 0
    for part in stored_rich_text.parts(source):
        if isinstance(part, str):
            rendered.append(stored_rich_text.render(part))
            continue
        found = outline.get((block_id, number))
        number += 1
        rendered.append(
            format_html(
                "<h{}{}{}>{}{}</h{}>",
                part.level,
                mark_safe(part.attributes),
                format_html(' id="{}"', found.id) if found else "",
                stored_rich_text.render(part.inner),
                section_link(found),
                part.level,
            )
        )
    return mark_safe("".join(rendered))


@register.simple_tag
def reading_time_of(page):
    """The reading time after "Sist oppdatert": a dot to the eye, a comma to the ear; nothing
    for a page without text."""
    count = reading_time.of_page(page, translation.get_language())
    if not count:
        return ""
    return format_html(
        '<span aria-hidden="true"> · </span><span class="ds-sr-only">, </span>'
        '<span class="reading-time">{}</span>',
        reading_time.label(count),
    )
