"""Regression tests for the security and robustness defects of issue 8 (part 2)."""

import pytest
from django.core.files.base import ContentFile
from django.db import DataError, OperationalError
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from innovasjon.api import PublicPagesAPIViewSet
from tests.factories import make_image

SECRET = b"HEMMELIG-INNHOLD: bare for innloggede"


@pytest.fixture
def private_document(db):
    """A document in a collection that only logged-in users may see."""
    collection = Collection.get_first_root_node().add_child(name="Interne dokumenter")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = get_document_model()(title="Intern rapport", collection=collection)
    document.file.save("intern.txt", ContentFile(SECRET), save=False)
    document.save()
    return document


@pytest.mark.parametrize(
    "template",
    [
        "/media/images/..%2f{file}",
        "/media/images/%2e%2e%2f{file}",
        "/media/images/%2E%2E/{file}",
        "/media/images/..%5c{file}",
        "/media/images/../{file}",
        "/media/original_images/..%2f{file}",
        "/media/images/a/..%2f..%2f{file}",
        "/media/images/%252e%252e%252f{file}",
        "/media/images/.%2f..%2f{file}",
        "/media/images%2f..%2f{file}",
        "/media/{file}",
        "/media//{root}/{file}",
        "/media/images/%00/../../{file}",
    ],
)
def test_media_url_refuses_dotdot_to_documents(client, seeded, private_document, template):
    from django.conf import settings

    path = template.format(
        file=private_document.file.name, root=str(settings.MEDIA_ROOT).lstrip("/")
    )
    response = client.get(path)
    assert response.status_code == 404, (path, response.status_code)
    body = b"".join(response) if response.streaming else response.content
    assert SECRET not in body
    assert "Fant ikke siden" in body.decode()


def test_media_still_serves_images(client, seeded):
    image = make_image(title="Offentlig bilde")
    response = client.get(f"/media/{image.file.name}")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    image.file.open("rb")
    with image.file:
        assert b"".join(response.streaming_content) == image.file.read()


def test_private_documents_still_need_a_login_at_dokumenter(
    client, seeded, private_document, admin_user
):
    response = client.get(private_document.url)
    assert response.status_code == 302
    assert "login" in response["Location"]
    client.force_login(admin_user)
    response = client.get(private_document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == SECRET


def test_api_database_outage_answers_503_without_the_error_text(client, seeded, monkeypatch):
    def outage(self):
        raise OperationalError("connection failed: connection to server at 10.0.0.1")

    monkeypatch.setattr(PublicPagesAPIViewSet, "get_queryset", outage)
    response = client.get("/api/v2/pages/", {"type": "programs.ProgramPage"})
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    body = response.content.decode()
    assert "connection" not in body
    assert "10.0.0.1" not in body
    assert response.json()["message"] == "API-et er midlertidig utilgjengelig. Prøv igjen senere."


def test_api_value_the_database_refuses_answers_400(client, seeded, monkeypatch):
    def refused(self):
        raise DataError('value "99999999999" is out of range for type integer')

    monkeypatch.setattr(PublicPagesAPIViewSet, "get_queryset", refused)
    response = client.get("/api/v2/pages/")
    assert response.status_code == 400
    assert response.json() == {"message": "Ugyldig forespørsel. Sjekk parameterne."}


@pytest.mark.parametrize(
    ("params", "echo"),
    [
        ({"order": "hemmelig_felt"}, "hemmelig_felt"),
        ({"first_published_at": "2024-13-45"}, "2024-13-45"),
        ({"id": "abc"}, "abc"),
        ({"type": "programs.ProgramPage", "applications_close_on": "ikkeendato"}, "ikkeendato"),
        ({"fields": "tullefelt"}, "tullefelt"),
        ({"child_of": "abc"}, "positive integer"),
        ({"limit": "1000"}, "higher than"),
        ({"child_of": "99999999999999999999"}, "99999999999999999999"),
    ],
)
def test_api_bad_parameters_answer_400_without_echoing_exception_text(client, seeded, params, echo):
    response = client.get("/api/v2/pages/", params)
    assert response.status_code == 400
    assert echo not in response.content.decode()
    assert response.json() == {"message": "Ugyldig forespørsel. Sjekk parameterne."}


def test_api_unknown_page_does_not_echo_exception_text(client, seeded):
    response = client.get("/api/v2/pages/999999/")
    assert response.status_code == 404
    assert response.json() == {"message": "Fant ikke siden."}


@pytest.mark.parametrize("detail", [False, True])
def test_api_has_no_browsable_html_interface(client, seeded, detail):
    path = f"/api/v2/pages/{seeded.pk}/" if detail else "/api/v2/pages/"
    response = client.get(path, {"format": "api"})
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert not response.cookies, "an anonymous GET must not set a cookie"


def test_api_answers_json_to_a_browser_asking_for_html(client, seeded):
    response = client.get("/api/v2/pages/", HTTP_ACCEPT="text/html,application/xhtml+xml,*/*")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert not response.cookies
    assert client.get("/api/v2/pages/", {"format": "json"}).status_code == 200
