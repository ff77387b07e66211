"""Private pages stay private: a view restriction on a page or above it is enforced on every
request, also where the page's address and its openness are cached."""

import pytest
from django.test import Client
from wagtail.models import Page, PageViewRestriction

from programs.models import ProgramIndexPage, ProgramPage
from tests.conftest import soup_of, visible_text

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
    """The program page and home page served once, so their routes are cached as open."""
    for url in (PROGRAM, "/"):
        assert Client().get(url).status_code == 200
    return seeded


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
