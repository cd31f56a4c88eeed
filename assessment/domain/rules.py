"""Categorisation of an assessment (domain.md §4): the rules and their thresholds.

Pure: the same inputs always give the same result, so a stored assessment can be
re-categorised and a result explained rule by rule (`explanations` words each rule that fired
with the patient's own values).

Choices where §4 is silent, as a careful Danish physiotherapist would expect:
- Only a low-energy fracture counts (A1, C1–C3, bone status); a fracture from high-energy
  trauma says nothing about bone strength.
- Not recorded counts as "no" for walking aid, ADL help, sedentary and regular training,
  and as 0 falls / no injurious fall for fall risk (W5 says so); a missing TUG, 5xSTS or
  tandem stance does not raise fall risk (W3 says what is missing instead).
- The warnings (W1–W7) are in `warning_rules`, with their own choices.
- C rules are evaluated in the acute phase too, for the underlying category.
- A qualifying vertebral or hip fracture is itself a qualifying fracture, so on its own it
  gives `severe_osteoporosis` (clinical diagnosis plus a fragility fracture), whatever the
  T-score.
"""

from __future__ import annotations

import calendar
from datetime import date

from osteoactive.domain.categories import Category

from . import explanations as explain
from .follow_up import next_reassessment_due
from .inputs import AssessmentInput, Fracture
from .result import RULESET, CategorisationResult
from .vocabulary import BoneStatus, FallRisk, FractureSite, WalkingAid
from .warning_rules import warnings

ACUTE_PHASE_MONTHS = 6
TUG_LIMITED_ABOVE = 20.0
TUG_TRAINING_MAX = 12.0
TANDEM_TRAINING_MIN = 10.0
T_MIN_PRECAUTION = -3.0
FALL_TUG_ABOVE = 13.5
FALL_STS5_ABOVE = 15.0
FALL_TANDEM_BELOW = 10.0


def add_months(d: date, n: int) -> date:
    """The same day n calendar months later, clamped to the month's last day (05-31 → 11-30)."""
    index = d.month - 1 + n
    year, month = d.year + index // 12, index % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def sts5_age_norm(age: int) -> float:
    """Upper normal 5xSTS time for the age group (Bohannon 2006)."""
    if age < 70:
        return 11.4
    if age < 80:
        return 12.6
    return 14.8


def qualifying_fractures(inp: AssessmentInput, *sites: FractureSite) -> list[Fracture]:
    """The low-energy fractures (at the given sites, or any), oldest first."""
    return sorted(
        (f for f in inp.fractures if f.qualifying and (not sites or f.site in sites)),
        key=lambda f: f.date,
    )


def fall_risk(inp: AssessmentInput) -> FallRisk:
    falls = inp.falls_last_12_months or 0
    if falls >= 2 or inp.injurious_fall:
        return FallRisk.HIGH
    if (
        falls == 1
        or inp.tug_unable
        or (inp.tug_seconds is not None and inp.tug_seconds > FALL_TUG_ABOVE)
        or inp.sts5_unable
        or (inp.sts5_seconds is not None and inp.sts5_seconds > FALL_STS5_ABOVE)
        or (inp.tandem_seconds is not None and inp.tandem_seconds < FALL_TANDEM_BELOW)
    ):
        return FallRisk.INTERMEDIATE
    return FallRisk.LOW


def bone_status(inp: AssessmentInput, t_min: float | None) -> BoneStatus:
    diagnostic = bool(qualifying_fractures(inp, FractureSite.VERTEBRAL, FractureSite.HIP))
    if t_min is None and not diagnostic:
        return BoneStatus.UNKNOWN
    if diagnostic or (t_min is not None and t_min <= -2.5):
        if qualifying_fractures(inp):
            return BoneStatus.SEVERE_OSTEOPOROSIS
        return BoneStatus.OSTEOPOROSIS
    if t_min < -1.0:
        return BoneStatus.OSTEOPENIA
    return BoneStatus.NORMAL


def missing_tests(inp: AssessmentInput) -> tuple[str, ...]:
    """The function tests recorded neither as a time nor as "unable"."""
    missing = []
    if inp.tug_seconds is None and not inp.tug_unable:
        missing.append("tug_seconds")
    if inp.sts5_seconds is None and not inp.sts5_unable:
        missing.append("sts5_seconds")
    if inp.tandem_seconds is None:
        missing.append("tandem_seconds")
    return tuple(missing)


def acute_phase(inp: AssessmentInput) -> tuple[Fracture, date] | None:
    """A1: the latest qualifying vertebral or hip fracture whose six months end after the day."""
    acute = [
        (f, end)
        for f in qualifying_fractures(inp, FractureSite.VERTEBRAL, FractureSite.HIP)
        if (end := add_months(f.date, ACUTE_PHASE_MONTHS)) > inp.assessment_date
    ]
    return max(acute, key=lambda pair: pair[1]) if acute else None


