"""Editors can preview every page type, including at Wagtail's mobile size."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from pages.models import ContentPage
from tests.admin_forms import edit_form_data
from tests.conftest import public_pages, soup_of


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("admin", "admin@example.invalid", "x")


def test_every_page_type_renders_in_preview_mode(seeded):
    seen_types = set()
    for page in public_pages():
        page.title = f"{page.title} (utkast)"
        response = page.make_preview_request(preview_mode=page.default_preview_mode)
        assert response.status_code == 200, page.url
        assert f"{page.title}" in response.content.decode()
        seen_types.add(type(page).__name__)
    assert seen_types == {
        "HomePage",
        "DefinitionPage",
        "PrinciplesPage",
        "ContentPage",
        "ProgramIndexPage",
        "ProgramPage",
    }


def test_editor_previews_unsaved_changes_in_the_admin(client, superuser, seeded):
    page = ContentPage.objects.get(slug="handlingsrom")
    client.force_login(superuser)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    data = edit_form_data(client, page, {"title": "Handlingsrom i forhåndsvisning"})
    assert client.post(url, data).json()["is_valid"] is True
    response = client.get(url, {"mode": page.default_preview_mode})
    assert response.status_code == 200
    assert soup_of(response).find("h1").get_text(strip=True) == "Handlingsrom i forhåndsvisning"
    assert "i forhåndsvisning" not in client.get("/handlingsrom/").content.decode()
