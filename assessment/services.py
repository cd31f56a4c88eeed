"""Writes of patients and assessments; each one transaction."""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from .domain.inputs import AssessmentInput
from .domain.rules import categorise
from .domain.serialisation import assessment_to_json, result_to_json
from .models import Assessment, Patient


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
        suggested_category=result.category.value,
        final_category=final_category or result.category.value,
        override_reason=override_reason.strip() if final_category else "",
        notes=notes,
        t_min=_decimal(result.t_min),
        tug_seconds=_decimal(inputs.tug_seconds),
        sts5_seconds=_decimal(inputs.sts5_seconds),
        tandem_seconds=_decimal(inputs.tandem_seconds),
    )
    if assessment.final_category == assessment.suggested_category:
        assessment.override_reason = ""
    assessment.full_clean()
    assessment.save()
    return assessment


@transaction.atomic
def assessment_choose_category(*, assessment: Assessment, category: str, reason: str) -> Assessment:
    """The physiotherapist's final category; another than the suggestion needs a reason."""
    reason = reason.strip()
    if category != assessment.suggested_category and not reason:
        raise ValueError("An override needs a reason.")
    assessment.final_category = category
    assessment.override_reason = reason if category != assessment.suggested_category else ""
    assessment.full_clean()
    assessment.save(update_fields=["final_category", "override_reason", "updated_at"])
    return assessment
