from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core import admin_security, views
from core.documents import serve_document
from core.media import serve_image
from feedback.views import feedback
from pages import sharing
from pages.api import api_router
from pages.scheduling import UnscheduleAndClearDate
from pages.sitemaps import MultilingualSitemap
from search.views import search

handler400 = "core.views.bad_request"
handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"

urlpatterns = [
    # Wagtail's own view behind a throttle; Wagtail's URL name still resolves to this path.
    path("admin/password_reset/", admin_security.password_reset),
    # Wagtail's view that also clears the cancelled date; the URL name still resolves here.
    path(
        "admin/pages/<int:page_id>/revisions/<int:revision_id>/unschedule/",
        UnscheduleAndClearDate.as_view(),
    ),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document view with our cache headers, before Wagtail's own under the same name.
    re_path(r"^dokumenter/(\d+)/(.*)$", serve_document, name="wagtaildocs_serve"),
    path("dokumenter/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("s/<int:page_id>/", sharing.permalink, name="permalink"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    # Images only: documents go through /dokumenter/, which enforces collection privacy.
    re_path(r"^media/(?P<path>.*)$", serve_image, name="media"),
    *i18n_patterns(
        # "/sok/" in Bokmål, "/en/search/" in English.
        path(_("sok/"), search, name="search"),
        # The answer to "Var denne siden nyttig?", posted from every page in its language.
        path(_("tilbakemelding/"), feedback, name="feedback"),
        # Atom feeds, calendars of deadlines and each page's change history.
        path("", include("feeds.urls")),
        # Wagtail's page router last: every other URL is a page or the 404 in its language.
        path("", include(wagtail_urls)),
        prefix_default_language=False,
    ),
]
