"""Issuing prescriptions and asking for their handouts (the render itself is in rendering.py,
run by the task that these services queue)."""

import logging
from datetime import date, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from assessment.services import worklist_refresh
from osteoactive.errors import ServiceError
from programs.models import Program
from programs.selectors import program_items

from .models import Handout, Prescription
from .rendering import handout_mark_failed, handouts_shown_anew
from .snapshot import build_snapshot
from .tasks import render_handout

logger = logging.getLogger(__name__)

HANDOUT_LANGUAGES = dict(Handout._meta.get_field("language").choices)
STALE_AFTER = timedelta(seconds=2 * settings.CELERY_TASK_TIME_LIMIT)


@transaction.atomic
def prescription_issue(
    *, program: Program, issued_by, start_date: date | None = None, patient_note: str = ""
) -> Prescription:
    """Freezes the program as the patient's next version; the previous one is superseded.
    A program without exercises is refused: its handout would print an empty program.
    Week 1 starts on `start_date` (the issue date unless the physiotherapist sets another);
    `patient_note` is printed on the handout, the program's clinical notes never are."""
    patient = program.assessment.patient
    type(patient).objects.select_for_update().filter(pk=patient.pk).first()
    if not program.assessment.is_in_force:
        raise ServiceError(
            _(
                "The program's assessment was corrected or entered in error: generate a new "
                "program from the current assessment."
            ),
            code="assessment_not_in_force",
        )
    items = list(program_items(program))
    if not items:
        raise ServiceError(_("Add at least one exercise before issuing."), code="no_exercises")
    latest = patient.prescriptions.aggregate(Max("version"))["version__max"] or 0
    now = timezone.now()
    start_date = start_date or timezone.localdate(now)
    patient_note = patient_note.strip()
    patient.prescriptions.filter(superseded_at__isnull=True).update(superseded_at=now)
    # Each program page lists the versions issued from it, cached by the program's updated_at.
    Program.objects.filter(assessment__patient=patient).update(updated_at=now)
    prescription = Prescription.objects.create(
        patient=patient,
        program=program,
        version=latest + 1,
        issued_by=issued_by,
        issued_at=now,
        start_date=start_date,
        patient_note=patient_note,
        snapshot=build_snapshot(
            program=program,
            items=items,
            issued_by=issued_by,
            version=latest + 1,
            start_date=start_date,
            patient_note=patient_note,
        ),
    )
    prescription.exercises.set({item.exercise_id for item in items})
    worklist_refresh(patient=patient)
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
    for longer than STALE_AFTER is given up (its worker died or it hung), so it can be retried.
    A language the handout is not written in is refused."""
    if language not in HANDOUT_LANGUAGES:
        raise ServiceError(_("There is no handout in that language."), code="unknown_language")
    if prescription.handouts.filter(
        language=language, status__in=Handout.ACTIVE, updated_at__lt=timezone.now() - STALE_AFTER
    ).update(
        status=Handout.Status.FAILED, error="Gave up: no progress", finished_at=timezone.now()
    ):
        handouts_shown_anew(prescription.pk)
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
    handouts_shown_anew(prescription.pk)
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
    try:
        render_handout.delay(str(handout_id))
    except Exception as error:  # noqa: BLE001 - kombu OperationalError, socket errors, …
        logger.warning("could not queue handout %s", handout_id, exc_info=True)
        handout_mark_failed(handout_id, f"Could not queue the render: {type(error).__name__}")
