"""Real worker processes for integration tests, pointed at the test database and a private queue."""

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.db import connection

from tests.services import need, port_open

ROOT = Path(__file__).resolve().parents[2]


def need_postgres_and_redis():
    need(connection.vendor == "postgresql", "worker tests need DATABASE_URL=postgres://…")
    need(bool(settings.CELERY_BROKER_URL), "worker tests need CELERY_BROKER_URL=redis://…")
    need(port_open("127.0.0.1", 6379), "Redis is not answering on 127.0.0.1:6379")


def database_url():
    db = settings.DATABASES["default"]
    user = db.get("USER") or "postgres"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{user}{password}@{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{db['NAME']}"


class Worker:
    """A `celery worker` process in its own process group, so a test can kill it whole."""

    def __init__(self, *, queue, broker_url, media_root, log_path, extra_env=None):
        self.queue, self.broker_url, self.media_root = queue, broker_url, media_root
        self.log_path, self.extra_env = log_path, extra_env or {}
        self.process = None

    def start(self):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "osteoactive.settings.test",
            "DATABASE_URL": database_url(),
            "CELERY_BROKER_URL": self.broker_url,
            "MEDIA_ROOT": str(self.media_root),
            **self.extra_env,
        }
        log = open(self.log_path, "ab")  # noqa: SIM115
        self.process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "osteoactive", "worker", "--pool=prefork",
             "--concurrency=1", "-Q", self.queue, "--loglevel=INFO", "--without-heartbeat",
             "--without-mingle", "--without-gossip"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        return self

    def kill(self):
        """SIGKILL the whole worker (main process and pool child), as a crash would."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()

    def log(self):
        return Path(self.log_path).read_text(errors="replace")


def private_queue():
    return f"test-{uuid.uuid4().hex[:10]}"


def wait_for(predicate, *, timeout, interval=0.05, message="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {message}")
