"""LIX for every live Norwegian page, hardest first. Each page's figures are kept in PageLix until
the page is published again, so the report only renders the pages that changed."""

from django.db.models import Case, F, FloatField, Value, When
from django.db.models.functions import Cast, NullIf
from wagtail.models import Locale, Page

from pages.readability import Lix, lix_of_page
from readability.models import PageLix


def pages():
    """The live pages in the default locale (Bokmål and Nynorsk)."""
    return Page.objects.live().filter(depth__gt=1, locale=Locale.get_default())


def _version(page):
    # A page made live without being published has no publishing time; its revision then says
    # whether it changed.
    published = page.last_published_at.timestamp() if page.last_published_at else 0
    return f"{published}:{page.latest_revision_id}"


def refresh(queryset):
    """Works out the figures of the pages in `queryset` that are new or published since."""
    known = dict(
        PageLix.objects.filter(page__in=queryset.values("pk")).values_list("page_id", "version")
    )
    current = queryset.only("pk", "last_published_at", "latest_revision_id")
    changed = {page.pk: _version(page) for page in current if known.get(page.pk) != _version(page)}
    if not changed:
        return
    figures = []
    for page in Page.objects.filter(pk__in=changed).specific():
        lix = lix_of_page(page)
        figures.append(
            PageLix(
                page_id=page.pk,
                words=lix.words,
                sentences=lix.sentences,
                long_words=lix.long_words,
                version=changed[page.pk],
            )
        )
    # Two editors opening the report at once both write the same figures.
    PageLix.objects.bulk_create(
        figures,
        update_conflicts=True,
        unique_fields=["page"],
        update_fields=["words", "sentences", "long_words", "version"],
    )


def with_lix(queryset):
    """Annotated with the figures and `lix_value`, hardest first; pages without text last."""
    words = Cast(F("lix_figures__words"), FloatField())
    return queryset.annotate(
        lix_words=F("lix_figures__words"),
        lix_sentences=F("lix_figures__sentences"),
        lix_long_words=F("lix_figures__long_words"),
        # As Lix.value: no score for a text without words.
        lix_value=Case(
            When(lix_figures__words=0, then=Value(None)),
            default=words / NullIf(F("lix_figures__sentences"), 0)
            + Value(100.0) * F("lix_figures__long_words") / words,
            output_field=FloatField(),
        ),
    ).order_by(F("lix_value").desc(nulls_last=True), "path")


def lix_of(page):
    return Lix(page.lix_words or 0, page.lix_sentences or 0, page.lix_long_words or 0)
