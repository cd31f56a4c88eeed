"""The DK-2026.2 inputs of domain.md §3 and their JSON form (§5): height, weight, height loss,
occiput-to-wall distance, suspected new vertebral fracture, Short FES-I, medication and the
FRAX date."""

import json
import math
from datetime import date

import pytest
from hypothesis import given

from assessment.domain.fes_i import ANSWERS, QUESTION_INTRO, QUESTIONS
from assessment.domain.parsing import parse_assessment
from assessment.domain.readers import InputError
from assessment.domain.serialisation import assessment_to_json, input_from_json
from assessment.domain.vocabulary import Change, FesILevel, Medication
from tests.assessment.strategies import assessments

pytestmark = pytest.mark.pure

TODAY = date(2026, 11, 1)
BASE = {"assessment_date": "2026-11-01", "birth_date": "1950-03-02", "sex": "female"}
FULL = {
    **BASE,
    "frax_major_percent": 18.0,
    "frax_hip_percent": 4.5,
    "frax_date": "2026-10-15",
    "height_cm": 162.5,
    "weight_kg": 58.35,
    "height_loss_cm": 2.5,
    "occiput_wall_cm": 3.0,
    "suspected_new_vertebral_fracture": False,
    "fes_i_short": [1, 2, 1, 2, 3, 2, 1],
    "medication": "bisphosphonate",
}


def parse(changes: dict | None = None):
    return parse_assessment({**FULL, **(changes or {})}, today=TODAY)


def errors_of(changes: dict) -> dict:
    with pytest.raises(InputError) as caught:
        parse(changes)
    return caught.value.errors


def test_full_example_parses():
    inp = parse()
    assert inp.height_cm == 162.5 and inp.weight_kg == 58.35
    assert inp.height_loss_cm == 2.5 and inp.occiput_wall_cm == 3.0
    assert inp.suspected_new_vertebral_fracture is False
    assert inp.fes_i_short == (1, 2, 1, 2, 3, 2, 1)
    assert inp.fes_i_total == 12
    assert inp.fes_i_level is FesILevel.MODERATE
    assert inp.medication is Medication.BISPHOSPHONATE
    assert inp.frax_date == date(2026, 10, 15)


def test_new_fields_are_optional_and_missing_means_not_recorded():
    inp = parse_assessment(BASE, today=TODAY)
    for name in (
        "frax_date",
        "height_cm",
        "weight_kg",
        "height_loss_cm",
        "occiput_wall_cm",
        "suspected_new_vertebral_fracture",
        "fes_i_short",
        "medication",
    ):
        assert getattr(inp, name) is None, name
    assert inp.bmi is None and inp.fes_i_total is None and inp.fes_i_level is None


ACCEPTED = [
    ("height_120.0", {"height_cm": 120.0}),
    ("height_220.0", {"height_cm": 220}),
    ("weight_30.0", {"weight_kg": 30}),
    ("weight_250.0", {"weight_kg": 250.0}),
    ("weight_two_decimals", {"weight_kg": 75.76}),
    ("height_loss_0", {"height_loss_cm": 0}),
    ("height_loss_30.0", {"height_loss_cm": 30.0}),
    ("height_loss_3.9", {"height_loss_cm": 3.9}),
    ("occiput_wall_0_head_touches", {"occiput_wall_cm": 0}),
    ("occiput_wall_30.0", {"occiput_wall_cm": 30.0}),
    ("suspected_true", {"suspected_new_vertebral_fracture": True}),
    ("suspected_null", {"suspected_new_vertebral_fracture": None}),
    ("fes_i_all_1", {"fes_i_short": [1] * 7}),
    ("fes_i_all_4", {"fes_i_short": [4] * 7}),
    ("fes_i_whole_floats", {"fes_i_short": [1.0, 2, 3, 4, 1, 2, 3]}),
    ("fes_i_null", {"fes_i_short": None}),
    ("frax_date_on_assessment_day", {"frax_date": "2026-11-01"}),
    *[(f"medication_{m.value}", {"medication": m.value}) for m in Medication],
]


@pytest.mark.parametrize("changes", [a[1] for a in ACCEPTED], ids=[a[0] for a in ACCEPTED])
def test_accepted(changes):
    inp = parse(changes)
    for key, value in changes.items():
        got = getattr(inp, key)
        if isinstance(value, list):
            assert got == tuple(int(v) for v in value)
        elif key == "medication":
            assert got is Medication(value)
        elif key == "frax_date":
            assert got == date.fromisoformat(value)
        else:
            assert got == value


def test_empty_fes_i_list_means_not_recorded():
    assert parse({"fes_i_short": []}).fes_i_short is None


