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
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site, Workflow, get_page_models
from wagtail.snippets.models import get_snippet_models
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail.users.models import UserProfile

from pages.models import (
    ContentOwner,
    ContentPage,
    DefinitionPage,
    HomePage,
    PrinciplesPage,
    SiteSettings,
)
from programs.models import ProgramIndexPage, ProgramPage
from tests.admin_crawl import shape, walk
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
    # A page published by no user (the seed's) showed "None" as its last publisher.
    "shared/user_avatar.html": [("{{ user }}", '{{ user|default_if_none:"" }}')],
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


def _comment(client, page, text):
    """A comment on the page's title, as the editor's comment panel posts it."""
    data = edit_form_data(client, page, {})
    data |= {
        "comments-TOTAL_FORMS": "1",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
        "comments-0-contentpath": "title",
        "comments-0-position": "",
        "comments-0-text": text,
        "comments-0-replies-TOTAL_FORMS": "0",
        "comments-0-replies-INITIAL_FORMS": "0",
        "comments-0-replies-MIN_NUM_FORMS": "0",
        "comments-0-replies-MAX_NUM_FORMS": "1000",
    }
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data, follow=True)


@pytest.fixture
def whole_admin(seeded, django_capture_on_commit_callbacks):
    """The admin as an editor and an approver meet it, each page in a state of the workflow:
    {"role address": html} for every view the two can reach, and the e-mails it sent."""
    from django.core import mail

    editor = _client("redaktor", EDITORS)
    approver = _client("godkjenner", APPROVERS)
    User.objects.filter(username="redaktor").update(email="redaktor@example.no")
    User.objects.filter(username="godkjenner").update(email="godkjenner@example.no")
    pages = {
        model: model.objects.filter(locale__language_code="nb").order_by("path").last()
        for model in (HomePage, DefinitionPage, PrinciplesPage, ContentPage, ProgramIndexPage)
    }
    moderated = ContentPage.objects.get(locale__language_code="nb", slug="handlingsrom")
    sent_back = ProgramPage.objects.get(locale__language_code="nb", slug="stimulab")
    scheduled = ProgramPage.objects.get(locale__language_code="nb", slug="startoff")
    approved = (
        ProgramPage.objects.filter(locale__language_code="nb")
        .exclude(pk__in=[sent_back.pk, scheduled.pk])
        .first()
    )
    locked = [p for p in pages.values() if p.pk != moderated.pk][-1]
    edit = {page: reverse("wagtailadmin_pages:edit", args=[page.pk]) for page in pages.values()}
    for page in (moderated, sent_back, scheduled, approved):
        edit[page] = reverse("wagtailadmin_pages:edit", args=[page.pk])
    after = {}

    with django_capture_on_commit_callbacks(execute=True):
        for page in (moderated, sent_back):
            # The editor follows the comments on what they send, as the guide advises.
            data = edit_form_data(editor, page, {"comment_notifications": "on"})
            data["action-submit"] = "1"
            after[f"redaktor sendt til godkjenning {page.slug}"] = editor.post(
                edit[page], data, follow=True
            )
        task_state = ProgramPage.objects.get(
            pk=sent_back.pk
        ).current_workflow_state.current_task_state
        after["godkjenner ba om endringer"] = approver.post(
            reverse(
                "wagtailadmin_pages:workflow_action", args=[sent_back.pk, "reject", task_state.pk]
            ),
            {"comment": "Kortere, takk."},
            follow=True,
        )
        after["godkjenner kommentar"] = _comment(approver, sent_back, "Sjekk tallene.")
        data = edit_form_data(editor, approved, {})
        data["action-submit"] = "1"
        editor.post(edit[approved], data)
        task_state = ProgramPage.objects.get(
            pk=approved.pk
        ).current_workflow_state.current_task_state
        after["godkjenner godkjente"] = approver.post(
            reverse(
                "wagtailadmin_pages:workflow_action", args=[approved.pk, "approve", task_state.pk]
            ),
            {"comment": "Fint."},
            follow=True,
        )
        # Scheduled: live, with a later version waiting.
        data = edit_form_data(approver, scheduled, {})
        data["go_live_at"] = (timezone.localtime() + timedelta(days=14)).strftime("%Y-%m-%d %H:%M")
        data["action-publish"] = "1"
        after["godkjenner planla publisering"] = approver.post(edit[scheduled], data, follow=True)
        # A cancelled schedule, as the page's history tells it.
        cancelled = pages[PrinciplesPage]
        data = edit_form_data(approver, cancelled, {})
        data["go_live_at"] = (timezone.localtime() + timedelta(days=3)).strftime("%Y-%m-%d %H:%M")
        data["action-publish"] = "1"
        approver.post(edit[cancelled], data)
        revision = PrinciplesPage.objects.get(pk=cancelled.pk).scheduled_revision
        after["godkjenner avbrøt planlagt publisering"] = approver.post(
            reverse("wagtailadmin_pages:revisions_unschedule", args=[cancelled.pk, revision.pk]),
            follow=True,
        )
        after["godkjenner låste"] = approver.post(
            reverse("wagtailadmin_pages:lock", args=[locked.pk]), follow=True
        )
        # Each page type a new page can be, where one can be made, saved empty.
        for model in get_page_models()[1:]:
            parent = model.objects.filter(locale__language_code="nb").first().get_parent()
            meta = model._meta
            add = reverse(
                "wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, parent.pk]
            )
            form = editor.get(add)
            if form.status_code != 200:
                continue
            empty = form_fields(form.content.decode())
            empty.pop("body", None)
            empty |= nested_form_data({"body": streamfield([])}) | {"title": ""}
            after[f"redaktor feil i ny {model._meta.model_name}"] = editor.post(add, empty)
        owners = ContentOwner.snippet_viewset
        after["godkjenner feil i ny innholdseier"] = approver.post(
            reverse(owners.get_url_name("add")), {}
        )
        after["redaktor feil i nytt bilde"] = editor.post(reverse("wagtailimages:add"), {})
        data = edit_form_data(editor, pages[DefinitionPage], {"title": ""})
        after["redaktor feil ved lagring"] = editor.post(edit[pages[DefinitionPage]], data)

    # Each state the issue names holds while the walk runs.
    states = {page.pk: Page.objects.get(pk=page.pk) for page in edit}
    assert states[moderated.pk].current_workflow_state.status == "in_progress"
    assert states[sent_back.pk].current_workflow_state.status == "needs_changes"
    assert states[scheduled.pk].scheduled_revision and states[scheduled.pk].live
    assert not states[cancelled.pk].scheduled_revision
    assert states[locked.pk].locked
    assert all(after[label].context["form"].errors for label in after if " feil " in label)

    start = [reverse("wagtailadmin_home")]
    for page in edit:
        start += [
            reverse(name, args=[page.pk])
            for name in (
                "wagtailadmin_pages:edit",
                "wagtailadmin_pages:history",
                "wagtailadmin_pages:workflow_history",
            )
        ]
        start.append(
            reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, "earliest", "latest"])
        )
    # Confirmations look alike for every page type; the walk finds them from each editor.
    start += [
        reverse(name, args=[pages[ContentPage].pk])
        for name in ("wagtailadmin_pages:unpublish", "wagtailadmin_pages:delete")
    ]
    for model in get_snippet_models():
        start.append(reverse(model.snippet_viewset.get_url_name("list")))
        start.append(reverse(model.snippet_viewset.get_url_name("add")))
        obj = model.objects.first()
        if obj:
            for view in ("edit", "delete", "history", "usage"):
                start.append(reverse(model.snippet_viewset.get_url_name(view), args=[obj.pk]))
    start += [
        reverse("wagtailimages:add"),
        reverse("wagtaildocs:add_multiple"),
        reverse("wagtailimages:add_multiple"),
        reverse("wagtailadmin_account"),
        reverse("wagtailsearchpromotions:index"),
        reverse("wagtailsearchpromotions:add"),
        reverse("wagtailadmin_choose_page"),
        reverse("wagtailimages_chooser:choose"),
        reverse("wagtaildocs_chooser:choose"),
        reverse("wagtailadmin_choose_page_external_link"),
        reverse("wagtailadmin_choose_page_email_link"),
        reverse("wagtailadmin_choose_page_phone_link"),
        reverse("wagtailadmin_choose_page_anchor_link"),
    ]
    views = {"innlogging": (200, _html(Client().get(reverse("wagtailadmin_login"))))}
    views |= {label: (r.status_code, _html(r)) for label, r in after.items()}
    for role, client in (("redaktor", editor), ("godkjenner", approver)):
        views |= {f"{role} {url}": found for url, found in walk(client, start).items()}
    return views, list(mail.outbox)


