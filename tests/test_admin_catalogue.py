"""Our Bokmål catalogue for Wagtail's admin (locale/): it wins over Wagtail's, fixes what Wagtail's
gets wrong, and bin/compile_messages.py compiles it as GNU gettext would."""

import gettext
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import wagtail
from bs4 import BeautifulSoup
from django.contrib.auth.models import User
from django.test import Client
from django.utils import translation
from wagtail.models import Page

from tests.catalogues import ROOT, compile_messages, parse_po

CATALOGUE = ROOT / "locale" / "nb" / "LC_MESSAGES" / "django.po"

# Shown on the editorial path untranslated, or misspelt, by Wagtail 8.0's own nb catalogue.
FIXED = {
    "The page could not be created due to validation errors.": "Siden kunne ikke opprettes "
    "fordi noen felt har feil.",
    "Autosave is paused": "Automatisk lagring er satt på pause",
    "In Moderation": "Til godkjenning",
    "Locked by workflow": "Låst av arbeidsflyten",
    "No publishing schedule set": "Ingen planlagt publisering",
    "Request changes": "Be om endringer",
    "Approve with comment": "Godkjenn med kommentar",
    "View Wagtail quick actions": "Vis hurtighandlinger i Wagtail",
    "Checks": "Kontroller",
    "Content metrics": "Nøkkeltall for innholdet",
    "Unpublish": "Avpubliser",
    "The page title as you'd like it to be seen by the public": "Tittelen på siden slik "
    "publikum skal se den",
}


# What editors and approvers still met in English (issue 24), by msgid: ours in Bokmål.
MET_IN_ENGLISH = [
    (
        "The page could not be saved due to validation errors.",
        "Siden kunne ikke lagres fordi noen felt har feil.",
    ),
    (
        "There are validation errors, click save to highlight them.",
        "Noen felt har feil. Klikk på lagre for å se hvilke.",
    ),
    ("live + in moderation", "publisert + til godkjenning"),
    ("in moderation", "til godkjenning"),
    ("Comment", "Kommentar"),
    ("Changes requested", "Endringer etterspurt"),
    (
        "Page '%(page_title)s' is live and this version has been scheduled for publishing.",
        "Siden «%(page_title)s» er publisert, og denne versjonen er planlagt publisert.",
    ),
    ("Edit schedule", "Endre planlagt publisering"),
    ("Draft saved", "Utkast lagret"),
    (
        "Approved at '%(task)s'. '%(workflow)s' complete",
        "Godkjent i «%(task)s». «%(workflow)s» er fullført",
    ),
    (
        "'%(workflow)s' started. Next step '%(task)s'",
        "«%(workflow)s» startet. Neste steg: «%(task)s»",
    ),
    ("Unschedule publication", "Avbryt planlagt publisering"),
    ("Workflow history", "Historikk for arbeidsflyten"),
    ("Requested by", "Sendt av"),
    ("Started at", "Startet"),
    ("Timeline", "Tidslinje"),
    ("Workflow progress", "Fremdrift i arbeidsflyten"),
    ("Initial Revision", "Første versjon"),
    ("Edit / Review", "Rediger / gå gjennom"),
    (
        "Resubmitted '%(task)s'. Workflow resumed",
        "Sendt inn på nytt i «%(task)s». Arbeidsflyten fortsetter",
    ),
    ("Workflow task resubmitted. Workflow resumed", "Sendt inn på nytt. Arbeidsflyten fortsetter"),
    ("Date / Time", "Dato / tid"),
    ("Date/Time", "Dato/tid"),
    ("Action type", "Handling"),
    (
        "Copied for translation from %(title)s (%(locale)s)",
        "Kopiert for oversettelse fra %(title)s (%(locale)s)",
    ),
    ("Copied for translation", "Kopiert for oversettelse"),
    ("By task", "Etter steg"),
    ("Page/Snippet", "Side/snutt"),
    ("Workflow states", "Status i arbeidsflyter"),
    ("By workflow", "Etter arbeidsflyt"),
    ("Completed at", "Fullført"),
    ("Task states", "Status for steg"),
    ("Last published by", "Sist publisert av"),
    ("Last edited page", "Sist redigerte side"),
    ("Name and Email", "Navn og e-post"),
    ("Profile picture", "Profilbilde"),
    ("Theme preferences", "Tema"),
    ("More contrast", "Mer kontrast"),
    ("Use server language: %(language_name)s", "Bruk nettstedets språk: %(language_name)s"),
    ("Use server time zone", "Bruk nettstedets tidssone"),
    (
        "Enable custom keyboard shortcuts specific to Wagtail.",
        "Slå på hurtigtastene som er egne for Wagtail.",
    ),
    ("New: %(model_name)s", "Legg til: %(model_name)s"),
    ("Add a recommended result", "Legg til et anbefalt resultat"),
    (
        'The page "%(title)s" has been submitted for approval in moderation stage "%(task)s"',
        "Siden «%(title)s» er sendt til godkjenning i steget «%(task)s»",
    ),
    (
        'The page "%(title)s" has been submitted for approval in moderation stage "%(task)s".',
        "Siden «%(title)s» er sendt til godkjenning i steget «%(task)s».",
    ),
    (
        'The page "%(title)s" has been submitted for approval to moderation stage "%(task)s".',
        "Siden «%(title)s» er sendt til godkjenning i steget «%(task)s».",
    ),
    ('The page "%(title)s" has been approved', "Siden «%(title)s» er godkjent"),
    ('The page "%(title)s" has been approved.', "Siden «%(title)s» er godkjent."),
    # Issue 24, beyond the crawl: a cancelled schedule in the history, the reports' downloads.
    (
        "Revision %(revision_id)s from %(created_at)s unscheduled from publishing at "
        "%(go_live_at)s.",
        "Versjon %(revision_id)s fra %(created_at)s skal ikke lenger publiseres %(go_live_at)s.",
    ),
    ("%(model_name)s unscheduled from publishing", "Planlagt publisering avbrutt (%(model_name)s)"),
    ("Workflow completed", "Arbeidsflyten er fullført"),
    ("Page/Snippet ID", "ID for side/snutt"),
    ("Page/Snippet Title", "Tittel på side/snutt"),
    ("Page/Snippet Type", "Type side/snutt"),
]


