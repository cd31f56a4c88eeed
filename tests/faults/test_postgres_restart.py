"""A running site (gunicorn, persistent DB connections) keeps answering across a PostgreSQL restart.

The site runs against its own throwaway cluster, so restarting it never touches the suite's
database; CONN_HEALTH_CHECKS must replace the connection the restart killed."""

import http.cookiejar
import os
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

import pytest

from tests.factories import PASSWORD
from tests.faults.servers import (
    PostgresCluster,
    Process,
    free_port,
    need_postgres_binaries,
    wait_for_port,
)
from tests.integration.processes import ROOT

pytestmark = [pytest.mark.integration]

SEED = """
from tests.factories import MembershipFactory, PatientFactory, UserFactory
membership = MembershipFactory(user=UserFactory(username="physio"))
PatientFactory(clinic=membership.clinic, first_name="Karen", last_name="Restartsen")
"""


@pytest.fixture
def cluster():
    need_postgres_binaries()
    cluster = PostgresCluster(free_port(5440))
    try:
        yield cluster.start()
    finally:
        cluster.destroy()


@pytest.fixture
def site(cluster, tmp_path):
    """gunicorn (one sync worker, so one persistent connection) on a migrated, seeded cluster."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "osteoactive.settings.test",
        "DATABASE_URL": cluster.url(),
        "CELERY_BROKER_URL": "",
        "REDIS_URL": "",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--noinput"], ["shell", "-c", SEED]):
        subprocess.run([*manage, *command], cwd=ROOT, env=env, check=True, timeout=120,
                       capture_output=True)  # fmt: skip
    port = free_port(8790)
    server = Process(
        [sys.executable, "-m", "gunicorn", "osteoactive.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", "1", "--timeout", "30", "--graceful-timeout", "2"],
        log_path=tmp_path / "gunicorn.log", env=env, cwd=ROOT,
    ).start()  # fmt: skip
    try:
        wait_for_port(port, up=True, timeout=30)
        yield Browser(f"http://127.0.0.1:{port}"), server
    finally:
        server.stop()


class Browser:
    """Just enough of a browser: cookies, redirects, CSRF tokens."""

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def request(self, path, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(self.base + path, data=body, timeout=10) as response:
                return response.status, response.geturl(), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.geturl(), error.read().decode(errors="replace")

    def log_in(self, username, password):
        _status, _url, page = self.request("/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        credentials = {"username": username, "password": password, "csrfmiddlewaretoken": token}
        return self.request("/login/", credentials)


def test_requests_succeed_after_postgres_restarts(cluster, site):
    browser, server = site
    status, url, page = browser.log_in("physio", PASSWORD)
    assert (status, urllib.parse.urlsplit(url).path) == (200, "/patients/"), page[:500]
    assert "Restartsen" in page

    cluster.restart()  # -m fast: the site's open connection is terminated

    status, _url, page = browser.request("/patients/")  # the first request after the restart
    assert status == 200, f"{page[:2000]}\ngunicorn log:\n{server.log()[-3000:]}"
    assert "Restartsen" in page
    for path in ("/patients/", "/healthz", "/patients/?q=Karen"):
        status, _url, page = browser.request(path)
        assert status == 200, f"{path}: {page[:500]}"
