"""Atom feeds (RFC 4287) with Django's syndication framework: «Nytt og endret» for the whole
site and one for the programs, each in the language of its URL.

An entry is news a reader should see: a page published for the first time, or a published
change with a public note (pages.ChangeNote). A typo fix makes none. An entry links to the page's
permalink (/s/<id>/), which follows the page through moves and renames, and its id is made of
it, so an entry keeps its id when its page moves."""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape, format_html
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site

from core.templatetags.site_tags import site_name
from pages.models import ChangeNote, SiteSettings
from pages.sharing import permalink_url
from programs.models import ProgramPage

ENTRIES = 50


@dataclass
class Entry:
    page: Page
    date: datetime
    note: ChangeNote | None
    first_publication: bool


class AtomWithChangeNotes(Atom1Feed):
    """Django's Atom feed, with the change note as each entry's content."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "html"})


def entries(pages):
    """The newest news about `pages` (live, public), newest first."""
    pages = pages.live().public().filter(depth__gt=1, locale=Locale.get_active())
    notes = list(ChangeNote.objects.filter(page__in=pages)[:ENTRIES])
    first = list(pages.exclude(first_published_at=None).order_by("-first_published_at")[:ENTRIES])
    ids = {note.page_id for note in notes} | {page.pk for page in first}
    specific = Page.objects.filter(pk__in=ids).specific().in_bulk()
    found = {}
    for page in first:
        found[(page.pk, None)] = Entry(specific[page.pk], page.first_published_at, None, True)
    for note in notes:
        page = specific[note.page_id]
        # A note written with the first publication is that entry's note.
        if note.published_at == page.first_published_at and (page.pk, None) in found:
            found[(page.pk, None)].note = note
        else:
            found[(page.pk, note.pk)] = Entry(page, note.published_at, note, False)
    return sorted(found.values(), key=lambda entry: entry.date, reverse=True)[:ENTRIES]


class SiteFeed(Feed):
    feed_type = AtomWithChangeNotes
    url_name = "feed_whats_new"

    def __call__(self, request, *args, **kwargs):
        # An instance per request (feeds/views.py), so keeping the request on it is safe.
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def pages(self):
        return Page.objects.all()

    def feed_title(self):
        return _("Nytt og endret")

    def title(self):
        return f"{self.feed_title()} – {site_name()}"

    def subtitle(self):
        return _(
            "Sider som er nye, og endringer redaktørene mener betyr noe for leserne, med en "
            "kort forklaring av hva som er endret."
        )

    def link(self):
        return reverse("wagtail_serve", args=[""])

    def feed_url(self):
        return reverse(self.url_name)

    def feed_guid(self):
        return self.request.build_absolute_uri(self.feed_url())

    def author_name(self):
        site = Site.find_for_request(self.request)
        return SiteSettings.for_site(site).organisation_name if site else site_name()

    def items(self):
        return entries(self.pages())

    def item_title(self, entry):
        if entry.first_publication:
            return entry.page.title
        return _("Endret: %(title)s") % {"title": entry.page.title}

    def item_description(self, entry):
        # The summary is plain text; Django's Atom marks it as HTML, so it is escaped once.
        return escape(entry.page.specific.card_text or entry.page.title)

    def item_link(self, entry):
        return permalink_url(entry.page, self.request)

    def item_guid(self, entry):
        link = self.item_link(entry)
        return f"{link}#endring-{entry.note.pk}" if not entry.first_publication else link

    item_guid_is_permalink = False

    def item_pubdate(self, entry):
        return entry.page.first_published_at

    def item_updateddate(self, entry):
        return entry.date

    def item_extra_kwargs(self, entry):
        if entry.note is None:
            return {}
        return {
            "content": format_html(
                "<p><strong>{}</strong> {}</p>", _("Endringer:"), entry.note.note
            )
        }


class ProgramFeed(SiteFeed):
    url_name = "feed_programs"

    def pages(self):
        return Page.objects.type(ProgramPage)

    def feed_title(self):
        return _("Virkemidler: nytt og endret")

    def subtitle(self):
        return _(
            "Nye virkemidler, og endringer i virkemidlene som betyr noe for dem som vil søke, "
            "som en ny søknadsfrist."
        )
