"""Celery tasks: take ids, call one rendering function, return something small."""

from celery import shared_task
from django.db import DatabaseError

from . import rendering

TRANSIENT = (DatabaseError, OSError, ConnectionError)


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=TRANSIENT,
    retry_backoff=2,
    retry_backoff_max=60,
    retry_jitter=False,
    max_retries=4,
    time_limit=120,
    soft_time_limit=100,
)
def render_handout(self, handout_id: str) -> str:
    try:
        return rendering.handout_render(handout_id)
    except TRANSIENT as error:
        if self.request.retries >= self.max_retries:
            rendering.handout_mark_failed(handout_id, f"{type(error).__name__}: {error}")
        raise
    except Exception as error:
        rendering.handout_mark_failed(handout_id, f"{type(error).__name__}: {error}")
        raise
