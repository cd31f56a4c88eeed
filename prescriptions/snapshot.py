"""Freezes what a handout shows at the moment of issue, so later edits never change it.

Schema 2 (DK-2026.2) carries everything the handout of domain.md §10 prints: the exercises in
program order with their start week, named progression and regression and three phases; the
plan's dates (the start date, the reassessment); what fits the advice to the patient (category,
fall risk, W7, walking aid); the patient's note apart from the generator's clinical notes,
which are kept for the record and never printed. Schema 1 snapshots are still read by
`prescriptions.handout_legacy`.
"""

import base64
import mimetypes

from django.utils import timezone

from osteoactive.domain.categories import Category

SCHEMA = 2
FEAR_OF_FALLING = "W7"


def data_uri(field_file) -> str | None:
    if not field_file:
        return None
    content_type = mimetypes.guess_type(field_file.name)[0] or "application/octet-stream"
    with field_file.open("rb") as handle:
        encoded = base64.b64encode(handle.read()).decode("ascii")
    return f"data:{content_type};base64,{encoded}"


def build_snapshot(*, program, items, issued_by, version, start_date=None, patient_note="") -> dict:
    assessment = program.assessment
    patient, clinic = assessment.patient, assessment.patient.clinic
    result, inputs = assessment.result, assessment.inputs
    today = timezone.localdate()
    return {
        "schema": SCHEMA,
        "version": version,
        "issued_at": today.isoformat(),
        "start_date": (start_date or today).isoformat(),
        "reassessment_due": result.get("next_reassessment_due"),
        "language": patient.handout_language,
        "patient": {"name": patient.full_name, "walking_aid": inputs.get("walking_aid") or "none"},
        "physiotherapist": {"name": issued_by.get_full_name() or issued_by.get_username()},
        "clinic": {
            "name": clinic.name,
            "address": clinic.address,
            "phone": clinic.phone,
            "contact_line": {"da": clinic.contact_line, "en": clinic.contact_line_en},
            "opening_hours": {"da": clinic.opening_hours, "en": clinic.opening_hours_en},
            "footer": {"da": clinic.handout_footer, "en": clinic.handout_footer_en},
            "logo": data_uri(clinic.logo),
        },
        "category": {
            "code": Category(program.category).value,
            "underlying": result.get("underlying_category"),
            "acute_phase_ends": result.get("acute_phase_ends"),
            "planned_from": program.planned_from or None,
            "valid_until": program.valid_until.isoformat() if program.valid_until else None,
        },
        "fall_risk": result.get("fall_risk"),
        "fall_prevention_focus": program.fall_prevention_focus,
        "fear_of_falling": FEAR_OF_FALLING in (result.get("warnings") or ()),
        "vertebral_fracture": program.qualifying_vertebral_fracture,
        "minutes_per_session": dict(program.minutes_per_session or {}),
        "patient_note": (
            {"language": patient.handout_language, "text": patient_note.strip()}
            if patient_note.strip()
            else None
        ),
        "clinical_notes": list(program.notes),
        "exercises": [_exercise(item, number) for number, item in enumerate(items, start=1)],
    }


def _exercise(item, number: int) -> dict:
    exercise = item.exercise
    return {
        "number": number,
        "key": exercise.stable_key,
        "domain": item.domain,
        "kind": exercise.kind,
        "pattern": exercise.pattern,
        "position": exercise.position,
        "impact": exercise.impact,
        "name": {"da": exercise.name_da, "en": exercise.name_en},
        "instructions": {"da": exercise.instructions("da"), "en": exercise.instructions("en")},
        "safety_tip": {"da": exercise.safety_tip_da, "en": exercise.safety_tip_en},
        "illustration": data_uri(exercise.illustration),
        "illustration_alt": {
            "da": exercise.illustration_alt_da,
            "en": exercise.illustration_alt_en,
        },
        "equipment": list(exercise.equipment),
        "dose_type": exercise.dose_type,
        "dose": dict(item.dose),
        "days_per_week": item.days_per_week,
        "start_week": item.start_week,
        "phases": list(item.phases),
        "progression": _rung(item.progression),
        "regression": _rung(item.regression),
        "added_by_hand": item.added_by_hand,
    }


def _rung(attributes: dict | None) -> dict | None:
    """A progression or regression as the handout names it."""
    if not attributes:
        return None
    return {"key": attributes.get("key"), "name": dict(attributes.get("name") or {})}
