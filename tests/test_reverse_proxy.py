"""nginx in front of gunicorn (deploy/nginx/, `make serve`): slow clients, large bodies and
forwarded headers are dealt with before a request reaches one of gunicorn's few threads.

nginx is a requirement, like Python: `make test` installs Debian's package
(bin/system-requirements). These tests fail, not skip, without it, because `make serve` and the
production setup need it too."""

import contextlib
import gzip
import http.client
import json
import os
import re
import runpy
import selectors
import shutil
import socket
import subprocess
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import brotli
import pytest
import yaml
from bs4 import BeautifulSoup

from tests.servers import SECURITY_HEADERS, free_port, runtime_dir, stop, wait_for_port

ROOT = Path(__file__).resolve().parent.parent
NGINX_RUN = ROOT / "deploy" / "nginx" / "run"
TEMPLATE = (ROOT / "deploy" / "nginx" / "nginx.conf.template").read_text()
SLOW_CLIENTS = 20


def _exchange(port, raw, timeout=10):
    """Sends raw bytes, returns the status line and headers of the answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(raw)
        answer = b""
        while b"\r\n\r\n" not in answer:
            chunk = sock.recv(65536)
            if not chunk:
                break
            answer += chunk
    return answer.split(b"\r\n\r\n", 1)[0].decode("latin-1")


class Upstream:
    """Stands in for gunicorn: records what nginx passes on and echoes the headers back."""

    def __init__(self):
        self.requests = []
        upstream = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                received = len(self.rfile.read(length)) if length else 0
                record = {"path": self.path, "headers": dict(self.headers), "body": received}
                upstream.requests.append(record)
                body = json.dumps(record).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer

            def log_message(self, *args):
                pass

        class Server(ThreadingHTTPServer):
            # Like gunicorn's backlog (2048): nginx may pass on a hundred requests at once.
            request_queue_size = 1024

        self.server = Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def proxy():
    """Starts nginx with the repository's configuration in front of a recording upstream;
    call it with the environment to add, e.g. trusted proxies."""
    assert shutil.which("nginx", path=os.environ.get("PATH", "") + ":/usr/sbin"), (
        "nginx is not installed: apt-get install nginx"
    )
    started = []

    def start(**extra_env):
        upstream = Upstream()
        runtime = runtime_dir("innovasjon-proxy-test-")
        port = free_port()
        env = {
            **os.environ,
            "PATH": os.environ.get("PATH", "") + ":/usr/sbin",
            "NGINX_LISTEN": f"127.0.0.1:{port}",
            "NGINX_UPSTREAM": f"127.0.0.1:{upstream.port}",
            "NGINX_RUNTIME_DIR": str(runtime / "nginx"),
            **extra_env,
        }
        log_path = runtime / "log"
        log = log_path.open("w")
        process = subprocess.Popen([str(NGINX_RUN)], env=env, stdout=log, stderr=log)
        # Where nginx writes its access lines, for the tests that read them.
        upstream.proxy_log = log_path
        started.append((process, upstream, runtime, log))
        wait_for_port(port, process=process, log=log_path)
        return port, upstream

    yield start
    for process, upstream, runtime, log in started:
        stop(process)
        upstream.close()
        log.close()
        shutil.rmtree(runtime, ignore_errors=True)


def _get_json(port, path="/", headers=None):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers or {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def test_proxy_replaces_the_clients_forwarded_headers(proxy):
    port, _ = proxy()

    seen = _get_json(
        port,
        headers={
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": "203.0.113.9",
            "X-Forwarded-Host": "evil.example",
            # gunicorn answers these with its bare 400 when they contradict X-Forwarded-Proto.
            "X-Forwarded-Ssl": "on",
            "X-Forwarded-Protocol": "ssl",
        },
    )["headers"]

    assert seen["X-Forwarded-Proto"] == "http"
    assert seen["X-Forwarded-For"] == "127.0.0.1"
    assert "X-Forwarded-Host" not in seen
    assert "X-Forwarded-Ssl" not in seen
    assert "X-Forwarded-Protocol" not in seen
    assert seen["Host"] == f"127.0.0.1:{port}"


def _access_line(log_path, needle, seconds=10):
    """nginx writes the access line as it finishes the request, just after the answer."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        lines = [line for line in log_path.read_text().splitlines() if needle in line]
        if lines:
            return lines[-1]
        time.sleep(0.05)
    raise AssertionError(f"no access line with {needle!r} in {log_path.read_text()!r}")


