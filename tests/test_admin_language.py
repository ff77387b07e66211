"""An editor meets the admin in Bokmål: a crawl of the editorial path finds no English."""

import json
import re
from datetime import timedelta
from pathlib import Path

import pytest
import wagtail
from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site, Workflow
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail.users.models import UserProfile

from pages.models import ContentPage, SiteSettings
from programs.models import ProgramPage
from tests.admin_forms import edit_form_data, form_fields
from tests.admin_language import english_texts
from tests.catalogues import ROOT, parse_po

EDITORS = "Redaktører"
APPROVERS = "Godkjennere"


def _client(username, group):
    user = User.objects.create_user(
        username=username, password="x", first_name=username.capitalize(), last_name="Nordmann"
    )
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    return client


def _names():
    """What the content calls things: the crawl allows these wherever they appear."""
    names = {"Wagtail"}
    names |= set(Page.objects.values_list("title", flat=True))
    names |= set(Page.objects.values_list("draft_title", flat=True))
    names |= set(get_image_model().objects.values_list("title", flat=True))
    names |= set(get_document_model().objects.values_list("title", flat=True))
    names |= set(Site.objects.values_list("site_name", flat=True))
    names |= set(Group.objects.values_list("name", flat=True))
    names |= set(Workflow.objects.values_list("name", flat=True))
    names |= {locale.get_display_name() for locale in Locale.objects.all()}
    for user in User.objects.all():
        names |= {user.username, user.get_full_name(), user.first_name, user.get_short_name()}
    return names


@pytest.fixture
def crawl(seeded):
    """Every view of the editorial path, each as the role that meets it, as {label: html}."""
    editor = _client("redaktor", EDITORS)
    approver = _client("godkjenner", APPROVERS)
    home = seeded
    stimulab = ProgramPage.objects.get(locale__language_code="nb", slug="stimulab")
    page = ContentPage.objects.get(locale__language_code="nb", slug="handlingsrom")
    image = get_image_model().objects.first()
    document = get_document_model().objects.create(
        title="Veileder", file=ContentFile(b"%PDF-1.4\n", name="veileder.pdf")
    )
    site = Site.objects.get(is_default_site=True)
    english = Locale.objects.get(language_code="en")
    add_url = reverse("wagtailadmin_pages:add", args=["pages", "contentpage", home.pk])

    pages = {"innlogging": Client().get(reverse("wagtailadmin_login"))}
    gets = {
        "oversikt": reverse("wagtailadmin_home"),
        "sidetre": reverse("wagtailadmin_explore_root"),
        "sideliste": reverse("wagtailadmin_explore", args=[home.pk]),
        "sidetype": reverse("wagtailadmin_pages:add_subpage", args=[home.pk]),
        "ny side": add_url,
        "redigering": reverse("wagtailadmin_pages:edit", args=[stimulab.pk]),
        "redigering av engelsk side": reverse(
            "wagtailadmin_pages:edit", args=[stimulab.get_translation(english).pk]
        ),
        "historikk": reverse("wagtailadmin_pages:history", args=[stimulab.pk]),
        "bilder": reverse("wagtailimages:index"),
        "bilde": reverse("wagtailimages:edit", args=[image.pk]),
        "bildevelger": reverse("wagtailimages_chooser:choose"),
        "dokumenter": reverse("wagtaildocs:index"),
        "dokumentvelger": reverse("wagtaildocs_chooser:choose"),
        "sidevelger": reverse("wagtailadmin_choose_page"),
        "oversettelse": reverse("simple_translation:submit_page_translation", args=[stimulab.pk]),
        "forhåndsvisning": stimulab.url,
    }
    pages |= {label: editor.get(url) for label, url in gets.items()}
    empty = form_fields(pages["ny side"].content.decode())
    empty.pop("body", None)
    empty |= nested_form_data({"body": streamfield([])}) | {"title": ""}
    pages["feil i ny side"] = editor.post(add_url, empty)

    data = edit_form_data(editor, page, {})
    data["action-submit"] = "1"
    editor.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    in_moderation = reverse("wagtailadmin_pages:edit", args=[page.pk])
    pages["til godkjenning"] = editor.get(in_moderation)
    pages["godkjenning"] = approver.get(in_moderation)
    pages["oppgaver"] = approver.get(reverse("wagtailadmin_home"))
    startoff = ProgramPage.objects.get(locale__language_code="nb", slug="startoff")
    startoff.go_live_at = timezone.now() + timedelta(days=7)
    startoff.save_revision().publish()
    startoff.refresh_from_db()
    startoff.go_live_at = timezone.now() + timedelta(days=14)
    startoff.save_revision()
    pages["planlagt"] = approver.get(reverse("wagtailadmin_pages:edit", args=[startoff.pk]))
    pages["planlagt historikk"] = approver.get(
        reverse("wagtailadmin_pages:history", args=[startoff.pk])
    )
    ContentPage.objects.filter(pk=page.pk).update(next_review=timezone.localdate() - timedelta(3))
    pages["gjennomgang"] = editor.get(reverse("review_report"))
    assert "Forfalt for 3 dager siden" in pages["gjennomgang"].content.decode()
    for label, report in [
        ("målform", "written_standards_report"),
        ("lesbarhet", "readability_report"),
        ("tilbakemeldinger", "feedback_report"),
        ("brutte lenker", "linkcheck_report"),
    ]:
        pages[label] = editor.get(reverse(report))
    pages["innholdseiere"] = approver.get(reverse("wagtailsnippets_pages_contentowner:list"))
    pages["nettstedsinnstillinger"] = approver.get(
        reverse("wagtailsettings:edit", args=["pages", SiteSettings._meta.model_name, site.pk])
    )
    assert {label: r.status_code for label, r in pages.items()} == dict.fromkeys(pages, 200)
    document.delete()
    return {label: _html(response) for label, response in pages.items()}


