"""The patient over time (domain.md §4b): meaningful change at its thresholds, carry-forward,
the next reassessment date as a function, and category changes."""

from dataclasses import fields, replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assessment.domain.change import (
    MEASURES,
    STS5_MDC,
    TUG_MDC,
    UNABLE,
    fes_i_change,
    meaningful_change,
    tandem_change,
    timed_change,
    timed_test,
)
from assessment.domain.follow_up import (
    CARRIED_FORWARD,
    MEASURED_ANEW,
    NOT_CARRIED,
    carried_forward,
    category_changed,
    next_reassessment_due,
    previous_values,
)
from assessment.domain.inputs import AssessmentInput, Fracture, TScores
from assessment.domain.rules import categorise
from assessment.domain.serialisation import assessment_to_json, input_from_json, result_to_json
from assessment.domain.vocabulary import (
    Change,
    FesILevel,
    FractureSite,
    Medication,
    RiskFactor,
    Sex,
    WalkingAid,
)
from osteoactive.domain.categories import Category
from tests.assessment.strategies import tenths

pytestmark = pytest.mark.pure

BETTER, WORSE, SAME = Change.BETTER, Change.WORSE, Change.NO_DETECTABLE_CHANGE
LOW, MODERATE, HIGH = FesILevel.LOW, FesILevel.MODERATE, FesILevel.HIGH


def visit(on: date, **changes) -> AssessmentInput:
    base = AssessmentInput(
        assessment_date=on,
        birth_date=date(1950, 3, 2),
        sex=Sex.FEMALE,
        falls_last_12_months=0,
        tug_seconds=10.0,
        sts5_seconds=12.0,
        tandem_seconds=9.0,
    )
    return replace(base, **changes)


# ---------------------------------------------------------------- meaningful change

TUG_CASES = [
    ("1.1_faster_better", 10.0, 8.9, BETTER),
    ("1.0_faster_no_change", 10.0, 9.0, SAME),
    ("1.1_slower_worse", 10.0, 11.1, WORSE),
    ("1.0_slower_no_change", 10.0, 11.0, SAME),
    ("1.1_faster_where_binary_says_1.0999", 5.1, 4.0, BETTER),
    ("1.1_slower_where_binary_says_1.0999", 4.0, 5.1, WORSE),
    ("equal", 12.3, 12.3, SAME),
    ("unable_to_time_better", UNABLE, 25.0, BETTER),
    ("time_to_unable_worse", 9.0, UNABLE, WORSE),
    ("unable_both_no_change", UNABLE, UNABLE, SAME),
    ("not_recorded_before", None, 9.0, None),
    ("not_recorded_now", 9.0, None, None),
]


@pytest.mark.parametrize(
    ("before", "after", "change"), [c[1:] for c in TUG_CASES], ids=[c[0] for c in TUG_CASES]
)
def test_tug_change(before, after, change):
    previous = visit(
        date(2026, 8, 1),
        tug_seconds=None if before in (None, UNABLE) else before,
        tug_unable=before == UNABLE,
    )
    current = visit(
        date(2026, 11, 1),
        tug_seconds=None if after in (None, UNABLE) else after,
        tug_unable=after == UNABLE,
    )
    assert meaningful_change(previous, current)["tug"] is change


def test_the_float_trap_is_real():
    """Why the comparison is decimal: in binary, 4.0 − 5.1 is −1.0999999999999996."""
    assert 4.0 - 5.1 > -1.1
    assert timed_change(timed_test(5.1, False), timed_test(4.0, False), TUG_MDC) is BETTER


STS5_CASES = [
    ("2.5_faster_better", 12.0, 9.5, BETTER),
    ("2.4_faster_no_change", 12.0, 9.6, SAME),
    ("2.5_slower_worse", 12.0, 14.5, WORSE),
    ("2.4_slower_no_change", 12.0, 14.4, SAME),
    ("2.5_faster_where_binary_says_2.4999", 5.6, 3.1, BETTER),
    ("unable_to_time_better", UNABLE, 18.0, BETTER),
    ("time_to_unable_worse", 11.0, UNABLE, WORSE),
    ("unable_both_no_change", UNABLE, UNABLE, SAME),
    ("not_recorded", None, 11.0, None),
]


@pytest.mark.parametrize(
    ("before", "after", "change"), [c[1:] for c in STS5_CASES], ids=[c[0] for c in STS5_CASES]
)
def test_sts5_change(before, after, change):
    previous = visit(
        date(2026, 8, 1),
        sts5_seconds=None if before in (None, UNABLE) else before,
        sts5_unable=before == UNABLE,
    )
    current = visit(
        date(2026, 11, 1),
        sts5_seconds=None if after in (None, UNABLE) else after,
        sts5_unable=after == UNABLE,
    )
    assert meaningful_change(previous, current)["sts5"] is change


