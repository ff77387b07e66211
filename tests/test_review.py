"""Every page has an owner and a date to be read through again; the report lists the pages that
are due, and publishing a page counts as its review."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import Page

from pages.models import ContentOwner, ContentPage
from pages.review import months_after, next_review_on_publish
from programs.models import ProgramPage
from tests.admin_forms import form_fields
from tests.conftest import public_pages, soup_of

REPORT = "/admin/rapporter/gjennomgang/"


def _user(group):
    user = User.objects.create_user(username=group.lower(), password="x", first_name=group)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(client, seeded):
    client.force_login(_user("Redaktører"))
    return client


def _due(page, days):
    """Gives the live page a review date `days` from today (negative: in the past)."""
    date = timezone.localdate() + datetime.timedelta(days=days)
    type(page).objects.filter(pk=page.pk).update(next_review=date)
    return date


def _titles(response):
    return [link.get_text(strip=True) for link in soup_of(response).select("td.title > a")]


def test_every_seeded_page_has_an_owner_and_a_review_date_a_year_after_publishing(seeded):
    owner = ContentOwner.objects.get()
    assert (owner.name, owner.email) == ("Digitaliseringsdirektoratet", "postmottak@digdir.no")
    pages = list(public_pages())
    assert len(pages) == 18
    for page in pages:
        assert page.content_owner == owner, page.url
        published = timezone.localdate(page.last_published_at)
        assert page.next_review == months_after(published, 12), page.url


def test_a_year_on_keeps_the_day_or_takes_the_last_of_the_month():
    assert months_after(datetime.date(2026, 12, 7), 12) == datetime.date(2027, 12, 7)
    assert months_after(datetime.date(2028, 2, 29), 12) == datetime.date(2029, 2, 28)
    assert months_after(datetime.date(2027, 1, 31), 1) == datetime.date(2027, 2, 28)
    assert months_after(datetime.date(2027, 11, 30), 3) == datetime.date(2028, 2, 29)


def test_publishing_keeps_an_editors_date_beyond_30_days_and_resets_a_nearer_one():
    today = datetime.date(2027, 3, 1)
    later = datetime.date(2027, 6, 1)
    assert next_review_on_publish(later, today) == later
    assert next_review_on_publish(None, today) == datetime.date(2028, 3, 1)
    assert next_review_on_publish(datetime.date(2027, 3, 20), today) == datetime.date(2028, 3, 1)
    assert next_review_on_publish(datetime.date(2026, 1, 1), today) == datetime.date(2028, 3, 1)


def test_pages_past_their_review_date_appear_in_the_report_with_owner_and_publishing(editor):
    page = ContentPage.objects.get(slug="kompetanse")
    date = _due(page, -3)
    response = editor.get(REPORT)
    assert response.status_code == 200
    assert _titles(response) == [page.title]
    row = soup_of(response).select_one("tbody tr")
    text = row.get_text(" ", strip=True)
    assert "Forfalt for 3 dager siden" in text
    assert "Digitaliseringsdirektoratet" in text
    assert row.select_one("a[href='mailto:postmottak@digdir.no']") is not None
    assert row.select_one(f"time[datetime='{date.isoformat()}']") is not None


def test_a_page_due_within_30_days_is_listed_and_one_due_later_is_not(editor):
    soon = ContentPage.objects.get(slug="kompetanse")
    later = ContentPage.objects.get(slug="handlingsrom")
    _due(soon, 30)
    _due(later, 31)
    response = editor.get(REPORT)
    assert _titles(response) == [soon.title]
    assert "Forfaller om 30 dager" in soon_row_text(response)


def soon_row_text(response):
    return soup_of(response).select_one("tbody tr").get_text(" ", strip=True)


def test_a_page_leaves_the_report_when_it_is_reviewed_and_published(editor):
    page = ContentPage.objects.get(slug="kompetanse")
    _due(page, -40)
    assert _titles(editor.get(REPORT)) == [page.title]
    page.refresh_from_db()
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.next_review == months_after(timezone.localdate(), 12)
    # The editor sees the new date in the form, as the revision holds it too.
    assert page.get_latest_revision_as_object().next_review == page.next_review
    assert _titles(editor.get(REPORT)) == []


def test_the_report_lists_the_oldest_date_first_and_filters_by_status_and_owner(editor):
    overdue = ContentPage.objects.get(slug="kompetanse")
    soon = ProgramPage.objects.get(slug="stimulab", locale__language_code="nb")
    _due(overdue, -1)
    _due(soon, 5)
    other = ContentOwner.objects.create(name="Team Stimulab", email="stimulab@example.org")
    ProgramPage.objects.filter(pk=soon.pk).update(content_owner=other)
    assert _titles(editor.get(REPORT)) == [overdue.title, soon.title]
    assert _titles(editor.get(REPORT, {"status": "forfalt"})) == [overdue.title]
    assert _titles(editor.get(REPORT, {"status": "snart"})) == [soon.title]
    assert _titles(editor.get(REPORT, {"owner": other.pk})) == [soon.title]
    ProgramPage.objects.filter(pk=soon.pk).update(content_owner=None)
    assert _titles(editor.get(REPORT, {"owner": "null"})) == [soon.title]
    assert "Uten eier" in soon_row_text(editor.get(REPORT, {"owner": "null"}))


def test_the_csv_export_contains_the_due_pages_as_excel_reads_them(editor):
    page = ContentPage.objects.get(slug="kompetanse")
    date = _due(page, -3)
    ContentPage.objects.filter(pk=page.pk).update(title='=HYPERLINK("https://x")')
    response = editor.get(REPORT, {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "sider-som-ma-gjennomgas.csv" in response["Content-Disposition"]
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))
    assert rows[0] == [
        "Tittel",
        "Adresse",
        "Neste gjennomgang",
        "Status",
        "Innholdseier",
        "E-post til eier",
        "Sist publisert",
    ]
    [row] = rows[1:]
    # A title that looks like a formula is text in the spreadsheet.
    assert row[0] == '\'=HYPERLINK("https://x")'
    assert row[1].endswith("/kompetanse/")
    assert row[2] == date.strftime("%d.%m.%Y")
    assert row[3:6] == [
        "Forfalt for 3 dager siden",
        "Digitaliseringsdirektoratet",
        "postmottak@digdir.no",
    ]


def test_the_excel_export_contains_the_due_pages(editor):
    page = ContentPage.objects.get(slug="kompetanse")
    date = _due(page, -3)
    response = editor.get(REPORT, {"export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Tittel", "Adresse", "Neste gjennomgang")
    assert len(rows) == 2
    assert rows[1][0] == page.title
    assert rows[1][2] in (date, datetime.datetime.combine(date, datetime.time()))
    assert rows[1][4] == "Digitaliseringsdirektoratet"


def test_the_report_is_in_the_reports_menu_for_editors_and_closed_to_others(client, seeded):
    client.force_login(_user("Redaktører"))
    dashboard = client.get("/admin/").content.decode()
    assert '"url": "/admin/rapporter/gjennomgang/"' in dashboard.replace("&quot;", '"')
    outsider = User.objects.create_user(username="leser", password="x")
    outsider.user_permissions.add(*Group.objects.get(name="Redaktører").permissions.all())
    client.force_login(outsider)
    assert client.get(REPORT).status_code in (302, 403)


def test_a_new_page_starts_with_its_parents_owner(editor):
    parent = ContentPage.objects.get(slug="kompetanse")
    url = reverse("wagtailadmin_pages:add", args=["pages", "contentpage", parent.pk])
    fields = form_fields(editor.get(url).content.decode())
    assert fields["content_owner"] == str(parent.content_owner_id)


@pytest.mark.parametrize("action", ["action-submit", "action-publish"])
def test_a_page_without_an_owner_cannot_go_to_approval_or_be_published(client, seeded, action):
    client.force_login(User.objects.create_superuser("admin", password="x"))
    parent = ContentPage.objects.get(slug="kompetanse")
    url = reverse("wagtailadmin_pages:add", args=["pages", "contentpage", parent.pk])
    fields = form_fields(client.get(url).content.decode())
    fields.pop("body", None)
    fields.update({"title": "Uten eier", "slug": "uten-eier", "body-count": "0", action: "1"})
    fields["content_owner"] = ""
    response = client.post(url, fields)
    assert response.status_code == 200
    assert not Page.objects.filter(slug="uten-eier").exists()
    assert soup_of(response).select_one("#id_content_owner[aria-invalid=true], .error-message")
    # With an owner the same form goes through: the owner was what stopped it.
    fields["content_owner"] = str(parent.content_owner_id)
    assert client.post(url, fields).status_code == 302
    assert Page.objects.filter(slug="uten-eier").exists()


def test_a_draft_may_be_saved_without_an_owner(editor):
    # Wagtail defers required fields to publishing; a draft is work in progress.
    parent = ContentPage.objects.get(slug="kompetanse")
    url = reverse("wagtailadmin_pages:add", args=["pages", "contentpage", parent.pk])
    fields = form_fields(editor.get(url).content.decode())
    fields.pop("body", None)
    fields.update({"title": "Utkast", "slug": "utkast", "body-count": "0", "content_owner": ""})
    assert editor.post(url, fields).status_code == 302
    assert ContentPage.objects.get(slug="utkast").content_owner is None


def test_owners_are_managed_by_approvers_and_seen_by_editors(db):
    editors = Group.objects.get(name="Redaktører")
    approvers = Group.objects.get(name="Godkjennere")
    codenames = lambda group: {  # noqa: E731
        p.codename for p in group.permissions.filter(codename__endswith="contentowner")
    }
    assert codenames(editors) == {"view_contentowner"}
    assert codenames(approvers) == {
        "add_contentowner",
        "change_contentowner",
        "delete_contentowner",
        "view_contentowner",
    }