# Every kind of view the issue names, by the shape of its address: the walk must reach each.
MUST_REACH = [
    r"/admin/pages/N/edit/",
    r"/admin/pages/N/history/",
    r"/admin/pages/N/workflow_history/",
    r"/admin/pages/N/workflow_history/detail/N/",
    r"/admin/pages/N/revisions/compare/.*",
    r"/admin/pages/N/unpublish/",
    r"/admin/pages/N/delete/",
    r"/admin/pages/N/move/",
    r"/admin/pages/N/copy/",
    r"/admin/pages/add/\w+/\w+/N/",
    *[
        rf"/admin/reports/{report}/"
        for report in (
            "locked",
            "workflow",
            "workflow_tasks",
            "site-history",
            "aging-pages",
            "page-types-usage",
        )
    ],
    *[
        rf"/admin/rapporter/{report}/"
        for report in ("malform", "gjennomgang", "lesbarhet", "tilbakemeldinger", "brutte-lenker")
    ],
    r"/admin/account/",
    r"/admin/choose-page/",
    r"/admin/images/chooser/",
    r"/admin/documents/chooser/",
    r"/admin/images/multiple/add/",
    r"/admin/documents/multiple/add/",
    r"/admin/searchpicks/",
    r"/admin/snippets/\w+/\w+/",
]


def test_editors_and_approvers_meet_no_english_on_any_view_or_in_any_email(whole_admin):
    views, emails = whole_admin
    names = _names() | {"Kortere, takk.", "Sjekk tallene.", "Fint."}
    shapes = {shape(label.split(" ")[-1]) for label in views}
    for view in MUST_REACH:
        assert [s for s in shapes if re.fullmatch(view, s)], f"the crawl never reached {view}"
    refused = {label: status for label, (status, _html) in views.items() if status >= 400}
    assert not refused, refused
    found = {label: english_texts(html, names) for label, (_status, html) in views.items() if html}
    for message in emails:
        text = f"{message.subject}\n{message.body}"
        texts = [text] + [html for html, kind in message.alternatives if kind == "text/html"]
        found[f"e-post til {message.to[0]}: {message.subject}"] = [
            hit for text in texts for hit in english_texts(escape(text), names)
        ]
    # Submitted (to the approver, for each page), changes requested, a comment, approved.
    assert sorted(m.to[0].split("@")[0] for m in emails) == ["godkjenner"] * 3 + ["redaktor"] * 3
    found = {label: texts for label, texts in found.items() if texts}
    distinct = {text for texts in found.values() for text, _words in texts}
    report = "\n".join(
        [f"{len(distinct)} distinct English strings on {len(found)} of {len(views)} views:"]
        + [f"{len(texts):3} {label}" for label, texts in sorted(found.items())]
        + sorted(distinct)
    )
    assert not found, report
