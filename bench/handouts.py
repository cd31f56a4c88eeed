"""The handout pipeline: our render against bare WeasyPrint, and handouts per minute on a worker.

The snapshot is the one the handout PDF tests render (`tests.support.handout_snapshot`: 12
exercises from the default library, real dosing and SVG illustrations, a PNG logo), so the two
never drift apart. Our pipeline writes PDF/UA (tags, language, title); the bare render of the
same HTML writes an untagged PDF, so the ratio shows what that costs.
"""

import io
import os
import statistics
import time
import uuid

from pypdf import PdfReader
from weasyprint import HTML

REDIS = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")


def use_worker_broker(broker: str = REDIS) -> None:
    """Points the Celery app at the worker's broker before any task is sent. Tasks still run
    in-process (the seed renders its handouts so), but an eager task takes a producer from the
    app's pool, and the pool keeps the broker it was made with: made on the default in-memory
    broker, it would later send the worker's tasks nowhere."""
    from osteoactive.celery import app

    app.conf.broker_url = broker


def _timed(function):
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def pipeline_against_bare(repeats: int = 5, language: str = "da") -> dict:
    """Median seconds of `handout_html` + `render_pdf` and of a bare WeasyPrint `write_pdf`
    of the same HTML, measured alternately in one run."""
    from osteoactive.pdf import render_pdf
    from prescriptions.handout import handout_html
    from tests.support.handout_snapshot import make_snapshot

    snapshot = make_snapshot()
    html = handout_html(snapshot, language)

    def ours():
        render_pdf(handout_html(snapshot, language))

    def bare():
        HTML(string=html).write_pdf()

    ours(), bare()  # warm fonts and caches once
    timings = {"ours": [], "bare": []}
    for _ in range(repeats):
        timings["ours"].append(_timed(ours))
        timings["bare"].append(_timed(bare))
    result = {name: statistics.median(values) for name, values in timings.items()}
    result["exercises"] = len(snapshot["exercises"])
    result["pages"] = len(PdfReader(io.BytesIO(render_pdf(html))).pages)
    result["html_bytes"] = len(html.encode())
    result["ratio"] = result["ours"] / result["bare"]
    return result


def worker_throughput(data, *, workdir, count: int = 10, broker: str = REDIS) -> dict:
    """Starts one real Celery worker (concurrency 1) on a private Redis queue against the bench
    database, issues `count` prescriptions (each queues its handout) and times until all are
    ready. The worker's start-up is not counted."""
    from osteoactive.celery import app
    from prescriptions.models import Handout
    from prescriptions.services import prescription_issue
    from programs.models import Program
    from programs.services import program_generate
    from tests.integration.processes import Worker, wait_for

    user = data.user
    assessments = [
        program.assessment for program in Program.objects.filter(pk__in=data.program_ids)
    ]
    programs = [
        program_generate(
            assessment=assessments[n % len(assessments)],
            created_by=user,
            setting="home",
            equipment=["band", "dumbbells"],
        )
        for n in range(count)
    ]
    queue = f"bench-{uuid.uuid4().hex[:10]}"
    previous = (app.conf.task_always_eager, app.conf.task_default_queue, app.conf.broker_url)
    app.conf.task_always_eager, app.conf.task_default_queue, app.conf.broker_url = (
        False,
        queue,
        broker,
    )
    worker = Worker(
        queue=queue,
        broker_url=broker,
        media_root=workdir / "media",
        log_path=workdir / "worker.log",
        extra_env={"DJANGO_SETTINGS_MODULE": "bench.settings"},
    ).start()
    try:
        wait_for(lambda: " ready." in worker.log(), timeout=60, message="the worker to start")
        started = time.perf_counter()
        ids = [prescription_issue(program=p, issued_by=user).pk for p in programs]
        handouts = Handout.objects.filter(prescription_id__in=ids)

        def all_ready():
            if handouts.filter(status=Handout.Status.FAILED).exists():
                raise RuntimeError(f"a handout failed; worker log:\n{worker.log()}")
            return handouts.filter(status=Handout.Status.READY).count() == count

        wait_for(all_ready, timeout=60 * count, interval=0.05, message="all handouts")
        elapsed = time.perf_counter() - started
    finally:
        worker.stop()
        app.conf.task_always_eager, app.conf.task_default_queue, app.conf.broker_url = previous
    items = [p.items.count() for p in programs]
    return {
        "count": count,
        "seconds": elapsed,
        "per_minute": count / elapsed * 60,
        "exercises": statistics.mean(items),
    }
