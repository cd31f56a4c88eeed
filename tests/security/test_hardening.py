import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def test_security_headers(physio_client):
    response = physio_client.get(reverse("assessment:patient_list"))
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.parametrize(
    "name",
    ["assessment:patient_list", "assessment:patient_create", "programs:library_list", "login"],
)
def test_pages_have_no_inline_script_or_style(physio_client, name):
    page = physio_client.get(reverse(name)).content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page), "inline <script>"
    assert " style=" not in page and "<style" not in page
    assert not re.search(r"\son[a-z]+=", page), "inline event handler"


def test_not_found_page_reveals_nothing(client, settings):
    settings.DEBUG = False
    response = client.get("/login/../../etc/passwd")
    assert response.status_code == 404
    assert b"Traceback" not in response.content and b"urlpatterns" not in response.content


def test_server_error_page_reveals_nothing():
    page = (ROOT / "templates/500.html").read_text()
    assert "{%" not in page and "Traceback" not in page


def test_deploy_check_is_clean():
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "osteoactive.settings.base",
        "DJANGO_SECRET_KEY": "a-production-like-secret-key-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "osteoactive.example.dk",
    }
    done = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def test_login_is_rate_limited_per_user_and_address(client, physio, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "physio", "password": "nope"})
    assert (
        client.post(reverse("login"), {"username": "physio", "password": "nope"}).status_code == 429
    )
