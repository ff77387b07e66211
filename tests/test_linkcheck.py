"""The link checker finds links to deleted or unpublished pages, missing documents and images,
and dead addresses (served here by a local server: the tests never call the internet), and
reports nothing for links that work."""

import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.utils import timezone

from linkcheck import checker
from linkcheck.links import links_of_page
from linkcheck.models import BrokenLink, CheckRun, Kind
from pages.models import ContentPage
from tests.conftest import soup_of
from tests.factories import make_document, make_image
from tests.reports import (
    csv_table,
    h1_texts,
    refused_to_a_user_without_admin_access,
    unlabelled_filter_fields,
    xlsx_table,
)

REPORT = "/admin/rapporter/brutte-lenker/"


class Handler(BaseHTTPRequestHandler):
    hits = []
    release = threading.Event()

    def _answer(self, with_body):
        Handler.hits.append((self.command, self.path))
        if self.path == "/ok":
            self.send_response(200)
        elif self.path == "/dead":
            self.send_response(404)
        elif self.path == "/no-head":
            self.send_response(405 if self.command == "HEAD" else 200)
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
        elif self.path == "/hangs":
            Handler.release.wait()
            self.send_response(200)
        else:
            self.send_response(500)
        self.send_header("Content-Length", "2" if with_body else "0")
        self.end_headers()
        if with_body and self.command == "GET":
            self.wfile.write(b"ok")

    def do_HEAD(self):
        self._answer(False)

    def do_GET(self):
        self._answer(True)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    Handler.release.set()
    httpd.shutdown()


def _page(parent, slug, html):
    page = ContentPage(title=slug.capitalize(), slug=slug, body=[("text", html)])
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _rows():
    return {(row.page.slug, row.kind, row.target): row.reason for row in BrokenLink.objects.all()}


def _run(**options):
    # The seeded pages link to real sites; their external links are the one thing not checked
    # here, by leaving those pages' addresses out of what the local server sees.
    return checker.run(timeout=0.5, **options)


@pytest.fixture
def seeded_offline(seeded, monkeypatch):
    """The seed's external addresses are left unchecked; the local server's are checked."""
    real = checker.check_urls

    def local_only(urls, **kwargs):
        return real([url for url in urls if url.startswith("http://127.0.0.1:")], **kwargs)

    monkeypatch.setattr(checker, "check_urls", local_only)
    Handler.hits.clear()
    return seeded


def test_the_seeded_site_has_no_broken_internal_links(seeded):
    summary = checker.run(external=False)
    assert summary.pages == 18
    assert summary.links > 20
    assert BrokenLink.objects.count() == 0
    run = CheckRun.objects.get()
    assert (run.pages, run.broken, run.external) == (18, 0, False)


def test_a_deleted_and_an_unpublished_target_are_found(seeded_offline):
    gone = _page(seeded_offline, "borte", "<p>Snart borte</p>")
    hidden = _page(seeded_offline, "skjult", "<p>Snart skjult</p>")
    source = _page(
        seeded_offline,
        "kilde",
        f'<p><a linktype="page" id="{gone.pk}">Borte</a> og '
        f'<a linktype="page" id="{hidden.pk}">skjult</a></p>',
    )
    gone_id = gone.pk
    gone.delete()
    hidden.unpublish()
    _run()
    assert _rows() == {
        ("kilde", "side", str(gone_id)): "Siden finnes ikke lenger",
        ("kilde", "side", str(hidden.pk)): "Siden er ikke publisert",
    }
    row = BrokenLink.objects.get(target=str(gone_id))
    assert row.text == "Borte" and row.page_id == source.pk


def test_a_missing_document_and_a_missing_file_are_found(seeded_offline):
    deleted = make_document(title="Slettet")
    fileless = make_document(title="Uten fil")
    image = make_image()
    fileless.file.storage.delete(fileless.file.name)
    deleted_id = deleted.pk
    _page(
        seeded_offline,
        "dokumenter",
        f'<p><a linktype="document" id="{deleted_id}">Slettet</a>, '
        f'<a linktype="document" id="{fileless.pk}">uten fil</a></p>'
        f'<embed embedtype="image" id="{image.pk}" format="fullwidth" alt="Et bilde"/>',
    )
    deleted.delete()
    _run()
    assert _rows() == {
        ("dokumenter", "dokument", str(deleted_id)): "Dokumentet finnes ikke",
        ("dokumenter", "dokument", str(fileless.pk)): "Filen mangler",
    }


def test_a_dead_external_address_is_found_and_good_ones_are_not(seeded_offline, server):
    _page(
        seeded_offline,
        "eksterne",
        f'<p><a href="{server}/dead">Død</a> <a href="{server}/ok">God</a> '
        f'<a href="{server}/moved">Flyttet</a> <a href="{server}/no-head">Uten HEAD</a> '
        f'<a href="{server}/hangs">Henger</a> <a href="mailto:a@b.no">E-post</a> '
        f'<a href="#over">Anker</a> <a href="http://[::1">Ødelagt</a></p>',
    )
    _run()
    assert _rows() == {
        ("eksterne", "adresse", f"{server}/dead"): "HTTP 404",
        ("eksterne", "adresse", f"{server}/hangs"): "Tidsavbrudd",
        ("eksterne", "adresse", "http://[::1"): "Ugyldig adresse",
    }
    # HEAD first, GET only where HEAD did not do.
    assert ("HEAD", "/ok") in Handler.hits and ("GET", "/ok") not in Handler.hits
    assert ("GET", "/no-head") in Handler.hits


