"""Issuing prescriptions and rendering their handouts."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from programs.models import Program
from programs.selectors import program_items

from .models import Handout, Prescription
from .snapshot import build_snapshot

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 3  # renders that end with a dead worker (e.g. out of memory) are not retried forever
STALE_AFTER = timedelta(seconds=2 * settings.CELERY_TASK_TIME_LIMIT)


@transaction.atomic
def prescription_issue(*, program: Program, issued_by) -> Prescription:
    """Freezes the program as the patient's next version; the previous one is superseded."""
    patient = program.assessment.patient
    type(patient).objects.select_for_update().filter(pk=patient.pk).first()
    items = list(program_items(program))
    latest = patient.prescriptions.aggregate(Max("version"))["version__max"] or 0
    now = timezone.now()
    patient.prescriptions.filter(superseded_at__isnull=True).update(superseded_at=now)
    prescription = Prescription.objects.create(
        patient=patient,
        program=program,
        version=latest + 1,
        issued_by=issued_by,
        issued_at=now,
        snapshot=build_snapshot(
            program=program, items=items, issued_by=issued_by, version=latest + 1
        ),
    )
    prescription.exercises.set({item.exercise_id for item in items})
    handout_request(
        prescription=prescription, language=patient.handout_language, requested_by=issued_by
    )
    return prescription


def handout_request(
    *, prescription: Prescription, language: str, requested_by
) -> tuple[Handout, bool]:
    """The ready or in-progress handout if there is one, else a newly queued render; and
    whether it was created.

    A conditional unique constraint guarantees one queued/rendering handout per language, so
    two simultaneous requests still give one render. A render that has been queued or running
    for longer than STALE_AFTER is given up (its worker died or it hung), so it can be retried."""
    prescription.handouts.filter(
        language=language, status__in=Handout.ACTIVE, updated_at__lt=timezone.now() - STALE_AFTER
    ).update(status=Handout.Status.FAILED, error="Gave up: no progress", finished_at=timezone.now())
    existing = (
        prescription.handouts.filter(
            language=language, status__in=[*Handout.ACTIVE, Handout.Status.READY]
        )
        .order_by("-created_at")
        .first()
    )
    if existing:
        return existing, False
    try:
        with transaction.atomic():
            handout = Handout.objects.create(
                prescription=prescription, language=language, requested_by=requested_by
            )
    except IntegrityError:
        return prescription.handouts.get(language=language, status__in=Handout.ACTIVE), False
    _queue_render(handout)
    return handout, True


def handout_retry(*, handout: Handout, requested_by) -> tuple[Handout, bool]:
    """A failed handout is asked for again as a new request."""
    return handout_request(
        prescription=handout.prescription, language=handout.language, requested_by=requested_by
    )


def _queue_render(handout):
    transaction.on_commit(lambda: _send_render(handout.id))


def _send_render(handout_id) -> None:
    """Runs after commit: a broker that can't be reached must not turn the request into a 500
    (the prescription is already saved), so the handout is marked failed and can be retried."""
    from .tasks import render_handout

    try:
        render_handout.delay(str(handout_id))
    except Exception as error:  # noqa: BLE001 - kombu OperationalError, socket errors, …
        logger.warning("could not queue handout %s", handout_id, exc_info=True)
        handout_mark_failed(handout_id, f"Could not queue the render: {type(error).__name__}")


def handout_render(handout_id) -> str:
    """Renders one queued handout. Safe to deliver twice: a handout that is ready, or was
    given up, is left as it is; after MAX_ATTEMPTS starts it is marked failed."""
    from osteoactive.pdf import render_pdf

    from .handout import handout_html

    with transaction.atomic():
        handout = (
            Handout.objects.select_for_update().select_related("prescription").get(pk=handout_id)
        )
        if handout.status not in Handout.ACTIVE:
            return handout.status  # done, or given up: a new request renders afresh
        if handout.attempts >= MAX_ATTEMPTS:
            handout_mark_failed(handout.pk, f"Gave up after {handout.attempts} attempts")
            return Handout.Status.FAILED
        handout.status = Handout.Status.RENDERING
        handout.started_at = timezone.now()
        handout.attempts += 1
        handout.save(update_fields=["status", "started_at", "attempts", "updated_at"])
    pdf = render_pdf(handout_html(handout.prescription.snapshot, handout.language))
    with transaction.atomic():
        handout = (
            Handout.objects.select_for_update().select_related("prescription").get(pk=handout_id)
        )
        if handout.status != Handout.Status.RENDERING:
            return handout.status  # finished by another delivery, or given up meanwhile
        name = f"osteoactive-{handout.prescription.version}-{handout.language}.pdf"
        handout.file.save(name, ContentFile(pdf), save=False)
        handout.status = Handout.Status.READY
        handout.finished_at = timezone.now()
        handout.error = ""
        handout.save()
    return handout.status


def handout_mark_failed(handout_id, error: str) -> None:
    logger.error("handout %s failed: %s", handout_id, error)
    Handout.objects.filter(pk=handout_id).exclude(status=Handout.Status.READY).update(
        status=Handout.Status.FAILED, error=error[:300], finished_at=timezone.now()
    )
