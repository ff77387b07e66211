"""Site search at /sok/ (/en/search/ in English): Wagtail's database backend, editors'
promotions first, nothing about the reader kept.

The visitor's query is untrusted text that reaches the search backend's own query language
(SQLite FTS5 MATCH, PostgreSQL tsquery), so it is cleaned before it touches the database and the
evaluation is guarded as well. Searching writes no Query rows, no hit counters and no log of the
query; a search without hits adds one to its query's count for the day (search/zero_hits.py).
The small helpers at the top are pure and tested on their own.
"""

import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.db import DatabaseError, connection, transaction
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.shortcuts import render
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, PlainText
from wagtail.search.utils import normalise_query_string

from core import caching
from core.http import safe_methods_only
from core.pagination import PAGE_PARAM, pagination, parse_page_number
from programs.models import ProgramIndexPage
from search import backends, vocabulary, zero_hits
from search import models as synonyms
from search.models import words_of

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10

# Whitespace-like controls become spaces; NUL, other controls and invisible format characters
# (zero-width, bidi overrides, soft hyphen, BOM) disappear; a double quote breaks SQLite's FTS5
# syntax, so it becomes a space too.
_WHITESPACE_CONTROLS = re.compile(r'[\t\n\v\f\r\x1c-\x1f\x85\u2028\u2029"]')
_INVISIBLE = re.compile(
    r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\xad\u061c\u180e\u200b-\u200f"
    r"\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]"
)
# A letter or a digit, in any script (æ, ø and å included); punctuation, emoji and "_" are not.
_WORD_CHAR = re.compile(r"[^\W_]")
_WORD = re.compile(r"[^\W_]+")

# Common Norwegian inflection endings, longest first. Highlighting strips one of them from a query
# word, so "programmene" marks "programmet", as PostgreSQL's Norwegian stemming finds it.
_SUFFIXES = ("hetene", "heten", "ene", "ane", "ens", "ets", "ers", "en", "er", "et", "ar", "e", "a")
_MIN_STEM = 4
_OPERATORS = {"AND", "OR", "NOT"}


def sanitise_query(raw):
    """The query as the database may see it, and whether it had to be cut to MAX_QUERY_LENGTH:
    at a word boundary, so no word is searched in part (a single overlong word is cut anyway)."""
    text = _INVISIBLE.sub("", raw or "")
    text = _WHITESPACE_CONTROLS.sub(" ", text)
    text = " ".join(text.split())
    if len(text) <= MAX_QUERY_LENGTH:
        return text, False
    head = text[: MAX_QUERY_LENGTH + 1].rsplit(" ", 1)[0]
    return (head if len(head) <= MAX_QUERY_LENGTH else text[:MAX_QUERY_LENGTH]).rstrip(), True


def search_terms(query):
    """The words to search for: AND, OR and NOT, carried over from other search engines, are
    left out, since every word is searched for anyway."""
    return " ".join(word for word in query.split() if word not in _OPERATORS)


def alternatives(query):
    """The parts of a query a reader put OR between, other operators left out: «innovasjon OR
    stimulab» is ["innovasjon", "stimulab"]; a query without OR is one part."""
    parts = [[]]
    for word in query.split():
        if word == "OR":
            parts.append([])
        elif word not in _OPERATORS:
            parts[-1].append(word)
    return [" ".join(part) for part in parts if part]


def has_words(query):
    """True when the query has at least one letter or digit to search for."""
    return bool(_WORD_CHAR.search(query))


def highlight_terms(query):
    """The words to mark in a summary: each query word and, if it has one, its stem."""
    terms = set()
    for word in _WORD.findall(query.lower()):
        if len(word) < 2:
            continue
        terms.add(word)
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
                terms.add(word[: -len(suffix)])
                break
    return sorted(terms, key=lambda term: (-len(term), term))