def test_the_checker_says_who_it_is(seeded_offline, server):
    agents = []
    original = Handler._answer

    def record(handler, with_body):
        agents.append(handler.headers["User-Agent"])
        original(handler, with_body)

    Handler._answer = record
    try:
        checker.fetch(f"{server}/ok", timeout=2)
    finally:
        Handler._answer = original
    assert agents and agents[0].startswith("InnovasjonLenkesjekk/1.0 (+")


def test_a_link_keeps_its_first_seen_time_and_leaves_once_it_works(seeded_offline, server):
    page = _page(seeded_offline, "lenker", f'<p><a href="{server}/dead">Død</a></p>')
    _run()
    first = BrokenLink.objects.get()
    _run()
    second = BrokenLink.objects.get()
    assert second.first_seen == first.first_seen
    assert second.last_checked > first.last_checked
    page.body = [("text", f'<p><a href="{server}/ok">Levende</a></p>')]
    page.save_revision().publish()
    _run()
    assert not BrokenLink.objects.exists()


def test_links_in_blocks_and_typed_fields_are_found(seeded):
    from programs.models import ProgramPage

    stimulab = ProgramPage.objects.get(slug="stimulab", locale__language_code="nb")
    kinds = {link.kind for link in links_of_page(stimulab)}
    assert "adresse" in kinds
    home_links = links_of_page(seeded)
    # The entry points on the home page are inline rows pointing at pages.
    assert sum(link.kind == "side" for link in home_links) >= 4


def test_the_report_lists_broken_links_per_page_and_downloads_as_csv(
    client, seeded_offline, server
):
    _page(seeded_offline, "lenker", f'<p><a href="{server}/dead">Død lenke</a></p>')
    client.force_login(User.objects.create_superuser("admin", password="x"))
    assert "Lenkene er ikke sjekket ennå" in client.get(REPORT).content.decode()
    _run()
    hits = len(Handler.hits)
    response = client.get(REPORT)
    row = soup_of(response).select_one("tbody tr").get_text(" ", strip=True)
    assert "Lenker" in row and f"{server}/dead" in row and "HTTP 404" in row
    assert "«Død lenke»" in row
    assert h1_texts(response) == ["Brutte lenker"]
    table = csv_table(client.get(REPORT, {"export": "csv"}))
    assert table[0] == ["Side", "Adresse", "Lenke", "Lenketekst", "Type", "Feil", "Brutt siden"]
    assert table[1][2:6] == [f"{server}/dead", "Død lenke", "Adresse", "HTTP 404"]
    # The report only reads what the command stored: it asked the server nothing.
    assert len(Handler.hits) == hits


def test_the_report_says_so_when_nothing_is_broken(client, seeded):
    checker.run(external=False)
    client.force_login(User.objects.create_superuser("admin", password="x"))
    assert "Ingen brutte lenker ved siste sjekk." in client.get(REPORT).content.decode()


def _broken(page, kind, target):
    now = timezone.now()
    return BrokenLink.objects.create(
        page=page, kind=kind, target=target, reason="Finnes ikke", first_seen=now, last_checked=now
    )


def test_the_report_filters_by_kind_and_downloads_the_filtered_rows(client, seeded):
    page = ContentPage.objects.get(slug="kompetanse")
    _broken(page, Kind.PAGE, "9999")
    _broken(page, Kind.DOCUMENT, "8888")
    client.force_login(User.objects.create_superuser("admin", password="x"))
    response = client.get(REPORT)
    assert unlabelled_filter_fields(response) == []
    assert len(soup_of(response).select("tbody tr")) == 2
    filtered = client.get(REPORT, {"kind": Kind.DOCUMENT})
    rows = [row.get_text(" ", strip=True) for row in soup_of(filtered).select("tbody tr")]
    assert len(rows) == 1 and "8888" in rows[0] and "Dokument" in rows[0]
    table = csv_table(client.get(REPORT, {"kind": Kind.DOCUMENT, "export": "csv"}))
    assert [row[2] for row in table[1:]] == ["8888"]
    workbook = xlsx_table(client.get(REPORT, {"export": "xlsx"}))
    assert workbook[0][:3] == ["Side", "Adresse", "Lenke"]
    assert sorted(row[2] for row in workbook[1:]) == ["8888", "9999"]


def test_the_report_shows_50_links_a_page_and_downloads_them_all(client, seeded):
    page = ContentPage.objects.get(slug="kompetanse")
    for number in range(51):
        _broken(page, Kind.URL, f"https://example.org/{number}")
    client.force_login(User.objects.create_superuser("admin", password="x"))
    assert len(soup_of(client.get(REPORT)).select("tbody tr")) == 50
    assert len(soup_of(client.get(REPORT, {"p": 2})).select("tbody tr")) == 1
    assert len(csv_table(client.get(REPORT, {"export": "csv"}))) - 1 == 51


def test_only_admin_users_get_the_report(client, seeded):
    assert client.get(REPORT).status_code == 302
    assert refused_to_a_user_without_admin_access(client, REPORT)


def test_the_command_prints_a_summary(seeded):
    out = io.StringIO()
    call_command("check_links", "--no-external", stdout=out)
    assert "lenker på 18 sider: 0 brutte." in out.getvalue()


def test_button_and_link_list_links_carry_their_link_text(seeded):
    page = ContentPage(
        title="Knapper",
        slug="knapper",
        body=[
            ("call_to_action", {"url": "https://example.invalid/soknad", "text": "Søk om midler"}),
            (
                "link_list",
                {
                    "heading": "Les mer",
                    "links": [{"page": seeded, "url": "", "text": "Forsiden vår"}],
                },
            ),
        ],
    )
    seeded.add_child(instance=page)
    texts = {link.target: link.text for link in links_of_page(page)}
    assert texts["https://example.invalid/soknad"] == "Søk om midler"
    assert texts[str(seeded.pk)] == "Forsiden vår"
