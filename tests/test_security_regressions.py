"""Regression tests for the security and robustness defects of issue 8 (part 2)."""

import io
import json
import os
import re
import socket
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import DataError, OperationalError, connections, transaction
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Site

from pages.api import PublicPagesAPIViewSet
from programs.models import ProgramPage
from tests.factories import make_image
from tests.servers import serve_local

ROOT = Path(__file__).resolve().parent.parent

SECRET = b"HEMMELIG-INNHOLD: bare for innloggede"


@pytest.fixture
def private_document(db):
    """A document in a collection that only logged-in users may see."""
    collection = Collection.get_first_root_node().add_child(name="Interne dokumenter")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = get_document_model()(title="Intern rapport", collection=collection)
    document.file.save("intern.txt", ContentFile(SECRET), save=False)
    document.save()
    return document


@pytest.mark.parametrize(
    "template",
    [
        "/media/images/..%2f{file}",
        "/media/images/%2e%2e%2f{file}",
        "/media/images/%2E%2E/{file}",
        "/media/images/..%5c{file}",
        "/media/images/../{file}",
        "/media/original_images/..%2f{file}",
        "/media/images/a/..%2f..%2f{file}",
        "/media/images/%252e%252e%252f{file}",
        "/media/images/.%2f..%2f{file}",
        "/media/images%2f..%2f{file}",
        "/media/{file}",
        "/media//{root}/{file}",
        "/media/images/%00/../../{file}",
    ],
)
def test_media_url_refuses_dotdot_to_documents(client, seeded, private_document, template):
    from django.conf import settings

    path = template.format(
        file=private_document.file.name, root=str(settings.MEDIA_ROOT).lstrip("/")
    )
    response = client.get(path)
    assert response.status_code == 404, (path, response.status_code)
    body = b"".join(response) if response.streaming else response.content
    assert SECRET not in body
    assert "Fant ikke siden" in body.decode()


def test_media_still_serves_images(client, seeded):
    image = make_image(title="Offentlig bilde")
    response = client.get(f"/media/{image.file.name}")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    image.file.open("rb")
    with image.file:
        assert b"".join(response.streaming_content) == image.file.read()


def test_private_documents_still_need_a_login_at_dokumenter(
    client, seeded, private_document, admin_user
):
    response = client.get(private_document.url)
    assert response.status_code == 302
    assert "login" in response["Location"]
    client.force_login(admin_user)
    response = client.get(private_document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == SECRET


@pytest.fixture(scope="module")
def gunicorn_server(seeded_template, tmp_path_factory):
    """The production gunicorn alone (no proxy in front), on a copy of the seeded site."""
    workdir = tmp_path_factory.mktemp("gunicorn")
    with serve_local(
        seeded_template, workdir, ready_path="/robots.txt", PROXY="none", WEB_CONCURRENCY="1"
    ) as site:
        yield {"port": site.port, "media_root": site.media_root}


def _read_all(sock):
    chunks = []
    while chunk := sock.recv(65536):
        chunks.append(chunk)
    return b"".join(chunks)


def _split_head(data):
    """(status line, {lower-case name: value}, the bytes after the header block)."""
    head, _, rest = data.partition(b"\r\n\r\n")
    status, *lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return status, headers, rest


def _raw_request(port, request):
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request)
        return _read_all(sock)


