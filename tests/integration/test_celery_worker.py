"""Handouts rendered by a real Celery worker process through Redis (not eager)."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from osteoactive.celery import app
from prescriptions.models import Handout
from tests.integration.processes import Worker, need_postgres_and_redis, private_queue, wait_for

pytestmark = [pytest.mark.integration, pytest.mark.worker, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def queue(settings):
    need_postgres_and_redis()
    name = private_queue()
    previous = (app.conf.task_always_eager, app.conf.task_default_queue, app.conf.broker_url)
    app.conf.task_always_eager = False
    app.conf.task_default_queue = name
    app.conf.broker_url = settings.CELERY_BROKER_URL
    yield name
    app.conf.task_always_eager, app.conf.task_default_queue, app.conf.broker_url = previous


@pytest.fixture
def start_worker(queue, settings, tmp_path):
    workers = []

    def start(**extra_env):
        worker = Worker(
            queue=queue,
            broker_url=settings.CELERY_BROKER_URL,
            media_root=settings.MEDIA_ROOT,
            log_path=tmp_path / "worker.log",
            extra_env=extra_env,
        ).start()
        workers.append(worker)
        return worker

    yield start
    for worker in workers:
        worker.stop()


FAST_RESTORE = {
    "CELERY_VISIBILITY_TIMEOUT": "3",
    "CELERY_RESTORE_INTERVAL": "1",
    "CELERY_RESTORE_THROTTLE": "1",
}


def status(handout_id):
    return Handout.objects.values_list("status", flat=True).get(pk=handout_id)


def test_handout_is_rendered_by_a_worker_and_downloaded(
    physio_client, program, start_worker, patient
):
    worker = start_worker()
    response = physio_client.post(reverse("prescriptions:prescription_issue", args=[program.id]))
    assert response.status_code == 302
    handout = Handout.objects.get()
    assert handout.status == Handout.Status.QUEUED  # the view returned before any render
    wait_for(
        lambda: status(handout.id) == "ready", timeout=90, message=f"render; log:\n{worker.log()}"
    )
    download = physio_client.get(reverse("prescriptions:handout_download", args=[handout.id]))
    reader = PdfReader(io.BytesIO(b"".join(download.streaming_content)))
    assert len(reader.pages) >= 2
    assert patient.full_name in " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def test_render_survives_a_worker_killed_mid_render(physio_client, program, start_worker):
    worker = start_worker(**FAST_RESTORE)
    physio_client.post(reverse("prescriptions:prescription_issue", args=[program.id]))
    handout = Handout.objects.get()
    wait_for(
        lambda: status(handout.id) == "rendering", timeout=90, interval=0.01, message="rendering"
    )
    worker.kill()
    assert status(handout.id) == "rendering"
    replacement = start_worker(**FAST_RESTORE)
    wait_for(
        lambda: status(handout.id) == "ready",
        timeout=120,
        message=f"render after restart; log:\n{replacement.log()}",
    )
    handout.refresh_from_db()
    assert handout.attempts >= 2
    assert Handout.objects.count() == 1
