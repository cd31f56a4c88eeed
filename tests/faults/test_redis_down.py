"""The broker (a throwaway Redis) is down while a prescription is issued, then comes back."""

import threading
import time

import pytest
from django.db import connection
from django.urls import reverse

from osteoactive.celery import app
from prescriptions.models import Handout, Prescription
from tests.faults.servers import RedisServer, free_port, need_redis
from tests.integration.processes import Worker, private_queue, wait_for
from tests.services import need

pytestmark = [pytest.mark.integration, pytest.mark.worker, pytest.mark.django_db(transaction=True)]

ANSWER_WITHIN = 5  # seconds a page may take while the broker is down


@pytest.fixture
def redis_server(tmp_path):
    need_redis()
    server = RedisServer(tmp_path, free_port(6390)).start()
    yield server
    server.stop()


def _forget_broker_connections():
    """The app caches its broker connection pools; drop them so the next publish uses the URL."""
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture
def broker(redis_server, monkeypatch):
    """Points the Celery app (not eager) at the throwaway Redis and a private queue."""
    need(connection.vendor == "postgresql", "worker tests need DATABASE_URL=postgres://…")
    previous = (app.conf.task_always_eager, app.conf.task_default_queue, app.conf.broker_url)
    app.conf.task_always_eager = False
    app.conf.task_default_queue = private_queue()
    app.conf.broker_url = redis_server.url
    monkeypatch.setenv("CELERY_BROKER_URL", redis_server.url)  # Celery reads it before the conf
    assert app.conf.broker_url == redis_server.url
    _forget_broker_connections()
    yield redis_server
    app.conf.task_always_eager, app.conf.task_default_queue, app.conf.broker_url = previous
    _forget_broker_connections()


@pytest.fixture
def worker(broker, settings, tmp_path):
    workers = []

    def start():
        started = Worker(
            queue=app.conf.task_default_queue,
            broker_url=broker.url,
            media_root=settings.MEDIA_ROOT,
            log_path=tmp_path / "worker.log",
        ).start()
        workers.append(started)
        return started

    yield start
    for started in workers:
        started.stop()


def _use_the_broker():
    """Opens the app's pooled broker connection, as a running site would have done already."""
    with app.producer_or_acquire() as producer:
        assert producer.channel.client.ping()


def _status(handout_id):
    return Handout.objects.values_list("status", flat=True).get(pk=handout_id)


def test_issuing_with_redis_down_keeps_the_prescription_and_renders_after_retry(
    physio_client, program, broker, worker
):
    _use_the_broker()
    broker.stop()

    started = time.monotonic()
    response = physio_client.post(reverse("prescriptions:prescription_issue", args=[program.id]))
    elapsed = time.monotonic() - started

    prescription = Prescription.objects.get()  # saved: nothing lost
    assert response.status_code == 302
    assert response.url == reverse("prescriptions:prescription_detail", args=[prescription.id])
    assert elapsed < ANSWER_WITHIN, f"issuing took {elapsed:.1f}s with the broker down"
    failed = Handout.objects.get()
    assert failed.status == Handout.Status.FAILED
    assert "queue" in failed.error.lower()
    retry_url = reverse("prescriptions:handout_retry", args=[failed.id])
    page = physio_client.get(response.url)
    assert page.status_code == 200
    assert retry_url in page.content.decode()  # the "Try again" button

    broker.start()  # same port: the app's pooled connection must reconnect by itself
    render_worker = worker()
    response = physio_client.post(retry_url)
    assert response.status_code == 302
    renewed = Handout.objects.exclude(pk=failed.pk).get()
    try:
        wait_for(lambda: _status(renewed.id) == "ready", timeout=60, message="a render")
    except AssertionError as error:
        raise AssertionError(f"{error}; worker log:\n{render_worker.log()}") from None
    page = physio_client.get(reverse("prescriptions:prescription_detail", args=[prescription.id]))
    assert reverse("prescriptions:handout_download", args=[renewed.id]) in page.content.decode()


def test_issuing_answers_quickly_while_redis_hangs(physio_client, program, broker):
    _use_the_broker()
    broker.freeze()
    outcome = {}

    def issue():
        try:
            url = reverse("prescriptions:prescription_issue", args=[program.id])
            outcome["status"] = physio_client.post(url).status_code
        finally:
            connection.close()  # this thread's own database connection

    request = threading.Thread(target=issue, daemon=True)
    request.start()
    request.join(ANSWER_WITHIN)
    answered = not request.is_alive()
    broker.thaw()  # let a hung request finish so the test can clean up
    request.join(30)
    assert answered, f"no answer within {ANSWER_WITHIN}s while Redis was frozen"
    assert outcome["status"] == 302
    assert Prescription.objects.count() == 1