def highlight(text, query):
    """HTML-safe text where every word starting with a query word is wrapped in <mark>.

    Case-insensitive and Unicode-aware ("ØKONOMI" marks "økonomi"). The text is escaped piece by
    piece around the matches, so neither the text nor the query can inject markup.
    """
    text = text or ""
    terms = highlight_terms(query)
    if not terms:
        return SafeString(escape(text))
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(term) for term in terms) + r")\w*", re.IGNORECASE
    )
    parts = []
    position = 0
    for match in pattern.finditer(text):
        parts.append(escape(text[position : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))


@dataclass
class Result:
    title: str
    url: str
    summary: SafeString
    breadcrumb: list = field(default_factory=list)
    promoted: bool = False


def _search_url(query, number):
    return "?" + urlencode({"q": query, PAGE_PARAM: number})


def _pagination(query, page):
    return pagination(page, lambda number: _search_url(query, number))


def _cards(pages, site_root, request):
    """{pk: (title, text, trail)} for the pages: what a result shows besides its highlighting,
    from the cache for pages seen before (core/caching.py)."""
    return caching.cached_many(
        "search-card",
        [page.pk for page in pages],
        lambda ids: _build_cards(ids, site_root),
        request=request,
    )


def _build_cards(ids, site_root):
    pages = list(Page.objects.filter(pk__in=ids).specific().defer_streamfields())
    trails = _breadcrumbs(pages, site_root)
    return {
        page.pk: {"title": page.title, "text": _card_text(page), "trail": trails[page.pk]}
        for page in pages
    }


def _breadcrumbs(pages, site_root):
    """Each page's ancestors from the home page down, by short title, in one query."""
    steplen = Page.steplen
    start = site_root.depth * steplen
    trails = {
        page.pk: [page.path[:end] for end in range(start, len(page.path), steplen)]
        for page in pages
    }
    wanted = {path for trail in trails.values() for path in trail}
    titles = {}
    if wanted:
        for ancestor in Page.objects.filter(path__in=wanted).specific().defer_streamfields():
            if ancestor.pk == site_root.pk:
                titles[ancestor.path] = _("Forside")
            else:
                titles[ancestor.path] = getattr(ancestor, "short_title", "") or ancestor.title
    return {pk: [titles[path] for path in trail if path in titles] for pk, trail in trails.items()}


def _card_text(page):
    return getattr(page, "card_text", "") or page.search_description or ""


# Queries whose words have the same stems as the query's, in the language searched.
_SAME_STEMS = """
SELECT id FROM wagtailsearchpromotions_query
WHERE strip(to_tsvector(%s::regconfig, query_string)) = strip(to_tsvector(%s::regconfig, %s))
    AND length(to_tsvector(%s::regconfig, query_string)) > 0
"""


def _promotions(query, pages):
    """Editors' picks for this query, read without creating a Query row: picked for the same
    words, in any case and with any punctuation, or on PostgreSQL for the same stems
    («programmene» fires the pick for «programmer»).

    A pick shows if its page is among `pages` (live, public, this site) or it is an external link.
    """
    same_query = Q(
        query__query_string__in={normalise_query_string(query), " ".join(words_of(query))}
    )
    if connection.vendor == "postgresql":
        config = backends.search_config(translation.get_language())
        same_query |= Q(query__in=RawSQL(_SAME_STEMS, [config, config, query, config]))
    return list(
        SearchPromotion.objects.filter(same_query)
        .filter(
            Q(page__in=pages.values("pk")) | (Q(page__isnull=True) & Q(external_link_url__gt=""))
        )
        .select_related("page")
        .order_by("sort_order", "pk")
    )


def _result(page, query, request, cards, summary=None, promoted=False):
    card = cards.get(page.pk) or {"title": page.title, "text": "", "trail": []}
    return Result(
        title=card["title"],
        url=page.get_url(request),
        summary=highlight(summary or card["text"], query),
        breadcrumb=card["trail"],
        promoted=promoted,
    )


def _promoted_result(pick, query, request, cards):
    if pick.page_id:
        return _result(pick.page, query, request, cards, summary=pick.description, promoted=True)
    return Result(
        title=pick.external_link_text or pick.external_link_url,
        url=pick.external_link_url,
        summary=highlight(pick.description, query),
        promoted=True,
    )


def _found(backend, query, candidates, context):
    """A paginator over the pages with any of the parts a reader put OR between; else with all
    the words, or a synonym (search/models.py) in place of some of them; failing that, with any
    of the words; failing that, the same with each word or a compound it is part of, then for
    the query with its misspelt words corrected, which context["corrected"] then holds, then
    with long words split into their parts (search/vocabulary.py). Each fallback runs only when
    the one before found nothing."""
    terms = search_terms(query)
    if not terms:
        return Paginator(candidates.none(), RESULTS_PER_PAGE)
    language = translation.get_language()
    if len(parts := alternatives(query)) > 1:
        any_part = Or([PlainText(part) for part in parts])
        paginator = Paginator(backend.search(any_part, candidates), RESULTS_PER_PAGE)
        if paginator.count:
            return paginator
    paginator = None
    if len(phrasings := synonyms.variants(terms)) > 1:
        any_phrasing = Or([PlainText(phrasing) for phrasing in phrasings])
        paginator = Paginator(backend.search(any_phrasing, candidates), RESULTS_PER_PAGE)
    if not (paginator and paginator.count):
        paginator = _all_or_some_words(backend, terms, candidates, context)
    # Whatever is found from here on has the words only in part, or not as typed.
    context["partly"] = context.get("partly") or paginator.count == 0
    if paginator.count == 0 and (compounds := vocabulary.compounds(terms, language)):
        paginator = _all_or_some_words(backend, _in_place_of(terms, compounds), candidates, context)
    if paginator.count == 0:
        correction = vocabulary.corrected(terms, language)
        if correction:
            corrected = _all_or_some_words(backend, correction, candidates, context)
            if corrected.count:
                context["corrected"] = correction
                return corrected
    if paginator.count == 0 and (parts := vocabulary.split_words(terms, language)):
        paginator = _all_or_some_words(backend, _in_place_of(terms, parts), candidates, context)
    return paginator


def _in_place_of(terms, others):
    """A query object for each word: the word, or any of the others found for it."""
    return [
        Or([PlainText(word), *(PlainText(other) for other in others[word])])
        if word in others
        else PlainText(word)
        for word in terms.lower().split()
    ]


def _all_or_some_words(backend, terms, candidates, context):
    """Pages with all the words, else with any of them (context["partly"] then True); `terms` is
    the query's text, or a query object for each of its words."""
    if isinstance(terms, str):
        all_words, some_words, count = terms, PlainText(terms, operator="or"), len(terms.split())
    else:
        all_words, some_words, count = And(terms), Or(terms), len(terms)
    paginator = Paginator(backend.search(all_words, candidates), RESULTS_PER_PAGE)
    if paginator.count == 0 and count > 1:
        paginator = Paginator(backend.search(some_words, candidates), RESULTS_PER_PAGE)
        context["partly"] = True
    return paginator


def _cached_search(request, query, number, site):
    """(within range, what _run_search found), from the cache for the same query, page, language
    and host under the same content (core/caching.py), so a repeated search costs no query; with
    the page of results and the pagination links made anew."""

    def build():
        found = {}
        return _run_search(request, query, number, site, found), found

    within_range, found = caching.cached("search-results", build, query, number, request=request)
    if "found" in found:
        page = Paginator(range(found["found"]), RESULTS_PER_PAGE).page(number)
        found = {**found, "results_page": page, "pagination": _pagination(query, page)}
    return within_range, found


def _run_search(request, query, number, site, context):
    """Fills in the results; returns False if the requested page is past the last one.

    A query whose words are the site's words in another language rather than in the URL's
    («innovation» typed into /sok/) searches that language's pages, if they have hits. A query
    whose hits have its words only in part, and with a word the site does not use, gets a «Mente
    du …?» (context["suggestion"]): «innovsjon nettverk» finds «nettverk» and offers
    «innovasjon nettverk»."""
    language = translation.get_language()
    terms = search_terms(query)
    usage = vocabulary.usage(terms)
    if other := usage.language(language):
        elsewhere = {}
        with translation.override(other):
            within_range = _search_pages(request, query, number, site, elsewhere)
        if elsewhere.get("total"):
            context.update(elsewhere, other_language=other)
            return within_range
    within_range = _search_pages(request, query, number, site, context)
    if (
        context["total"]
        and context.get("partly")
        and "corrected" not in context
        and usage.unknown(language)
    ):
        context["suggestion"] = vocabulary.corrected(terms, language)
        if context["suggestion"]:
            context["suggestion_url"] = _search_url(context["suggestion"], 1)
    return within_range


def _search_pages(request, query, number, site, context):
    """_run_search in the pages of the active language, stemmed as that language
    (search/backends.py)."""
    root = site.root_page.specific.localized
    pages = Page.objects.live().public().descendant_of(root, inclusive=True)
    picks = _promotions(query, pages)
    promoted_ids = [pick.page_id for pick in picks if pick.page_id]
    backend = backends.for_language(get_search_backend(), translation.get_language())
    paginator = _found(backend, query, pages.exclude(pk__in=promoted_ids), context)
    context["total"] = len(picks) + paginator.count
    try:
        page = paginator.page(number)
    except EmptyPage:
        if context["total"] == 0:
            return True
        context["last_page"] = paginator.num_pages
        context["last_page_url"] = _search_url(query, paginator.num_pages)
        return False

    found_pages = list(page.object_list)
    searched = context.get("corrected") or query
    picks = picks if page.number == 1 else []
    cards = _cards([*(pick.page for pick in picks if pick.page_id), *found_pages], root, request)
    context["results"] = [
        *(_promoted_result(pick, query, request, cards) for pick in picks),
        *(_result(found_page, searched, request, cards) for found_page in found_pages),
    ]
    context["found"] = paginator.count
    return True


@safe_methods_only
def search(request):
    """GET /sok/?q=…&side=…: results, or a friendly Norwegian explanation. Never a 500."""
    raw_query = request.GET.get("q", "")
    query, truncated = sanitise_query(raw_query)
    number = parse_page_number(request.GET.get(PAGE_PARAM))
    context = {
        "query": query,
        "truncated": truncated,
        "max_length": MAX_QUERY_LENGTH,
        "results": [],
        "total": 0,
        "searched": False,
    }

    if number is None:
        context["error"] = "page_number"
        if query and has_words(query):
            context["first_page_url"] = _search_url(query, 1)
        return render(request, "search/search.html", context, status=400)

    if not query or not has_words(query):
        if raw_query.strip():
            context["error"] = "no_words"
        return render(request, "search/search.html", context)

    site = Site.find_for_request(request)
    if site is None:
        context["searched"] = True
        return render(request, "search/search.html", context)

    try:
        # A savepoint, so a failed query cannot poison a surrounding transaction.
        with transaction.atomic():
            within_range, found = _cached_search(request, query, number, site)
        context.update(found)
    except DatabaseError:
        if not connection.is_usable():
            raise  # the database is out, not the query: the site's 503 with Retry-After
        context.update(results=[], total=0, error="backend", pagination=None)
        return render(request, "search/search.html", context)

    context["searched"] = True
    if not within_range:
        context["error"] = "past_last_page"
    elif not context["total"]:
        context.update(_where_else(query, site))
        zero_hits.record(query, translation.get_language())
    return render(request, "search/search.html", context)


def _where_else(query, site):
    """For a search without hits: the list of programs in this language, and the same search in
    the other languages, where the words may be theirs («innovation» typed into /sok/)."""
    language = translation.get_language()
    programs = (
        ProgramIndexPage.objects.live()
        .public()
        .descendant_of(site.root_page.specific.localized)
        .filter(locale__language_code=language)
        .first()
    )
    others = []
    for code, name in settings.LANGUAGES:
        if code != language:
            url = translate_url(reverse("search"), code) + "?" + urlencode({"q": query})
            others.append({"url": url, "name": name, "code": code})
    return {"program_index": programs, "other_searches": others}
