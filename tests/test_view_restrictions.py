"""Private pages stay private: a view restriction on a page or above it is enforced on every
request, also where the page's address and its openness are cached, and with the page cache on
(as in every test): a restriction made, changed or removed purges what the caches hold."""

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from programs.models import ProgramIndexPage, ProgramPage
from tests.conftest import frontend_cache_at, soup_of, visible_text

PROGRAM = "/virkemidler/stimulab/"


def _program_text():
    return ProgramPage.objects.get(locale__language_code="nb", slug="stimulab").summary


def _asks_for_a_password(response):
    return response.status_code == 200 and soup_of(response).find("input", type="password")


def _restrict(page, **kwargs):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig", **kwargs
    )


@pytest.fixture
def warmed(seeded):
    """The program page and home page stored by the page cache, their routes cached as open."""
    for url in (PROGRAM, "/"):
        assert Client().get(url).status_code == 200
        assert Client().get(url)["X-Page-Cache"] == "hit"
    return seeded


def _stimulab():
    return ProgramPage.objects.get(locale__language_code="nb", slug="stimulab")


@pytest.fixture
def memory_cache(settings):
    """The cache in memory, so that counting queries counts the database's alone."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def test_a_public_page_answers_its_view_restrictions_from_the_cache_however_it_was_found(
    seeded, memory_cache, django_assert_num_queries
):
    """The page itself answers, not a flag set while routing: a page loaded from the database
    (as the admin and the sitemap do) gives the same answer as one the router found."""
    assert not _stimulab().get_view_restrictions().exists()
    with django_assert_num_queries(1):  # loading the page; its restrictions ask nothing
        assert not _stimulab().get_view_restrictions()


def test_a_restriction_above_a_page_is_among_its_view_restrictions_however_it_was_found(
    seeded, memory_cache
):
    assert not _stimulab().get_view_restrictions().exists()
    restriction = _restrict(ProgramIndexPage.objects.get(locale__language_code="nb"))
    assert list(_stimulab().get_view_restrictions()) == [restriction]


def test_a_page_made_private_after_it_was_served_asks_for_the_password(warmed):
    _restrict(ProgramPage.objects.get(locale__language_code="nb", slug="stimulab"))
    response = Client().get(PROGRAM)
    assert _asks_for_a_password(response)
    assert _program_text() not in visible_text(response.content.decode())


def test_a_restriction_on_the_program_list_covers_every_program_below_it(warmed):
    _restrict(ProgramIndexPage.objects.get(locale__language_code="nb"))
    assert _asks_for_a_password(Client().get(PROGRAM))


def test_a_private_home_page_asks_for_the_password(warmed):
    _restrict(Page.objects.get(pk=warmed.pk))
    assert _asks_for_a_password(Client().get("/"))


def test_a_page_for_signed_in_users_sends_anonymous_readers_to_the_login(warmed):
    PageViewRestriction.objects.create(
        page=ProgramPage.objects.get(locale__language_code="nb", slug="stimulab"),
        restriction_type=PageViewRestriction.LOGIN,
    )
    response = Client().get(PROGRAM)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_a_page_opened_again_is_shown_to_everyone(warmed):
    restriction = _restrict(ProgramPage.objects.get(locale__language_code="nb", slug="stimulab"))
    assert _asks_for_a_password(Client().get(PROGRAM))
    restriction.delete()
    response = Client().get(PROGRAM)
    assert not _asks_for_a_password(response)
    assert _program_text() in visible_text(response.content.decode())


def test_a_restriction_changed_from_password_to_login_sends_readers_to_the_login(warmed):
    restriction = _restrict(_stimulab())
    assert _asks_for_a_password(Client().get(PROGRAM))
    restriction.restriction_type = PageViewRestriction.LOGIN
    restriction.save()
    response = Client().get(PROGRAM)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_a_restriction_on_the_home_page_hides_every_stored_page_below_it(warmed):
    PageViewRestriction.objects.create(
        page=Page.objects.get(pk=warmed.pk), restriction_type=PageViewRestriction.LOGIN
    )
    for url in (PROGRAM, "/"):
        response = Client().get(url)
        assert response.status_code == 302, url
        assert "X-Page-Cache" not in response


def test_a_page_made_private_is_purged_from_the_cdn(
    warmed, settings, purge_server, django_capture_on_commit_callbacks
):
    location, received = purge_server
    frontend_cache_at(settings, location)
    with django_capture_on_commit_callbacks(execute=True):
        _restrict(_stimulab())
    assert PROGRAM in {path for _method, path, _host in received}


@pytest.fixture
def document_in_open_collection(db):
    collection = Collection.get_first_root_node().add_child(name="Rapporter")
    document = get_document_model()(title="Rapport", collection=collection)
    document.file.save("rapport.txt", ContentFile(b"Innhold"), save=False)
    document.save()
    return document


def test_a_document_is_kept_out_of_every_shared_cache(document_in_open_collection):
    response = Client().get(document_in_open_collection.url)
    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "private" in cache_control
    assert "no-cache" in cache_control


def test_a_document_whose_collection_becomes_private_is_no_longer_served(
    document_in_open_collection,
):
    assert Client().get(document_in_open_collection.url).status_code == 200
    CollectionViewRestriction.objects.create(
        collection=document_in_open_collection.collection,
        restriction_type=CollectionViewRestriction.LOGIN,
    )
    response = Client().get(document_in_open_collection.url)
    assert response.status_code == 302
    assert "login" in response["Location"]
