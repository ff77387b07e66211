"""The page cache: anonymous readers get stored pages, and every change shows on the next request.

`X-Page-Cache` says whether a response came from the cache ("hit") or was rendered and stored
("miss"). Each test turns the cache on; the test settings keep it off elsewhere.
"""

import io
from datetime import timedelta
from unittest import mock

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from pagecache import store
from pagecache.middleware import served_page
from pages.models import ContentPage, SiteSettings
from programs.models import ProgramIndexPage, ProgramPage
from tests.admin_forms import edit_form_data
from tests.conftest import soup_of, visible_text

PROGRAM = "/virkemidler/stimulab/"
OTHER = "/kompetanse/"


@pytest.fixture(autouse=True)
def page_cache_on(settings, db):
    settings.PAGE_CACHE_SECONDS = 600
    # As after a restart of Redis: nothing remembered from loading the seed (rolled back after).
    cache.clear()


def served(url, client=None, **headers):
    return (client or Client()).get(url, **headers)


def warm(*urls):
    """Requests each URL until it is stored, and checks that the next one is a hit."""
    for url in urls:
        served(url)
        assert served(url)["X-Page-Cache"] == "hit", url


def publish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


def test_an_anonymous_reader_gets_the_stored_page_with_cdn_headers(seeded):
    first = served(PROGRAM)
    second = served(PROGRAM)
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    cache_control = second["Cache-Control"]
    for part in ("public", "max-age=60", "s-maxage=600", "stale-while-revalidate=60"):
        assert part in cache_control
    assert "stale-if-error=86400" in cache_control
    assert second["ETag"] == first["ETag"]
    # The outer middleware still adds its headers to a hit.
    assert second["Content-Security-Policy"]
    assert not second.cookies


def test_head_is_answered_from_the_cache_without_a_body(seeded):
    warm(PROGRAM)
    response = Client().head(PROGRAM)
    assert response["X-Page-Cache"] == "hit"
    assert response.content == b""


def test_publishing_shows_on_the_next_request_and_leaves_unrelated_pages_cached(seeded):
    warm(PROGRAM, OTHER, "/virkemidler/", "/")
    stimulab = ProgramPage.objects.get(locale__language_code="nb", slug="stimulab")
    publish(stimulab, summary="Ny oppsummering av Stimulab.")

    page = served(PROGRAM)
    assert page["X-Page-Cache"] == "miss"
    assert "Ny oppsummering av Stimulab." in visible_text(page.content.decode())
    # The parent's listing shows the summary on its card.
    assert "Ny oppsummering av Stimulab." in visible_text(served("/virkemidler/").content.decode())
    assert served("/")["X-Page-Cache"] == "miss"
    # A page that does not show the program keeps its stored copy.
    assert served(OTHER)["X-Page-Cache"] == "hit"


def test_a_purge_after_commit_also_reaches_what_others_rendered_meanwhile(
    seeded, django_capture_on_commit_callbacks
):
    warm(PROGRAM)
    stimulab = ProgramPage.objects.get(locale__language_code="nb", slug="stimulab")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        publish(stimulab, summary="Endret i en transaksjon.")
        # Another process renders and stores the page between the change and the commit.
        assert served(PROGRAM)["X-Page-Cache"] == "miss"
        assert served(PROGRAM)["X-Page-Cache"] == "hit"
    for callback in callbacks:
        callback()
    assert served(PROGRAM)["X-Page-Cache"] == "miss"


def _shared_entry_key(path):
    return store.entry_key("testserver", path, ())


def test_this_process_serves_its_own_copy_while_the_shared_versions_say_it_is_current(seeded):
    warm(PROGRAM)
    # The shared entry is gone (evicted); the copy this process holds is still current.
    cache.delete(_shared_entry_key(PROGRAM))
    assert served(PROGRAM)["X-Page-Cache"] == "hit"


def test_without_a_copy_in_the_process_an_evicted_entry_is_rendered_again(seeded, settings):
    settings.PAGE_CACHE_LOCAL_ENTRIES = 0
    warm(PROGRAM)
    cache.delete(_shared_entry_key(PROGRAM))
    assert served(PROGRAM)["X-Page-Cache"] == "miss"


