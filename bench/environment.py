"""A fresh PostgreSQL database and the production-like environment the bench runs the app with.

`prepare()` must run before Django is imported anywhere: it sets the environment of this process
(which gunicorn and the Celery worker inherit) and then calls `django.setup()`.
"""

import io
import os
import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path

import psycopg

POSTGRES = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
ROOT = Path(__file__).resolve().parent.parent
SERVICE_VARIABLES = ("CELERY_BROKER_URL", "REDIS_URL")  # none: tasks run in-process


@dataclass
class Environment:
    database: str
    database_url: str
    workdir: Path
    env: dict  # the variables set for this process, gunicorn and the worker

    @property
    def media_root(self) -> Path:
        return self.workdir / "media"

    @property
    def static_root(self) -> Path:
        return self.workdir / "static"

    def child_env(self, **extra) -> dict:
        env = {k: v for k, v in os.environ.items() if k not in SERVICE_VARIABLES}
        return {**env, **self.env, **extra}


def recreate_database(name: str) -> str:
    if not name.replace("_", "").isalnum():
        raise ValueError(f"unsafe database name {name!r}")
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"{POSTGRES}/{name}"


def drop_database(name: str) -> None:
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def prepare(database: str) -> Environment:
    """Drops and recreates `database`, sets the production-like environment, sets Django up."""
    url = recreate_database(database)
    workdir = Path(tempfile.mkdtemp(prefix=f"{database}-"))
    env = {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_SECURE_COOKIES": "false",
        "DATABASE_URL": url,
        "MEDIA_ROOT": str(workdir / "media"),
        "BENCH_STATIC_ROOT": str(workdir / "static"),
        "LOG_LEVEL": "WARNING",
    }
    for name in SERVICE_VARIABLES:
        os.environ.pop(name, None)
    os.environ.update(env)
    import django

    django.setup()
    return Environment(database, url, workdir, env)


def migrate_and_load_library() -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_library", verbosity=0, stdout=io.StringIO())


def collectstatic() -> None:
    from django.core.management import call_command

    call_command("collectstatic", verbosity=0, interactive=False)


def vacuum_analyze() -> None:
    """What autovacuum does to a live database soon after a bulk load: planner statistics and
    the visibility map. Without it the planner thinks the new tables are empty."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
