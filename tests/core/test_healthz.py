import pytest
from django.db import OperationalError

from osteoactive import health

pytestmark = pytest.mark.django_db


def test_healthy(client, settings):
    settings.CELERY_BROKER_URL = ""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "broker": "ok", "status": "ok"}


def test_healthy_with_a_real_broker(client, settings):
    from tests.services import need, port_open

    need(port_open("127.0.0.1", 6379), "Redis is not answering on 127.0.0.1:6379")
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:6379/0"
    assert client.get("/healthz").status_code == 200


def test_unreachable_broker_is_named(client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    response = client.get("/healthz")
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
