"""`python -m bench.slow_clients`: how long a normal GET / takes while slow clients hold
connections open, with nginx in front of gunicorn (`make serve`) and with gunicorn alone
(PROXY=none). Both run gunicorn.conf.py's 2 workers × 2 threads with production settings.

Each slow client sends part of a request header and then a byte a second, never finishing it.
Results go to bench-results/slow_clients.json and a table on stdout."""

import contextlib
import json
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SLOW_COUNTS = (0, 2, 4, 20)
TRIALS = 3
GET_TIMEOUT = 15


def main():
    workdir = Path(tempfile.mkdtemp(prefix="innovasjon-bench-slow-"))
    workdir.chmod(0o755)
    rows = []
    try:
        for proxy in ("nginx", "none"):
            port = _free_port()
            server = _serve(workdir, port, proxy)
            try:
                _get(port, 120)  # warm
                for count in SLOW_COUNTS:
                    trials = [_measure(port, count) for _ in range(TRIALS)]
                    rows.append({"proxy": proxy, "slow_clients": count, "trials": trials})
            finally:
                server.terminate()
                server.wait(timeout=60)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    out = ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    (out / "slow_clients.json").write_text(json.dumps(rows, indent=2))
    print(f"proxy   slow clients  GET / (s), {TRIALS} trials, - = no answer in {GET_TIMEOUT} s")
    for row in rows:
        took = "  ".join(
            f"{trial['seconds']:.2f}" if trial["status"] == 200 else "-" for trial in row["trials"]
        )
        print(f"{row['proxy']:<8}{row['slow_clients']:>12}  {took}")


def _serve(workdir, port, proxy):
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "PORT": str(port),
        "PROXY": proxy,
        "SECRET_KEY": "bench-" + "x" * 44,
        "WEB_CONCURRENCY": "2",
        "GUNICORN_THREADS": "2",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    log = (workdir / f"serve-{proxy}.log").open("w")
    server = subprocess.Popen(
        [str(ROOT / "bin" / "serve-local")], cwd=ROOT, env=env, stdout=log, stderr=log
    )
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit((workdir / f"serve-{proxy}.log").read_text())
        with contextlib.suppress(OSError):
            _get(port, 5, "/helse/")
            return server
        time.sleep(0.5)
    server.terminate()
    raise SystemExit("the site did not start")


def _measure(port, count):
    sockets = []
    for _ in range(count):
        sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        sockets.append(sock)
    stop = threading.Event()

    def drip():
        while not stop.wait(1):
            for sock in sockets:
                with contextlib.suppress(OSError):
                    sock.sendall(b"a")

    dripper = threading.Thread(target=drip, daemon=True)
    dripper.start()
    try:
        time.sleep(2)
        start = time.perf_counter()
        try:
            status = _get(port, GET_TIMEOUT)
        except OSError:
            status = None
        return {"status": status, "seconds": round(time.perf_counter() - start, 3)}
    finally:
        stop.set()
        dripper.join(timeout=5)
        for sock in sockets:
            sock.close()


def _get(port, timeout, path="/"):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=timeout) as response:
        response.read()
        return response.status


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


if __name__ == "__main__":
    main()
