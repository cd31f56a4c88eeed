"""Reads of prescriptions and handouts, scoped to the acting membership's clinic."""

from django.shortcuts import get_object_or_404

from osteoactive.audit import note_shown

from .models import Handout, Prescription


def prescriptions_of(patient):
    return patient.prescriptions.select_related("issued_by").order_by("-version")


def prescriptions_of_program(program):
    """Without their snapshots, which are large: the program page lists versions only."""
    return program.prescriptions.only(
        "id", "program_id", "version", "issued_at", "superseded_at"
    ).order_by("-version")


def prescriptions_using(clinic, exercise):
    return (
        Prescription.objects.filter(patient__clinic=clinic, exercises=exercise)
        .select_related("patient")
        .order_by("-issued_at")
    )


def prescription_get(membership, prescription_id) -> Prescription:
    prescription = get_object_or_404(
        Prescription.objects.select_related("patient", "program", "issued_by"),
        id=prescription_id,
        patient__clinic=membership.clinic,
    )
    note_shown(prescription, prescription.patient)
    return prescription


def prescription_page_get(membership, prescription_id) -> Prescription:
    """The prescription with its patient, without its snapshot: it is large, and the page shows
    it only in fragments cached per user (a snapshot never changes)."""
    prescription = get_object_or_404(
        Prescription.objects.select_related("patient").defer("snapshot"),
        id=prescription_id,
        patient__clinic=membership.clinic,
    )
    note_shown(prescription, prescription.patient)
    return prescription


def handout_get(membership, handout_id) -> Handout:
    handout = get_object_or_404(
        Handout.objects.select_related("prescription__patient"),
        id=handout_id,
        prescription__patient__clinic=membership.clinic,
    )
    note_shown(handout, handout.prescription.patient)
    return handout


def latest_handouts(prescription):
    """The newest handout per language."""
    newest = {}
    handouts = prescription.handouts.only("id", "prescription", "language", "status")
    for handout in handouts.order_by("-created_at"):
        newest.setdefault(handout.language, handout)
    return newest
