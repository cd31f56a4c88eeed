"""Categorisation rules of domain.md §4, one named row per rule and per boundary."""

import json
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from assessment.domain.inputs import AssessmentInput, Fracture, TScores, age_at
from assessment.domain.parsing import parse_assessment
from assessment.domain.result import RULESET, CategorisationResult
from assessment.domain.rules import add_months, categorise, sts5_age_norm
from assessment.domain.serialisation import assessment_to_json, result_from_json, result_to_json
from assessment.domain.vocabulary import (
    BoneStatus,
    FallRisk,
    FractureSite,
    RiskFactor,
    Sex,
    WalkingAid,
)
from osteoactive.domain.categories import Category
from tests.support.examples import SPEC_EXAMPLE

pytestmark = pytest.mark.pure

ASSESSED = date(2026, 11, 1)
V, H, W, R = FractureSite.VERTEBRAL, FractureSite.HIP, FractureSite.WRIST, FractureSite.RIB


def born_aged(age: int) -> date:
    """A birth date that makes the patient exactly `age` on ASSESSED."""
    return date(ASSESSED.year - age, 1, 15)


def make(**changes) -> AssessmentInput:
    """A 66-year-old who meets every B3 criterion, with low fall risk and no warnings."""
    base = AssessmentInput(
        assessment_date=ASSESSED,
        birth_date=born_aged(66),
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


def old(site: FractureSite, low_energy: bool = True) -> Fracture:
    return Fracture(site, date(2015, 3, 10), low_energy)


def test_baseline_is_traeningsaktiv_without_warnings():
    result = categorise(make())
    assert result.category is Category.TRAENINGSAKTIV
    assert result.rules == ("B3",)
    assert result.fall_risk is FallRisk.LOW
    assert result.bone_status is BoneStatus.UNKNOWN
    assert result.warnings == ()
    assert result.age == 66


# ---------------------------------------------------------------- B1–B4: function level

LEVEL_CASES = [
    ("B1_stick", {"walking_aid": WalkingAid.STICK}, "B1"),
    ("B1_crutches", {"walking_aid": WalkingAid.CRUTCHES}, "B1"),
    ("B1_rollator", {"walking_aid": WalkingAid.ROLLATOR}, "B1"),
    ("B1_wheelchair", {"walking_aid": WalkingAid.WHEELCHAIR}, "B1"),
    ("B1_adl_help", {"needs_adl_help": True}, "B1"),
    ("B1_sedentary", {"sedentary_due_to_disease": True}, "B1"),
    (
        "B1_wins_over_B2",
        {"walking_aid": WalkingAid.STICK, "tug_unable": True, "tug_seconds": None},
        "B1",
    ),
    ("walking_aid_not_recorded_is_none", {"walking_aid": None}, "B3"),
    ("B2_tug_unable", {"tug_unable": True, "tug_seconds": None}, "B2"),
    ("B2_tug_20.1", {"tug_seconds": 20.1}, "B2"),
    ("B4_tug_20.0_not_B2", {"tug_seconds": 20.0}, "B4"),
    ("B2_sts5_unable", {"sts5_unable": True, "sts5_seconds": None}, "B2"),
    ("B3_tug_12.0", {"tug_seconds": 12.0}, "B3"),
    ("B4_tug_12.1", {"tug_seconds": 12.1}, "B4"),
    ("B3_age69_sts5_11.4", {"birth_date": born_aged(69), "sts5_seconds": 11.4}, "B3"),
    ("B4_age69_sts5_11.5", {"birth_date": born_aged(69), "sts5_seconds": 11.5}, "B4"),
    ("B4_age69_sts5_12.6", {"birth_date": born_aged(69), "sts5_seconds": 12.6}, "B4"),
    ("B3_age70_sts5_12.6", {"birth_date": born_aged(70), "sts5_seconds": 12.6}, "B3"),
    ("B4_age70_sts5_12.7", {"birth_date": born_aged(70), "sts5_seconds": 12.7}, "B4"),
    ("B3_age79_sts5_12.6", {"birth_date": born_aged(79), "sts5_seconds": 12.6}, "B3"),
    ("B4_age79_sts5_12.7", {"birth_date": born_aged(79), "sts5_seconds": 12.7}, "B4"),
    ("B4_age79_sts5_14.8", {"birth_date": born_aged(79), "sts5_seconds": 14.8}, "B4"),
    ("B3_age80_sts5_14.8", {"birth_date": born_aged(80), "sts5_seconds": 14.8}, "B3"),
    ("B4_age80_sts5_14.9", {"birth_date": born_aged(80), "sts5_seconds": 14.9}, "B4"),
    ("B3_tandem_10.0", {"tandem_seconds": 10.0, "tandem_max_seconds": 10}, "B3"),
    ("B4_tandem_9.9", {"tandem_seconds": 9.9}, "B4"),
    ("B4_no_regular_training", {"regular_training": False}, "B4"),
    ("B4_training_not_recorded", {"regular_training": None}, "B4"),
    ("B3_one_fall_intermediate_risk", {"falls_last_12_months": 1}, "B3"),
    ("B4_two_falls_high_risk", {"falls_last_12_months": 2}, "B4"),
    ("B4_injurious_fall_high_risk", {"falls_last_12_months": 1, "injurious_fall": True}, "B4"),
    ("B4_tug_missing", {"tug_seconds": None}, "B4"),
    ("B4_sts5_missing", {"sts5_seconds": None}, "B4"),
    ("B4_tandem_missing", {"tandem_seconds": None}, "B4"),
]

LEVEL_CATEGORY = {
    "B1": Category.FUNKTIONSBEGRAENSET,
    "B2": Category.FUNKTIONSBEGRAENSET,
    "B3": Category.TRAENINGSAKTIV,
    "B4": Category.HVERDAGSAKTIV,
}


@pytest.mark.parametrize(
    ("changes", "rule"), [c[1:] for c in LEVEL_CASES], ids=[c[0] for c in LEVEL_CASES]
)
def test_function_level(changes, rule):
    result = categorise(make(**changes))
    assert result.rules == (rule,)
    assert result.category is LEVEL_CATEGORY[rule]


@pytest.mark.parametrize(
    ("age", "norm"),
    [(18, 11.4), (69, 11.4), (70, 12.6), (79, 12.6), (80, 14.8), (110, 14.8)],
    ids=["18", "69", "70", "79", "80", "110"],
)
def test_sts5_age_norm(age, norm):
    assert sts5_age_norm(age) == norm


# ---------------------------------------------------------------- C1–C4 and D

PRECAUTION_CASES = [
    ("C1_old_vertebral", {"fractures": (old(V),)}, ("B3", "C1"), "traeningsaktiv_med_hensyn"),
    ("C2_old_hip", {"fractures": (old(H),)}, ("B3", "C2"), "traeningsaktiv_med_hensyn"),
    (
        "C3_wrist_and_rib",
        {"fractures": (old(W), old(R))},
        ("B3", "C3"),
        "traeningsaktiv_med_hensyn",
    ),
    ("one_qualifying_wrist", {"fractures": (old(W),)}, ("B3",), "traeningsaktiv"),
    (
        "C3_not_with_one_high_energy",
        {"fractures": (old(W), old(R, low_energy=False))},
        ("B3",),
        "traeningsaktiv",
    ),
    ("high_energy_vertebral_ignored", {"fractures": (old(V, False),)}, ("B3",), "traeningsaktiv"),
    ("high_energy_hip_ignored", {"fractures": (old(H, False),)}, ("B3",), "traeningsaktiv"),
    (
        "C4_t_min_-3.0",
        {"t_scores": TScores(total_hip=-3.0)},
        ("B3", "C4"),
        "traeningsaktiv_med_hensyn",
    ),
    ("no_C4_t_min_-2.9", {"t_scores": TScores(total_hip=-2.9)}, ("B3",), "traeningsaktiv"),
    (
        "C4_uses_lowest_site",
        {"t_scores": TScores(lumbar_spine=-1.0, forearm=-3.4)},
        ("B3", "C4"),
        "traeningsaktiv_med_hensyn",
    ),
    (
        "C1_on_daily_level",
        {"regular_training": False, "fractures": (old(V),)},
        ("B4", "C1"),
        "hverdagsaktiv_med_hensyn",
    ),
    (
        "C4_on_daily_level",
        {"tug_seconds": 15.0, "t_scores": TScores(lumbar_spine=-3.5)},
        ("B4", "C4"),
        "hverdagsaktiv_med_hensyn",
    ),
    (
        "no_C_rules_for_B1",
        {"walking_aid": WalkingAid.ROLLATOR, "fractures": (old(V), old(H))},
        ("B1",),
        "funktionsbegraenset",
    ),
    (
        "no_C_rules_for_B2",
        {"tug_seconds": 25.0, "t_scores": TScores(lumbar_spine=-4.0)},
        ("B2",),
        "funktionsbegraenset",
    ),
    (
        "C1_to_C4_in_order",
        {"fractures": (old(H), old(V)), "t_scores": TScores(femoral_neck=-3.2)},
        ("B3", "C1", "C2", "C3", "C4"),
        "traeningsaktiv_med_hensyn",
    ),
]


@pytest.mark.parametrize(
    ("changes", "rules", "category"),
    [c[1:] for c in PRECAUTION_CASES],
    ids=[c[0] for c in PRECAUTION_CASES],
)
def test_precautions_and_combine(changes, rules, category):
    result = categorise(make(**changes))
    assert result.rules == rules
    assert result.category == category
    assert result.underlying_category is None


# ---------------------------------------------------------------- A1: acute phase


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 5, 1), 6, date(2026, 11, 1)),
        (date(2026, 5, 31), 6, date(2026, 11, 30)),
        (date(2023, 8, 31), 6, date(2024, 2, 29)),
        (date(2025, 8, 31), 6, date(2026, 2, 28)),
        (date(2026, 7, 1), 6, date(2027, 1, 1)),
        (date(2026, 12, 31), 2, date(2027, 2, 28)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2026, 3, 15), 0, date(2026, 3, 15)),
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
    ],
    ids=[
        "same_day",
        "clamp_to_30th",
        "leap_year_feb_29",
        "non_leap_feb_28",
        "across_year",
        "december_plus_2",
        "leap_day_plus_year",
        "zero",
        "negative",
    ],
)
def test_add_months(start, months, expected):
    assert add_months(start, months) == expected


