"""Ports and servers for the tests that start processes of their own."""

import socket
import time

STARTUP_SECONDS = 60
# What Django puts on every answer, and nginx on its own, over plain HTTP (HSTS only over
# HTTPS: tests/test_security_headers.py).
SECURITY_HEADERS = (
    "Content-Security-Policy",
    "Permissions-Policy",
    "Cross-Origin-Opener-Policy",
    "Referrer-Policy",
    "X-Content-Type-Options",
    "X-Frame-Options",
)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, host="127.0.0.1", seconds=STARTUP_SECONDS):
    """Returns once something accepts connections on the port; fails after `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with socket.create_connection((host, port), timeout=1):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise TimeoutError(f"nothing answers on {host}:{port}") from None
            time.sleep(0.05)