def test_proxy_logs_neither_address_nor_query_nor_a_reset_token(proxy):
    port, upstream = proxy()
    token = "cz9xyw-0123456789abcdef0123456789abcdef"
    _get_json(
        port,
        f"/admin/password_reset/confirm/MQ/{token}/?q=mitt+hemmelige+sok",
        headers={"X-Forwarded-For": "203.0.113.9"},
    )
    line = _access_line(upstream.proxy_log, '"GET ')
    assert '"GET /admin/password_reset/confirm/... HTTP/1.1" 200' in line
    for secret in (token, "hemmelige", "203.0.113.9", "127.0.0.1"):
        assert secret not in line


def test_proxy_keeps_the_scheme_a_trusted_load_balancer_sends(proxy):
    port, _ = proxy(NGINX_TRUSTED_PROXIES="127.0.0.1")

    seen = _get_json(
        port, headers={"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"}
    )["headers"]

    assert seen["X-Forwarded-Proto"] == "https"
    assert seen["X-Forwarded-For"] == "203.0.113.9, 127.0.0.1"


@pytest.mark.parametrize("path", ["/", "/sok/", "/admin/login/", "/admin/images/multiple/add/"])
def test_proxy_refuses_a_100_mb_body_before_the_app_sees_it(proxy, path):
    port, upstream = proxy()

    head = _exchange(
        port,
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; "
        f"boundary=x\r\nContent-Length: {100 * 1024 * 1024}\r\n\r\n--x\r\n".encode(),
    )

    assert head.startswith("HTTP/1.1 413")
    assert upstream.requests == []


def test_proxy_passes_an_admin_upload_but_not_a_public_post_of_the_same_size(proxy):
    port, upstream = proxy()
    body = b"x" * (5 * 1024 * 1024)

    def post(path):
        head = (
            f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        )
        return _exchange(port, head.encode() + body, timeout=30)

    assert post("/admin/images/multiple/add/").startswith("HTTP/1.1 200")
    assert post("/").startswith("HTTP/1.1 413")
    assert [(r["path"], r["body"]) for r in upstream.requests] == [
        ("/admin/images/multiple/add/", len(body))
    ]


def _ask(port, path="/", method="GET", headers=(), body=b"", source="127.0.0.1"):
    """One request on a connection of its own from `source` (every 127.x address is this
    machine, so each stands for another client): (status, headers, body)."""
    head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
    head += "".join(f"{name}: {value}\r\n" for name, value in headers)
    if body:
        head += f"Content-Length: {len(body)}\r\n"
    with socket.create_connection(
        ("127.0.0.1", port), timeout=60, source_address=(source, 0)
    ) as sock:
        sock.sendall(head.encode("latin-1") + b"\r\n" + body)
        response = http.client.HTTPResponse(sock)
        response.begin()
        return response.status, response.headers, response.read()


def _busy(answer):
    """The app's own 503 when every render slot stays taken (innovasjon/limits.py)."""
    status, headers, body = answer
    return (
        status == 503
        and headers["Retry-After"]
        and "Nettstedet har mye å gjøre akkurat nå" in body.decode()
    )


def _assert_nginx_page(answer, status, heading):
    """nginx's own answer: our short Norwegian page with the site's security headers."""
    code, headers, body = answer
    assert code == status, body
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Cache-Control"] == "no-store"
    for name in SECURITY_HEADERS:
        assert headers[name], name
    soup = BeautifulSoup(body.decode(), "html.parser")
    assert soup.html["lang"] == "nb"
    assert soup.find("h1").get_text() == heading
    assert f"Feilkode: {status}" in soup.get_text()


def test_no_app_instance_answering_gives_the_norwegian_503_not_nginxs_502(proxy):
    port, upstream = proxy()
    upstream.close()
    answer = _ask(port, "/prinsipper/")
    _assert_nginx_page(answer, 503, "Tjenesten er midlertidig utilgjengelig")
    assert answer[1]["Retry-After"] == "30"


