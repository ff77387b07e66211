"""The throwaway PostgreSQL database and Redis key space a bench run uses, on loopback only."""

import contextlib
import os
import subprocess

PG_HOST = "127.0.0.1"
PG_PORT = 5432
PG_USER = "postgres"
# Runs that share the servers with others name their own (BENCH_REDIS_URL, BENCH_DATABASE_PREFIX).
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")
DATABASE_PREFIX = os.environ.get("BENCH_DATABASE_PREFIX", "innovasjon_bench")


@contextlib.contextmanager
def throwaway_database():
    """A fresh database named after this process, dropped afterwards whatever happens."""
    name = f"{DATABASE_PREFIX}_{os.getpid()}"
    _pg("dropdb", "--if-exists", "--force", name)  # left over by a killed run with our pid
    _pg("createdb", name)
    try:
        yield f"postgres://{PG_USER}@{PG_HOST}:{PG_PORT}/{name}"
    finally:
        # --force: this process's own Django connection may still be open.
        _pg("dropdb", "--if-exists", "--force", name)


@contextlib.contextmanager
def redis_key_prefix():
    """A cache key prefix of this run's own; its keys are removed before and after."""
    prefix = f"innovasjon-bench-{os.getpid()}"
    _delete_keys(prefix)
    try:
        yield REDIS_URL, prefix
    finally:
        _delete_keys(prefix)


def _delete_keys(prefix):
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_timeout=10)
    # Django's keys are "<prefix>:<version>:<key>"; SCAN, not KEYS, so Redis never blocks.
    for key in client.scan_iter(f"{prefix}:*", count=1000):
        client.delete(key)
    client.close()


def _pg(tool, *args):
    result = subprocess.run(
        [tool, "-h", PG_HOST, "-p", str(PG_PORT), "-U", PG_USER, "--no-password", *args],
        timeout=120,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise RuntimeError(f"{tool} {' '.join(args)}: {result.stderr.strip()}")
    return result.stdout


def server_versions():
    """PostgreSQL's and Redis's version strings, for the machine description."""
    import redis

    postgres = _pg("psql", "-Atc", "SHOW server_version", "postgres").strip()
    client = redis.Redis.from_url(REDIS_URL, socket_timeout=10)
    redis_version = client.info("server")["redis_version"]
    client.close()
    return {"postgresql": postgres, "redis": redis_version}
