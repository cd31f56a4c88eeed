"""What DK-2026.2 adds to the categorisation (domain.md §3, §4, §4b, §5), one named row per rule
and per boundary: BMI and the low-BMI risk factor, W2 extended, W5, W6, W7, the Short FES-I
level, the next reassessment date, the ruleset, and stored DK-2026.1 results read back."""

import json
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given

from assessment.domain.fes_i import fes_i_level
from assessment.domain.inputs import AssessmentInput, Fracture, TScores, age_at, birthday
from assessment.domain.measures import bmi, exact
from assessment.domain.parsing import parse_assessment
from assessment.domain.result import RULESET, CategorisationResult
from assessment.domain.rules import categorise
from assessment.domain.serialisation import assessment_to_json, result_from_json, result_to_json
from assessment.domain.vocabulary import (
    BoneStatus,
    FesILevel,
    FractureSite,
    RiskFactor,
    Sex,
    WalkingAid,
)
from osteoactive.domain.categories import Category
from tests.assessment.strategies import assessments

pytestmark = pytest.mark.pure

ASSESSED = date(2026, 11, 1)
W, V, H = FractureSite.WRIST, FractureSite.VERTEBRAL, FractureSite.HIP


def make(**changes) -> AssessmentInput:
    """A 66-year-old who meets every B3 criterion, falls recorded, no warnings."""
    base = AssessmentInput(
        assessment_date=ASSESSED,
        birth_date=date(1960, 1, 15),
        sex=Sex.FEMALE,
        falls_last_12_months=0,
        injurious_fall=False,
        walking_aid=WalkingAid.NONE,
        needs_adl_help=False,
        sedentary_due_to_disease=False,
        regular_training=True,
        tug_seconds=9.5,
        sts5_seconds=10.0,
        tandem_seconds=30.0,
        pain_nrs=2,
    )
    return replace(base, **changes)


def fes_i(total: int) -> tuple[int, ...]:
    """Seven answers (1–4) adding up to `total`."""
    answers, rest = [], total - 7
    for _ in range(7):
        step = min(3, rest)
        answers.append(1 + step)
        rest -= step
    assert sum(answers) == total
    return tuple(answers)


def test_ruleset_is_dk_2026_2():
    assert RULESET == "DK-2026.2"
    assert categorise(make()).ruleset == "DK-2026.2"
    assert categorise(make()).warnings == ()


# ---------------------------------------------------------------- BMI


BMI_CASES = [
    # (id, height cm, weight kg, unrounded BMI in decimal, BMI shown, counts as low)
    ("18.94_rounds_to_18.9_low", 200.0, 75.76, "18.94", "18.9", True),
    ("18.95_rounds_up_to_19.0_not_low", 200.0, 75.8, "18.95", "19.0", False),
    ("18.85_rounds_up_to_18.9_low", 200.0, 75.4, "18.85", "18.9", True),
    ("exactly_19_not_low", 200.0, 76.0, "19", "19.0", False),
    ("24.95_rounds_up", 200.0, 99.8, "24.95", "25.0", False),
    ("150_cm_45_kg", 150.0, 45.0, "20", "20.0", False),
    ("160_cm_48.64_kg", 160.0, 48.64, "19", "19.0", False),
    ("160_cm_48.63_kg", 160.0, 48.63, None, "19.0", False),
    ("160_cm_48.5_kg", 160.0, 48.5, None, "18.9", True),
]


@pytest.mark.parametrize(
    ("height", "weight", "unrounded", "shown", "low"),
    [c[1:] for c in BMI_CASES],
    ids=[c[0] for c in BMI_CASES],
)
def test_bmi_in_decimal_rounded_half_up(height, weight, unrounded, shown, low):
    if unrounded is not None:
        assert Decimal(str(weight)) / (Decimal(str(height)) / 100) ** 2 == Decimal(unrounded)
    assert bmi(height, weight) == Decimal(shown)
    inp = make(height_cm=height, weight_kg=weight)
    assert inp.bmi == Decimal(shown)
    assert (RiskFactor.LOW_BMI in inp.effective_risk_factors) is low