def _flood(port, path, method="GET", limit=500, **client):
    """Requests one after another until one is refused, at most `limit`: (how many passed, the
    refusal). A bound on the count, not on time: a slow machine sends them more slowly, which
    only makes them pass for longer."""
    body = b"svar=ja" if method == "POST" else b""
    for passed in range(limit):
        answer = _ask(port, path, method, body=body, **client)
        if answer[0] != 200:
            return passed, answer
    raise AssertionError(f"{limit} requests for {path} from one client, none refused")


@pytest.mark.parametrize("path", ["/sok/?q=innovasjon", "/en/search/?q=innovation"])
def test_a_search_flood_gets_429_while_another_client_is_still_served(proxy, path):
    # The clients as a trusted load balancer names them: the limit counts each, not the balancer.
    port, upstream = proxy(NGINX_TRUSTED_PROXIES="127.0.0.1")

    passed, refused = _flood(port, path, headers=[("X-Forwarded-For", "203.0.113.1")])

    assert passed > 20, "a burst of 20 searches, e.g. from an office behind one address, passes"
    _assert_nginx_page(refused, 429, "For mange forespørsler")
    assert refused[1]["Retry-After"] == "10"
    assert len(upstream.requests) == passed, "the refused request never reached the app"
    assert path.split("?")[0] in _access_line(upstream.proxy_log, '" 429 ')
    assert _ask(port, path, headers=[("X-Forwarded-For", "203.0.113.2")])[0] == 200


def test_a_client_cannot_pass_for_many_by_making_up_forwarded_for(proxy):
    port, _ = proxy()  # no load balancer is trusted: X-Forwarded-For is the client's invention

    for passed in range(500):
        forged = [("X-Forwarded-For", f"198.51.100.{passed % 250 + 1}")]
        if _ask(port, "/sok/?q=innovasjon", headers=forged)[0] == 429:
            break
    else:
        raise AssertionError("500 searches from one address, none refused")


@pytest.mark.parametrize(
    ("method", "path", "burst"),
    [
        ("POST", "/admin/login/", 10),
        ("POST", "/admin/password_reset/", 10),
        ("POST", "/_util/login/", 10),
        ("POST", "/en/_util/authenticate_with_password/1/2/", 10),
        ("POST", "/tilbakemelding/", 20),
        ("POST", "/en/feedback/", 20),
        # A query string the page cache may not key on: loosely.
        ("GET", "/virkemidler/?fbclid=1&tilfeldig=2", 50),
    ],
)
def test_floods_of_requests_the_app_answers_uncached_get_429(proxy, method, path, burst):
    port, upstream = proxy()

    passed, refused = _flood(port, path, method, source="127.0.0.2")

    assert passed > burst
    _assert_nginx_page(refused, 429, "For mange forespørsler")
    assert len(upstream.requests) == passed
    assert _ask(port, path, method, body=b"svar=ja" if method == "POST" else b"")[0] == 200


def test_pages_without_a_query_string_and_the_sign_in_form_have_no_rate_limit(proxy):
    port, _ = proxy()

    answers = [_ask(port, path)[0] for _ in range(60) for path in ("/", "/admin/login/")]

    assert set(answers) == {200}


def _first_answers(sockets, count, seconds=60):
    """The first `count` of the sockets that nginx answers, with what it sent. The seconds only
    bound a failing test."""
    answers = {}
    deadline = time.monotonic() + seconds
    with selectors.DefaultSelector() as selector:
        for sock in sockets:
            selector.register(sock, selectors.EVENT_READ)
        while len(answers) < count:
            assert time.monotonic() < deadline, f"{len(answers)} of {len(sockets)} answered"
            for key, _ in selector.select(timeout=1):
                answers[key.fileobj] = key.fileobj.recv(65536)
                selector.unregister(key.fileobj)
    return answers


