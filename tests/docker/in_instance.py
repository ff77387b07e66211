"""Run inside one app container (`docker compose exec -T appN python - ACTION ...`, this file on
standard input), to reach that instance's gunicorn on 127.0.0.1:8000 rather than whichever
instance nginx picks. Prints one JSON object.
  page PATH HOST                              status, X-Page-Cache and the page's text
  publish-lead PAGE_ID LEAD USER PASSWORD HOST  an editor publishes a new lead in the admin
"""

import json
import sys

sys.path.insert(0, "/app")

import django
from bs4 import BeautifulSoup

django.setup()

from tests.admin_forms import form_fields  # noqa: E402
from tests.browser_http import Browser  # noqa: E402

action, *args = sys.argv[1:]
browser = Browser("http://127.0.0.1:8000")

if action == "page":
    path, host = args
    status, headers, body = browser.request(path, host=host)
    print(json.dumps({"status": status, "cache": headers.get("X-Page-Cache"), "html": body}))
elif action == "publish-lead":
    page_id, lead, username, password, host = args
    html = browser.request("/admin/login/", host=host)[2]
    token = BeautifulSoup(html, "html.parser").select_one("input[name=csrfmiddlewaretoken]")
    login = {
        "username": username,
        "password": password,
        "csrfmiddlewaretoken": token["value"],
        "next": "/admin/",
    }
    login_status = browser.request("/admin/login/", login, host=host)[0]
    edit_path = f"/admin/pages/{page_id}/edit/"
    edit_html = browser.request(edit_path, host=host)[2]
    data = form_fields(edit_html)
    data.update({"lead": lead, "action-publish": "1"})
    publish_status = browser.request(edit_path, data, host=host)[0]
    print(json.dumps({"login": login_status, "publish": publish_status}))
else:
    sys.exit(f"unknown action {action}")
