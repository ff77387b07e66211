"""Submit Wagtail admin forms the way a browser would: every field as the page rendered it."""

from bs4 import BeautifulSoup


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
