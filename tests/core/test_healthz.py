import pytest
from django.db import OperationalError

from osteoactive import health

pytestmark = pytest.mark.django_db


def test_healthy(client, settings):
    settings.CELERY_BROKER_URL = ""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "broker": "ok", "status": "ok"}


def test_unreachable_broker_is_named(client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    from osteoactive.celery import app

    app.conf.broker_url = settings.CELERY_BROKER_URL
    try:
        response = client.get("/healthz")
    finally:
        app.conf.broker_url = None
    assert response.status_code == 503
    assert response.json()["broker"] != "ok"
    assert "broker" in response.json()["status"]


def test_unreachable_database_is_named(client, settings, monkeypatch):
    settings.CELERY_BROKER_URL = ""

    def broken_cursor(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(health.connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "OperationalError"