def test_requests_held_open_past_the_per_client_limit_get_429_while_others_are_served(proxy):
    """9,000 connections from one client once made the site unreachable. Each of these sends a
    whole header and then holds its request open by never sending the body it announced."""
    port, upstream = proxy()
    per_client = re.search(r"limit_conn per_client (\d+);", TEMPLATE)
    assert per_client, "no per-client limit in the template"
    limit = int(per_client.group(1))
    held = []
    try:
        for _ in range(limit + 10):
            sock = socket.create_connection(
                ("127.0.0.1", port), timeout=60, source_address=("127.0.0.2", 0)
            )
            sock.sendall(b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4\r\n\r\n")
            held.append(sock)

        refused = _first_answers(held, 10)
        for answer in refused.values():
            assert answer.startswith(b"HTTP/1.1 429 "), answer
            assert "For mange forespørsler".encode() in answer

        assert _ask(port, "/", source="127.0.0.1")[0] == 200
        # The others were held, not refused: their bodies go through.
        waiting = [sock for sock in held if sock not in refused]
        for sock in waiting:
            sock.sendall(b"body")
        for sock in waiting:
            response = http.client.HTTPResponse(sock)
            response.begin()
            assert response.status == 200
    finally:
        for sock in held:
            sock.close()
    assert len(upstream.requests) == limit + 1


@pytest.fixture
def static_root():
    """Files as collectstatic writes them: hashed names, with whitenoise's .gz and .br."""
    folder = runtime_dir("innovasjon-proxy-test-")
    root = folder / "static"
    (root / "site").mkdir(parents=True)
    css = b"body { color: black; }\n" * 100
    hashed = root / "site" / "site.0123456789ab.css"
    hashed.write_bytes(css)
    Path(f"{hashed}.gz").write_bytes(gzip.compress(css))
    Path(f"{hashed}.br").write_bytes(brotli.compress(css))
    (root / "site" / "site.css").write_bytes(css)
    for path in [root, *root.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    yield root, css
    shutil.rmtree(folder, ignore_errors=True)


def test_static_files_are_answered_by_nginx_from_the_collected_files(proxy, static_root):
    root, css = static_root
    port, upstream = proxy(NGINX_STATIC_ROOT=str(root))
    hashed = "/static/site/site.0123456789ab.css"

    for encoding, decode in (("br", brotli.decompress), ("gzip", gzip.decompress), (None, bytes)):
        accept = [("Accept-Encoding", encoding)] if encoding else []
        status, headers, body = _ask(port, hashed, headers=accept)
        assert status == 200
        assert headers.get("Content-Encoding") == encoding
        assert decode(body) == css
        assert headers["Content-Type"] == "text/css; charset=utf-8"
        assert headers["Cache-Control"] == "max-age=315360000, public, immutable"
        assert headers["Vary"] == "Accept-Encoding"
        for name in SECURITY_HEADERS:
            assert headers[name], name
    # A name without a hash may get other content in the next release.
    assert _ask(port, "/static/site/site.css")[1]["Cache-Control"] == "max-age=60, public"
    assert upstream.requests == []

    # A file this copy lacks, e.g. another release's, is asked of the app (whitenoise).
    assert _ask(port, "/static/site/site.fedcba987654.css")[0] == 200
    assert [r["path"] for r in upstream.requests] == ["/static/site/site.fedcba987654.css"]


def test_what_gunicorn_would_refuse_gets_nginxs_page_and_never_reaches_it(proxy):
    port, upstream = proxy()
    filler = [(f"X-Filler-{n}", "x") for n in range(95)]  # with Host and Connection: 97

    _assert_nginx_page(_ask(port, "/" + "a" * 4096), 414, "For lang adresse")
    _assert_nginx_page(_ask(port, "/sok/?q=" + "a" * 9000), 414, "For lang adresse")
    _assert_nginx_page(
        _ask(port, headers=[("Cookie", "a" * 8200)]), 431, "For store forespørselshoder"
    )
    _assert_nginx_page(
        _ask(port, headers=[*filler, ("X-Filler", "x")]), 431, "For store forespørselshoder"
    )
    _assert_nginx_page(_ask(port, method="AB"), 400, "Ugyldig forespørsel")
    assert upstream.requests == []

    assert _ask(port, "/" + "a" * (4094 - len("GET / HTTP/1.1")))[0] == 200
    assert _ask(port, headers=filler)[0] == 200
    assert len(upstream.requests) == 2


def _nginx_size(value):
    return int(value[:-1]) * 1024 if value.endswith("k") else int(value)


def test_nginx_refuses_what_gunicorn_would_refuse_and_passes_what_it_takes():
    """gunicorn.conf.py's limits against the template's; the served site below tries them."""
    gunicorn = runpy.run_path(str(ROOT / "gunicorn.conf.py"))

    longest_line = int(re.search(r'"~\^\.\{(\d+)\}" 1;', TEMPLATE).group(1)) - 1
    assert longest_line == gunicorn["limit_request_line"]

    # What nginx sets besides the client's own Host; Connection is nginx's default.
    added = {
        name
        for name, value in re.findall(r"proxy_set_header (\S+) (.+);", TEMPLATE)
        if value != '""' and name != "Host"
    } | {"Connection"}
    assert added == {"X-Forwarded-Proto", "X-Forwarded-For", "Connection"}
    max_headers = int(re.search(r"max_headers (\d+);", TEMPLATE).group(1))
    assert max_headers + len(added) == gunicorn["limit_request_fields"]

    first = _nginx_size(re.search(r"client_header_buffer_size (\w+);", TEMPLATE).group(1))
    count, size = re.search(r"large_client_header_buffers (\d+) (\w+);", TEMPLATE).groups()
    # The longest header line nginx can pass on: X-Forwarded-For from a trusted load balancer,
    # joined from all of a request's buffers, then ", " and the balancer's address appended.
    # gunicorn counts the CRLF too.
    longest_address = "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255"
    longest_field = first + int(count) * _nginx_size(size) + len(", " + longest_address)
    assert longest_field + 2 <= gunicorn["limit_request_field_size"]


@pytest.mark.parametrize(
    ("env", "hsts"),
    [
        ({}, "max-age=31536000; includeSubDomains"),
        ({"SECURE_HSTS_SECONDS": "300", "SECURE_HSTS_INCLUDE_SUBDOMAINS": "false"}, "max-age=300"),
        ({"SECURE_HSTS_SECONDS": "0"}, None),
    ],
)
def test_nginxs_own_pages_carry_djangos_hsts_over_https(proxy, env, hsts):
    """The same SECURE_HSTS_* variables and defaults as Django's settings."""
    port, _ = proxy(NGINX_TRUSTED_PROXIES="127.0.0.1", **env)
    long_path = "/" + "a" * 5000

    status, headers, _ = _ask(port, long_path, headers=[("X-Forwarded-Proto", "https")])
    assert status == 414
    assert headers.get("Strict-Transport-Security") == hsts
    assert "Strict-Transport-Security" not in _ask(port, long_path)[1]


def test_the_proxy_image_serves_the_static_files_of_the_web_image():
    """The files are read here (tests/docker/ builds them): the proxy image copies the collected
    files out of the web image that Compose builds for app1, named by a build argument (Debian's
    Docker knows no named build contexts)."""
    dockerfile = (ROOT / "deploy" / "nginx" / "Dockerfile").read_text()
    services = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]

    assert services["nginx"]["build"]["args"]["APP_IMAGE"] == services["app1"]["image"]
    assert re.search(r"^FROM \$\{APP_IMAGE\} AS app$", dockerfile, re.M)
    copied_to = re.search(r"COPY --from=app /app/staticfiles (\S+)", dockerfile).group(1)
    assert re.search(rf"NGINX_STATIC_ROOT={re.escape(copied_to)}\b", dockerfile)
    assert "libnginx-mod-http-brotli-static" in dockerfile
    assert "manage.py collectstatic" in (ROOT / "Dockerfile").read_text()


class SlowClients:
    """Connections that send a request header a byte a second and never finish it."""

    def __init__(self, port, count):
        self.sockets = []
        for _ in range(count):
            sock = socket.create_connection(("127.0.0.1", port), timeout=5)
            sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
            self.sockets.append(sock)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._drip, daemon=True)
        self.thread.start()

    def _drip(self):
        while not self.stop.wait(1):
            for sock in self.sockets:
                with contextlib.suppress(OSError):
                    sock.sendall(b"a")

    def close(self):
        self.stop.set()
        self.thread.join(timeout=5)
        for sock in self.sockets:
            sock.close()