def test_a_copy_held_in_this_process_is_not_served_after_another_instance_purges(seeded):
    warm(PROGRAM, OTHER)
    # What another instance's publish does: new versions in the shared cache, nothing here.
    store.purge(pages=[PROGRAM])
    assert served(PROGRAM)["X-Page-Cache"] == "miss"
    assert served(OTHER)["X-Page-Cache"] == "hit"
    store.purge(everything=True)
    assert served(OTHER)["X-Page-Cache"] == "miss"


def test_a_copy_held_in_this_process_is_not_served_after_the_shared_cache_restarts(seeded):
    warm(PROGRAM)
    cache.clear()
    assert served(PROGRAM)["X-Page-Cache"] == "miss"


def test_unpublishing_removes_the_page_and_its_card(seeded):
    warm(PROGRAM, "/virkemidler/")
    ProgramPage.objects.get(locale__language_code="nb", slug="stimulab").unpublish()
    assert served(PROGRAM).status_code == 404
    listing = soup_of(served("/virkemidler/"))
    assert not listing.select(f'a[href="{PROGRAM}"]')


def test_deleting_removes_the_page_and_its_entry_on_the_home_page(seeded):
    warm(OTHER, "/")
    ContentPage.objects.get(slug="kompetanse").delete()
    assert served(OTHER).status_code == 404
    assert not soup_of(served("/")).select(f'a[href="{OTHER}"]')


def test_renaming_moves_the_page_and_its_children_to_the_new_address(seeded):
    warm("/virkemidler/", PROGRAM)
    index = ProgramIndexPage.objects.get(locale__language_code="nb")
    publish(index, slug="ordninger", menu_title="Ordninger")
    old = served(PROGRAM)
    assert old.status_code in (301, 302, 404)
    assert served("/virkemidler/").status_code in (301, 302, 404)
    child = served("/ordninger/stimulab/")
    assert child.status_code == 200
    # The child's breadcrumbs carry the parent's new short title.
    crumbs = soup_of(child).select_one("nav.site-breadcrumbs")
    assert "Ordninger" in crumbs.get_text(" ")


def test_moving_a_page_purges_its_old_and_new_address(seeded):
    warm(OTHER, "/handlingsrom/")
    page = ContentPage.objects.get(slug="kompetanse")
    page.move(ContentPage.objects.get(slug="handlingsrom"), pos="last-child")
    assert served(OTHER).status_code in (301, 302, 404)
    assert served("/handlingsrom/kompetanse/").status_code == 200


def _run_scheduler_at(moment):
    with mock.patch("django.utils.timezone.now", return_value=moment):
        call_command("publish_scheduled", stdout=io.StringIO())


def test_a_scheduled_publish_and_expiry_show_on_the_next_request(seeded):
    warm(OTHER)
    page = ContentPage.objects.get(slug="kompetanse")
    go_live = timezone.now() + timedelta(hours=1)
    page.lead = "Planlagt ny ingress."
    page.save_revision(approved_go_live_at=go_live)
    _run_scheduler_at(go_live + timedelta(minutes=1))
    assert "Planlagt ny ingress." in served(OTHER).content.decode()

    warm(OTHER)
    page.refresh_from_db()
    page.expire_at = go_live + timedelta(days=1)
    page.save(update_fields=["expire_at"])
    _run_scheduler_at(go_live + timedelta(days=2))
    assert served(OTHER).status_code == 404


def test_a_site_setting_shows_in_every_footer_at_once(seeded):
    warm(PROGRAM, OTHER)
    site_settings = SiteSettings.for_site(seeded.get_site())
    site_settings.organisation_name = "Et nytt organisasjonsnavn"
    site_settings.save()
    for url in (PROGRAM, OTHER):
        assert "Et nytt organisasjonsnavn" in served(url).content.decode()


def test_a_new_menu_title_shows_on_every_page(seeded):
    warm(PROGRAM, OTHER)
    principles = Page.objects.get(slug="prinsipper").specific
    publish(principles, menu_title="Tre prinsipper")
    for url in (PROGRAM, OTHER):
        menu = soup_of(served(url)).select_one("nav.site-nav")
        assert "Tre prinsipper" in menu.get_text(" ")


def test_a_page_that_changes_nothing_in_the_menu_purges_only_what_shows_it(seeded):
    warm(PROGRAM, OTHER)
    principles = Page.objects.get(slug="prinsipper").specific
    publish(principles, lead="En ny ingress, menyen er den samme.")
    assert served(PROGRAM)["X-Page-Cache"] == "hit"


