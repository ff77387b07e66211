# syntax=docker/dockerfile:1
# Innovasjon i offentlig sektor: production image. See README.md, "Deploy with Docker".

# Front-end packages (Designsystemet, Inter) from package-lock.json; only their files are copied on.
FROM node:20-slim AS frontend
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

FROM python:3.11-slim AS runtime
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=innovasjon.settings.production \
    PORT=8000 \
    MEDIA_ROOT=/data/media

RUN groupadd --system app && useradd --system --gid app --home-dir /app --shell /usr/sbin/nologin app
WORKDIR /app

COPY requirements.txt ./
RUN pip install --require-hashes -r requirements.txt

# Code and packages stay owned by root: the app user can write only media and nothing it runs.
COPY . .
COPY --from=frontend /app/node_modules ./node_modules
# Inter cut down to what the site prints (fontTools from requirements.txt), into build/fonts/,
# which collectstatic then serves as fonts/inter/.
RUN python bin/build_fonts.py
# Our Bokmål for Wagtail's admin (locale/), compiled without GNU gettext.
RUN python bin/compile_messages.py
# collectstatic imports the production settings, which refuse to start without a strong key, a
# database and a public address; these exist only during the build and reach no database.
RUN SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
    DATABASE_URL=sqlite:////tmp/build.sqlite3 \
    WAGTAILADMIN_BASE_URL=https://build.invalid \
    python manage.py collectstatic --no-input --verbosity 0 \
    && mkdir -p /data/media && chown -R app:app /data

USER app
VOLUME ["/data/media"]
EXPOSE 8000
# Liveness: /helse/ never touches the database, so an outage does not restart the container.
# Load balancers use the readiness check /helse/klar/ (docs/deploy.md).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import os, urllib.request; urllib.request.urlopen(f'http://127.0.0.1:{os.environ.get(\"PORT\", \"8000\")}/helse/', timeout=4)" || exit 1

ENTRYPOINT ["/app/bin/docker-entrypoint"]
# The scheduler runs as a separate `python manage.py publish_scheduled` job from this same image (see docs/deploy.md).
CMD ["gunicorn", "--config", "gunicorn.conf.py"]
