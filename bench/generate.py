"""A bigger site on top of the seed content: generated program pages under /virkemidler/ and
generated content pages under one hidden parent, /generert/.

    from bench.generate import generate_site
    generate_site(programs=100, content=100)  # tops up to 100 of each; returns what it added

Needs Django set up and the seed content loaded (`load_seed_content`). Pages are added as
`add_child()` then `save_revision().publish()` leave them: live, one revision each, in the search
index, with Wagtail's `page_published` signal sent (once per batch), so caches move on as after
a real publish. That costs about 20 ms a page here instead of 270 (see _append_published). The
admin's history shows each page created, but no publish entries.
"""

import datetime
import itertools

from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_save
from django.utils import timezone
from wagtail.models import Page, Revision
from wagtail.search.backends import get_search_backends
from wagtail.search.signal_handlers import post_save_signal_handler
from wagtail.signals import page_published

from pages.models import ContentPage, HomePage
from programs.models import ProgramIndexPage, ProgramPage, ProgramStatus

PROGRAM_SLUG = "generert-virkemiddel-{:04d}"
CONTENT_PARENT_SLUG = "generert"
CONTENT_SLUG = "generert-side-{:04d}"
STATUSES = (ProgramStatus.RUNNING, ProgramStatus.OPEN, ProgramStatus.ENDED)
WORDS = [
    *("innovasjon", "tjenester", "samarbeid", "kommuner", "brukere", "digitalisering"),
    *("kompetanse", "ledelse", "gevinster", "risiko", "eksperimenter", "prosjekter"),
    *("forvaltning", "velferd", "statlige", "virksomheter"),
]


def generate_site(programs=1000, content=1000):
    """Top the site up to `programs` generated program pages and `content` generated content
    pages; pages generated before are kept. Returns how many of each were added."""
    with transaction.atomic():
        index = ProgramIndexPage.objects.get(slug="virkemidler")
        have = ProgramPage.objects.child_of(index).filter(slug__startswith="generert-").count()
        new_programs = [_program(n) for n in range(have + 1, programs + 1)]
        _append_published(index, new_programs)

        parent = _content_parent()
        have = ContentPage.objects.child_of(parent).count()
        new_content = [_content_page(n) for n in range(have + 1, content + 1)]
        _append_published(parent, new_content)
    return {"programs": len(new_programs), "content": len(new_content)}


def _program(n):
    status = STATUSES[n % len(STATUSES)]
    words = _words(n)
    return ProgramPage(
        title=f"Generert virkemiddel {n:04d}",
        slug=PROGRAM_SLUG.format(n),
        show_in_menus=False,
        name=f"Virkemiddel {n:04d}",
        summary=f"Et generert virkemiddel for {words[0]} og {words[1]} i offentlig sektor.",
        description=(
            f"Virkemiddel {n:04d} hjelper virksomheter med {words[2]} og {words[3]}. "
            "Teksten er generert for ytelsesmålinger."
        ),
        target_audience=f"Statlige virksomheter og kommuner som arbeider med {words[4]}.",
        status=status,
        applications_close_on=(
            timezone.localdate() + datetime.timedelta(days=90)
            if status == ProgramStatus.OPEN
            else None
        ),
        ended_year=2020 + n % 5 if status == ProgramStatus.ENDED else None,
        body=[{"type": "text", "value": _paragraphs(n)}],
    )


def _content_page(n):
    return ContentPage(
        title=f"Generert innholdsside {n:04d}",
        slug=CONTENT_SLUG.format(n),
        show_in_menus=False,
        lead=f"En generert side om {' og '.join(_words(n)[:2])}.",
        body=[{"type": "text", "value": _paragraphs(n)}],
    )


def _content_parent():
    existing = ContentPage.objects.filter(slug=CONTENT_PARENT_SLUG).first()
    if existing is not None:
        return existing
    parent = ContentPage(
        title="Genererte sider",
        slug=CONTENT_PARENT_SLUG,
        show_in_menus=False,  # the menu lists the home page's children shown in menus
        lead="Sider generert for ytelsesmålinger.",
    )
    _append_published(HomePage.objects.get(locale__language_code="nb"), [parent])
    return parent


def _words(n):
    return [WORDS[(n * 7 + i * 3) % len(WORDS)] for i in range(6)]


def _paragraphs(n):
    words = _words(n)
    return "".join(
        f"<p>Avsnitt {i + 1} om {words[i]} og {words[i + 1]}. Innovasjon i offentlig sektor "
        "betyr nye eller vesentlig endrede tjenester, produkter, prosesser eller måter å "
        "organisere arbeidet på.</p>"
        for i in range(3)
    )


def _append_published(parent, pages):
    """Add unsaved `pages` as the last children of `parent`, published.

    What add_child() + save_revision().publish() cost here is mostly per-page work that a batch
    does once: locking the parent and counting its children, validation queries, rebuilding
    the search index's title norms over the whole table, and saving each page three times.
    """
    if not pages:
        return
    parent = Page.objects.select_for_update().get(pk=parent.pk)  # as treebeard locks it
    previous = parent.get_last_child()
    depth = parent.depth + 1
    now = timezone.now()
    for page in pages:
        page.path = previous._inc_path() if previous else Page._get_path(parent.path, depth, 1)
        page.depth = depth
        page._cached_parent_obj = parent  # read by clean() and save() instead of a query
        page.locale_id = parent.locale_id
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = now
        page.latest_revision_created_at = now
        # The model's own rules (ASCII slugs, status and dates), not the unique-index queries.
        page.full_clean(validate_unique=False)
        previous = page

    models = {type(page) for page in pages}
    # The search index gets the whole batch at once, below.
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        for page in pages:
            page.save(clean=False)
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)

    base_type = pages[0].get_base_content_type()
    revisions = Revision.objects.bulk_create(
        Revision(
            content_type_id=page.content_type_id,
            base_content_type=base_type,
            object_id=str(page.pk),
            created_at=now,
            content=page.serializable_data(),
            object_str=str(page),
        )
        for page in pages
    )
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision = page.live_revision = revision
    Page.objects.bulk_update(pages, ["latest_revision", "live_revision"], batch_size=500)

    for backend in get_search_backends(with_auto_update=True):
        for model, group in itertools.groupby(pages, key=type):
            backend.add_bulk(model, list(group))
    # Once for the batch, not per page: the pages are new and share a parent, so what a publish
    # purges (the parent's listing, the ancestors, the menus) is the same for each of them.
    page_published.send(sender=type(pages[-1]), instance=pages[-1], revision=revisions[-1])
