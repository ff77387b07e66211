"""The sitemap: every live public page in every language, each with its versions in the others
as hreflang alternates (Google reads them from the sitemap as from the page's head)."""

from collections import defaultdict

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        homes = root.get_translations(inclusive=True).live()
        pages = Page.objects.none()
        for home in homes:
            pages = pages | Page.objects.descendant_of(home, inclusive=True)
        return (
            pages.live().public().select_related("locale").order_by("path").defer_streamfields()
        ).specific()

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        listed = list(self.paginator.page(page).object_list)
        versions = defaultdict(list)
        for item in listed:
            versions[item.translation_key].append(item)
        by_location = {item.get_full_url(self.request): item for item in listed}
        for url in urls:
            item = by_location.get(url["location"])
            siblings = versions[item.translation_key] if item is not None else []
            if len(siblings) > 1:
                url["alternates"] = [
                    {"location": other.get_full_url(self.request), "lang_code": code}
                    for other, code in sorted(
                        ((other, other.locale.language_code) for other in siblings),
                        key=lambda pair: pair[1] != "nb",
                    )
                ]
        return urls
