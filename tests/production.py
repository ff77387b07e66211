"""Production settings as a deploy loads them, from the environment alone.

`load_settings` imports a settings module afresh in this process, under an environment of the
test's: the modules only read os.environ and raise ImproperlyConfigured, so that is what a new
process would see. What needs Django set up again (`manage.py check`, Sentry's global client)
runs in a fresh process (`run_with_production_settings`)."""

import contextlib
import importlib
import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

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


SETTINGS_PACKAGE = "innovasjon.settings"


@contextlib.contextmanager
def _only_environment(env):
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def _settings_modules():
    return {
        name: module
        for name, module in sys.modules.items()
        if name == SETTINGS_PACKAGE or name.startswith(SETTINGS_PACKAGE + ".")
    }


def load_settings(module, env):
    """The upper-case names of settings `module`, imported afresh with `env` as the whole
    environment. Raises what the module raises; the running test settings are untouched."""
    saved = _settings_modules()
    parent = sys.modules[SETTINGS_PACKAGE.rpartition(".")[0]]
    for name in saved:
        del sys.modules[name]
    try:
        with _only_environment(env):
            loaded = importlib.import_module(module)
        return SimpleNamespace(
            **{name: getattr(loaded, name) for name in dir(loaded) if name.isupper()}
        )
    finally:
        for name in _settings_modules():
            del sys.modules[name]
        sys.modules.update(saved)
        parent.settings = saved[SETTINGS_PACKAGE]


def production_settings(overrides=None):
    return load_settings(REQUIRED["DJANGO_SETTINGS_MODULE"], production_env(overrides))