TANDEM_CASES = [
    ("9.9_to_10.0_better", 9.9, 10.0, BETTER),
    ("10.0_to_9.9_worse", 10.0, 9.9, WORSE),
    ("0_to_30_better", 0.0, 30.0, BETTER),
    ("both_below_10_no_change", 2.0, 9.9, SAME),
    ("both_at_least_10_no_change", 10.0, 30.0, SAME),
    ("30_to_10_no_change", 30.0, 10.0, SAME),
    ("not_recorded", None, 12.0, None),
]


@pytest.mark.parametrize(
    ("before", "after", "change"),
    [c[1:] for c in TANDEM_CASES],
    ids=[c[0] for c in TANDEM_CASES],
)
def test_tandem_change(before, after, change):
    previous = visit(date(2026, 8, 1), tandem_seconds=before)
    current = visit(date(2026, 11, 1), tandem_seconds=after)
    assert meaningful_change(previous, current)["tandem"] is change


FES_I_CASES = [
    ("8_low_to_9_moderate_worse", (2, 1, 1, 1, 1, 1, 1), (2, 2, 1, 1, 1, 1, 1), WORSE),
    ("14_high_to_13_moderate_better", (4, 4, 1, 1, 1, 2, 1), (4, 3, 1, 1, 1, 2, 1), BETTER),
    ("9_to_13_same_level_no_change", (3, 1, 1, 1, 1, 1, 1), (4, 2, 2, 1, 1, 2, 1), SAME),
    ("high_to_low_better", (4,) * 7, (1,) * 7, BETTER),
    ("not_recorded_before", None, (1,) * 7, None),
]


@pytest.mark.parametrize(
    ("before", "after", "change"),
    [c[1:] for c in FES_I_CASES],
    ids=[c[0] for c in FES_I_CASES],
)
def test_fes_i_change(before, after, change):
    previous = visit(date(2026, 8, 1), fes_i_short=before)
    current = visit(date(2026, 11, 1), fes_i_short=after)
    assert meaningful_change(previous, current)["fes_i"] is change


def test_meaningful_change_covers_every_measure_from_stored_json():
    previous = assessment_to_json(visit(date(2026, 8, 1), tug_seconds=12.5, tandem_seconds=8.0))
    current = assessment_to_json(visit(date(2026, 11, 1), tug_seconds=11.4, tandem_seconds=10.0))
    changes = meaningful_change(input_from_json(previous), input_from_json(current))
    assert tuple(changes) == MEASURES
    assert changes == {"tug": BETTER, "sts5": SAME, "tandem": BETTER, "fes_i": None}


def test_change_labels_never_call_no_change_an_improvement():
    assert SAME.label_da == "Uændret — ingen påviselig ændring"
    assert BETTER.label_da == "Bedre" and WORSE.label_da == "Dårligere"
    assert "no detectable change" in SAME.label_en.lower()


timed = st.one_of(st.none(), st.just(UNABLE), tenths(3.0, 120.0))


@given(timed, timed, st.sampled_from([TUG_MDC, STS5_MDC]))
def test_timed_change_is_antisymmetric(before, after, mdc):
    def recorded(value):
        return timed_test(None if value == UNABLE else value, value == UNABLE)

    forward = timed_change(recorded(before), recorded(after), mdc)
    backward = timed_change(recorded(after), recorded(before), mdc)
    opposite = {BETTER: WORSE, WORSE: BETTER, SAME: SAME, None: None}
    assert backward is opposite[forward]


@given(st.none() | tenths(0.0, 30.0), st.none() | tenths(0.0, 30.0))
def test_tandem_change_is_antisymmetric(before, after):
    opposite = {BETTER: WORSE, WORSE: BETTER, SAME: SAME, None: None}
    assert tandem_change(after, before) is opposite[tandem_change(before, after)]


def test_fes_i_change_by_level():
    assert fes_i_change(LOW, HIGH) is WORSE
    assert fes_i_change(HIGH, MODERATE) is BETTER
    assert fes_i_change(MODERATE, MODERATE) is SAME
    assert fes_i_change(None, LOW) is None


# ---------------------------------------------------------------- carry-forward