ACUTE_CASES = [
    ("vertebral_2026-05-01_ends_on_day_not_acute", ASSESSED, [(V, "2026-05-01")], None),
    ("vertebral_2026-05-02_acute", ASSESSED, [(V, "2026-05-02")], "2026-11-02"),
    ("hip_2026-05-02_acute", ASSESSED, [(H, "2026-05-02")], "2026-11-02"),
    ("clamped_end_acute_day_before", date(2026, 11, 29), [(V, "2026-05-31")], "2026-11-30"),
    ("clamped_end_not_acute_on_day", date(2026, 11, 30), [(V, "2026-05-31")], None),
    ("leap_year_end", date(2024, 2, 28), [(H, "2023-08-31")], "2024-02-29"),
    ("fracture_on_assessment_day", ASSESSED, [(V, "2026-11-01")], "2027-05-01"),
    ("two_fractures_latest_wins", ASSESSED, [(H, "2026-09-15"), (V, "2026-07-01")], "2027-03-15"),
    ("old_and_recent", ASSESSED, [(V, "2020-01-01"), (V, "2026-08-31")], "2027-02-28"),
    ("recent_wrist_not_acute", ASSESSED, [(W, "2026-10-01")], None),
]


@pytest.mark.parametrize(
    ("assessed", "fractures", "ends"),
    [c[1:] for c in ACUTE_CASES],
    ids=[c[0] for c in ACUTE_CASES],
)
def test_acute_phase(assessed, fractures, ends):
    inp = make(
        assessment_date=assessed,
        fractures=tuple(Fracture(site, date.fromisoformat(d), True) for site, d in fractures),
    )
    result = categorise(inp)
    if ends is None:
        assert result.category is not Category.AKUTFASE
        assert "A1" not in result.rules
        assert result.acute_phase_ends is None
        assert result.underlying_category is None
    else:
        assert result.category is Category.AKUTFASE
        assert result.rules[0] == "A1"
        assert result.acute_phase_ends == date.fromisoformat(ends)
        assert result.underlying_category is not None


