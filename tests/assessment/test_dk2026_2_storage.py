"""A new assessment is stored with its DK-2026.2 result, and a stored DK-2026.1 assessment still
reads back, through the service and the stored-result reader the pages use."""

from datetime import date

import pytest

from assessment.domain.parsing import parse_assessment
from assessment.models import Assessment
from assessment.presentation import stored_result
from assessment.services import assessment_create

ASSESSED = date(2026, 11, 1)


def test_a_new_assessment_stores_the_dk_2026_2_result_and_inputs(patient, physio):
    inputs = parse_assessment(
        {
            "assessment_date": "2026-11-01",
            "birth_date": patient.birth_date.isoformat(),
            "sex": "female",
            "falls_last_12_months": 0,
            "height_cm": 200.0,
            "weight_kg": 75.76,
            "suspected_new_vertebral_fracture": True,
            "fes_i_short": [1, 1, 1, 1, 1, 1, 2],
            "medication": "denosumab",
            "frax_date": "2026-10-01",
        },
        today=ASSESSED,
    )
    assessment = assessment_create(patient=patient, assessed_by=physio, inputs=inputs)
    stored = Assessment.objects.get(pk=assessment.pk)
    assert stored.ruleset == "DK-2026.2"
    assert stored.result["ruleset"] == "DK-2026.2"
    assert stored.result["bmi"] == 18.9
    assert stored.result["fes_i_level"] == "low"
    assert stored.result["next_reassessment_due"] == "2026-11-29"
    assert stored.result["warnings"] == ["W2", "W3", "W6"]
    assert "røntgen" in stored.result_details["warning_texts"]["W6"]["da"]
    assert "BMI 18.9 < 19" in stored.result_details["warning_texts"]["W2"]["en"]
    assert stored.inputs["medication"] == "denosumab"
    assert stored.inputs["fes_i_short"] == [1, 1, 1, 1, 1, 1, 2]
    assert stored.inputs["risk_factors"] == []
    shown = stored_result(stored)
    assert shown.red_flags == ("W6",)
    assert shown.next_reassessment_due == date(2026, 11, 29)
    assert shown.warning_texts["W6"]["en"].startswith("Red flag")


@pytest.mark.django_db
def test_a_stored_dk_2026_1_assessment_still_reads_back(patient, physio):
    old = Assessment.objects.create(
        patient=patient,
        assessed_by=physio,
        assessment_date="2026-05-01",
        inputs={"assessment_date": "2026-05-01", "birth_date": "1950-03-02", "sex": "female"},
        result={
            "ruleset": "DK-2026.1",
            "category": "hverdagsaktiv",
            "underlying_category": None,
            "acute_phase_ends": None,
            "rules": ["B4"],
            "explanations": {"B4": {"da": "Hverdagsaktivt niveau …", "en": "Active …"}},
            "fall_risk": "low",
            "fall_prevention_focus": False,
            "bone_status": "unknown",
            "warnings": ["W3"],
        },
        result_details={"warning_texts": {"W3": {"da": "…", "en": "…"}}},
        ruleset="DK-2026.1",
        suggested_category="hverdagsaktiv",
        final_category="hverdagsaktiv",
    )
    shown = stored_result(Assessment.objects.get(pk=old.pk))
    assert shown.ruleset == "DK-2026.1"
    assert shown.warnings == ("W3",)
    assert shown.next_reassessment_due is None and shown.bmi is None
