"""Reads of patients and assessments, always scoped to the acting membership's clinic."""

from datetime import timedelta

from django.db.models import F, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from osteoactive.audit import note_shown

from .models import Assessment, AssessmentDraft, Patient

IN_FORCE = Q(voided_at__isnull=True, superseded_at__isnull=True)
"""The assessments that count (§4b): neither corrected by a later version nor entered in error.
"Latest", the charts, the comparison and the worklist read only these."""

DRAFT_KEPT_FOR = timedelta(hours=24)
"""A draft kept after the session ended is given back within this time, then forgotten."""

WORKLIST_FILTERS = ("due_this_week", "overdue", "red_flags")
WORKLIST_ORDERS = ("name", "due")


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


def worklist(membership, *, search="", archived=False, show="", order="name", today=None):
    """The patient list as a worklist: `show` one of WORKLIST_FILTERS (or all), `order` by
    name or by the next reassessment (soonest first, patients never assessed last).

    "Due this week" is the rest of the calendar week, today to Sunday; what was due before
    today is overdue, a filter of its own."""
    today = today or timezone.localdate()
    patients = patients_for(membership, search=search, archived=archived)
    if show == "due_this_week":
        sunday = today + timedelta(days=6 - today.weekday())
        patients = patients.filter(next_reassessment_due__range=(today, sunday))
    elif show == "overdue":
        patients = patients.filter(next_reassessment_due__lt=today)
    elif show == "red_flags":
        patients = patients.filter(red_flag=True)
    if order == "due":
        patients = patients.order_by(
            F("next_reassessment_due").asc(nulls_last=True), "last_name", "first_name", "id"
        )
    return patients


def patient_get(membership, patient_id) -> Patient:
    """The patient, or 404 when it belongs to another clinic (never 403: no existence leak)."""
    patient = get_object_or_404(
        Patient.objects.select_related("clinic"), id=patient_id, clinic=membership.clinic
    )
    note_shown(patient, patient)
    return patient


def assessments_of(patient):
    """Every version of every assessment, newest first (the history table)."""
    return patient.assessments.select_related(
        "assessed_by", "corrected_by", "voided_by", "adherence"
    ).order_by("-assessment_date", "-created_at")


def in_force(assessments):
    return assessments.filter(IN_FORCE)


def latest_assessment(patient):
    """The patient's latest assessment in force, the one a reassessment starts from."""
    return in_force(patient.assessments.order_by("-assessment_date", "-created_at")).first()


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


def assessment_versions(assessment) -> list[Assessment]:
    """All versions of the assessment, first to last; just itself when it has no history."""
    if not assessment.has_history:
        return [assessment]
    root = assessment.history_root_id
    return list(
        Assessment.objects.filter(Q(pk=root) | Q(original_id=root))
        .select_related("assessed_by", "corrected_by", "voided_by")
        .order_by("version")
    )


def draft_for(user, path):
    """The user's draft of the form at `path`, if one was kept recently."""
    return AssessmentDraft.objects.filter(
        owner=user, path=path, updated_at__gte=timezone.now() - DRAFT_KEPT_FOR
    ).first()