def test_high_energy_recent_vertebral_fracture_is_not_acute():
    result = categorise(make(fractures=(Fracture(V, date(2026, 9, 1), False),)))
    assert result.category is Category.TRAENINGSAKTIV
    assert result.rules == ("B3",)


UNDERLYING_CASES = [
    ("training_with_C1", {}, ("A1", "B3", "C1"), Category.TRAENINGSAKTIV_MED_HENSYN),
    (
        "daily_with_C1",
        {"regular_training": False},
        ("A1", "B4", "C1"),
        Category.HVERDAGSAKTIV_MED_HENSYN,
    ),
    ("limited", {"walking_aid": WalkingAid.ROLLATOR}, ("A1", "B1"), Category.FUNKTIONSBEGRAENSET),
]


@pytest.mark.parametrize(
    ("changes", "rules", "underlying"),
    [c[1:] for c in UNDERLYING_CASES],
    ids=[c[0] for c in UNDERLYING_CASES],
)
def test_acute_phase_underlying_category(changes, rules, underlying):
    recent = (Fracture(V, date(2026, 7, 1), True),)
    result = categorise(make(fractures=recent, **changes))
    assert result.category is Category.AKUTFASE
    assert result.rules == rules
    assert result.underlying_category is underlying
    assert result.acute_phase_ends == date(2027, 1, 1)