def test_binary_floating_point_would_round_18_95_the_wrong_way():
    """Why the BMI is computed in decimal: 75.8 / 2.0² is 18.9499… as a binary float."""
    assert round(75.8 / 2.0**2, 1) == 18.9
    assert bmi(200.0, 75.8) == Decimal("19.0")


@pytest.mark.parametrize(
    ("height", "weight"), [(None, 60.0), (165.0, None), (None, None)], ids=["no_height", "no_weight", "neither"]
)  # fmt: skip
def test_bmi_needs_height_and_weight(height, weight):
    result = categorise(make(height_cm=height, weight_kg=weight))
    assert result.bmi is None
    assert result_to_json(result)["bmi"] is None


def test_result_bmi_is_one_decimal_in_json():
    result = categorise(make(height_cm=200.0, weight_kg=75.76))
    assert result.bmi == Decimal("18.9")
    assert json.loads(json.dumps(result_to_json(result)))["bmi"] == 18.9


def test_low_bmi_is_not_written_into_the_stored_risk_factors():
    inp = make(height_cm=200.0, weight_kg=75.76)
    assert inp.risk_factors == frozenset()
    assert assessment_to_json(inp)["risk_factors"] == []


# ---------------------------------------------------------------- W2 extended


def wrist(on: str, low_energy: bool = True) -> Fracture:
    return Fracture(W, date.fromisoformat(on), low_energy)


W2_CASES = [
    ("no_trigger", {}, False),
    ("ticked_risk_factor", {"risk_factors": {RiskFactor.SMOKING}}, True),
    ("bmi_18.94_counts", {"height_cm": 200.0, "weight_kg": 75.76}, True),
    ("bmi_18.95_does_not", {"height_cm": 200.0, "weight_kg": 75.8}, False),
    ("ticked_low_bmi_with_normal_bmi", {"risk_factors": {RiskFactor.LOW_BMI}, "height_cm": 160.0, "weight_kg": 60.0}, True),
    ("wrist_day_before_50th_birthday", {"fractures": (wrist("2010-01-14"),)}, False),
    ("wrist_on_50th_birthday", {"fractures": (wrist("2010-01-15"),)}, True),
    ("wrist_after_50th_birthday", {"fractures": (wrist("2024-06-01"),)}, True),
    ("high_energy_wrist_after_50", {"fractures": (wrist("2024-06-01", low_energy=False),)}, False),
    ("rib_after_50", {"fractures": (Fracture(FractureSite.RIB, date(2020, 1, 1), True),)}, True),
    ("leap_born_fracture_on_28_february", {"birth_date": date(1960, 2, 29), "fractures": (wrist("2010-02-28"),)}, False),
    ("leap_born_fracture_on_1_march", {"birth_date": date(1960, 2, 29), "fractures": (wrist("2010-03-01"),)}, True),
    ("osteopenia_with_fracture_after_50", {"t_scores": TScores(total_hip=-2.4), "fractures": (wrist("2020-01-01"),)}, True),
    ("normal_with_fracture_after_50", {"t_scores": TScores(total_hip=-1.0), "fractures": (wrist("2020-01-01"),)}, True),
    ("osteoporosis_with_fracture_after_50", {"t_scores": TScores(total_hip=-2.5), "fractures": (wrist("2020-01-01"),)}, False),
    ("osteoporosis_with_risk_factor", {"t_scores": TScores(total_hip=-2.6), "risk_factors": {RiskFactor.SMOKING}}, False),
    ("vertebral_after_50_is_severe_not_W2", {"fractures": (Fracture(V, date(2020, 1, 1), True),)}, False),
]  # fmt: skip


@pytest.mark.parametrize(
    ("changes", "fires"), [c[1:] for c in W2_CASES], ids=[c[0] for c in W2_CASES]
)
def test_w2(changes, fires):
    result = categorise(make(**changes))
    assert ("W2" in result.warnings) is fires


def test_the_50th_birthday_of_someone_born_29_february_is_1_march():
    """Born in a leap year, the 50th birthday always falls in a non-leap year."""
    assert birthday(date(1960, 2, 29), 50) == date(2010, 3, 1)
    assert birthday(date(1976, 2, 29), 50) == date(2026, 3, 1)
    assert birthday(date(1960, 2, 29), 4) == date(1964, 2, 29)
    assert birthday(date(1960, 1, 15), 50) == date(2010, 1, 15)