PREVIOUS = visit(
    date(2026, 8, 1),
    t_scores=TScores(lumbar_spine=-3.2, total_hip=-2.1),
    dxa_scan_date=date(2026, 6, 1),
    fractures=(Fracture(FractureSite.WRIST, date(2019, 4, 2), True),),
    risk_factors={RiskFactor.SMOKING, RiskFactor.GLUCOCORTICOIDS},
    walking_aid=WalkingAid.STICK,
    needs_adl_help=False,
    sedentary_due_to_disease=False,
    regular_training=True,
    medication=Medication.DENOSUMAB,
    frax_major_percent=22.0,
    frax_hip_percent=6.5,
    frax_date=date(2026, 6, 1),
    falls_last_12_months=1,
    injurious_fall=False,
    pain_nrs=3,
    fes_i_short=(2, 2, 2, 2, 2, 2, 2),
    height_cm=162.0,
    weight_kg=60.25,
    height_loss_cm=2.0,
    occiput_wall_cm=4.5,
    suspected_new_vertebral_fracture=False,
)


def test_every_input_is_carried_forward_measured_anew_or_neither():
    names = [f.name for f in fields(AssessmentInput)]
    groups = [set(CARRIED_FORWARD), set(MEASURED_ANEW), set(NOT_CARRIED)]
    assert set().union(*groups) == set(names)
    assert sum(len(g) for g in groups) == len(names)


def test_carried_forward_are_the_section_4b_fields():
    assert set(CARRIED_FORWARD) == {
        "t_scores",
        "dxa_scan_date",
        "fractures",
        "risk_factors",
        "walking_aid",
        "needs_adl_help",
        "sedentary_due_to_disease",
        "regular_training",
        "medication",
        "frax_major_percent",
        "frax_hip_percent",
        "frax_date",
    }


def test_carried_forward_keeps_the_t_scores_and_everything_else_listed():
    carried = carried_forward(assessment_to_json(PREVIOUS))
    assert carried == {
        "t_scores": {"lumbar_spine": -3.2, "total_hip": -2.1},
        "dxa_scan_date": "2026-06-01",
        "fractures": [{"site": "wrist", "date": "2019-04-02", "low_energy": True}],
        "risk_factors": ["glucocorticoids", "smoking"],
        "walking_aid": "stick",
        "needs_adl_help": False,
        "sedentary_due_to_disease": False,
        "regular_training": True,
        "medication": "denosumab",
        "frax_major_percent": 22.0,
        "frax_hip_percent": 6.5,
        "frax_date": "2026-06-01",
    }


def test_a_reassessment_from_carried_values_keeps_the_precaution_category():
    """The issue's safety defect: T −3.2 (C4) must not be lost when only tests are new."""
    previous = assessment_to_json(visit(date(2026, 8, 1), t_scores=TScores(lumbar_spine=-3.2)))
    reassessment = {
        **carried_forward(previous),
        "assessment_date": "2026-11-01",
        "birth_date": "1950-03-02",
        "sex": "female",
        "falls_last_12_months": 0,
        "tug_seconds": 9.0,
        "sts5_seconds": 10.0,
        "tandem_seconds": 30.0,
        "regular_training": True,
    }
    result = categorise(input_from_json(reassessment))
    assert "C4" in result.rules
    assert result.category is Category.TRAENINGSAKTIV_MED_HENSYN


def test_carried_forward_leaves_out_what_was_not_recorded():
    previous = {
        "assessment_date": "2026-01-01",
        "birth_date": "1950-03-02",
        "sex": "male",
        "t_scores": {"lumbar_spine": None, "femoral_neck": None},
        "fractures": [],
        "walking_aid": None,
        "tug_seconds": 9.0,
    }
    assert carried_forward(previous) == {"fractures": []}


def test_carried_forward_reads_dk_2026_1_inputs_without_the_new_fields():
    stored = assessment_to_json(PREVIOUS)
    for key in ("medication", "frax_date", "height_cm", "fes_i_short"):
        del stored[key]
    carried = carried_forward(stored)
    assert "medication" not in carried and "frax_date" not in carried
    assert carried["t_scores"] == {"lumbar_spine": -3.2, "total_hip": -2.1}


def test_carried_forward_is_a_copy():
    stored = assessment_to_json(PREVIOUS)
    carried = carried_forward(stored)
    carried["fractures"][0]["site"] = "hip"
    carried["t_scores"]["lumbar_spine"] = 0.0
    assert stored["fractures"][0]["site"] == "wrist"
    assert stored["t_scores"]["lumbar_spine"] == -3.2


