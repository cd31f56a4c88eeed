"""Production settings read from the environment in a fresh interpreter, as at start-up:
error reports to Sentry only with SENTRY_DSN and without health data, JSON logs, e-mail by
EMAIL_URL, and proxy headers believed only behind a trusted proxy."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

from osteoactive.error_reporting import without_request_details
from osteoactive.log_format import JsonFormatter

ROOT = Path(__file__).resolve().parents[2]
BASE_ENV = {
    "PATH": os.environ["PATH"],
    "DJANGO_SETTINGS_MODULE": "osteoactive.settings.base",
    "DJANGO_SECRET_KEY": "x" * 50,
    "DJANGO_ALLOWED_HOSTS": "localhost",
}
PROBE = """
import json, django, sentry_sdk
from django.conf import settings
django.setup()
client = sentry_sdk.get_client()
print(json.dumps({
    "sentry": client.is_active(),
    "pii": client.options.get("send_default_pii"),
    "locals": client.options.get("include_local_variables"),
    "bodies": client.options.get("max_request_body_size"),
    "formatter": settings.LOGGING["handlers"]["console"]["formatter"],
    "email": settings.EMAIL_BACKEND, "email_host": settings.EMAIL_HOST,
    "proxy_header": settings.SECURE_PROXY_SSL_HEADER,
}))
"""


def probe(**env):
    merged = {key: value for key, value in {**BASE_ENV, **env}.items() if value is not None}
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=merged, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_defaults():
    found = probe()
    assert found["sentry"] is False
    assert found["formatter"] == "json"
    assert found["email"] == "django.core.mail.backends.console.EmailBackend"
    assert found["proxy_header"] is None, "X-Forwarded-Proto is not believed without a proxy"


def test_development_logs_are_plain_text():
    assert probe(DJANGO_DEBUG="true")["formatter"] == "plain"


def test_sentry_with_a_dsn_and_without_health_data():
    found = probe(SENTRY_DSN="https://public@sentry.invalid/1")
    assert found["sentry"] is True
    assert found["pii"] is False and found["locals"] is False and found["bodies"] == "never"


def test_smtp_from_email_url():
    found = probe(EMAIL_URL="smtp+tls://user:secret@smtp.example.dk:587")
    assert found["email"] == "django.core.mail.backends.smtp.EmailBackend"
    assert found["email_host"] == "smtp.example.dk"


def test_behind_a_proxy_its_scheme_header_is_believed():
    assert probe(DJANGO_TRUSTED_PROXY_COUNT="1")["proxy_header"] == [
        "HTTP_X_FORWARDED_PROTO",
        "https",
    ]


def test_error_reports_lose_query_strings_bodies_and_cookies():
    event = {
        "request": {
            "url": "https://x/patients/",
            "query_string": "q=0101501234",
            "data": {"contact_notes": "privat"},
            "cookies": {"sessionid": "s"},
            "headers": {"Cookie": "sessionid=s", "Host": "x", "Referer": "https://x/?q=1"},
        }
    }
    cleaned = without_request_details(event, {})
    assert "0101501234" not in json.dumps(cleaned) and "privat" not in json.dumps(cleaned)
    assert cleaned["request"]["headers"] == {"Host": "x"}


def test_json_log_lines():
    try:
        raise ValueError("boom")
    except ValueError:
        record = logging.LogRecord("app", logging.ERROR, __file__, 1, "failed %s", ("x",), None)
        record.exc_info = sys.exc_info()
    line = JsonFormatter().format(record)
    entry = json.loads(line)
    assert entry["level"] == "ERROR" and entry["message"] == "failed x"
    assert "ValueError: boom" in entry["exception"] and "\n" not in line
