"""What a page tells search engines and link previews: description, canonical URL, Open Graph,
and schema.org JSON-LD."""

import json

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext
from wagtail.models import Site

from pages import languages
from pages.models import SiteSettings

DESCRIPTION_LENGTH = 300
SHARE_IMAGE_SPEC = "fill-1200x630|format-jpeg"


def page_metadata(page, request):
    # Both lookups are cached on the request, which the footer and router use too.
    site = Site.find_for_request(request) if request else page.get_site()
    root = site.root_url
    site_settings = SiteSettings.for_request(request) if request else SiteSettings.for_site(site)
    description = Truncator(strip_tags(page.search_description or page.card_text or "")).chars(
        DESCRIPTION_LENGTH
    )
    image, image_alt = _share_image(page, site_settings)
    site_name = gettext(settings.WAGTAIL_SITE_NAME)
    rendition = image.get_rendition(SHARE_IMAGE_SPEC) if image else None
    return {
        "title": page.seo_title or page.title,
        "description": description,
        "canonical": page.get_full_url(request),
        "image_url": f"{root}{rendition.url}" if rendition else None,
        "image_width": rendition.width if rendition else None,
        "image_height": rendition.height if rendition else None,
        "image_alt": image_alt,
        "og_type": "website" if page.depth <= 2 else "article",
        "site_name": site_name,
        "og_locale": languages.OG_LOCALES.get(_language(page), "nb_NO"),
        "json_ld": _json_ld(page, request, root, site_settings, description, site_name),
    }


def _language(page):
    return getattr(page, "content_language", None) or translation.get_language()


def _share_image(page, site_settings):
    if getattr(page, "image", None):
        return page.image, page.image_alt
    return site_settings.default_share_image, ""


def _json_ld(page, request, root, site_settings, description, site_name):
    organisation = {
        "@type": "Organization",
        "@id": f"{root}/#organisasjon",
        "name": site_settings.organisation_name,
        "url": f"{root}/",
    }
    if site_settings.contact_email:
        organisation["email"] = site_settings.contact_email
    website = {
        "@type": "WebSite",
        "@id": f"{root}/#nettsted",
        "name": site_name,
        "url": f"{root}/",
        "inLanguage": translation.get_language(),
        "publisher": {"@id": organisation["@id"]},
        "potentialAction": {
            "@type": "SearchAction",
            "target": f"{root}{reverse('search')}?q={{search_term_string}}",
            "query-input": "required name=search_term_string",
        },
    }
    url = page.get_full_url(request)
    web_page = {
        "@type": "WebPage",
        "@id": url,
        "url": url,
        "name": page.title,
        "description": description,
        "inLanguage": _language(page),
        "isPartOf": {"@id": website["@id"]},
    }
    if page.last_published_at:
        web_page["dateModified"] = page.last_published_at.isoformat()
    graph = [organisation, website, web_page]

    if page.trail:
        trail = [*page.trail, page]
        graph.append(
            {
                "@type": "BreadcrumbList",
                "itemListElement": [
                    {
                        "@type": "ListItem",
                        "position": position,
                        "name": getattr(crumb, "short_title", crumb.title),
                        "item": crumb.get_full_url(request),
                    }
                    for position, crumb in enumerate(trail, start=1)
                ],
            }
        )
    if hasattr(page, "json_ld"):
        graph.append(page.json_ld(url))
    data = {"@context": "https://schema.org", "@graph": graph}
    # No "<" may reach the <script> element; "\u003c" is the same character to a JSON parser.
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
