"""Production (`make serve`, the Docker image): everything from base, which is secure by default."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DEBUG, SECRET_KEY

if not SECRET_KEY and not DEBUG:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Production settings need the SECRET_KEY environment variable: "
        "a long random string, e.g. from "
        "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`."
    )

# Errors, with their tracebacks, also go to Sentry when SENTRY_DSN is set (innovasjon/monitoring).
if SENTRY_DSN:  # noqa: F405
    from innovasjon.monitoring import init_sentry

    from .env import env_float, env_str

    init_sentry(
        SENTRY_DSN,  # noqa: F405
        environment=env_str("SENTRY_ENVIRONMENT"),
        release=env_str("SENTRY_RELEASE"),
        traces_sample_rate=env_float("SENTRY_TRACES_SAMPLE_RATE", 0.0),
    )