def test_previous_values_of_what_is_measured_anew():
    shown = previous_values(assessment_to_json(PREVIOUS))
    assert set(shown) <= set(MEASURED_ANEW)
    assert shown["falls_last_12_months"] == 1
    assert shown["tug_seconds"] == 10.0
    assert shown["fes_i_short"] == [2, 2, 2, 2, 2, 2, 2]
    assert shown["weight_kg"] == 60.25
    assert shown["suspected_new_vertebral_fracture"] is False
    assert "t_scores" not in shown and "medication" not in shown
    assert "sts5_seconds" in shown


def test_nothing_measured_anew_is_carried_forward():
    carried = carried_forward(assessment_to_json(PREVIOUS))
    assert not set(carried) & set(MEASURED_ANEW)


# ---------------------------------------------------------------- next reassessment due


DUE_CASES = [
    ("12_weeks", None, (), date(2027, 1, 24)),
    ("W4", None, ("W4",), date(2026, 11, 29)),
    ("W6", None, ("W2", "W6"), date(2026, 11, 29)),
    ("other_warnings", None, ("W1", "W2", "W3", "W5", "W7"), date(2027, 1, 24)),
    ("acute_end_first", date(2026, 12, 1), (), date(2026, 12, 1)),
    ("acute_end_after_12_weeks", date(2027, 4, 1), (), date(2027, 1, 24)),
    ("tie_acute_and_12_weeks", date(2027, 1, 24), (), date(2027, 1, 24)),
    ("tie_acute_and_4_weeks", date(2026, 11, 29), ("W4",), date(2026, 11, 29)),
    ("acute_before_4_weeks", date(2026, 11, 10), ("W6",), date(2026, 11, 10)),
]


@pytest.mark.parametrize(
    ("ends", "warnings", "due"), [c[1:] for c in DUE_CASES], ids=[c[0] for c in DUE_CASES]
)
def test_next_reassessment_due_function(ends, warnings, due):
    assessed = date(2026, 11, 1)
    assert next_reassessment_due(assessed, acute_phase_ends=ends, warnings=warnings) == due


@given(
    st.dates(date(2000, 1, 1), date(2030, 1, 1)),
    st.none() | st.integers(1, 200),
    st.lists(st.sampled_from(["W1", "W2", "W3", "W4", "W5", "W6", "W7"]), unique=True),
)
def test_next_reassessment_due_never_after_84_days(assessed, acute_days, warnings):
    ends = assessed + timedelta(days=acute_days) if acute_days else None
    due = next_reassessment_due(assessed, acute_phase_ends=ends, warnings=warnings)
    assert assessed < due <= assessed + timedelta(days=84)


# ---------------------------------------------------------------- category changes


def result(category: Category, underlying: Category | None = None) -> dict:
    data = result_to_json(categorise(visit(date(2026, 11, 1))))
    data["category"] = category.value
    data["underlying_category"] = underlying.value if underlying else None
    return data


TA, TAMH = Category.TRAENINGSAKTIV, Category.TRAENINGSAKTIV_MED_HENSYN
HA, HAMH = Category.HVERDAGSAKTIV, Category.HVERDAGSAKTIV_MED_HENSYN
ACUTE = Category.AKUTFASE

CATEGORY_CASES = [
    ("same", result(HA), result(HA), False),
    ("med_hensyn_added", result(TA), result(TAMH), True),
    ("med_hensyn_removed", result(HAMH), result(HA), True),
    ("level_changed", result(HA), result(TA), True),
    ("acute_same_underlying", result(ACUTE, TAMH), result(ACUTE, TAMH), False),
    ("acute_underlying_changed", result(ACUTE, TAMH), result(ACUTE, HAMH), True),
    ("acute_ended_same_code_as_underlying", result(ACUTE, TAMH), result(TAMH), True),
    ("into_acute", result(TAMH), result(ACUTE, TAMH), True),
]


@pytest.mark.parametrize(
    ("previous", "current", "changed"),
    [c[1:] for c in CATEGORY_CASES],
    ids=[c[0] for c in CATEGORY_CASES],
)
def test_category_changed(previous, current, changed):
    assert category_changed(previous, current) is changed


def test_category_changed_takes_results_as_well_as_json():
    before = categorise(visit(date(2026, 8, 1), regular_training=True, tandem_seconds=30.0))
    after = categorise(
        visit(
            date(2026, 11, 1),
            regular_training=True,
            tandem_seconds=30.0,
            t_scores=TScores(forearm=-3.1),
        )
    )
    assert (before.category, after.category) == (TA, TAMH)
    assert category_changed(before, after) is True
    assert category_changed(before, result_to_json(before)) is False
    assert category_changed(result_to_json(after), after) is False