def test_unpublishing_subpages_is_offered_in_bokmal():
    with translation.override("nb"):
        offer = translation.ngettext(
            "This page has one subpage. Unpublish this too",
            "This page has %(live_descendant_count)s subpages. Unpublish these too",
            3,
        )
    assert offer % {"live_descendant_count": 3} == "Siden har 3 undersider. Avpubliser dem også"


def _wagtails_msgids():
    wagtail_dir = Path(wagtail.__file__).parent
    msgids = set()
    for po in wagtail_dir.glob("**/locale/en/LC_MESSAGES/django.po"):
        msgids |= {msgid for _context, msgid in parse_po(po.read_text())}
    return msgids


def test_what_editors_met_in_english_reads_in_bokmal():
    expected = dict(MET_IN_ENGLISH)
    assert set(expected) <= _wagtails_msgids()
    with translation.override("nb"):
        assert {msgid: translation.gettext(msgid) for msgid in expected} == expected


@pytest.fixture
def superuser_client(seeded):
    client = Client()
    client.force_login(User.objects.create_superuser("admin", "admin@example.com", "x"))
    return client


def test_the_admin_speaks_our_bokmal_where_wagtails_is_missing_or_misspelt():
    with translation.override("nb"):
        assert {msgid: translation.gettext(msgid) for msgid in FIXED} == FIXED


def test_the_add_subpage_link_keeps_the_page_title_inside_its_label(superuser_client):
    home = Page.objects.get(depth=2, locale__language_code="nb")
    response = superuser_client.get(f"/admin/pages/{home.pk}/")
    assert response.status_code == 200
    privacy = Page.objects.get(slug="personvern")
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    link = soup.select_one(f'a[href$="/pages/{privacy.pk}/add_subpage/"]')
    expected = f"Legg til en underside under «{privacy.title}»"
    assert (link["aria-label"], link["title"]) == (expected, expected)


def test_the_page_editor_has_none_of_wagtails_misspellings(superuser_client):
    page = Page.objects.get(slug="personvern")
    html = superuser_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Ingen planlagt publisering" in html
    for wrong in ("Tiittel", "feks.", "Avpublisér"):
        assert wrong not in html


def test_the_compiler_reads_contexts_escapes_and_continued_lines(tmp_path):
    source = tmp_path / "django.po"
    source.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '# a comment\nmsgctxt "button"\nmsgid "Save"\nmsgstr "Lagre"\n\n'
        'msgid "Say \\"hi\\""\nmsgstr ""\n"Si «hei» "\n"på nytt"\n\n'
        'msgid "Untranslated"\nmsgstr ""\n',
        encoding="utf-8",
    )
    compiled = compile_messages.mo_bytes(compile_messages.parse(source.read_text()))
    catalogue = gettext.GNUTranslations(io.BytesIO(compiled))
    assert catalogue.pgettext("button", "Save") == "Lagre"
    assert catalogue.gettext("Save") == "Save"
    assert catalogue.gettext('Say "hi"') == "Si «hei» på nytt"
    assert catalogue.gettext("Untranslated") == "Untranslated"


def test_the_compiler_refuses_a_line_it_cannot_read():
    with pytest.raises(ValueError, match="line 2"):
        compile_messages.parse('msgid "a"\nmsgstr unquoted\n')


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="GNU gettext's msgfmt is not installed")
def test_our_catalogue_compiles_as_gnu_msgfmt_compiles_it(tmp_path):
    reference = tmp_path / "reference.mo"
    subprocess.run(["msgfmt", "-o", str(reference), str(CATALOGUE)], check=True, timeout=60)
    ours = compile_messages.mo_bytes(compile_messages.parse(CATALOGUE.read_text()))
    assert (
        gettext.GNUTranslations(io.BytesIO(ours))._catalog
        == gettext.GNUTranslations(reference.open("rb"))._catalog
    )


def test_no_bokmal_string_puts_a_demonstrative_before_a_type_name():
    """«denne %(model_name)s» gave «denne virkemiddel» and «denne innholdsside»: the gender and
    the definite form depend on the type, which a placeholder cannot give (issue 24)."""
    placeholder = re.compile(r"\b(?:denne|dette|disse)\s+%\(\w+\)s", re.I)
    wrong = []
    for source in Path(wagtail.__file__).parent.glob("**/locale/en/LC_MESSAGES/django.po"):
        for context, msgid in parse_po(source.read_text(encoding="utf-8")):
            singular, _, plural = msgid.partition("\0")
            with translation.override("nb"):
                if plural:
                    said = [
                        translation.npgettext(context, singular, plural, n)
                        if context
                        else translation.ngettext(singular, plural, n)
                        for n in (1, 2)
                    ]
                else:
                    said = [
                        translation.pgettext(context, singular)
                        if context
                        else translation.gettext(singular)
                    ]
            wrong += [text for text in said if placeholder.search(text)]
    assert wrong == []
