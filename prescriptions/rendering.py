"""Rendering a queued handout to PDF: what the Celery task runs (services only queue it)."""

import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from .models import Handout, Prescription

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 3  # renders that end with a dead worker (e.g. out of memory) are not retried forever


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
        handouts_shown_anew(handout.prescription_id)
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
        handouts_shown_anew(handout.prescription_id)
    return handout.status


def handout_mark_failed(handout_id, error: str) -> None:
    logger.error("handout %s failed: %s", handout_id, error)
    Handout.objects.filter(pk=handout_id).exclude(status=Handout.Status.READY).update(
        status=Handout.Status.FAILED, error=error[:300], finished_at=timezone.now()
    )
    Prescription.objects.filter(handouts__pk=handout_id).update(updated_at=timezone.now())


def handouts_shown_anew(prescription_id) -> None:
    """The prescription page caches its handouts panel by the prescription's updated_at, so
    every change of a handout raises it, in the same transaction."""
    Prescription.objects.filter(pk=prescription_id).update(updated_at=timezone.now())
