"""Outgoing e-mail (password reset, workflow notifications) from the environment: EMAIL_URL, or
EMAIL_HOST and its companions one by one."""

from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

from .env import FALSE_VALUES, TRUE_VALUES, env_bool, env_int, env_str

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
# Without a mail server nothing is sent, quietly: the checks (core/checks.py) say so instead
# of every notification logging a refused connection to localhost:25.
NO_MAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"


def _query_flag(query, name, url):
    values = query.get(name)
    if not values:
        return False
    value = values[-1].strip().lower()
    if value in TRUE_VALUES:
        return True
    if value in FALSE_VALUES:
        return False
    raise ImproperlyConfigured(f"EMAIL_URL: {name} must be true or false in {url!r}.")


def parse_email_url(url):
    """Django's EMAIL_* settings from smtp://user:password@host:port?tls=true (STARTTLS) or
    smtps://user:password@host:port (TLS from the first byte). User and password are
    percent-encoded, as in any URL."""
    parts = urlsplit(url)
    # The URL holds a password: error messages name the scheme and host only.
    where = f"{parts.scheme}://{parts.hostname or ''}"
    if parts.scheme not in ("smtp", "smtps"):
        raise ImproperlyConfigured(f"EMAIL_URL must start with smtp:// or smtps://, got {where!r}.")
    if not parts.hostname:
        raise ImproperlyConfigured("EMAIL_URL has no host name.")
    try:
        port = parts.port
    except ValueError as exc:
        raise ImproperlyConfigured(f"EMAIL_URL has a port that is no number ({where}).") from exc
    query = parse_qs(parts.query)
    use_ssl = parts.scheme == "smtps" or _query_flag(query, "ssl", where)
    use_tls = _query_flag(query, "tls", where)
    if use_ssl and use_tls:
        raise ImproperlyConfigured(
            f"EMAIL_URL asks for both TLS from the start (smtps or ssl=true) and STARTTLS "
            f"(tls=true) ({where}): choose one."
        )
    return {
        "EMAIL_BACKEND": SMTP_BACKEND,
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": port or (465 if use_ssl else 587 if use_tls else 25),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": use_tls,
        "EMAIL_USE_SSL": use_ssl,
    }


def email_settings():
    """EMAIL_URL if set, else EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD,
    EMAIL_USE_TLS and EMAIL_USE_SSL as Django reads them; no mail server if neither is set."""
    url = env_str("EMAIL_URL")
    if url:
        return parse_email_url(url)
    host = env_str("EMAIL_HOST")
    use_ssl = env_bool("EMAIL_USE_SSL", False)
    use_tls = env_bool("EMAIL_USE_TLS", False)
    if use_ssl and use_tls:
        raise ImproperlyConfigured("EMAIL_USE_TLS and EMAIL_USE_SSL are both on: choose one.")
    return {
        "EMAIL_BACKEND": SMTP_BACKEND if host else NO_MAIL_BACKEND,
        "EMAIL_HOST": host,
        "EMAIL_PORT": env_int("EMAIL_PORT", 465 if use_ssl else 587 if use_tls else 25),
        "EMAIL_HOST_USER": env_str("EMAIL_HOST_USER"),
        "EMAIL_HOST_PASSWORD": env_str("EMAIL_HOST_PASSWORD"),
        "EMAIL_USE_TLS": use_tls,
        "EMAIL_USE_SSL": use_ssl,
    }
