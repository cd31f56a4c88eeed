"""Writes of patients and assessments; each one transaction.

A saved assessment is never edited in place (§4b): `assessment_correct` makes a new version
and `assessment_void` marks one entered in error. Every write that can change which assessment
is the patient's latest, or its category, ends in `_after_change`, which flags the current
prescription when the category changed and refreshes the worklist columns on the patient.
"""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from osteoactive.domain.categories import Category
from osteoactive.errors import ServiceError

from .domain.follow_up import category_changed
from .domain.inputs import AssessmentInput
from .domain.rules import categorise
from .domain.serialisation import assessment_to_json, result_to_json
from .models import Assessment, AssessmentDraft, Patient, ReviewReason
from .selectors import DRAFT_KEPT_FOR, latest_assessment


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
    before = _chosen_categories(patient)
    assessment = _record(
        patient=patient,
        assessed_by=assessed_by,
        inputs=inputs,
        final_category=final_category,
        override_reason=override_reason,
        notes=notes,
    )
    _after_change(patient, before)
    return assessment


@transaction.atomic
def assessment_correct(
    *,
    assessment: Assessment,
    corrected_by,
    inputs: AssessmentInput,
    reason: str,
    final_category: str = "",
    override_reason: str = "",
    notes: str = "",
) -> Assessment:
    """A new version of the assessment with the corrected inputs, categorised again under the
    ruleset in force; the old version keeps its stored result and ruleset and is marked
    superseded. Only the version in force can be corrected, and a reason is required.
    Programs and prescriptions made from the old version are flagged for review."""
    if not reason.strip():
        raise ServiceError(_("Give the reason for the correction."), code="correction_needs_reason")
    old = _lock_in_force(assessment)
    before = _chosen_categories(old.patient)
    now = timezone.now()
    old.superseded_at = now
    old.save(update_fields=["superseded_at", "updated_at"])
    corrected = _record(
        patient=old.patient,
        assessed_by=old.assessed_by,
        inputs=inputs,
        final_category=final_category,
        override_reason=override_reason,
        notes=notes,
        version=old.version + 1,
        original_id=old.history_root_id,
        supersedes=old,
        correction_reason=reason.strip(),
        corrected_by=corrected_by,
    )
    _flag_made_from(old, ReviewReason.ASSESSMENT_CORRECTED)
    _after_change(old.patient, before)
    return corrected


@transaction.atomic
def assessment_void(*, assessment: Assessment, voided_by, reason: str) -> Assessment:
    """Marks the assessment as entered in error (a reason is required): it leaves "latest",
    the charts and the worklist, and stays readable in the history. Nothing is deleted."""
    if not reason.strip():
        raise ServiceError(
            _("Give the reason the assessment was entered in error."), code="void_needs_reason"
        )
    assessment = _lock_in_force(assessment)
    before = _chosen_categories(assessment.patient)
    assessment.voided_at = timezone.now()
    assessment.voided_by = voided_by
    assessment.void_reason = reason.strip()
    assessment.full_clean()
    assessment.save(update_fields=["voided_at", "voided_by", "void_reason", "updated_at"])
    _flag_made_from(assessment, ReviewReason.ASSESSMENT_VOIDED)
    _after_change(assessment.patient, before)
    return assessment


def _lock_in_force(assessment: Assessment) -> Assessment:
    """The assessment read again under a row lock; refused unless it is the version in force
    (a second correction of the same version, or a void after a correction, is refused)."""
    locked = (
        Assessment.objects.select_for_update()
        .select_related("patient__clinic", "assessed_by")
        .get(pk=assessment.pk)
    )
    if not locked.is_in_force:
        raise ServiceError(
            _("This version has been corrected or entered in error; open the current one."),
            code="not_in_force",
        )
    return locked


def _record(
    *, patient, assessed_by, inputs, final_category, override_reason, notes, **version
) -> Assessment:
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
        fes_i_total=inputs.fes_i_total,
        **version,
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
    if not assessment.is_in_force:
        raise ServiceError(
            _("This version has been corrected or entered in error; open the current one."),
            code="not_in_force",
        )
    before = _chosen_categories(assessment.patient)
    assessment.final_category = category
    assessment.full_clean()
    assessment.save(update_fields=["final_category", "override_reason", "updated_at"])
    _after_change(assessment.patient, before)
    return assessment


def _chosen_categories(patient) -> dict | None:
    """The category and underlying category of the patient's latest assessment in force, as
    chosen; a copy, so a later write to that row does not change it."""
    latest = latest_assessment(patient)
    return dict(latest.chosen_categories) if latest else None


def _after_change(patient: Patient, before: dict | None) -> None:
    """§4b: when the latest assessment's category (code or underlying) is no longer the one
    before, the current prescription is flagged "category changed: review" until a new one is
    issued; then the worklist columns are copied from the latest assessment."""
    latest = latest_assessment(patient)
    if before and latest and category_changed(before, latest.chosen_categories):
        current = patient.prescriptions.filter(superseded_at__isnull=True).first()
        if current is not None:
            _add_reason(current, ReviewReason.CATEGORY_CHANGED)
    worklist_refresh(patient=patient, latest=latest)


def _flag_made_from(assessment: Assessment, reason: str) -> None:
    """Flags the programs made from the assessment and the prescriptions issued from them."""
    from prescriptions.models import Prescription

    for program in assessment.programs.all():
        _add_reason(program, reason)
    for prescription in Prescription.objects.filter(program__assessment=assessment):
        _add_reason(prescription, reason)


def _add_reason(row, reason: str) -> None:
    if reason not in row.review_reasons:
        row.review_reasons = [*row.review_reasons, str(reason)]
        row.save(update_fields=["review_reasons", "updated_at"])


_NOT_FOUND = object()


@transaction.atomic
def worklist_refresh(*, patient: Patient, latest=_NOT_FOUND) -> Patient:
    """Copies what the worklist shows from the latest assessment in force (`latest`, when the
    caller has just read it) and the current prescription onto the patient row."""
    if latest is _NOT_FOUND:
        latest = latest_assessment(patient)
    current = patient.prescriptions.filter(superseded_at__isnull=True).first()
    patient.latest_assessment_date = latest.assessment_date if latest else None
    patient.latest_category = latest.final_category if latest else ""
    patient.latest_underlying_category = (
        (latest.result.get("underlying_category") or "") if latest else ""
    )
    patient.next_reassessment_due = latest.next_reassessment_due if latest else None
    patient.red_flag = bool(latest and latest.red_flags)
    patient.prescription_review = list(current.review_reasons) if current else []
    patient.save(update_fields=[*Patient.WORKLIST_FIELDS, "updated_at"])
    return patient


@transaction.atomic
def draft_keep(*, owner, patient: Patient, path: str, data: dict) -> AssessmentDraft:
    """Keeps what was posted to the form at `path` for `owner` (one draft per form), and
    forgets drafts past their time."""
    AssessmentDraft.objects.filter(updated_at__lt=timezone.now() - DRAFT_KEPT_FOR).delete()
    draft, _created = AssessmentDraft.objects.update_or_create(
        owner=owner, path=path, defaults={"patient": patient, "data": data}
    )
    return draft


@transaction.atomic
def draft_discard(*, owner, path: str) -> None:
    AssessmentDraft.objects.filter(owner=owner, path=path).delete()


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
