# The app image: gunicorn (web) and Celery (worker) run from it; see docker-compose.yml.
# Debian bookworm's pg_dump (PostgreSQL 15) must be the server's major version or newer for
# `manage.py backup`, hence postgres:15 in docker-compose.yml.
FROM python:3.11-slim-bookworm

ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=osteoactive.settings.base \
    MEDIA_ROOT=/data/media \
    BACKUP_DIR=/data/backups

# WeasyPrint's libraries and a font, gettext for compilemessages, pg_dump for backups.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
       libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core gettext \
       postgresql-client \
    && rm -rf /var/lib/apt/lists/*

# The app runs as this user. It owns only what it writes: the media and backup volumes. The code, the
# compiled catalogues and the collected static files belong to root and are read-only to it.
RUN groupadd --system --gid 10001 osteoactive \
    && useradd --system --uid 10001 --gid osteoactive --home-dir /app --no-create-home \
       --shell /usr/sbin/nologin osteoactive \
    && install -d -o osteoactive -g osteoactive -m 0750 /data/media /data/backups

WORKDIR /app
COPY pyproject.toml ./
RUN pip install .
COPY . .

# Build-time steps need no secret and no database: DEBUG on for these two commands only.
RUN DJANGO_DEBUG=true python manage.py compilemessages \
    && DJANGO_DEBUG=true python manage.py collectstatic --no-input

USER osteoactive
VOLUME ["/data/media", "/data/backups"]
EXPOSE 8000
CMD ["gunicorn", "--config", "deploy/gunicorn.conf.py", "osteoactive.wsgi"]
