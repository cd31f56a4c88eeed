"""Settings are read from the environment in a fresh interpreter, as at start-up."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = (
    "import json, django; from django.conf import settings; django.setup(); "
    "print(json.dumps({'engine': settings.DATABASES['default']['ENGINE'], "
    "'eager': settings.CELERY_TASK_ALWAYS_EAGER, "
    "'cache': settings.CACHES['default']['BACKEND'], "
    "'hasher': settings.PASSWORD_HASHERS[0], 'hsts': settings.SECURE_HSTS_SECONDS}))"
)
BASE_ENV = {
    "PATH": os.environ["PATH"],
    "DJANGO_SETTINGS_MODULE": "osteoactive.settings.base",
    "DJANGO_SECRET_KEY": "x" * 50,
    "DJANGO_ALLOWED_HOSTS": "localhost",
}


def run_probe(**env):
    merged = {**BASE_ENV, **env}
    merged = {key: value for key, value in merged.items() if value is not None}
    return subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=merged, capture_output=True, text=True
    )


def probe(**env):
    result = run_probe(**env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_embedded_defaults():
    found = probe()
    assert found["engine"] == "django.db.backends.sqlite3"
    assert found["eager"] is True
    assert found["cache"].endswith("LocMemCache")
    assert "Argon2" in found["hasher"]
    assert found["hsts"] >= 31536000


def test_services_from_environment():
    found = probe(
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/osteoactive",
        CELERY_BROKER_URL="redis://127.0.0.1:6379/0",
        REDIS_URL="redis://127.0.0.1:6379/1",
    )
    assert found["engine"] == "django.db.backends.postgresql"
    assert found["eager"] is False
    assert found["cache"].endswith("RedisCache")


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"])
def test_refuses_to_start_without_required_setting(missing):
    result = run_probe(**{missing: None, "DJANGO_DEBUG": "false"})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr


def test_debug_runs_without_secret_key():
    assert probe(DJANGO_SECRET_KEY=None, DJANGO_ALLOWED_HOSTS=None, DJANGO_DEBUG="true")
