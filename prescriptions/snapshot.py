"""Freezes what a handout shows at the moment of issue, so later edits never change it."""

import base64
import mimetypes

from django.utils import timezone

from osteoactive.domain.categories import Category


def data_uri(field_file) -> str | None:
    if not field_file:
        return None
    content_type = mimetypes.guess_type(field_file.name)[0] or "application/octet-stream"
    with field_file.open("rb") as handle:
        encoded = base64.b64encode(handle.read()).decode("ascii")
    return f"data:{content_type};base64,{encoded}"


def build_snapshot(*, program, items, issued_by, version) -> dict:
    assessment = program.assessment
    patient, clinic = assessment.patient, assessment.patient.clinic
    return {
        "schema": 1,
        "version": version,
        "issued_at": timezone.localdate().isoformat(),
        "patient": {"name": patient.full_name},
        "physiotherapist": {"name": issued_by.get_full_name() or issued_by.get_username()},
        "clinic": {
            "name": clinic.name,
            "address": clinic.address,
            "phone": clinic.phone,
            "contact_line": clinic.contact_line,
            "footer": clinic.handout_footer,
            "logo": data_uri(clinic.logo),
        },
        "category": {
            "code": Category(program.category).value,
            "underlying": assessment.result.get("underlying_category"),
            "acute_phase_ends": assessment.result.get("acute_phase_ends"),
        },
        "fall_prevention_focus": program.fall_prevention_focus,
        "vertebral_fracture": program.qualifying_vertebral_fracture,
        "notes": list(program.notes),
        "exercises": [_exercise(item) for item in items],
    }


def _exercise(item) -> dict:
    exercise = item.exercise
    return {
        "key": exercise.stable_key,
        "domain": item.domain,
        "kind": exercise.kind,
        "name": {"da": exercise.name_da, "en": exercise.name_en},
        "instructions": {"da": exercise.instructions("da"), "en": exercise.instructions("en")},
        "safety_tip": {"da": exercise.safety_tip_da, "en": exercise.safety_tip_en},
        "illustration": data_uri(exercise.illustration),
        "equipment": list(exercise.equipment),
        "dose_type": exercise.dose_type,
        "dose": dict(item.dose),
        "days_per_week": item.days_per_week,
        "phases": list(item.phases),
    }
