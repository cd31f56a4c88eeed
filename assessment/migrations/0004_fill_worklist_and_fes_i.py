"""Fills what the new columns copy for assessments saved before them: each assessment's Short
FES-I total, and each patient's worklist columns from the latest assessment (all assessments
saved before are in force: corrections and voids did not exist)."""

from datetime import date

from django.db import migrations

from assessment.domain.follow_up import next_reassessment_due
from assessment.domain.result import RED_FLAG_WARNINGS


def _due(assessment):
    result = assessment.result
    if result.get("next_reassessment_due"):
        return date.fromisoformat(result["next_reassessment_due"])
    ends = result.get("acute_phase_ends")
    return next_reassessment_due(
        assessment.assessment_date,
        acute_phase_ends=date.fromisoformat(ends) if ends else None,
        warnings=result.get("warnings", ()),
    )


def fill(apps, schema_editor):
    Assessment = apps.get_model("assessment", "Assessment")
    Patient = apps.get_model("assessment", "Patient")
    for assessment in Assessment.objects.exclude(inputs__fes_i_short=None).iterator():
        answers = assessment.inputs.get("fes_i_short")
        if answers:
            assessment.fes_i_total = sum(answers)
            assessment.save(update_fields=["fes_i_total"])
    for patient in Patient.objects.iterator():
        latest = (
            Assessment.objects.filter(patient=patient)
            .order_by("-assessment_date", "-created_at")
            .first()
        )
        if latest is None:
            continue
        patient.latest_assessment_date = latest.assessment_date
        patient.latest_category = latest.final_category
        patient.latest_underlying_category = latest.result.get("underlying_category") or ""
        patient.next_reassessment_due = _due(latest)
        patient.red_flag = any(w in RED_FLAG_WARNINGS for w in latest.result.get("warnings", []))
        patient.save(
            update_fields=[
                "latest_assessment_date",
                "latest_category",
                "latest_underlying_category",
                "next_reassessment_due",
                "red_flag",
            ]
        )


class Migration(migrations.Migration):
    dependencies = [("assessment", "0003_versions_worklist_drafts")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
