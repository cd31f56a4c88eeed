"""docker-compose.yml really starts: gunicorn, run as the compose file's web service runs it
and with that service's own environment, answers the service's own health check.

There is no Docker engine here, so the service is started on this machine: the environment
is docker-compose.yml's (with ${...} filled in as `docker compose` does, from what a clinic
puts in .env), with only the addresses of the database and Redis services changed to the
local ones, gunicorn's bind changed to a free port, and the health check's URL to that port."""

import json
import os
import re
import shlex
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

from tests.integration.processes import database_url
from tests.services import need, port_open
from tests.support.gunicorn import free_port

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
DOTENV = {"DJANGO_SECRET_KEY": "a-clinic-chosen-secret-" + "k" * 40}  # as a clinic's .env would


def interpolate(value, variables):
    """docker compose's ${NAME}, ${NAME:-default} and ${NAME:?error}."""

    def fill(match):
        name, operator, argument = match.group(1), match.group(2), match.group(3)
        current = variables.get(name, "")
        if operator == ":-":
            return current or argument
        if operator == ":?" and not current:
            raise ValueError(f"{name}: {argument}")
        return current

    return re.sub(r"\$\{(\w+)(?:(:-|:\?)([^}]*))?\}", fill, str(value))


def compose_service(name):
    services = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]
    return services[name]


def service_environment(service, variables):
    return {key: interpolate(value, variables) for key, value in service["environment"].items()}


def test_interpolation_follows_compose():
    assert interpolate("${A:-x}", {}) == "x" and interpolate("${A:-x}", {"A": "y"}) == "y"
    assert interpolate("https://${HOST:-localhost}", {}) == "https://localhost"
    with pytest.raises(ValueError, match="set it"):
        interpolate("${SECRET:?set it}", {})


def test_the_secret_key_must_be_given():
    with pytest.raises(ValueError, match="DJANGO_SECRET_KEY"):
        service_environment(compose_service("web"), {})


def test_only_the_proxy_is_published():
    services = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]
    published = {name for name, service in services.items() if service.get("ports")}
    assert published == {"proxy"}
    assert "./deploy/Caddyfile:/etc/caddy/Caddyfile:ro" in services["proxy"]["volumes"]
    assert services["web"]["environment"]["DJANGO_TRUSTED_PROXY_COUNT"] == "1"


@pytest.fixture
def web_service(tmp_path, django_db_setup):
    """gunicorn started from the web service's command, with its environment."""
    from django.db import connection

    need(connection.vendor == "postgresql", "the compose test needs DATABASE_URL=postgres://…")
    need(port_open("127.0.0.1", 6379), "Redis is not answering on 127.0.0.1:6379")
    service = compose_service("web")
    env = service_environment(service, DOTENV)
    assert "DJANGO_DEBUG" not in env, "production settings"
    local = {
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": os.environ.get("CELERY_BROKER_URL", "redis://127.0.0.1:6379/0"),
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/1"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "BACKUP_DIR": str(tmp_path / "backups"),
    }
    (tmp_path / "static").mkdir()  # the image's collected static files (Dockerfile)
    assert set(local) <= set(env), "the service names these itself"
    env.update(local, PATH=os.environ["PATH"], HOME=str(tmp_path))
    env["DJANGO_STATIC_ROOT"] = str(tmp_path / "static")
    gunicorn = re.search(r"\bgunicorn\s[^&\"]*", service["command"])[0].split()
    port = free_port()
    log_path = tmp_path / "gunicorn.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", *gunicorn, "--bind", f"127.0.0.1:{port}", "--workers", "1"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    try:
        yield service, env, port, log_path
    finally:
        process.terminate()
        process.wait(timeout=20)


def run_health_check(service, env, port):
    test = service["healthcheck"]["test"]
    assert test[0] == "CMD"
    command = [sys.executable if part == "python" else part for part in test[1:]]
    command = [part.replace("127.0.0.1:8000", f"127.0.0.1:{port}") for part in command]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=30)


def test_gunicorn_answers_the_compose_health_check(web_service):
    service, env, port, log_path = web_service
    deadline = time.monotonic() + 60
    while True:
        check = run_health_check(service, env, port)
        if check.returncode == 0 or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert check.returncode == 0, (
        f"{shlex.join(service['healthcheck']['test'])}: {check.stderr}\n{log_path.read_text()[-3000:]}"
    )

    # Everything else is the production behaviour: https only, and the Host header checked.
    plain = urllib.request.Request(
        f"http://127.0.0.1:{port}/login/", headers={"Host": env["DJANGO_ALLOWED_HOSTS"]}
    )
    opener = urllib.request.build_opener(NoRedirects)
    with pytest.raises(urllib.error.HTTPError) as redirected:
        opener.open(plain, timeout=10)
    assert redirected.value.code == 301
    assert redirected.value.headers["Location"].startswith("https://")
    foreign = urllib.request.Request(
        f"http://127.0.0.1:{port}/healthz", headers={"Host": "evil.example"}
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        opener.open(foreign, timeout=10)
    assert refused.value.code == 400


def test_access_log_is_json_and_holds_no_query_string(web_service):
    service, env, port, log_path = web_service
    deadline = time.monotonic() + 60
    while run_health_check(service, env, port).returncode != 0:
        assert time.monotonic() < deadline, log_path.read_text()[-3000:]
        time.sleep(0.5)
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/healthz?q=0101501234", headers={"Host": "localhost"}
    )
    urllib.request.urlopen(request, timeout=10).read()
    time.sleep(0.5)
    lines = [line for line in log_path.read_text().splitlines() if line.strip()]
    entries = [json.loads(line) for line in lines]  # every line is JSON
    access = [e for e in entries if e["logger"] == "gunicorn.access"]
    assert any("/healthz" in e["message"] for e in access)
    assert "0101501234" not in log_path.read_text()


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
