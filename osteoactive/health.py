"""Reachability of the database and the task broker, for /healthz."""

from django.conf import settings
from django.db import connection
from kombu import Connection


def database_status() -> str | None:
    """None when the database answers, else a short reason."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # noqa: BLE001 - any failure means unreachable
        return type(error).__name__
    return None


def broker_status() -> str | None:
    if not settings.CELERY_BROKER_URL:
        return None
    try:
        with Connection(settings.CELERY_BROKER_URL, connect_timeout=2) as conn:
            conn.ensure_connection(max_retries=1, interval_start=0, timeout=2)
    except Exception as error:  # noqa: BLE001
        return type(error).__name__
    return None