# ---------------------------------------------------------------- fall risk

FALL_CASES = [
    ("no_falls_low", {}, FallRisk.LOW),
    (
        "falls_not_recorded_low",
        {"falls_last_12_months": None, "injurious_fall": None},
        FallRisk.LOW,
    ),
    ("one_fall_intermediate", {"falls_last_12_months": 1}, FallRisk.INTERMEDIATE),
    ("two_falls_high", {"falls_last_12_months": 2}, FallRisk.HIGH),
    ("injurious_fall_high", {"falls_last_12_months": 1, "injurious_fall": True}, FallRisk.HIGH),
    ("tug_13.5_low", {"tug_seconds": 13.5}, FallRisk.LOW),
    ("tug_13.6_intermediate", {"tug_seconds": 13.6}, FallRisk.INTERMEDIATE),
    ("tug_unable_intermediate", {"tug_seconds": None, "tug_unable": True}, FallRisk.INTERMEDIATE),
    ("sts5_15.0_low", {"sts5_seconds": 15.0}, FallRisk.LOW),
    ("sts5_15.1_intermediate", {"sts5_seconds": 15.1}, FallRisk.INTERMEDIATE),
    (
        "sts5_unable_intermediate",
        {"sts5_seconds": None, "sts5_unable": True},
        FallRisk.INTERMEDIATE,
    ),
    ("tandem_10.0_low", {"tandem_seconds": 10.0}, FallRisk.LOW),
    ("tandem_9.9_intermediate", {"tandem_seconds": 9.9}, FallRisk.INTERMEDIATE),
    ("tandem_missing_low", {"tandem_seconds": None}, FallRisk.LOW),
    ("tug_missing_low", {"tug_seconds": None}, FallRisk.LOW),
    (
        "two_falls_and_slow_tug_high",
        {"falls_last_12_months": 2, "tug_seconds": 30.0},
        FallRisk.HIGH,
    ),
]


