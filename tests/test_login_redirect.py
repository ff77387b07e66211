"""Where the site's own login (/_util/login/, for pages restricted to signed-in users) and a
page's password form send the reader: the page they came from when that is on this site, else
the home page in their language, never another site."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from wagtail.models import PageViewRestriction

from programs.models import ProgramPage

PASSWORD = "Fjellvann-og-fjord-27"
UNSAFE = [
    "https://evil.example/",
    "//evil.example/",
    "///evil.example/",
    "/\\evil.example/",
    "javascript:alert(1)",
    "http://testserver.evil.example/",
]


@pytest.fixture
def reader(seeded):
    return User.objects.create_user("leser", email="leser@example.no", password=PASSWORD)


def _login(path="/_util/login/", **next_url):
    return Client().post(path, {"username": "leser", "password": PASSWORD, **next_url})


def test_the_login_without_a_next_page_lands_on_the_home_page(reader):
    response = _login()
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert Client().get(response["Location"]).status_code == 200


def test_the_english_login_lands_on_the_english_home_page(reader):
    response = _login("/en/_util/login/")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_the_login_returns_to_the_page_it_was_asked_for(reader):
    response = _login(next="/virkemidler/stimulab/")
    assert response["Location"] == "/virkemidler/stimulab/"


@pytest.mark.parametrize("unsafe", UNSAFE)
def test_the_login_refuses_a_next_page_on_another_site(reader, unsafe):
    response = _login(next=unsafe)
    assert response.status_code == 302
    assert response["Location"] == "/"


@pytest.mark.parametrize("unsafe", UNSAFE)
def test_a_page_password_refuses_a_return_address_on_another_site(seeded, unsafe):
    page = ProgramPage.objects.get(locale__language_code="nb", slug="stimulab")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
    )
    response = Client().post(
        f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
        {"password": "hemmelig", "return_url": unsafe},
    )
    assert response.status_code == 302
    assert response["Location"] == "/"
