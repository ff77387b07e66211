"""The site under production settings: its environment, its manage.py commands, and gunicorn
started with gunicorn.conf.py on a loopback port, stopped again whatever happens."""

import contextlib
import os
import runpy
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
# What the caller's shell could slip into the settings under test (as in tests/production.py).
INHERITED_PREFIXES = (
    "DJANGO",
    "DATABASE_",
    "SECRET_KEY",
    "SENTRY_",
    "AWS_",
    "REDIS_",
    "CACHE_",
    "PAGE_CACHE",
    "GUNICORN_",
    "WEB_CONCURRENCY",
    "FRONTEND_CACHE",
    "CLOUDFLARE",
    "CLOUDFRONT",
    "EMAIL_",
    "SECURE_",
    "ALLOWED_HOSTS",
    "WAGTAILADMIN_BASE_URL",
    "MEDIA_ROOT",
    "LOG_",
)
START_TIMEOUT = 60
STOP_TIMEOUT = 40  # gunicorn.conf.py's graceful_timeout is 20 s


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def gunicorn_defaults():
    """Workers and threads as gunicorn.conf.py sets them when the environment says nothing."""
    with mock.patch.dict(os.environ):
        os.environ.pop("WEB_CONCURRENCY", None)
        os.environ.pop("GUNICORN_THREADS", None)
        config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    return {"WEB_CONCURRENCY": str(config["workers"]), "GUNICORN_THREADS": str(config["threads"])}


def production_env(database_url, redis_url, cache_prefix, port, media_root):
    """The least production settings start with, for a plain-HTTP run on this machine."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(INHERITED_PREFIXES)}
    return {
        **env,
        "DJANGO_SETTINGS_MODULE": "innovasjon.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "CACHE_KEY_PREFIX": cache_prefix,
        "WAGTAILADMIN_BASE_URL": f"http://{HOST}:{port}",
        "ALLOW_LOCAL_BASE_URL": "true",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "ALLOWED_HOSTS": HOST,
        "HOST": HOST,
        "PORT": str(port),
        "MEDIA_ROOT": str(media_root),
        **gunicorn_defaults(),
    }


def manage(env, log_path, *args):
    """A manage.py command under `env`; its output goes to the log, which a failure shows."""
    with open(log_path, "ab") as log:
        result = subprocess.run(
            [str(BIN / "python"), "manage.py", *args],
            cwd=ROOT,
            env=env,
            timeout=600,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    if result.returncode:
        tail = Path(log_path).read_text(errors="replace")[-3000:]
        raise RuntimeError(f"manage.py {' '.join(args)} exited with {result.returncode}:\n{tail}")


@contextlib.contextmanager
def gunicorn(env, log_path):
    """gunicorn on env's HOST:PORT until the block ends; yields its base URL."""
    base_url = f"http://{env['HOST']}:{env['PORT']}"
    with open(log_path, "ab") as log:
        # Its own session: a Ctrl-C reaches only us, and we stop it in order below.
        server = subprocess.Popen(
            [str(BIN / "gunicorn"), "--config", "gunicorn.conf.py"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _wait_until_ready(server, base_url, log_path)
        yield base_url
    finally:
        _stop(server)


def _wait_until_ready(server, base_url, log_path):
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            tail = Path(log_path).read_text(errors="replace")[-3000:]
            raise RuntimeError(f"gunicorn exited with {server.returncode}:\n{tail}")
        with (
            contextlib.suppress(OSError),
            urllib.request.urlopen(f"{base_url}/helse/", timeout=5) as response,
        ):
            if response.status == 200:
                return
        time.sleep(0.5)
    raise RuntimeError(f"gunicorn did not answer /helse/ within {START_TIMEOUT} s")


def _stop(server):
    if server.poll() is not None:
        return
    server.terminate()
    try:
        server.wait(timeout=STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        # Not yet reaped, so the group is still ours: the arbiter and its workers.
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=STOP_TIMEOUT)