@pytest.fixture(scope="module")
def served_site(production_site):
    """`make serve`'s script: the seeded site under production settings, gunicorn (workers and
    threads as gunicorn.conf.py deploys them) behind nginx on PORT."""
    return production_site


def test_twenty_slow_header_connections_do_not_stop_a_normal_get(served_site):
    port = served_site.port
    front_page = f"http://127.0.0.1:{port}/"
    with urllib.request.urlopen(front_page, timeout=60) as response:
        assert response.status == 200  # warm: the first render is slow on a busy machine

    slow = SlowClients(port, SLOW_CLIENTS)
    try:
        time.sleep(2)  # every slow connection has been accepted and has sent part of a header
        # A bound that fails the test, not a timing: without the proxy this never answers.
        with urllib.request.urlopen(front_page, timeout=10) as response:
            assert response.status == 200
            assert response.headers["Server"] == "nginx"
            assert b"Innovasjon i offentlig sektor" in response.read()
    finally:
        slow.close()


def _security_headers(headers):
    """Each once: nginx adds none of its own to Django's answers."""
    assert all(len(headers.get_all(name)) == 1 for name in SECURITY_HEADERS), headers
    return {name: headers[name] for name in SECURITY_HEADERS}


def test_gunicorn_takes_what_nginx_passes_and_nginx_answers_the_rest(served_site):
    """The limits at their edges, through the real gunicorn: never its bare 400, never a 502."""
    port = served_site.port
    status, headers, _ = _ask(port, "/")
    assert status == 200
    djangos = _security_headers(headers)

    # A request line of 4094 bytes reaches Django, which has no such page.
    longest = "/" + "a" * (4094 - len("GET // HTTP/1.1")) + "/"
    status, headers, _ = _ask(port, longest)
    assert status == 404
    assert "X-Request-ID" in headers, "Django's answer"
    assert _security_headers(headers) == djangos
    # One byte more: nginx's page, with Django's security headers.
    answer = _ask(port, "/" + "a" * 4096 + "/")
    _assert_nginx_page(answer, 414, "For lang adresse")
    assert {name: answer[1][name] for name in SECURITY_HEADERS} == djangos

    filler = [(f"X-Filler-{n}", "x") for n in range(95)]  # with Host and Connection: 97
    assert _ask(port, "/helse/", headers=filler)[0] == 200
    answer = _ask(port, "/helse/", headers=[*filler, ("X-Filler", "x")])
    _assert_nginx_page(answer, 431, "For store forespørselshoder")

    assert _ask(port, "/helse/", headers=[("X-Forwarded-Ssl", "on")])[0] == 200

    longest_header = ("Cookie", "a" * (8190 - len("Cookie: ")))
    assert _ask(port, "/helse/", headers=[longest_header])[0] == 200
    answer = _ask(port, "/helse/", headers=[(longest_header[0], longest_header[1] + "a")])
    _assert_nginx_page(answer, 431, "For store forespørselshoder")


