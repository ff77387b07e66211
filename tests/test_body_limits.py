"""Request bodies larger than a URL could want are refused with 413 before anything reads them."""

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.http import HttpResponse
from django.test import RequestFactory

from core.limits import RequestBodyLimitMiddleware
from tests.conftest import soup_of

HUNDRED_MB = 100 * 1024 * 1024


class UnreadableBody:
    """A wsgi.input that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the request body was read")

    readline = read


def declared_post(client, path, length, **extra):
    return client.generic(
        "POST",
        path,
        content_type="multipart/form-data; boundary=grense",
        CONTENT_LENGTH=str(length),
        **{"wsgi.input": UnreadableBody()},
        **extra,
    )


@pytest.mark.parametrize("path", ["/", "/admin/login/", "/admin/images/multiple/add/"])
def test_anonymous_100_mb_post_is_refused_without_reading_the_body(client, seeded, path):
    response = declared_post(client, path, HUNDRED_MB)

    assert response.status_code == 413
    assert soup_of(response).find("h1").get_text(strip=True) == "For stor forespørsel"


def test_signed_in_editor_post_over_the_public_limit_is_refused_outside_admin(
    client, seeded, settings
):
    client.force_login(User.objects.create_superuser("redaktor_test", password="x" * 20))

    response = declared_post(client, "/", settings.PUBLIC_MAX_BODY_BYTES + 1)

    assert response.status_code == 413


def test_body_of_unknown_length_is_refused(client, seeded):
    response = client.generic(
        "POST", "/", HTTP_TRANSFER_ENCODING="chunked", **{"wsgi.input": UnreadableBody()}
    )

    assert response.status_code == 411
    assert "mangler lengde" in soup_of(response).find("h1").get_text()


def test_unparseable_content_length_is_a_bad_request(client, seeded):
    response = client.generic(
        "POST", "/", CONTENT_LENGTH="mange", **{"wsgi.input": UnreadableBody()}
    )

    assert response.status_code == 400


def test_small_public_post_passes_the_limit(client, seeded):
    response = client.post("/sok/", {"q": "innovasjon"})

    assert response.status_code not in (411, 413)


def _through_middleware(path, length, user):
    request = RequestFactory().post(path, CONTENT_LENGTH=str(length))
    request.user = user
    return RequestBodyLimitMiddleware(lambda request: HttpResponse("passed"))(request)


@pytest.mark.django_db
def test_signed_in_editor_may_upload_up_to_the_admin_limit(settings):
    editor = User.objects.create_user("redaktor_test", password="x" * 20)
    path = "/admin/documents/multiple/add/"

    assert settings.ADMIN_MAX_BODY_BYTES > settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    assert _through_middleware(path, settings.ADMIN_MAX_BODY_BYTES, editor).content == b"passed"
    assert _through_middleware(path, settings.ADMIN_MAX_BODY_BYTES + 1, editor).status_code == 413
    anonymous = AnonymousUser()
    assert _through_middleware(path, settings.PUBLIC_MAX_BODY_BYTES, anonymous).content == b"passed"
    assert (
        _through_middleware(path, settings.PUBLIC_MAX_BODY_BYTES + 1, anonymous).status_code == 413
    )
