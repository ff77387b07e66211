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