@pytest.mark.parametrize(
    "path", ["/virkemidler/stimulab/", "/finnes-ikke/", "/media/images/blå.png"]
)
def test_head_sends_the_get_headers_and_no_body_on_a_kept_alive_connection(gunicorn_server, path):
    media_images = gunicorn_server["media_root"] / "images"
    media_images.mkdir(parents=True, exist_ok=True)
    (media_images / "blå.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 2048)
    target = quote(path).encode()
    host = b"Host: 127.0.0.1\r\n"
    with socket.create_connection(("127.0.0.1", gunicorn_server["port"]), timeout=10) as sock:
        sock.sendall(b"HEAD " + target + b" HTTP/1.1\r\n" + host + b"\r\n")
        data = b""
        while b"\r\n\r\n" not in data:
            data += sock.recv(65536)
        # The HEAD response ends with its header block; whatever follows belongs to the GET.
        sock.sendall(b"GET " + target + b" HTTP/1.1\r\n" + host + b"Connection: close\r\n\r\n")
        data += _read_all(sock)

    head_status, head_headers, after_head = _split_head(data)
    assert head_headers.get("connection") != "close", "HEAD must keep the connection open"
    assert after_head.startswith(b"HTTP/1.1 "), f"HEAD sent a body: {after_head[:80]!r}"
    get_status, get_headers, get_body = _split_head(after_head)
    assert head_status == get_status
    assert head_status.split()[1] in {"200", "404"}
    # Per RFC 9110 (9.3.2, 8.6) HEAD answers with GET's headers, Content-Length included.
    assert head_headers["content-type"] == get_headers["content-type"]
    assert head_headers["content-length"] == get_headers["content-length"]
    assert int(get_headers["content-length"]) == len(get_body) > 0
    assert set(head_headers) - {"connection"} == set(get_headers) - {"connection"}


@pytest.mark.parametrize(
    "target", [b"/media/images/../documents/intern.txt", b"/media/images/..%2fdocuments/intern.txt"]
)
def test_media_refuses_a_raw_dotdot_sent_to_gunicorn(gunicorn_server, target):
    documents = gunicorn_server["media_root"] / "documents"
    documents.mkdir(parents=True, exist_ok=True)
    (documents / "intern.txt").write_bytes(SECRET)
    data = _raw_request(
        gunicorn_server["port"],
        b"GET " + target + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
    )
    assert data.startswith(b"HTTP/1.1 404"), data[:80]
    assert SECRET not in data


def test_api_database_outage_answers_503_without_the_error_text(client, seeded, monkeypatch):
    def outage(self):
        raise OperationalError("connection failed: connection to server at 10.0.0.1")

    monkeypatch.setattr(PublicPagesAPIViewSet, "get_queryset", outage)
    response = client.get("/api/v2/pages/", {"type": "programs.ProgramPage"})
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    body = response.content.decode()
    assert "connection" not in body
    assert "10.0.0.1" not in body
    assert response.json()["message"] == "API-et er midlertidig utilgjengelig. Prøv igjen senere."


def test_api_value_the_database_refuses_answers_400(client, seeded, monkeypatch):
    def refused(self):
        raise DataError('value "99999999999" is out of range for type integer')

    monkeypatch.setattr(PublicPagesAPIViewSet, "get_queryset", refused)
    response = client.get("/api/v2/pages/")
    assert response.status_code == 400
    assert response.json() == {"message": "Ugyldig forespørsel. Sjekk parameterne."}


@pytest.mark.parametrize(
    ("params", "echo"),
    [
        ({"order": "hemmelig_felt"}, "hemmelig_felt"),
        ({"first_published_at": "2024-13-45"}, "2024-13-45"),
        ({"id": "abc"}, "abc"),
        ({"type": "programs.ProgramPage", "applications_close_on": "ikkeendato"}, "ikkeendato"),
        ({"fields": "tullefelt"}, "tullefelt"),
        ({"child_of": "abc"}, "positive integer"),
        ({"limit": "1000"}, "higher than"),
        ({"child_of": "99999999999999999999"}, "99999999999999999999"),
    ],
)
def test_api_bad_parameters_answer_400_without_echoing_exception_text(client, seeded, params, echo):
    response = client.get("/api/v2/pages/", params)
    assert response.status_code == 400
    assert echo not in response.content.decode()
    assert response.json() == {"message": "Ugyldig forespørsel. Sjekk parameterne."}


OFFSET_MESSAGE = "Parameteren offset må være et helt tall fra 0 til 10000."


@pytest.mark.parametrize(
    "offset",
    [
        "+99999999",
        "+99999999999999999999",
        "1_000_000",
        "+1",
        " 5",
        "5 ",
        "\uff15",
        "\u0665",
        "-1",
        "",
        "10001",
    ],
)
def test_api_offset_other_than_plain_digits_up_to_the_cap_answers_400(client, seeded, offset):
    """int() also reads a sign, underscores, spaces and other scripts' digits; those must not
    slip past the cap to the database."""
    response = client.get("/api/v2/pages/", {"offset": offset})
    assert response.status_code == 400
    assert response.json() == {"message": OFFSET_MESSAGE}


def test_api_offset_of_plain_digits_up_to_the_cap_is_served(client, seeded):
    for offset in ("0", "007", "10000"):
        assert client.get("/api/v2/pages/", {"offset": offset}).status_code == 200


def test_api_unknown_page_does_not_echo_exception_text(client, seeded):
    response = client.get("/api/v2/pages/999999/")
    assert response.status_code == 404
    assert response.json() == {"message": "Fant ikke siden."}


@pytest.mark.parametrize("detail", [False, True])
def test_api_has_no_browsable_html_interface(client, seeded, detail):
    path = f"/api/v2/pages/{seeded.pk}/" if detail else "/api/v2/pages/"
    response = client.get(path, {"format": "api"})
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert not response.cookies, "an anonymous GET must not set a cookie"


def test_api_answers_json_to_a_browser_asking_for_html(client, seeded):
    response = client.get("/api/v2/pages/", HTTP_ACCEPT="text/html,application/xhtml+xml,*/*")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert not response.cookies
    assert client.get("/api/v2/pages/", {"format": "json"}).status_code == 200


@pytest.mark.parametrize("path", ["/admin/", "/admin/account/", "/admin/users/"])
def test_admin_loads_no_avatar_from_gravatar(client, seeded, admin_user, path):
    assert admin_user.email, "gravatar URLs are built from the e-mail address"
    client.force_login(admin_user)
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert "gravatar" not in html.lower()
    assert "default-user-avatar" in html, "the admin shows Wagtail's own avatar instead"


def _database_settings(database_url):
    """DATABASES["default"] as the development settings build it from DATABASE_URL."""
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "PORT"}}
    env.update(DATABASE_URL=database_url, DJANGO_SETTINGS_MODULE="innovasjon.settings.dev")
    code = (
        "import json; from django.conf import settings; "
        "print(json.dumps(settings.DATABASES['default'], default=str))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_sqlite_is_configured_for_concurrent_writers(tmp_path):
    options = _database_settings(f"sqlite:///{tmp_path / 'db.sqlite3'}")["OPTIONS"]
    assert options["init_command"] == "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] == 20
    postgres = _database_settings("postgres://postgres@127.0.0.1:5432/innovasjon")
    assert not {"init_command", "transaction_mode"} & set(postgres.get("OPTIONS", {}))


@pytest.fixture
def sqlite_file_alias(tmp_path, django_db_blocker):
    """A file-based SQLite database (the test database may be in memory) under an alias of its
    own, configured exactly as the settings configure one; each thread gets its own connection."""
    config = _database_settings(f"sqlite:///{tmp_path / 'concurrent.sqlite3'}")
    config["CONN_MAX_AGE"] = 0
    alias = "concurrent_writers"
    connections.settings[alias] = connections.configure_settings({"default": config})["default"]
    with django_db_blocker.unblock():
        yield alias
        connections[alias].close()
    del connections.settings[alias]


def test_two_sqlite_writers_at_the_same_moment_both_succeed(sqlite_file_alias):
    """An autosave and a preview: each transaction reads, then writes. With deferred
    transactions the second writer cannot upgrade its read lock and fails at once with
    "database is locked", whatever the busy timeout; with immediate ones it waits its turn."""
    alias = sqlite_file_alias
    with connections[alias].cursor() as cursor:
        cursor.execute("CREATE TABLE revision (id INTEGER PRIMARY KEY, source TEXT)")
    b_has_read = threading.Event()
    a_has_written = threading.Event()
    errors = []

    def preview():
        try:
            with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
                cursor.execute("SELECT COUNT(*) FROM revision")
                b_has_read.set()
                # Holds the read until the other writer has written, or, when immediate
                # transactions keep it waiting to begin, a bounded while.
                a_has_written.wait(timeout=2)
                cursor.execute("INSERT INTO revision (source) VALUES ('forhåndsvisning')")
        except OperationalError as exc:
            errors.append(exc)
        finally:
            b_has_read.set()
            connections[alias].close()

    thread = threading.Thread(target=preview)
    thread.start()
    assert b_has_read.wait(timeout=60)
    try:
        with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
            cursor.execute("INSERT INTO revision (source) VALUES ('autolagring')")
            a_has_written.set()
    except OperationalError as exc:
        errors.append(exc)
    finally:
        a_has_written.set()
        thread.join()

    assert errors == []
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT source FROM revision ORDER BY source")
        assert [row[0] for row in cursor.fetchall()] == ["autolagring", "forhåndsvisning"]


def _dev_setting(name, **env_overrides):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_SETTINGS_MODULE", "PORT", "WAGTAILADMIN_BASE_URL"}
    }
    env.update(DJANGO_SETTINGS_MODULE="innovasjon.settings.dev", **env_overrides)
    code = f"from django.conf import settings; print(settings.{name})"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_development_base_url_follows_the_port():
    assert _dev_setting("WAGTAILADMIN_BASE_URL", PORT="9000") == "http://127.0.0.1:9000"
    assert _dev_setting("WAGTAILAPI_BASE_URL", PORT="9000") == "http://127.0.0.1:9000"
    assert _dev_setting("WAGTAILADMIN_BASE_URL") == "http://127.0.0.1:8000"
    configured = {"PORT": "9000", "WAGTAILADMIN_BASE_URL": "http://localhost:8123"}
    assert _dev_setting("WAGTAILADMIN_BASE_URL", **configured) == "http://localhost:8123"


def test_make_run_on_another_port_puts_that_port_in_every_link(client, seeded, settings):
    """`PORT=9000 make run` on a database made under port 8000: the command `make run` calls
    moves the Site to the development base URL, from which every absolute link is built."""
    settings.DEBUG = True
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:9000"
    call_command("set_local_site_address", stdout=io.StringIO())
    client.defaults["HTTP_HOST"] = "127.0.0.1:9000"
    page = ProgramPage.objects.get(locale__language_code="nb", slug="stimulab")

    soup = BeautifulSoup(client.get("/virkemidler/stimulab/").content.decode(), "html.parser")
    canonical = soup.find("link", rel="canonical")["href"]
    assert canonical == "http://127.0.0.1:9000/virkemidler/stimulab/"
    assert soup.select_one("#permalink")["href"] == f"http://127.0.0.1:9000/s/{page.pk}/"
    sitemap = client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locations
    assert all(loc.startswith("http://127.0.0.1:9000/") for loc in locations)


def test_the_site_address_is_set_from_the_port_only_in_development(seeded, settings):
    settings.DEBUG = False
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:9000"
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("set_local_site_address", stdout=io.StringIO())
    site = Site.objects.get(is_default_site=True)
    assert site.port != 9000