def _html(response):
    """A chooser answers with its modal's HTML inside JSON."""
    if response["Content-Type"].startswith("application/json"):
        return response.json()["html"]
    return response.content.decode()


def test_an_editor_meets_no_english_on_the_editorial_path(crawl):
    names = _names()
    found = {label: english_texts(html, names) for label, html in crawl.items()}
    found = {label: texts for label, texts in found.items() if texts}
    report = "\n".join(
        f"{label}: {text!r} ({', '.join(words)})"
        for label, texts in found.items()
        for text, words in texts
    )
    assert not found, "English in the admin:\n" + report


def test_the_crawl_finds_english_where_an_editor_chose_it(seeded):
    client = _client("redaktor", EDITORS)
    profile = UserProfile.get_for_user(User.objects.get(username="redaktor"))
    profile.preferred_language = "en"
    profile.save()
    found = english_texts(client.get(reverse("wagtailadmin_home")).content.decode(), _names())
    assert ("Skip to main content", ["content", "main", "skip"]) in found


def test_every_string_the_admin_javascript_shows_is_in_bokmal(seeded):
    """The scripts draw some text in the browser, from Django's JavaScript catalogue."""
    client = _client("redaktor", EDITORS)
    script = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    catalogue = json.loads(re.search(r"const newcatalog = (\{.*?\});", script, re.S).group(1))
    source = Path(wagtail.__file__).parent / "admin/locale/en/LC_MESSAGES/djangojs.po"
    missing = []
    for context, msgid in parse_po(source.read_text(encoding="utf-8")):
        singular = msgid.split("\0")[0]
        key = f"{context}\x04{singular}" if context else singular
        if msgid and not catalogue.get(key):
            missing.append(msgid)
    assert not missing


# Wagtail writes these in English without marking them for translation; ours mark them.
OVERRIDDEN_TEMPLATES = {
    "shared/headers/_actions.html": [
        ('aria-label="Actions"', """aria-label="{% translate "Actions" %}\"""")
    ],
    "shared/header.html": [('value="Search"', 'value="{% translate "Search" %}"')],
    "home.html": [('value="Search"', 'value="{% translate "Search" %}"')],
}


@pytest.mark.parametrize("name", OVERRIDDEN_TEMPLATES)
def test_our_admin_templates_are_wagtails_with_only_the_english_marked(name):
    theirs = (Path(wagtail.__file__).parent / "admin/templates/wagtailadmin" / name).read_text()
    ours = (ROOT / "templates/wagtailadmin" / name).read_text()
    for english, marked in OVERRIDDEN_TEMPLATES[name]:
        assert english in theirs
        theirs = theirs.replace(english, marked)
    assert ours.removeprefix("{% load i18n %}\n") == theirs


# A slow machine may add a second between the two clocks; the wording must stay Bokmål.
@pytest.mark.parametrize(
    ("ago", "bokmal"),
    [
        (timedelta(0), r"nå|et sekund siden"),
        (timedelta(seconds=5), r"\d sekunder siden"),
        (timedelta(minutes=3), r"3 minutter siden"),
        (timedelta(days=3), r"3 dager siden"),
    ],
)
def test_how_long_ago_reads_in_bokmal_however_long_the_crawl_takes(ago, bokmal):
    """The status panel's "Sendt til … nå" says "et sekund siden" a second later: Django's
    humanize, which Wagtail uses for it, is installed so that its Bokmål is read."""
    from django.contrib.humanize.templatetags.humanize import naturaltime
    from django.utils import translation

    with translation.override("nb"):
        said = naturaltime(timezone.now() - ago).replace("\xa0", " ")
    assert re.fullmatch(bokmal, said), said
