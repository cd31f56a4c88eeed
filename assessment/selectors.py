"""Reads of patients and assessments, always scoped to the acting membership's clinic."""

from django.db.models import Q
from django.shortcuts import get_object_or_404

from osteoactive.audit import note_shown

from .models import Assessment, Patient


def patients_for(membership, *, search="", archived: bool | None = False):
    """The clinic's patients: active ones, archived ones (`archived=True`) or all (`None`)."""
    patients = Patient.objects.filter(clinic=membership.clinic)
    if archived is not None:
        patients = patients.filter(archived_at__isnull=not archived)
    search = search.strip()
    if search:
        digits = search.replace("-", "")
        query = Q()
        for word in search.split():
            query &= Q(first_name__icontains=word) | Q(last_name__icontains=word)
        if digits.isdigit():
            query |= Q(cpr__startswith=digits[:6] + ("-" + digits[6:] if len(digits) > 6 else ""))
        patients = patients.filter(query)
    return patients.order_by("last_name", "first_name", "id")


def patient_get(membership, patient_id) -> Patient:
    """The patient, or 404 when it belongs to another clinic (never 403: no existence leak)."""
    patient = get_object_or_404(
        Patient.objects.select_related("clinic"), id=patient_id, clinic=membership.clinic
    )
    note_shown(patient, patient)
    return patient


def assessments_of(patient):
    return patient.assessments.select_related("assessed_by").order_by(
        "-assessment_date", "-created_at"
    )


def assessment_get(membership, assessment_id) -> Assessment:
    """The assessment with its patient, whose clinic is the membership's (read once per
    request already), or 404."""
    assessment = get_object_or_404(
        Assessment.objects.select_related("patient"),
        id=assessment_id,
        patient__clinic=membership.clinic,
    )
    assessment.patient.clinic = membership.clinic
    note_shown(assessment, assessment.patient)
    return assessment


def latest_assessment(patient):
    return assessments_of(patient).first()
