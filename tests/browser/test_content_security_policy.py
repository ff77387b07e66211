"""The browser tests run under the site's real Content-Security-Policy, and any violation fails.

The controls serve pages with Playwright's routing and the site's public policy as their header,
so they show that the audit sees a violation, and that axe still runs under the policy.
"""

import pytest
from csp.utils import build_policy

from tests.browser import audit
from tests.browser.conftest import add_content, launch_browser

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

ORIGIN = "http://csp-kontroll.invalid"
PIXEL = (
    "data:image/png;base64,"
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="
)
ADMIN_USER, ADMIN_PASSWORD = "csp-admin", "csp-admin-passord-1"
# Admin pages that use what the admin policy allows: inline scripts (explorer, users, the
# editor) and the <style> elements the rich-text and table widgets add (a content page).
ADMIN_PATHS = [
    "/admin/",
    "/admin/pages/{home}/",
    "/admin/pages/{home}/edit/",
    "/admin/pages/{content}/edit/",
    "/admin/images/",
    "/admin/documents/",
    "/admin/users/",
]


def document(body):
    return (
        '<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><title>Kontroll</title>'
        f"</head><body><main id=main><h1>Kontroll</h1>{body}</main></body></html>"
    )


@pytest.fixture
def tab(chromium_executable):
    """A browser tab whose routed pages carry the site's public policy."""
    pages = {}
    with launch_browser(chromium_executable) as browser:
        context = browser.new_context()

        def serve(route):
            body = pages[route.request.url.removeprefix(ORIGIN)]
            route.fulfill(
                status=200,
                headers={"Content-Type": "text/html", "Content-Security-Policy": build_policy()},
                body=body,
            )

        context.route(f"{ORIGIN}/**", serve)
        page = context.new_page()
        page.set_default_timeout(15_000)
        yield page, pages
        context.close()


def test_an_inline_script_or_style_under_the_public_policy_fails_the_audit(tab):
    page, pages = tab
    pages["/inline/"] = document(
        "<script>document.title = 'kjørt';</script><p style=\"color: red\">Tekst</p>"
    )
    result = audit.audit_page(page, ORIGIN + "/inline/", focus=False)
    blocked = {v["directive"] for v in result["csp_violations"]}
    assert {"script-src-elem", "style-src-attr"} <= blocked, result["csp_violations"]
    assert len(audit.failures(result)["csp"]) >= 2
    assert page.title() == "Kontroll", "the policy blocked the inline script"


def test_axe_runs_under_the_public_policy_without_violating_it(tab):
    page, pages = tab
    pages["/ren/"] = document(f'<img src="{PIXEL}" width="4" height="4">')
    result = audit.audit_page(page, ORIGIN + "/ren/", focus=False)
    assert "image-alt" in {v["id"] for v in result["violations"]}, "axe did not run"
    assert result["csp_violations"] == []
    assert "csp" not in audit.failures(result)


def _add_admin_user():
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_superuser(ADMIN_USER, "csp@example.invalid", ADMIN_PASSWORD)


@pytest.fixture(scope="module")
def admin_site(chromium_executable, live_site, django_db_blocker):
    """The seeded site with an administrator, committed outside the test's transaction: on
    PostgreSQL the live server has its own connection."""
    from wagtail.models import Page

    add_content(django_db_blocker, _add_admin_user)
    with django_db_blocker.unblock():
        home = Page.objects.get(depth=2, locale__language_code="nb")
        content = Page.objects.get(locale__language_code="nb", slug="handlingsrom")
        program_url = Page.objects.get(locale__language_code="nb", slug="stimulab").url
    return live_site, home, content, program_url


def test_the_admin_its_preview_and_the_userbar_work_under_their_policies(
    chromium_executable, admin_site
):
    site, home, content, program_url = admin_site
    paths = [p.format(home=home.id, content=content.id) for p in ADMIN_PATHS]
    with launch_browser(chromium_executable) as browser:
        context = browser.new_context()
        page = context.new_page()
        page.set_default_timeout(20_000)
        audit.listen_for_csp_violations(page)
        page.goto(f"{site.url}/admin/login/")
        page.fill("#id_username", ADMIN_USER)
        page.fill("#id_password", ADMIN_PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{site.url}/admin/")
        found = {}
        for path in paths:
            page.goto(site.url + path, wait_until="networkidle")
            found[path] = page.evaluate("window.__cspViolations.splice(0)")
        # The preview panel: a same-origin frame under /admin/ (frame-ancestors 'self').
        page.goto(f"{site.url}/admin/pages/{home.id}/edit/", wait_until="networkidle")
        with page.expect_event(
            "framenavigated", predicate=lambda frame: "/edit/preview/" in frame.url
        ) as navigated:
            page.locator('[data-side-panel-toggle="preview"]').first.click()
        preview = navigated.value
        preview.wait_for_selector("h1")
        found["preview"] = page.evaluate("window.__cspViolations.splice(0)")
        found["preview"] += preview.evaluate("window.__cspViolations.splice(0)")
        # The userbar on a public page, under the strict public policy.
        page.goto(site.url + program_url, wait_until="networkidle")
        page.locator("wagtail-userbar button").first.click()
        page.locator("wagtail-userbar a[href$='/edit/']").first.wait_for()
        found["userbar"] = page.evaluate("window.__cspViolations.splice(0)")
        context.close()
    violations = {where: v for where, v in found.items() if v}
    assert not violations, violations
