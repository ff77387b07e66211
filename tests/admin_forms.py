"""Submit Wagtail admin forms the way a browser would: every field as the page rendered it."""

from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield


def form_fields(html, form_selector="form[data-edit-form]"):
    soup = BeautifulSoup(html, "html.parser")
    form = soup.select_one(form_selector)
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.has_attr("disabled"):
            continue
        if field.name == "textarea":
            data[name] = field.get_text()
        elif field.name == "select":
            selected = field.find("option", selected=True) or field.find("option")
            data[name] = selected.get("value", "") if selected else ""
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        elif field.get("type") in ("submit", "button", "file"):
            continue
        else:
            data[name] = field.get("value", "")
    return data


def action_buttons(html):
    soup = BeautifulSoup(html, "html.parser")
    form = soup.select_one("form[data-edit-form]")
    return {button.get("name") for button in form.select("button[name], input[type=submit][name]")}


def edit_form_data(client, page, changes):
    """The page's edit form as the browser would post it, with `changes` applied. The
    StreamField is drawn by JavaScript in the browser, so its fields are added here."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = form_fields(client.get(url).content.decode())
    data.pop("body", None)
    data.update(
        nested_form_data(
            {"body": streamfield([(b.block_type, rich_text(b.value.source)) for b in page.body])}
        )
    )
    data.update(changes)
    return data
