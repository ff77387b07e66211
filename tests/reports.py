"""What every admin report is checked for: one h1 with its title, labelled filter fields, its
downloads as tables, and no report for a user who may not see it."""

import csv
import io

from django.contrib.auth.models import User
from openpyxl import load_workbook

from tests.conftest import soup_of


def h1_texts(response):
    return [h1.get_text(" ", strip=True) for h1 in soup_of(response).select("h1")]


def unlabelled_filter_fields(response):
    """The filter form's fields that no <label for> names."""
    soup = soup_of(response)
    labelled = {label.get("for") for label in soup.select("label[for]")}
    fields = soup.select("#filters-drilldown select, #filters-drilldown input:not([type=hidden])")
    assert fields, "the report has no filter"
    return [field.get("name") for field in fields if field.get("id") not in labelled]


def csv_table(response):
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff"), "Excel needs the byte order mark to read æ, ø and å"
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))


def xlsx_table(response):
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return [list(row) for row in workbook.active.iter_rows(values_only=True)]


def refused_to_a_user_without_admin_access(client, url):
    """A signed-in user who is no editor gets no report, only a way back to the login."""
    user, _ = User.objects.get_or_create(username="leser")
    client.force_login(user)
    response = client.get(url)
    client.logout()
    return response.status_code in (302, 403)