def test_the_cache_asks_wagtail_which_page_a_response_shows_without_a_query(
    seeded, django_assert_num_queries
):
    """The router's own answer for the request, not a mark a hook left on it: a page for a
    page, nothing for another view (search) or for an address no page holds."""
    shown = {}
    for url in (PROGRAM, "/en/programmes/stimulab/", "/sok/?q=stimulab", "/finnes-ikke/"):
        response = served(url)
        assert "X-Page-Cache" not in response or response["X-Page-Cache"] == "miss", url
        with django_assert_num_queries(0):
            shown[url] = served_page(response.wsgi_request, response)
    assert shown[PROGRAM] == ProgramPage.objects.get(locale__language_code="nb", slug="stimulab")
    assert shown["/en/programmes/stimulab/"] == ProgramPage.objects.get(
        locale__language_code="en", slug="stimulab"
    )
    assert shown["/sok/?q=stimulab"] is None
    assert shown["/finnes-ikke/"] is None


def test_a_signed_in_editor_never_gets_a_stored_page(seeded, django_user_model):
    warm(PROGRAM)
    editor = django_user_model.objects.create_superuser("bufret", "b@example.no", "passord-123456")
    client = Client()
    client.force_login(editor)
    response = served(PROGRAM, client)
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]
    # And what the editor got is not stored for anyone else.
    assert served(PROGRAM)["X-Page-Cache"] == "hit"


def test_a_response_that_sets_a_cookie_is_never_stored(seeded):
    with mock.patch(
        "pages.models.HomePage.serve",
        autospec=True,
        side_effect=lambda page, request, *a, **k: _with_cookie(page, request),
    ):
        served("/")
        again = served("/")
    assert "X-Page-Cache" not in again
    assert again.cookies


def _with_cookie(page, request):
    response = Page.serve(page, request)
    response.set_cookie("test", "1")
    return response


def test_a_preview_is_never_stored_whole_or_in_part(seeded, django_user_model):
    page = ContentPage.objects.get(slug="handlingsrom")
    editor = django_user_model.objects.create_superuser("forhand", "f@example.no", "x")
    client = Client()
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    data = edit_form_data(client, page, {"title": "Bare i forhåndsvisningen"})
    assert client.post(url, data).json()["is_valid"] is True
    preview = client.get(url, {"mode": page.default_preview_mode})
    assert "Bare i forhåndsvisningen" in preview.content.decode()
    assert "X-Page-Cache" not in preview
    # Neither the page cache nor the cached parts of the page took the preview.
    reader = served("/handlingsrom/")
    assert reader["X-Page-Cache"] == "miss"
    assert "Bare i forhåndsvisningen" not in reader.content.decode()


def test_search_made_up_parameters_and_the_admin_are_never_stored(seeded):
    for url in ("/sok/?q=innovasjon", f"{PROGRAM}?x=1", "/admin/login/"):
        served(url)
        assert "X-Page-Cache" not in served(url), url


def test_tracking_parameters_share_the_stored_page(seeded):
    warm(PROGRAM)
    assert served(f"{PROGRAM}?utm_source=epost&utm_campaign=nyhetsbrev")["X-Page-Cache"] == "hit"


def test_a_conditional_request_gets_304_until_the_page_changes(seeded):
    etag = served(PROGRAM)["ETag"]
    unchanged = served(PROGRAM, HTTP_IF_NONE_MATCH=etag)
    assert unchanged.status_code == 304
    assert unchanged.content == b""
    assert unchanged["ETag"] == etag

    publish(
        ProgramPage.objects.get(locale__language_code="nb", slug="stimulab"),
        summary="En endring gir en ny ETag.",
    )
    changed = served(PROGRAM, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_wagtail_filling_in_an_images_size_or_hash_purges_nothing(seeded):
    # The seed's home page image, which the home page uses (Wagtail's reference index).
    image = SiteSettings.objects.get().default_share_image
    warm("/")
    image.save(update_fields=["file_size"])
    image.save(update_fields=["file_hash"])
    assert served("/")["X-Page-Cache"] == "hit"
    image.title = "Et nytt bildenavn"
    image.save()
    assert served("/")["X-Page-Cache"] == "miss"