@given(assessments())
def test_birthday_is_the_day_age_at_counts_up(inp):
    born = inp.birth_date
    for years in (1, 50, 66):
        day = birthday(born, years)
        assert age_at(born, day) == years
        assert age_at(born, day - timedelta(days=1)) == years - 1


W2_TEXT_CASES = [
    (
        "ticked_factors",
        {"risk_factors": {RiskFactor.SMOKING, RiskFactor.PARENT_HIP_FRACTURE}},
        "der er risikofaktorer (forælder med hoftebrud og rygning)",
        "there are risk factors (parent with a hip fracture and smoking)",
    ),
    (
        "computed_low_bmi",
        {"height_cm": 200.0, "weight_kg": 75.76},
        "der er en risikofaktor (BMI 18,9 < 19)",
        "there is a risk factor (BMI 18.9 < 19)",
    ),
    (
        "fracture_since_50",
        {"fractures": (wrist("2010-01-15"),)},
        "der er lavenergibrud efter det fyldte 50. år (håndled 15.01.2010)",
        "there is a low-energy fracture at age 50 or over (wrist 15/01/2010)",
    ),
    (
        "both",
        {"risk_factors": {RiskFactor.SMOKING}, "fractures": (wrist("2015-05-05"), wrist("2012-02-02"))},
        "der er en risikofaktor (rygning) samt lavenergibrud efter det fyldte 50. år "
        "(håndled 02.02.2012 og håndled 05.05.2015)",
        "there is a risk factor (smoking) as well as low-energy fractures at age 50 or over "
        "(wrist 02/02/2012 and wrist 05/05/2015)",
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("changes", "da", "en"), [c[1:] for c in W2_TEXT_CASES], ids=[c[0] for c in W2_TEXT_CASES]
)
def test_w2_names_what_triggered_it(changes, da, en):
    text = categorise(make(**changes)).warning_texts["W2"]
    assert da in text["da"]
    assert en in text["en"]
    assert "DXA" in text["da"] and "GP" in text["en"]


def test_w2_does_not_name_a_fracture_from_before_50():
    result = categorise(make(fractures=(wrist("2000-01-01"), wrist("2020-01-01"))))
    text = result.warning_texts["W2"]
    assert "2000" not in text["en"] and "01/01/2020" in text["en"]


# ---------------------------------------------------------------- W5


W5_CASES = [
    ("falls_not_recorded", {"falls_last_12_months": None, "injurious_fall": None}, True),
    ("falls_not_recorded_injurious_no", {"falls_last_12_months": None, "injurious_fall": False}, True),
    ("no_falls", {"falls_last_12_months": 0}, False),
    ("one_fall", {"falls_last_12_months": 1}, False),
    ("injurious_not_recorded_with_count", {"falls_last_12_months": 0, "injurious_fall": None}, False),
]  # fmt: skip


@pytest.mark.parametrize(
    ("changes", "fires"), [c[1:] for c in W5_CASES], ids=[c[0] for c in W5_CASES]
)
def test_w5(changes, fires):
    assert ("W5" in categorise(make(**changes)).warnings) is fires


def test_w5_says_fall_risk_came_from_the_tests_and_b3_assumed_it():
    result = categorise(make(falls_last_12_months=None, injurious_fall=None))
    assert result.warnings == ("W5",)
    assert result.rules == ("B3",)
    assert result.category is Category.TRAENINGSAKTIV
    text = result.warning_texts["W5"]
    assert "understated" in text["en"] and "B3" in text["en"] and "assumed" in text["en"]
    assert "undervurderet" in text["da"] and "B3" in text["da"]


def test_w5_fall_risk_is_from_the_tests_alone():
    result = categorise(make(falls_last_12_months=None, injurious_fall=None, tug_seconds=13.6))
    assert result.fall_risk.value == "intermediate"
    assert "W5" in result.warnings


# ---------------------------------------------------------------- W6


W6_CASES = [
    ("nothing", {}, False),
    ("height_loss_3.9", {"height_loss_cm": 3.9}, False),
    ("height_loss_4.0", {"height_loss_cm": 4.0}, True),
    ("height_loss_4.1", {"height_loss_cm": 4.1}, True),
    ("height_loss_0", {"height_loss_cm": 0.0}, False),
    ("suspected_fracture", {"suspected_new_vertebral_fracture": True}, True),
    ("suspected_no", {"suspected_new_vertebral_fracture": False}, False),
    ("suspected_no_height_loss_3.9", {"suspected_new_vertebral_fracture": False, "height_loss_cm": 3.9}, False),
    ("both_triggers", {"suspected_new_vertebral_fracture": True, "height_loss_cm": 6.5}, True),
]  # fmt: skip


@pytest.mark.parametrize(
    ("changes", "fires"), [c[1:] for c in W6_CASES], ids=[c[0] for c in W6_CASES]
)
def test_w6(changes, fires):
    result = categorise(make(**changes))
    assert ("W6" in result.warnings) is fires
    assert result.red_flags == (("W6",) if fires else ())


def test_recorded_numbers_are_compared_as_the_decimals_typed():
    assert exact(4.0) == Decimal("4.0")
    assert exact(3.9) == Decimal("3.9") < Decimal("4.0")
    assert exact(75.76) == Decimal("75.76")
    assert exact(None) is None


W6_TEXT_CASES = [
    ("suspected", {"suspected_new_vertebral_fracture": True}, "mistanke om nyt ryghvirvelbrud", "suspected new vertebral fracture"),
    ("height_loss", {"height_loss_cm": 4.0}, "højdetab på 4,0 cm ≥ 4,0 cm", "height loss of 4.0 cm ≥ 4.0 cm"),
    ("both", {"suspected_new_vertebral_fracture": True, "height_loss_cm": 5.2}, "mistanke om nyt ryghvirvelbrud og højdetab på 5,2 cm", "suspected new vertebral fracture and height loss of 5.2 cm"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("changes", "da", "en"), [c[1:] for c in W6_TEXT_CASES], ids=[c[0] for c in W6_TEXT_CASES]
)
def test_w6_names_its_triggers_and_suggests_a_spinal_x_ray(changes, da, en):
    text = categorise(make(**changes)).warning_texts["W6"]
    assert da in text["da"] and en in text["en"]
    assert "røntgen af ryggen via egen læge" in text["da"]
    assert "spinal X-ray through the patient's GP" in text["en"]


def test_w6_never_changes_the_category():
    assert categorise(make(height_loss_cm=8.0)).category is Category.TRAENINGSAKTIV


# ---------------------------------------------------------------- W7 and the Short FES-I level


W7_CASES = [
    ("not_recorded", None, False),
    ("total_7", fes_i(7), False),
    ("total_13", fes_i(13), False),
    ("total_14", fes_i(14), True),
    ("total_28", fes_i(28), True),
]


@pytest.mark.parametrize(
    ("answers", "fires"), [c[1:] for c in W7_CASES], ids=[c[0] for c in W7_CASES]
)
def test_w7(answers, fires):
    result = categorise(make(fes_i_short=answers))
    assert ("W7" in result.warnings) is fires
    if fires:
        assert f"Short FES-I {sum(answers)} ≥ 14" in result.warning_texts["W7"]["en"]
        assert "faldangst" in result.warning_texts["W7"]["da"]


LEVEL_CASES = [
    ("7_low", 7, FesILevel.LOW),
    ("8_low", 8, FesILevel.LOW),
    ("9_moderate", 9, FesILevel.MODERATE),
    ("13_moderate", 13, FesILevel.MODERATE),
    ("14_high", 14, FesILevel.HIGH),
    ("28_high", 28, FesILevel.HIGH),
]


@pytest.mark.parametrize(
    ("total", "level"), [c[1:] for c in LEVEL_CASES], ids=[c[0] for c in LEVEL_CASES]
)
def test_fes_i_level(total, level):
    assert fes_i_level(total) is level
    result = categorise(make(fes_i_short=fes_i(total)))
    assert result.fes_i_level is level
    assert result_to_json(result)["fes_i_level"] == level.value


def test_fes_i_level_null_when_not_recorded():
    result = categorise(make())
    assert result.fes_i_level is None
    assert result_to_json(result)["fes_i_level"] is None


def test_all_seven_warnings_in_order():
    result = categorise(
        make(
            birth_date=date(1980, 1, 15),
            risk_factors={RiskFactor.SMOKING},
            tug_seconds=None,
            pain_nrs=8,
            falls_last_12_months=None,
            injurious_fall=None,
            height_loss_cm=4.0,
            fes_i_short=fes_i(14),
        )
    )
    assert result.warnings == ("W1", "W2", "W3", "W4", "W5", "W6", "W7")
    assert set(result.warning_texts) == set(result.warnings)


# ---------------------------------------------------------------- next reassessment due


def acute(on: str, site: FractureSite = V) -> tuple[Fracture, ...]:
    return (Fracture(site, date.fromisoformat(on), True),)


DUE_CASES = [
    ("12_weeks", {}, "2027-01-24"),
    ("W4_4_weeks", {"pain_nrs": 7}, "2026-11-29"),
    ("W6_4_weeks", {"height_loss_cm": 4.0}, "2026-11-29"),
    ("W6_suspected_4_weeks", {"suspected_new_vertebral_fracture": True}, "2026-11-29"),
    ("W4_and_W6", {"pain_nrs": 9, "suspected_new_vertebral_fracture": True}, "2026-11-29"),
    ("no_W4_pain_6", {"pain_nrs": 6}, "2027-01-24"),
    ("no_W6_height_loss_3.9", {"height_loss_cm": 3.9}, "2027-01-24"),
    ("other_warnings_keep_12_weeks", {"falls_last_12_months": None, "fes_i_short": fes_i(20)}, "2027-01-24"),
    ("acute_ends_before_12_weeks", {"fractures": acute("2026-06-15")}, "2026-12-15"),
    ("acute_ends_after_12_weeks", {"fractures": acute("2026-10-01")}, "2027-01-24"),
    ("acute_end_ties_12_weeks", {"fractures": acute("2026-07-24")}, "2027-01-24"),
    ("acute_end_before_4_weeks_with_W4", {"fractures": acute("2026-05-10", H), "pain_nrs": 8}, "2026-11-10"),
    ("acute_end_ties_4_weeks_with_W4", {"fractures": acute("2026-05-29"), "pain_nrs": 8}, "2026-11-29"),
    ("4_weeks_before_acute_end_with_W6", {"fractures": acute("2026-06-15"), "height_loss_cm": 5.0}, "2026-11-29"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("changes", "due"), [c[1:] for c in DUE_CASES], ids=[c[0] for c in DUE_CASES]
)
def test_next_reassessment_due(changes, due):
    result = categorise(make(**changes))
    assert result.next_reassessment_due == date.fromisoformat(due)
    assert result_to_json(result)["next_reassessment_due"] == due


def test_acute_tie_is_really_in_the_acute_phase():
    result = categorise(make(fractures=acute("2026-07-24")))
    assert result.category is Category.AKUTFASE
    assert result.acute_phase_ends == ASSESSED + timedelta(days=84)


# ---------------------------------------------------------------- the §5 result JSON

DK_2026_1_STORED = {
    "ruleset": "DK-2026.1",
    "category": "akutfase",
    "underlying_category": "traeningsaktiv_med_hensyn",
    "acute_phase_ends": "2027-01-01",
    "rules": ["A1", "B3", "C1"],
    "explanations": {
        "A1": {"da": "Akutfase: …", "en": "Acute phase: …"},
        "B3": {"da": "Træningsaktivt niveau: …", "en": "Exercising level: …"},
        "C1": {"da": "Med hensyn: …", "en": "With precautions: …"},
    },
    "fall_risk": "intermediate",
    "fall_prevention_focus": True,
    "bone_status": "severe_osteoporosis",
    "warnings": ["W4"],
}


def test_a_stored_dk_2026_1_result_reads_back_and_keeps_its_ruleset():
    result = result_from_json(DK_2026_1_STORED)
    assert result.ruleset == "DK-2026.1"
    assert result.category is Category.AKUTFASE
    assert result.underlying_category is Category.TRAENINGSAKTIV_MED_HENSYN
    assert result.warnings == ("W4",)
    assert result.bmi is None and result.fes_i_level is None
    assert result.next_reassessment_due is None
    assert result_to_json(result) == DK_2026_1_STORED


def test_a_dk_2026_1_result_with_null_new_fields_reads_back():
    data = {**DK_2026_1_STORED, "bmi": None, "fes_i_level": None, "next_reassessment_due": None}
    assert result_to_json(result_from_json(data)) == DK_2026_1_STORED


@pytest.mark.parametrize("missing", ["bmi", "fes_i_level", "next_reassessment_due"])
def test_a_dk_2026_2_result_needs_the_new_fields(missing):
    data = result_to_json(categorise(make()))
    del data[missing]
    with pytest.raises(ValueError):
        result_from_json(data)


@pytest.mark.parametrize(
    "broken",
    [{"bmi": "18.9"}, {"bmi": True}, {"fes_i_level": "extreme"}, {"next_reassessment_due": "soon"}],
    ids=["bmi_text", "bmi_bool", "unknown_level", "bad_date"],
)
def test_result_from_json_rejects_malformed_new_fields(broken):
    data = {**result_to_json(categorise(make())), **broken}
    with pytest.raises(ValueError):
        result_from_json(data)


def test_new_result_fields_round_trip():
    result = categorise(make(height_cm=200.0, weight_kg=75.76, fes_i_short=fes_i(15), pain_nrs=8))
    data = json.loads(json.dumps(result_to_json(result)))
    assert data["bmi"] == 18.9
    assert data["fes_i_level"] == "high"
    assert data["next_reassessment_due"] == "2026-11-29"
    back = result_from_json(data)
    assert isinstance(back, CategorisationResult)
    assert back.bmi == Decimal("18.9")
    assert back.fes_i_level is FesILevel.HIGH
    assert back.next_reassessment_due == date(2026, 11, 29)
    assert result_to_json(back) == data


# ---------------------------------------------------------------- properties


@given(assessments())
def test_categorise_never_raises_on_valid_parsed_inputs(inp):
    parsed = parse_assessment(
        json.loads(json.dumps(assessment_to_json(inp))), today=inp.assessment_date
    )
    result = categorise(parsed)
    assert result.ruleset == RULESET
    assert inp.assessment_date < result.next_reassessment_due
    assert result.next_reassessment_due <= inp.assessment_date + timedelta(days=84)
    if result.acute_phase_ends is not None:
        assert result.next_reassessment_due <= result.acute_phase_ends
    if {"W4", "W6"} & set(result.warnings):
        assert result.next_reassessment_due <= inp.assessment_date + timedelta(days=28)
    loss = exact(inp.height_loss_cm)
    red_flag = bool(inp.suspected_new_vertebral_fracture) or (loss is not None and loss >= 4)
    assert ("W6" in result.warnings) is red_flag
    assert ("W5" in result.warnings) is (inp.falls_last_12_months is None)
    total = sum(inp.fes_i_short) if inp.fes_i_short else None
    assert ("W7" in result.warnings) is (total is not None and total >= 14)
    assert result.fes_i_level is fes_i_level(total)
    if result.bmi is not None:
        assert result.bmi == result.bmi.quantize(Decimal("0.1"))
    if result.bone_status in (BoneStatus.OSTEOPOROSIS, BoneStatus.SEVERE_OSTEOPOROSIS):
        assert "W2" not in result.warnings
    assert set(result.warning_texts) == set(result.warnings)


@given(assessments())
def test_result_json_round_trips_with_the_new_fields(inp):
    result = categorise(inp)
    data = json.loads(json.dumps(result_to_json(result)))
    back = result_from_json(data)
    assert result_to_json(back) == data
    assert back.bmi == result.bmi
    assert back.fes_i_level is result.fes_i_level
    assert back.next_reassessment_due == result.next_reassessment_due