@pytest.mark.parametrize(
    ("changes", "risk"), [c[1:] for c in FALL_CASES], ids=[c[0] for c in FALL_CASES]
)
def test_fall_risk(changes, risk):
    result = categorise(make(**changes))
    assert result.fall_risk is risk
    assert result.fall_prevention_focus is (risk is not FallRisk.LOW)


# ---------------------------------------------------------------- bone status

BONE_CASES = [
    ("no_t_score_unknown", {}, BoneStatus.UNKNOWN),
    ("t_4.0_normal", {"t_scores": TScores(lumbar_spine=4.0)}, BoneStatus.NORMAL),
    ("t_-1.0_normal", {"t_scores": TScores(lumbar_spine=-1.0)}, BoneStatus.NORMAL),
    ("t_-1.1_osteopenia", {"t_scores": TScores(lumbar_spine=-1.1)}, BoneStatus.OSTEOPENIA),
    ("t_-2.4_osteopenia", {"t_scores": TScores(lumbar_spine=-2.4)}, BoneStatus.OSTEOPENIA),
    ("t_-2.5_osteoporosis", {"t_scores": TScores(lumbar_spine=-2.5)}, BoneStatus.OSTEOPOROSIS),
    ("t_-3.0_osteoporosis", {"t_scores": TScores(forearm=-3.0)}, BoneStatus.OSTEOPOROSIS),
    (
        "t_min_over_sites",
        {"t_scores": TScores(lumbar_spine=0.5, femoral_neck=-2.5)},
        BoneStatus.OSTEOPOROSIS,
    ),
    (
        "t_-2.5_and_wrist_severe",
        {"t_scores": TScores(total_hip=-2.5), "fractures": (old(W),)},
        BoneStatus.SEVERE_OSTEOPOROSIS,
    ),
    (
        "t_-2.4_and_wrist_osteopenia",
        {"t_scores": TScores(total_hip=-2.4), "fractures": (old(W),)},
        BoneStatus.OSTEOPENIA,
    ),
    (
        "normal_t_and_vertebral_severe",
        {"t_scores": TScores(total_hip=-0.5), "fractures": (old(V),)},
        BoneStatus.SEVERE_OSTEOPOROSIS,
    ),
    ("no_t_and_hip_severe", {"fractures": (old(H),)}, BoneStatus.SEVERE_OSTEOPOROSIS),
    ("no_t_and_wrist_unknown", {"fractures": (old(W),)}, BoneStatus.UNKNOWN),
    ("no_t_and_high_energy_hip_unknown", {"fractures": (old(H, False),)}, BoneStatus.UNKNOWN),
    (
        "t_-2.6_and_high_energy_vertebral",
        {"t_scores": TScores(forearm=-2.6), "fractures": (old(V, False),)},
        BoneStatus.OSTEOPOROSIS,
    ),
]


@pytest.mark.parametrize(
    ("changes", "status"), [c[1:] for c in BONE_CASES], ids=[c[0] for c in BONE_CASES]
)
def test_bone_status(changes, status):
    assert categorise(make(**changes)).bone_status is status


# ---------------------------------------------------------------- warnings

