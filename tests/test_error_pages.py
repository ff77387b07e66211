"""Norwegian error pages with the right status codes."""

import pytest
from django.test import Client, RequestFactory
from django.urls import path

from core import views
from innovasjon.urls import urlpatterns as site_urlpatterns


def _explode(request):
    raise RuntimeError("boom")


urlpatterns = [path("test-feil/", _explode), *site_urlpatterns]
handler500 = "core.views.server_error"


def test_unknown_url_gives_the_norwegian_404_page(client, seeded):
    response = client.get("/denne-siden-finnes-ikke/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Fant ikke siden" in html
    assert '<html lang="nb"' in html
    assert "Hopp til hovedinnhold" in html


@pytest.mark.urls("tests.test_error_pages")
def test_a_server_error_gives_the_norwegian_500_page(seeded):
    client = Client(raise_request_exception=False)
    response = client.get("/test-feil/")
    assert response.status_code == 500
    assert "Noe gikk galt" in response.content.decode()


def test_the_500_page_renders_without_the_database():
    # No `db` fixture: pytest-django fails any query made here.
    response = views.server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Noe gikk galt" in html
    assert '<html lang="nb"' in html


def test_a_host_we_do_not_serve_gets_the_norwegian_400_page(client, db, settings):
    settings.ALLOWED_HOSTS = ["innovasjon.example.no"]
    response = client.get("/", HTTP_HOST="evil.example.com")
    assert response.status_code == 400
    assert "Ugyldig forespørsel" in response.content.decode()


def test_a_form_without_its_csrf_token_gets_the_norwegian_403_page(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/admin/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert "Skjemaet er utløpt" in response.content.decode()


def test_posting_to_the_search_gets_the_norwegian_405_page(client, seeded):
    response = client.post("/sok/", {"q": "innovasjon"})
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert "Metoden er ikke tillatt" in response.content.decode()
