import io
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.models import Page, Site

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }


@pytest.fixture
def seeded(db):
    """The site as `make run` builds it: the seed content, loaded by the real command."""
    call_command("load_seed_content", stdout=io.StringIO())
    return Site.objects.get(is_default_site=True).root_page.specific


def public_pages():
    return Page.objects.live().public().filter(depth__gt=1).specific()


def visible_text(html):
    """What a reader sees (and a screen reader reads), as one line with single spaces."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "template"]):
        tag.decompose()
    return normalise_space(soup.get_text(" "))


def normalise_space(text):
    """Single spaces (any Unicode space counts), none before punctuation."""
    text = re.sub(r"\s+", " ", text)
    return re.sub(r" ([.,:;!?])", r"\1", text).strip()


def soup_of(response):
    return BeautifulSoup(response.content.decode(), "html.parser")
