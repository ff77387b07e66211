# Innovasjon i offentlig sektor: production image. See docs/deploy.md, "The image".
# Run bin/docker-context first: the build installs Python wheels and node_modules from
# build/docker/ and reaches no package registry but Debian's. No `# syntax=` line: BuildKit
# would fetch that front end from an image registry.
#
# Debian bookworm with Debian's own Python 3.11, so that `make test-docker`, which cannot reach
# an image registry, builds exactly this from a bookworm made with debootstrap (BASE_IMAGE).
ARG BASE_IMAGE=debian:bookworm-slim

FROM ${BASE_IMAGE} AS base
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PATH=/opt/venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=innovasjon.settings.production \
    PORT=8000 \
    MEDIA_ROOT=/data/media
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system app \
    && useradd --system --gid app --home-dir /app --shell /usr/sbin/nologin app \
    && mkdir -p /data/media && chown app:app /data/media

# Everything that needs a compiler-free install, fonts and collectstatic, in a stage of its own:
# the image takes only its results.
FROM base AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3-venv \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
RUN python3 -m venv /opt/venv \
    && pip install --no-index --find-links build/docker/wheels --require-hashes --no-deps \
        -r requirements.txt \
    && pip uninstall --yes pip setuptools \
    && mv build/docker/npm/node_modules node_modules \
    && rm -rf build/docker \
    # Inter cut down to what the site prints (fontTools from requirements.txt), into
    # build/fonts/, which collectstatic then serves as fonts/inter/.
    && python bin/build_fonts.py \
    # Our Bokmål for Wagtail's admin (locale/), compiled without GNU gettext.
    && python bin/compile_messages.py \
    # collectstatic imports the production settings, which refuse to start without a strong
    # key, a database and a public address; these exist only here and reach no database.
    && SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
        DATABASE_URL=sqlite:////tmp/build.sqlite3 \
        WAGTAILADMIN_BASE_URL=https://build.invalid \
        python manage.py collectstatic --no-input --verbosity 0 \
    # Compiled once here: the root file system is read-only when the app runs.
    && python -m compileall -q -j 0 /opt/venv /app >/dev/null

FROM base AS runtime
# Code and packages stay owned by root: the app user can write only media and nothing it runs.
COPY --from=build /opt/venv /opt/venv
COPY --from=build /app /app
WORKDIR /app
USER app
VOLUME ["/data/media"]
EXPOSE 8000
# Liveness: /helse/ never touches the database, so an outage does not restart the container.
# Load balancers and nginx's upstream use the readiness check /helse/klar/ (docs/deploy.md).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import os, urllib.request; urllib.request.urlopen(f'http://127.0.0.1:{os.environ.get(\"PORT\", \"8000\")}/helse/', timeout=4)" || exit 1

ENTRYPOINT ["/app/bin/docker-entrypoint"]
# The scheduler runs `python manage.py publish_scheduled` from this same image (docs/deploy.md).
CMD ["gunicorn", "--config", "gunicorn.conf.py"]