def _b3_criteria(inp: AssessmentInput, age: int, risk: FallRisk) -> list[explain.Criterion]:
    """Each B3 criterion with the patient's value and whether it is met."""
    return [
        explain.Criterion("training", inp.regular_training, bool(inp.regular_training)),
        explain.Criterion(
            "tug",
            inp.tug_seconds,
            inp.tug_seconds is not None and inp.tug_seconds <= TUG_TRAINING_MAX,
            TUG_TRAINING_MAX,
        ),
        explain.Criterion(
            "sts5",
            inp.sts5_seconds,
            inp.sts5_seconds is not None and inp.sts5_seconds <= sts5_age_norm(age),
            sts5_age_norm(age),
            age,
        ),
        explain.Criterion(
            "tandem",
            inp.tandem_seconds,
            inp.tandem_seconds is not None and inp.tandem_seconds >= TANDEM_TRAINING_MIN,
            TANDEM_TRAINING_MIN,
        ),
        explain.Criterion("fall_risk", risk, risk is not FallRisk.HIGH),
    ]


def function_level(inp: AssessmentInput, age: int, risk: FallRisk) -> tuple[str, str, dict]:
    """B1–B4, first match wins: (rule id, level, explanation)."""
    aid = inp.walking_aid if inp.walking_aid not in (None, WalkingAid.NONE) else None
    if aid or inp.needs_adl_help or inp.sedentary_due_to_disease:
        return "B1", "limited", explain.b1(aid, inp.needs_adl_help, inp.sedentary_due_to_disease)
    tug_over = inp.tug_seconds is not None and inp.tug_seconds > TUG_LIMITED_ABOVE
    if inp.tug_unable or tug_over or inp.sts5_unable:
        tug = inp.tug_seconds if tug_over else None
        return "B2", "limited", explain.b2(inp.tug_unable, tug, TUG_LIMITED_ABOVE, inp.sts5_unable)
    criteria = _b3_criteria(inp, age, risk)
    if all(criterion.met for criterion in criteria):
        return "B3", "training", explain.b3(criteria)
    return "B4", "daily", explain.b4(criteria)


def precautions(inp: AssessmentInput, t_min: float | None) -> list[tuple[str, dict]]:
    """C1–C4, each that fires with its explanation."""
    fired = []
    for rule, site in (("C1", FractureSite.VERTEBRAL), ("C2", FractureSite.HIP)):
        if found := qualifying_fractures(inp, site):
            fired.append((rule, explain.c1_c2(site, found)))
    qualifying = qualifying_fractures(inp)
    if len(qualifying) >= 2:
        fired.append(("C3", explain.c3(qualifying)))
    if t_min is not None and t_min <= T_MIN_PRECAUTION:
        site = next(s for s, v in inp.t_scores.recorded() if v == t_min)
        fired.append(("C4", explain.c4(t_min, site, T_MIN_PRECAUTION)))
    return fired


_COMBINE = {
    ("limited", False): Category.FUNKTIONSBEGRAENSET,
    ("daily", False): Category.HVERDAGSAKTIV,
    ("daily", True): Category.HVERDAGSAKTIV_MED_HENSYN,
    ("training", False): Category.TRAENINGSAKTIV,
    ("training", True): Category.TRAENINGSAKTIV_MED_HENSYN,
}


def categorise(inp: AssessmentInput) -> CategorisationResult:
    """Apply A1, B1–B4, C1–C4 and D of §4, plus fall risk, bone status, the warnings W1–W7,
    BMI, the Short FES-I level and the next reassessment date (§4b), under `RULESET`."""
    age = inp.age
    t_min = inp.t_scores.minimum
    risk = fall_risk(inp)
    bone = bone_status(inp, t_min)
    missing = missing_tests(inp)

    b_rule, level, b_text = function_level(inp, age, risk)
    fired = [(b_rule, b_text)]
    if level != "limited":
        fired += precautions(inp, t_min)
    category = _COMBINE[(level, len(fired) > 1)]

    underlying = None
    ends = None
    if acute := acute_phase(inp):
        fracture, ends = acute
        fired.insert(0, ("A1", explain.a1(fracture, ends, inp.assessment_date)))
        underlying, category = category, Category.AKUTFASE

    warning_texts = warnings(inp, age, bone, missing)
    return CategorisationResult(
        ruleset=RULESET,
        category=category,
        underlying_category=underlying,
        acute_phase_ends=ends,
        rules=tuple(rule for rule, _ in fired),
        explanations=dict(fired),
        fall_risk=risk,
        fall_prevention_focus=risk is not FallRisk.LOW,
        bone_status=bone,
        warnings=tuple(warning_texts),
        bmi=inp.bmi,
        fes_i_level=inp.fes_i_level,
        next_reassessment_due=next_reassessment_due(
            inp.assessment_date, acute_phase_ends=ends, warnings=warning_texts
        ),
        warning_texts=warning_texts,
        t_min=t_min,
        age=age,
        missing_tests=missing,
    )