def test_static_files_are_answered_by_nginx_without_asking_gunicorn(served_site):
    status, headers, body = _ask(served_site.port, "/")
    assert status == 200
    assert "X-Request-ID" in headers, "Django's request log marks every answer it makes"
    href = BeautifulSoup(body.decode(), "html.parser").select_one(
        'link[href*="/static/site/site."]'
    )["href"]

    status, headers, body = _ask(served_site.port, href, headers=[("Accept-Encoding", "br")])

    assert status == 200
    assert headers["Content-Encoding"] == "br"
    assert b"{" in brotli.decompress(body)
    assert "X-Request-ID" not in headers
    # Django's request log (JSON) beside nginx's access log, which has both.
    log = served_site.log.read_text()
    assert '"path": "/"' in log
    assert f'"path": "{href}"' not in log


def test_a_search_flood_from_one_address_leaves_search_to_the_others(served_site):
    """Twelve searches at a time from 127.0.0.3, each asked again as soon as it is answered,
    until nginx refuses one (the concurrency or the rate limit, whichever comes first). On a
    slow machine the app may turn some away first, with its busy page: a refusal too."""
    port = served_site.port
    refused = []
    failures = []

    def search():
        for _ in range(40):  # a bound for a failing test: 12 x 40 searches
            if refused:
                return
            answer = _ask(port, "/sok/?q=innovasjon", source="127.0.0.3")
            if answer[0] == 429:
                refused.append(answer)
            elif answer[0] != 200 and not _busy(answer):
                failures.append(answer[0])

    threads = [threading.Thread(target=search) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    assert refused, "480 searches from one address, none refused"
    _assert_nginx_page(refused[0], 429, "For mange forespørsler")
    assert refused[0][1]["Retry-After"] == "10"
    status, _, body = _ask(port, "/sok/?q=innovasjon")
    assert status == 200
    assert "Søk" in BeautifulSoup(body.decode(), "html.parser").find("h1").get_text()
