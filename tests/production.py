"""Production settings as a deploy loads them: in a fresh process, from the environment alone."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What the machine's environment could otherwise slip into the settings under test.
INHERITED_PREFIXES = (
    "DJANGO",
    "SENTRY_",
    "AWS_",
    "REDIS_",
    "CACHE_",
    "GUNICORN_",
    "FRONTEND_CACHE",
    "CLOUDFLARE",
    "CLOUDFRONT",
)
# The least that production settings start with.
REQUIRED = {
    "DJANGO_SETTINGS_MODULE": "innovasjon.settings.production",
    "SECRET_KEY": "production-test-" + "x" * 40,
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/innovasjon",
    "WAGTAILADMIN_BASE_URL": "https://innovasjon.example.no",
}


def production_env(overrides=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith(INHERITED_PREFIXES)}
    return {**env, **REQUIRED, **(overrides or {})}


def run_with_production_settings(script, overrides=None):
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=production_env(overrides),
        capture_output=True,
        text=True,
        timeout=60,
    )


def production_values(expression, overrides=None, imports=""):
    """`expression`, evaluated with `settings` after django.setup(), as JSON."""
    script = (
        f"import django, json{', ' + imports if imports else ''}; django.setup(); "
        f"from django.conf import settings; print(json.dumps({expression}))"
    )
    result = run_with_production_settings(script, overrides)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)