WARNING_CASES = [
    ("none", {}, ()),
    ("W1_age_49", {"birth_date": born_aged(49)}, ("W1",)),
    ("no_W1_age_50", {"birth_date": born_aged(50)}, ()),
    ("W2_unknown_with_risk_factor", {"risk_factors": {RiskFactor.SMOKING}}, ("W2",)),
    (
        "W2_normal_with_risk_factor",
        {"t_scores": TScores(lumbar_spine=-1.0), "risk_factors": {RiskFactor.LOW_BMI}},
        ("W2",),
    ),
    (
        "W2_osteopenia_with_risk_factor",
        {"t_scores": TScores(lumbar_spine=-2.4), "risk_factors": {RiskFactor.GLUCOCORTICOIDS}},
        ("W2",),
    ),
    (
        "no_W2_osteoporosis",
        {"t_scores": TScores(lumbar_spine=-2.5), "risk_factors": {RiskFactor.SMOKING}},
        (),
    ),
    (
        "no_W2_severe",
        {"fractures": (old(V),), "risk_factors": {RiskFactor.SMOKING}},
        (),
    ),
    ("no_W2_without_risk_factor", {"t_scores": TScores(lumbar_spine=-1.5)}, ()),
    ("W3_tug", {"tug_seconds": None}, ("W3",)),
    ("W3_sts5", {"sts5_seconds": None}, ("W3",)),
    ("W3_tandem", {"tandem_seconds": None}, ("W3",)),
    ("no_W3_tug_unable", {"tug_seconds": None, "tug_unable": True}, ()),
    ("no_W3_sts5_unable", {"sts5_seconds": None, "sts5_unable": True}, ()),
    ("W3_even_when_B1_decides", {"walking_aid": WalkingAid.STICK, "tandem_seconds": None}, ("W3",)),
    ("no_W4_pain_6", {"pain_nrs": 6}, ()),
    ("W4_pain_7", {"pain_nrs": 7}, ("W4",)),
    ("W4_pain_10", {"pain_nrs": 10}, ("W4",)),
    ("no_W4_pain_not_recorded", {"pain_nrs": None}, ()),
    (
        "all_four_in_order",
        {
            "birth_date": born_aged(45),
            "risk_factors": {RiskFactor.SMOKING},
            "tug_seconds": None,
            "pain_nrs": 9,
        },
        ("W1", "W2", "W3", "W4"),
    ),
]


@pytest.mark.parametrize(
    ("changes", "warnings"), [c[1:] for c in WARNING_CASES], ids=[c[0] for c in WARNING_CASES]
)
def test_warnings(changes, warnings):
    result = categorise(make(**changes))
    assert result.warnings == warnings
    assert set(result.warning_texts) == set(warnings)
    for text in result.warning_texts.values():
        assert text["da"] and text["en"]


MISSING_CASES = [
    ("tug", {"tug_seconds": None}, ("tug_seconds",), "TUG", "TUG was not recorded"),
    ("sts5", {"sts5_seconds": None}, ("sts5_seconds",), "5xSTS", "5xSTS was not recorded"),
    ("tandem", {"tandem_seconds": None}, ("tandem_seconds",), "Tandemstand", "Tandem stance was"),
    (
        "all_three",
        {"tug_seconds": None, "sts5_seconds": None, "tandem_seconds": None},
        ("tug_seconds", "sts5_seconds", "tandem_seconds"),
        "TUG, 5xSTS og tandemstand",
        "TUG, 5xSTS and tandem stance were not recorded",
    ),
]


@pytest.mark.parametrize(
    ("changes", "missing", "da", "en"),
    [c[1:] for c in MISSING_CASES],
    ids=[c[0] for c in MISSING_CASES],
)
def test_missing_tests_named_and_b3_not_firing(changes, missing, da, en):
    result = categorise(make(**changes))
    assert result.missing_tests == missing
    assert result.rules == ("B4",)
    assert da in result.warning_texts["W3"]["da"]
    assert en in result.warning_texts["W3"]["en"]
    assert "B3" in result.warning_texts["W3"]["en"]


# ---------------------------------------------------------------- explanations


