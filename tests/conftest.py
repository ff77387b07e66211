import io
import re
import socket
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.models import Page, Site

from pages.models import HomePage

FIXTURES = Path(__file__).parent / "fixtures"
# The Redis server our machines and CI run; tests that need one skip where none answers.
REDIS_URL = "redis://127.0.0.1:6379/0"


def redis_reachable():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database holds the site as `make run` builds it, loaded once by the real
    command; each test runs in a transaction that is rolled back, so it starts from the seed."""
    with django_db_blocker.unblock():
        call_command("load_seed_content", stdout=io.StringIO())


@pytest.fixture
def seeded(db):
    """The home page of the seeded site (loaded again if a test emptied the database)."""
    if not HomePage.objects.exists():
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
