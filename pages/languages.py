"""Which language a page is in, and where the same page is in the site's other languages.

Bokmål is the default locale and has no URL prefix; English is a Wagtail locale under /en/.
Nynorsk is not a locale but a Norwegian page's written standard (BasePage.written_standard).
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Page, Site

from core import caching

# Each language's name in itself, as a switcher offers it to someone who reads it.
NATIVE_NAMES = {"nb": "Norsk (bokmål)", "nn": "Norsk (nynorsk)", "en": "English"}
# Open Graph wants a territory too.
OG_LOCALES = {"nb": "nb_NO", "nn": "nn_NO", "en": "en_GB"}


def versions(page, request=None):
    """{language code: {"url", "full_url"}} of the live, public versions of this page in each
    locale, this page included, in the order of LANGUAGES; cached with the content."""
    return caching.cached("versions", lambda: _versions(page, request), page.pk, request=request)


def _versions(page, request):
    found = {
        version.locale.language_code: version
        for version in Page.objects.filter(translation_key=page.translation_key)
        .live()
        .public()
        .select_related("locale")
    }
    return {
        code: {"url": found[code].get_url(request), "full_url": found[code].get_full_url(request)}
        for code, _name in settings.LANGUAGES
        if code in found
    }


def alternates(page, request=None):
    """[(language code, full URL)] of the page's versions, for hreflang links; empty where the
    page is in one language only."""
    found = versions(page, request)
    if len(found) < 2:
        return []
    return [(code, version["full_url"]) for code, version in found.items()]


def switcher(page, request):
    """What the language switcher offers: for each other language, the page's own version or,
    where it has none, that language's home page; never a page that does not exist."""
    current = translation.get_language()
    own = versions(page, request) if page is not None else {}
    site = Site.find_for_request(request) if request is not None else None
    homes = versions(site.root_page, request) if site is not None else {}
    links = []
    for code, _name in settings.LANGUAGES:
        target = own.get(code) or homes.get(code)
        if code == current or target is None:
            continue
        links.append(
            {
                "code": code,
                "name": NATIVE_NAMES.get(code, code),
                "url": target["url"],
                "same_page": code in own,
            }
        )
    return links


@dataclass
class TranslationStatus:
    translation: object
    source: object

    @property
    def source_changed(self):
        """The source was published again after the translation last was: it may say
        something the translation does not."""
        source_at = self.source.last_published_at
        return bool(
            source_at
            and (not self.translation.live or self.translation.last_published_at < source_at)
        )


def translation_status(page):
    """The page's source and whether it changed since the translation; None for a page in the
    default locale or one whose source is gone."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return None
    source = page.get_translation_or_none(default)
    return TranslationStatus(page, source.specific) if source is not None else None