def test_explanations_name_the_values_with_decimal_comma_in_danish():
    result = categorise(make(tug_seconds=9.5, sts5_seconds=11.0, birth_date=born_aged(75)))
    assert "TUG 9,5 s ≤ 12,0 s" in result.explanations["B3"]["da"]
    assert "TUG 9.5 s ≤ 12.0 s" in result.explanations["B3"]["en"]
    assert "5xSTS 11,0 s ≤ 12,6 s" in result.explanations["B3"]["da"]


EXPLANATION_CASES = [
    ("A1", {"fractures": (Fracture(V, date(2026, 7, 1), True),)}, "A1", "01/01/2027"),
    ("B1", {"walking_aid": WalkingAid.ROLLATOR}, "B1", "rollator"),
    ("B2", {"tug_seconds": 25.0}, "B2", "TUG 25.0 s > 20.0 s"),
    ("B4", {"tandem_seconds": 9.9}, "B4", "tandem stance 9.9 s < 10.0 s"),
    ("C1", {"fractures": (old(V),)}, "C1", "10/03/2015"),
    ("C2", {"fractures": (old(H),)}, "C2", "hip"),
    ("C3", {"fractures": (old(W), old(R))}, "C3", "2 low-energy fractures"),
    ("C4", {"t_scores": TScores(forearm=-3.3)}, "C4", "-3.3"),
]


@pytest.mark.parametrize(
    ("changes", "rule", "fragment"),
    [c[1:] for c in EXPLANATION_CASES],
    ids=[c[0] for c in EXPLANATION_CASES],
)
def test_every_fired_rule_is_explained(changes, rule, fragment):
    result = categorise(make(**changes))
    assert set(result.explanations) == set(result.rules)
    assert fragment in result.explanations[rule]["en"]
    assert result.explanations[rule]["da"].endswith(".")


# ---------------------------------------------------------------- JSON

RESULT_KEYS = {
    "ruleset",
    "category",
    "underlying_category",
    "acute_phase_ends",
    "rules",
    "explanations",
    "fall_risk",
    "fall_prevention_focus",
    "bone_status",
    "warnings",
    "bmi",
    "fes_i_level",
    "next_reassessment_due",
}


def test_spec_example():
    """The §5 example; W2 does not fire because the bone status is severe osteoporosis."""
    result = categorise(parse_assessment(SPEC_EXAMPLE, today=ASSESSED))
    data = result_to_json(result)
    assert data["ruleset"] == RULESET
    assert data["category"] == "akutfase"
    assert data["underlying_category"] == "traeningsaktiv_med_hensyn"
    assert data["acute_phase_ends"] == "2027-01-01"
    assert data["rules"] == ["A1", "B3", "C1"]
    assert data["fall_risk"] == "intermediate"
    assert data["fall_prevention_focus"] is True
    assert data["bone_status"] == "severe_osteoporosis"
    assert data["warnings"] == []


@pytest.mark.parametrize(
    "changes",
    [{}, {"fractures": (Fracture(H, date(2026, 10, 1), True),), "pain_nrs": 8}],
    ids=["not_acute", "acute_with_warning"],
)
def test_result_json_shape_and_round_trip(changes):
    result = categorise(make(**changes))
    data = json.loads(json.dumps(result_to_json(result)))
    assert set(data) == RESULT_KEYS
    assert isinstance(data["rules"], list)
    assert isinstance(data["warnings"], list)
    for text in data["explanations"].values():
        assert set(text) == {"da", "en"}
    if result.category is Category.AKUTFASE:
        assert data["acute_phase_ends"] == result.acute_phase_ends.isoformat()
        assert data["underlying_category"] == result.underlying_category.value
    else:
        assert data["acute_phase_ends"] is None
        assert data["underlying_category"] is None
    back = result_from_json(data)
    assert isinstance(back, CategorisationResult)
    assert result_to_json(back) == data
    assert back.category is result.category
    assert back.acute_phase_ends == result.acute_phase_ends


