"""Writes of patients and assessments; each one transaction."""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from osteoactive.domain.categories import Category
from osteoactive.errors import ServiceError

from .domain.inputs import AssessmentInput
from .domain.rules import categorise
from .domain.serialisation import assessment_to_json, result_to_json
from .models import Assessment, Patient


def checked_override_reason(*, suggested: str | None, chosen: str, reason: str) -> str:
    """The reason to store with the physiotherapist's category: none when it is the suggestion;
    another category needs one (the database refuses it without, as the last line of defence)."""
    if chosen not in Category._value2member_map_:
        raise ServiceError(_("Choose a category."), code="unknown_category")
    if chosen == suggested:
        return ""
    if not reason.strip():
        raise ServiceError(
            _("Give the reason for choosing another category than the suggestion."),
            code="override_needs_reason",
        )
    return reason.strip()


def _decimal(value):
    return Decimal(str(value)) if value is not None else None


@transaction.atomic
def patient_create(*, clinic, **fields) -> Patient:
    patient = Patient(clinic=clinic, **fields)
    patient.full_clean()
    patient.save()
    return patient


@transaction.atomic
def patient_update(*, patient: Patient, **fields) -> Patient:
    for name, value in fields.items():
        setattr(patient, name, value)
    patient.full_clean()
    patient.save()
    return patient


@transaction.atomic
def patient_archive(*, patient: Patient, archived: bool = True) -> Patient:
    patient.archived_at = timezone.now() if archived else None
    patient.save(update_fields=["archived_at", "updated_at"])
    return patient


@transaction.atomic
def assessment_create(
    *,
    patient: Patient,
    assessed_by,
    inputs: AssessmentInput,
    final_category: str = "",
    override_reason: str = "",
    notes: str = "",
) -> Assessment:
    """Categorises and stores inputs, suggestion and the physiotherapist's choice together.

    The result is stored under the ruleset it was computed with (DK-2026.2 for new
    assessments), its warning texts beside it in `result_details`."""
    result = categorise(inputs)
    suggested = result.category.value
    final_category = final_category or suggested
    override_reason = checked_override_reason(
        suggested=suggested, chosen=final_category, reason=override_reason
    )
    assessment = Assessment(
        patient=patient,
        assessed_by=assessed_by,
        assessment_date=inputs.assessment_date,
        inputs=assessment_to_json(inputs),
        result=result_to_json(result),
        result_details={
            "warning_texts": result.warning_texts,
            "age": result.age,
            "missing_tests": list(result.missing_tests),
        },
        ruleset=result.ruleset,
        suggested_category=suggested,
        final_category=final_category,
        override_reason=override_reason,
        notes=notes,
        t_min=_decimal(result.t_min),
        tug_seconds=_decimal(inputs.tug_seconds),
        sts5_seconds=_decimal(inputs.sts5_seconds),
        tandem_seconds=_decimal(inputs.tandem_seconds),
    )
    assessment.full_clean()
    assessment.save()
    return assessment


@transaction.atomic
def assessment_choose_category(*, assessment: Assessment, category: str, reason: str) -> Assessment:
    """The physiotherapist's final category; another than the suggestion needs a reason."""
    assessment.override_reason = checked_override_reason(
        suggested=assessment.suggested_category, chosen=category, reason=reason
    )
    assessment.final_category = category
    assessment.full_clean()
    assessment.save(update_fields=["final_category", "override_reason", "updated_at"])
    return assessment


@transaction.atomic
def patient_erase(*, patient: Patient, confirm_name: str) -> dict:
    """Deletes the patient's clinical data and files; returns counts (no health data).
    It cannot be undone, so the patient's full name must be typed to confirm."""
    from prescriptions.models import Handout

    if confirm_name.strip() != patient.full_name:
        raise ServiceError(_("Type the patient's full name to confirm."), code="not_confirmed")
    handouts = Handout.objects.filter(prescription__patient=patient)
    files = [h.file.name for h in handouts if h.file]
    counts = {
        "handouts": handouts.count(),
        "prescriptions": patient.prescriptions.count(),
        "assessments": patient.assessments.count(),
    }
    patient.prescriptions.all().delete()
    for assessment in patient.assessments.all():
        assessment.programs.all().delete()
    patient.assessments.all().delete()
    storage = handouts.model._meta.get_field("file").storage
    patient.delete()
    transaction.on_commit(lambda: [storage.delete(name) for name in files])
    return counts