REJECTED = [
    ("height_119.9", {"height_cm": 119.9}, "height_cm"),
    ("height_220.1", {"height_cm": 220.1}, "height_cm"),
    ("height_two_decimals", {"height_cm": 170.55}, "height_cm"),
    ("height_text", {"height_cm": "170"}, "height_cm"),
    ("weight_29.99", {"weight_kg": 29.99}, "weight_kg"),
    ("weight_250.01", {"weight_kg": 250.01}, "weight_kg"),
    ("weight_three_decimals", {"weight_kg": 70.125}, "weight_kg"),
    ("height_loss_-0.1", {"height_loss_cm": -0.1}, "height_loss_cm"),
    ("height_loss_30.1", {"height_loss_cm": 30.1}, "height_loss_cm"),
    ("height_loss_two_decimals", {"height_loss_cm": 3.95}, "height_loss_cm"),
    ("occiput_wall_-0.1", {"occiput_wall_cm": -0.1}, "occiput_wall_cm"),
    ("occiput_wall_30.1", {"occiput_wall_cm": 30.1}, "occiput_wall_cm"),
    ("suspected_as_text", {"suspected_new_vertebral_fracture": "yes"}, "suspected_new_vertebral_fracture"),
    ("suspected_as_number", {"suspected_new_vertebral_fracture": 1}, "suspected_new_vertebral_fracture"),
    ("fes_i_six_answers", {"fes_i_short": [1] * 6}, "fes_i_short"),
    ("fes_i_eight_answers", {"fes_i_short": [1] * 8}, "fes_i_short"),
    ("fes_i_text", {"fes_i_short": "1111111"}, "fes_i_short"),
    ("fes_i_number", {"fes_i_short": 14}, "fes_i_short"),
    ("fes_i_object", {"fes_i_short": {"1": 1}}, "fes_i_short"),
    ("fes_i_answer_0", {"fes_i_short": [1, 1, 0, 1, 1, 1, 1]}, "fes_i_short[2]"),
    ("fes_i_answer_5", {"fes_i_short": [1, 1, 1, 1, 1, 1, 5]}, "fes_i_short[6]"),
    ("fes_i_answer_fraction", {"fes_i_short": [2.5, 1, 1, 1, 1, 1, 1]}, "fes_i_short[0]"),
    ("fes_i_answer_null", {"fes_i_short": [1, None, 1, 1, 1, 1, 1]}, "fes_i_short[1]"),
    ("fes_i_answer_true", {"fes_i_short": [1, 1, 1, True, 1, 1, 1]}, "fes_i_short[3]"),
    ("medication_unknown", {"medication": "aspirin"}, "medication"),
    ("medication_capitals", {"medication": "DENOSUMAB"}, "medication"),
    ("medication_list", {"medication": ["denosumab"]}, "medication"),
    ("frax_date_after_assessment", {"frax_date": "2026-11-02"}, "frax_date"),
    ("frax_date_not_iso", {"frax_date": "15-10-2026"}, "frax_date"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("changes", "path"), [r[1:] for r in REJECTED], ids=[r[0] for r in REJECTED]
)
def test_rejected_with_one_bilingual_message_for_the_field(changes, path):
    errors = errors_of(changes)
    assert list(errors) == [path]
    assert set(errors[path]) == {"da", "en"}
    assert errors[path]["da"].endswith(".") and errors[path]["en"].endswith(".")


MESSAGES = [
    (
        {"height_cm": 230},
        "height_cm",
        "Højden skal være mellem 120,0 og 220,0 cm.",
        "Height must be between 120.0 and 220.0 cm.",
    ),
    (
        {"weight_kg": 20},
        "weight_kg",
        "Vægten skal være mellem 30,0 og 250,0 kg.",
        "Weight must be between 30.0 and 250.0 kg.",
    ),
    (
        {"weight_kg": 70.125},
        "weight_kg",
        "Vægten skal angives med højst to decimaler.",
        "Weight must be given in steps of 0.01.",
    ),
    (
        {"height_loss_cm": 3.95},
        "height_loss_cm",
        "Højdetabet skal angives med højst én decimal.",
        "Height loss must be given in steps of 0.1.",
    ),
    (
        {"fes_i_short": [1, 2, 3]},
        "fes_i_short",
        "Short FES-I skal have svar på alle 7 spørgsmål eller stå tomt.",
        "The Short FES-I needs answers to all 7 questions, or none.",
    ),
    (
        {"fes_i_short": [1, 2, 3, 9, 1, 1, 1]},
        "fes_i_short[3]",
        "Svar 4 i Short FES-I skal være mellem 1 og 4.",
        "Short FES-I answer 4 must be between 1 and 4.",
    ),
    (
        {"frax_date": "2027-01-01"},
        "frax_date",
        "FRAX-datoen må ikke ligge efter undersøgelsesdatoen.",
        "The FRAX date must not be after the assessment date.",
    ),
]


@pytest.mark.parametrize(
    ("changes", "path", "da", "en"), MESSAGES, ids=[m[1] + "_" + str(i) for i, m in enumerate(MESSAGES)]
)  # fmt: skip
def test_message_texts(changes, path, da, en):
    assert errors_of(changes)[path] == {"da": da, "en": en}


def test_every_new_field_error_is_reported_at_once():
    errors = errors_of(
        {
            "height_cm": 50,
            "weight_kg": "heavy",
            "height_loss_cm": -1,
            "occiput_wall_cm": 99,
            "suspected_new_vertebral_fracture": "maybe",
            "fes_i_short": [1, 2, 3, 4, 5, 6, 7],
            "medication": "vitamins",
            "frax_date": "2030-01-01",
            "tug_seconds": 1.0,
        }
    )
    assert set(errors) == {
        "height_cm",
        "weight_kg",
        "height_loss_cm",
        "occiput_wall_cm",
        "suspected_new_vertebral_fracture",
        "fes_i_short[4]",
        "fes_i_short[5]",
        "fes_i_short[6]",
        "medication",
        "frax_date",
        "tug_seconds",
    }


HOSTILE = [("nan", math.nan), ("infinity", math.inf), ("true", True), ("list", [170])]


@pytest.mark.parametrize("field", ["height_cm", "weight_kg", "height_loss_cm", "occiput_wall_cm"])
@pytest.mark.parametrize("value", [h[1] for h in HOSTILE], ids=[h[0] for h in HOSTILE])
def test_hostile_numbers_rejected(field, value):
    assert field in errors_of({field: value})


# ---------------------------------------------------------------- JSON


def test_json_carries_the_new_fields_under_their_spec_names():
    encoded = assessment_to_json(parse())
    for key, value in FULL.items():
        assert encoded[key] == value, key
    assert json.loads(json.dumps(encoded)) == encoded


def test_stored_inputs_without_the_new_fields_still_read_back():
    """Inputs stored under DK-2026.1 lack the new keys: they read back as not recorded."""
    stored = {
        **BASE,
        "t_scores": {"lumbar_spine": -2.7, "femoral_neck": None},
        "falls_last_12_months": 0,
        "tug_seconds": 9.5,
        "tandem_max_seconds": 30,
        "risk_factors": ["smoking"],
    }
    inp = input_from_json(stored)
    assert inp.t_scores.lumbar_spine == -2.7
    assert inp.medication is None and inp.fes_i_short is None and inp.height_cm is None


def test_input_from_json_checks_against_the_recorded_date():
    long_ago = {**BASE, "assessment_date": "2001-01-01"}
    assert input_from_json(long_ago).assessment_date == date(2001, 1, 1)
    with pytest.raises(InputError) as caught:
        input_from_json({**FULL, "assessment_date": "someday"})
    assert "assessment_date" in caught.value.errors


@given(assessments())
def test_any_valid_input_round_trips_through_json(inp):
    data = json.loads(json.dumps(assessment_to_json(inp)))
    assert parse_assessment(data, today=inp.assessment_date) == inp
    assert input_from_json(data) == inp


# ---------------------------------------------------------------- the questionnaire and codes


def test_short_fes_i_has_seven_questions_and_four_answers_in_both_languages():
    assert len(QUESTIONS) == 7
    assert sorted(ANSWERS) == [1, 2, 3, 4]
    for text in (QUESTION_INTRO, *QUESTIONS, *ANSWERS.values()):
        assert set(text) == {"da", "en"}
        assert text["da"].strip() and text["en"].strip()
    assert len({q["da"] for q in QUESTIONS}) == 7
    assert ANSWERS[1]["en"] == "Not at all concerned"
    assert ANSWERS[4]["en"] == "Very concerned"


def test_short_fes_i_questions_follow_kempen_2008_order():
    keywords = ["dressed", "bath", "chair", "stairs", "reach", "slope", "social"]
    for question, keyword in zip(QUESTIONS, keywords, strict=True):
        assert keyword in question["en"]


@pytest.mark.parametrize("enum", [Medication, FesILevel, Change], ids=lambda e: e.__name__)
def test_every_new_code_has_danish_and_english_labels(enum):
    for member in enum:
        assert member.label_da and member.label_en


def test_medication_codes_are_those_of_the_spec():
    assert [m.value for m in Medication] == [
        "none",
        "bisphosphonate",
        "denosumab",
        "teriparatide",
        "romosozumab",
        "menopausal_hormone_therapy",
        "other",
    ]