@pytest.mark.parametrize(
    "broken",
    [{}, {"category": "nonsense"}, {"rules": None}, {"acute_phase_ends": "soon"}],
    ids=["empty", "unknown_category", "rules_null", "bad_date"],
)
def test_result_from_json_rejects_malformed(broken):
    data = result_to_json(categorise(make())) if broken else {}
    data.update(broken)
    with pytest.raises(ValueError):
        result_from_json(data)


# ---------------------------------------------------------------- property

TODAY = date(2026, 11, 21)


def tenths(low: float, high: float):
    return st.integers(round(low * 10), round(high * 10)).map(lambda n: n / 10)


@st.composite
def assessments(draw) -> AssessmentInput:
    assessed = draw(st.dates(date(2000, 1, 1), TODAY))
    birth = draw(
        st.dates(
            add_months(assessed, -111 * 12) + timedelta(days=1), add_months(assessed, -18 * 12)
        )
    )
    assume(18 <= age_at(birth, assessed) <= 110)
    falls = draw(st.none() | st.integers(0, 50))
    injurious = draw(st.none() | st.booleans()) if falls else draw(st.none() | st.just(False))
    tug_unable, sts5_unable = draw(st.booleans()), draw(st.booleans())
    ceiling = draw(st.sampled_from([10, 30]))
    t_score = st.none() | tenths(-6.0, 4.0)
    return AssessmentInput(
        assessment_date=assessed,
        birth_date=birth,
        sex=draw(st.sampled_from(Sex)),
        t_scores=TScores(draw(t_score), draw(t_score), draw(t_score), draw(t_score)),
        dxa_scan_date=draw(st.none() | st.dates(birth, assessed)),
        fractures=draw(
            st.lists(
                st.builds(
                    Fracture,
                    st.sampled_from(FractureSite),
                    st.dates(birth, assessed),
                    st.booleans(),
                ),
                max_size=4,
            )
        ),
        falls_last_12_months=falls,
        injurious_fall=injurious,
        walking_aid=draw(st.none() | st.sampled_from(WalkingAid)),
        needs_adl_help=draw(st.none() | st.booleans()),
        sedentary_due_to_disease=draw(st.none() | st.booleans()),
        regular_training=draw(st.none() | st.booleans()),
        tug_seconds=None if tug_unable else draw(st.none() | tenths(3.0, 120.0)),
        tug_unable=tug_unable,
        sts5_seconds=None if sts5_unable else draw(st.none() | tenths(3.0, 90.0)),
        sts5_unable=sts5_unable,
        tandem_seconds=draw(st.none() | tenths(0.0, ceiling)),
        tandem_max_seconds=ceiling,
        pain_nrs=draw(st.none() | st.integers(0, 10)),
        risk_factors=draw(st.frozensets(st.sampled_from(RiskFactor))),
        frax_major_percent=draw(st.none() | st.floats(0, 100)),
        frax_hip_percent=draw(st.none() | st.floats(0, 100)),
    )


@given(assessments())
def test_categorise_any_valid_input(inp):
    result = categorise(inp)
    assert result.category in set(Category)
    assert (result.underlying_category is not None) == (result.category is Category.AKUTFASE)
    assert (result.acute_phase_ends is not None) == (result.category is Category.AKUTFASE)
    assert result.underlying_category is not Category.AKUTFASE
    b_rules = [r for r in result.rules if r.startswith("B")]
    assert len(b_rules) == 1
    assert ("A1" in result.rules) == (result.rules[0] == "A1")
    assert set(result.explanations) == set(result.rules)
    assert result.fall_prevention_focus is (result.fall_risk is not FallRisk.LOW)
    assert result_to_json(result_from_json(result_to_json(result))) == result_to_json(result)


@given(assessments())
def test_any_valid_input_round_trips_through_json(inp):
    data = json.loads(json.dumps(assessment_to_json(inp)))
    assert parse_assessment(data, today=inp.assessment_date) == inp
