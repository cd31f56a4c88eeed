"""Categorisation of an assessment (domain.md §4, ruleset DK-2026.1).

Pure code: the same inputs always give the same result, so a stored assessment can be
re-categorised and a result can be explained rule by rule. Every rule that fired comes with
one sentence in Danish and English that names the patient's own values.

Choices where §4 is silent, as a careful Danish physiotherapist would expect:
- Only a low-energy fracture counts (A1, C1–C3, bone status); a fracture from high-energy
  trauma says nothing about bone strength.
- Not recorded counts as "no" for walking aid, ADL help, sedentary and regular training,
  and as 0 falls / no injurious fall for fall risk; a missing TUG, 5xSTS or tandem stance
  does not raise fall risk (W3 says what is missing instead).
- W3 fires whenever a test is missing, also when B1 or B2 already decided the level: the
  tests are still needed for fall risk and for follow-up.
- W2 names the risk factors that were ticked.
- C rules are evaluated in the acute phase too, for the underlying category.
- A qualifying vertebral or hip fracture is itself a qualifying fracture, so on its own it
  gives `severe_osteoporosis` (clinical diagnosis plus a fragility fracture), whatever the
  T-score.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from assessment.categories import RULESET, Category
from assessment.inputs import (
    AssessmentInput,
    Fracture,
    FractureSite,
    RiskFactor,
    WalkingAid,
    in_sentence,
)

Text = dict[str, str]
"""One sentence in both languages: {"da": ..., "en": ...}."""

ACUTE_PHASE_MONTHS = 6
TUG_LIMITED_ABOVE = 20.0
TUG_TRAINING_MAX = 12.0
TANDEM_TRAINING_MIN = 10.0
T_MIN_PRECAUTION = -3.0
FALL_TUG_ABOVE = 13.5
FALL_STS5_ABOVE = 15.0
FALL_TANDEM_BELOW = 10.0
T_SCORE_VALIDATED_FROM_AGE = 50
PAIN_WARNING_FROM = 7

MISSING_TEST_NAMES = {
    "tug_seconds": ("TUG", "TUG"),
    "sts5_seconds": ("5xSTS", "5xSTS"),
    "tandem_seconds": ("tandemstand", "tandem stance"),
}


class FallRisk(StrEnum):
    HIGH = "high"
    INTERMEDIATE = "intermediate"
    LOW = "low"

    @property
    def label_da(self) -> str:
        return {"high": "Høj", "intermediate": "Moderat", "low": "Lav"}[self.value]

    @property
    def label_en(self) -> str:
        return {"high": "High", "intermediate": "Intermediate", "low": "Low"}[self.value]

    def label(self, language: str) -> str:
        return self.label_en if language == "en" else self.label_da


class BoneStatus(StrEnum):
    NORMAL = "normal"
    OSTEOPENIA = "osteopenia"
    OSTEOPOROSIS = "osteoporosis"
    SEVERE_OSTEOPOROSIS = "severe_osteoporosis"
    UNKNOWN = "unknown"

    @property
    def label_da(self) -> str:
        return _BONE_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _BONE_LABELS[self][1]

    def label(self, language: str) -> str:
        return self.label_en if language == "en" else self.label_da


_BONE_LABELS = {
    BoneStatus.NORMAL: ("Normal", "Normal"),
    BoneStatus.OSTEOPENIA: ("Osteopeni", "Osteopenia"),
    BoneStatus.OSTEOPOROSIS: ("Osteoporose", "Osteoporosis"),
    BoneStatus.SEVERE_OSTEOPOROSIS: ("Svær osteoporose", "Severe osteoporosis"),
    BoneStatus.UNKNOWN: ("Ukendt", "Unknown"),
}


@dataclass(frozen=True)
class CategorisationResult:
    """The suggestion of §4 with its reasons.

    The first ten fields are the §5 result JSON. `warning_texts`, `t_min`, `age` and
    `missing_tests` are for display only; they are not in the JSON and come back empty
    from `result_from_json`.
    """

    ruleset: str
    category: Category
    underlying_category: Category | None
    acute_phase_ends: date | None
    rules: tuple[str, ...]
    explanations: dict[str, Text]
    fall_risk: FallRisk
    fall_prevention_focus: bool
    bone_status: BoneStatus
    warnings: tuple[str, ...]
    warning_texts: dict[str, Text] = field(default_factory=dict)
    t_min: float | None = None
    age: int | None = None
    missing_tests: tuple[str, ...] = ()


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


def _norm_group(age: int) -> Text:
    if age < 70:
        return {"da": "norm for under 70 år", "en": "norm for age under 70"}
    if age < 80:
        return {"da": "norm for 70–79 år", "en": "norm for age 70–79"}
    return {"da": "norm for 80 år og derover", "en": "norm for age 80 and over"}


_MONTHS_DA = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)


def _date_da(d: date) -> str:
    return f"{d.day}. {_MONTHS_DA[d.month - 1]} {d.year}"


def _date_en(d: date) -> str:
    return f"{d.day} {calendar.month_name[d.month]} {d.year}"


def _s(value: float) -> Text:
    """Seconds with one decimal; Danish uses a decimal comma."""
    return {"da": f"{value:.1f}".replace(".", ",") + " s", "en": f"{value:.1f} s"}


def _t(value: float) -> Text:
    return {"da": f"{value:.1f}".replace(".", ","), "en": f"{value:.1f}"}


def _join(parts: list[Text]) -> Text:
    def join(items: list[str], word: str) -> str:
        return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {word} " + items[-1]

    return {
        "da": join([p["da"] for p in parts], "og"),
        "en": join([p["en"] for p in parts], "and"),
    }


def _qualifying(inp: AssessmentInput, *sites: FractureSite) -> list[Fracture]:
    return sorted(
        (f for f in inp.fractures if f.qualifying and (not sites or f.site in sites)),
        key=lambda f: f.date,
    )


def _fall_risk(inp: AssessmentInput) -> FallRisk:
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


def _bone_status(inp: AssessmentInput, t_min: float | None) -> BoneStatus:
    diagnostic = bool(_qualifying(inp, FractureSite.VERTEBRAL, FractureSite.HIP))
    if t_min is None and not diagnostic:
        return BoneStatus.UNKNOWN
    if diagnostic or (t_min is not None and t_min <= -2.5):
        if _qualifying(inp):
            return BoneStatus.SEVERE_OSTEOPOROSIS
        return BoneStatus.OSTEOPOROSIS
    if t_min < -1.0:
        return BoneStatus.OSTEOPENIA
    return BoneStatus.NORMAL


def _missing_tests(inp: AssessmentInput) -> tuple[str, ...]:
    missing = []
    if inp.tug_seconds is None and not inp.tug_unable:
        missing.append("tug_seconds")
    if inp.sts5_seconds is None and not inp.sts5_unable:
        missing.append("sts5_seconds")
    if inp.tandem_seconds is None:
        missing.append("tandem_seconds")
    return tuple(missing)


def _acute_phase(inp: AssessmentInput) -> tuple[Fracture, date] | None:
    """A1: the latest qualifying vertebral or hip fracture whose six months end after the day."""
    acute = [
        (f, end)
        for f in _qualifying(inp, FractureSite.VERTEBRAL, FractureSite.HIP)
        if (end := add_months(f.date, ACUTE_PHASE_MONTHS)) > inp.assessment_date
    ]
    return max(acute, key=lambda pair: pair[1]) if acute else None


_ACUTE_FRACTURE = {
    FractureSite.VERTEBRAL: {
        "da": "lavenergibrud af en ryghvirvel",
        "en": "low-energy vertebral fracture",
    },
    FractureSite.HIP: {"da": "lavenergibrud af hoften", "en": "low-energy hip fracture"},
}


def _explain_a1(inp: AssessmentInput, fracture: Fracture, end: date) -> Text:
    what = _ACUTE_FRACTURE[fracture.site]
    return {
        "da": f"Akutfase: {what['da']} den {_date_da(fracture.date)}; seks måneder efter er "
        f"{_date_da(end)}, som ligger efter undersøgelsesdatoen {_date_da(inp.assessment_date)}.",
        "en": f"Acute phase: {what['en']} on {_date_en(fracture.date)}; six months later is "
        f"{_date_en(end)}, which is after the assessment date {_date_en(inp.assessment_date)}.",
    }


def _b1_reasons(inp: AssessmentInput) -> list[Text]:
    reasons = []
    if inp.walking_aid not in (None, WalkingAid.NONE):
        aid = inp.walking_aid
        reasons.append(
            {
                "da": f"bruger ganghjælpemiddel ({in_sentence(aid.label_da)})",
                "en": f"uses a walking aid ({in_sentence(aid.label_en)})",
            }
        )
    if inp.needs_adl_help:
        reasons.append(
            {
                "da": "har brug for hjælp til daglige aktiviteter (ADL)",
                "en": "needs help with daily activities (ADL)",
            }
        )
    if inp.sedentary_due_to_disease:
        reasons.append(
            {
                "da": "er meget stillesiddende på grund af kronisk sygdom",
                "en": "is very sedentary because of chronic disease",
            }
        )
    return reasons


def _b2_reasons(inp: AssessmentInput) -> list[Text]:
    reasons = []
    if inp.tug_unable:
        reasons.append({"da": "TUG kunne ikke gennemføres", "en": "TUG could not be completed"})
    elif inp.tug_seconds is not None and inp.tug_seconds > TUG_LIMITED_ABOVE:
        tug, limit = _s(inp.tug_seconds), _s(TUG_LIMITED_ABOVE)
        reasons.append(
            {"da": f"TUG {tug['da']} > {limit['da']}", "en": f"TUG {tug['en']} > {limit['en']}"}
        )
    if inp.sts5_unable:
        reasons.append(
            {
                "da": "5xSTS kunne ikke gennemføres uden brug af armene",
                "en": "5xSTS could not be done without using the arms",
            }
        )
    return reasons


def _b3_checks(
    inp: AssessmentInput, age: int, fall_risk: FallRisk
) -> tuple[list[Text], list[Text]]:
    """The B3 criteria as (met, not met), each with the patient's values."""
    met: list[Text] = []
    unmet: list[Text] = []

    if inp.regular_training:
        met.append({"da": "træner regelmæssigt", "en": "trains regularly"})
    elif inp.regular_training is None:
        unmet.append(
            {
                "da": "regelmæssig træning er ikke registreret",
                "en": "regular training is not recorded",
            }
        )
    else:
        unmet.append(
            {
                "da": "træner ikke regelmæssigt (≥ 2 gange om ugen i ≥ 3 måneder)",
                "en": "does not train regularly (≥ 2×/week for ≥ 3 months)",
            }
        )

    norm = sts5_age_norm(age)
    group = _norm_group(age)
    tests = (
        ("TUG", "TUG", inp.tug_seconds, TUG_TRAINING_MAX, "≤", ">", None),
        ("5xSTS", "5xSTS", inp.sts5_seconds, norm, "≤", ">", group),
        ("tandemstand", "tandem stance", inp.tandem_seconds, TANDEM_TRAINING_MIN, "≥", "<", None),
    )
    for name_da, name_en, value, limit, ok_sign, bad_sign, note in tests:
        if value is None:
            unmet.append(
                {"da": f"{name_da} er ikke registreret", "en": f"{name_en} is not recorded"}
            )
            continue
        ok = value <= limit if ok_sign == "≤" else value >= limit
        sign = ok_sign if ok else bad_sign
        v, lim = _s(value), _s(limit)
        text = {
            "da": f"{name_da} {v['da']} {sign} {lim['da']}",
            "en": f"{name_en} {v['en']} {sign} {lim['en']}",
        }
        if note:
            text = {lang: f"{text[lang]} ({note[lang]})" for lang in text}
        (met if ok else unmet).append(text)

    if fall_risk is FallRisk.HIGH:
        unmet.append({"da": "faldrisikoen er høj", "en": "fall risk is high"})
    else:
        met.append({"da": "faldrisikoen er ikke høj", "en": "fall risk is not high"})
    return met, unmet


def _function_level(inp: AssessmentInput, age: int, fall_risk: FallRisk) -> tuple[str, str, Text]:
    """B1–B4, first match wins: (rule id, level, explanation)."""
    if reasons := _b1_reasons(inp):
        joined = _join(reasons)
        return (
            "B1",
            "limited",
            {
                "da": f"Funktionsbegrænset, fordi patienten {joined['da']}.",
                "en": f"Functionally limited because the patient {joined['en']}.",
            },
        )
    if reasons := _b2_reasons(inp):
        joined = _join(reasons)
        return (
            "B2",
            "limited",
            {
                "da": f"Funktionsbegrænset, fordi {joined['da']}.",
                "en": f"Functionally limited because {joined['en']}.",
            },
        )
    met, unmet = _b3_checks(inp, age, fall_risk)
    if not unmet:
        joined = _join(met)
        return (
            "B3",
            "training",
            {
                "da": f"Træningsaktivt niveau: patienten {joined['da']}.",
                "en": f"Exercising level: the patient {joined['en']}.",
            },
        )
    joined = _join(unmet)
    return (
        "B4",
        "daily",
        {
            "da": "Hverdagsaktivt niveau, fordi kriterierne for træningsaktiv (B3) ikke er "
            f"opfyldt: {joined['da']}.",
            "en": f"Active-in-daily-life level because the exercising criteria (B3) are not met: "
            f"{joined['en']}.",
        },
    )


def _fracture_list(fractures: list[Fracture], with_site: bool) -> Text:
    parts = []
    for f in fractures:
        da, en = _date_da(f.date), _date_en(f.date)
        if with_site:
            da = f"{in_sentence(f.site.label_da)} {da}"
            en = f"{in_sentence(f.site.label_en)} {en}"
        parts.append({"da": da, "en": en})
    return _join(parts)


def _precautions(inp: AssessmentInput, t_min: float | None) -> list[tuple[str, Text]]:
    """C1–C4, each that fires with its explanation."""
    fired = []
    for rule, site in (("C1", FractureSite.VERTEBRAL), ("C2", FractureSite.HIP)):
        if found := _qualifying(inp, site):
            what = _ACUTE_FRACTURE[site]
            when = _fracture_list(found, with_site=False)
            fired.append(
                (
                    rule,
                    {
                        "da": f"Med hensyn: {what['da']} ({when['da']}).",
                        "en": f"With precautions: {what['en']} ({when['en']}).",
                    },
                )
            )
    qualifying = _qualifying(inp)
    if len(qualifying) >= 2:
        listed = _fracture_list(qualifying, with_site=True)
        fired.append(
            (
                "C3",
                {
                    "da": f"Med hensyn: {len(qualifying)} lavenergibrud ({listed['da']}).",
                    "en": f"With precautions: {len(qualifying)} low-energy fractures "
                    f"({listed['en']}).",
                },
            )
        )
    if t_min is not None and t_min <= T_MIN_PRECAUTION:
        site = next(s for s, v in inp.t_scores.recorded() if v == t_min)
        value, limit = _t(t_min), _t(T_MIN_PRECAUTION)
        fired.append(
            (
                "C4",
                {
                    "da": f"Med hensyn: den laveste T-score, {value['da']} ved "
                    f"{in_sentence(site.label_da)}, er ≤ {limit['da']}.",
                    "en": f"With precautions: the lowest T-score, {value['en']} at "
                    f"{in_sentence(site.label_en)}, is ≤ {limit['en']}.",
                },
            )
        )
    return fired


_COMBINE = {
    ("limited", False): Category.FUNKTIONSBEGRAENSET,
    ("daily", False): Category.HVERDAGSAKTIV,
    ("daily", True): Category.HVERDAGSAKTIV_MED_HENSYN,
    ("training", False): Category.TRAENINGSAKTIV,
    ("training", True): Category.TRAENINGSAKTIV_MED_HENSYN,
}


def _warnings(
    inp: AssessmentInput, age: int, bone: BoneStatus, missing: tuple[str, ...]
) -> dict[str, Text]:
    texts: dict[str, Text] = {}
    if age < T_SCORE_VALIDATED_FROM_AGE:
        texts["W1"] = {
            "da": f"Patienten er {age} år: T-score-kriterierne er valideret fra 50 år, og under "
            "50 år bruges normalt Z-score.",
            "en": f"The patient is {age}: T-score criteria are validated from age 50, and "
            "Z-scores are usual below 50.",
        }
    if inp.risk_factors and bone in (BoneStatus.UNKNOWN, BoneStatus.NORMAL, BoneStatus.OSTEOPENIA):
        factors = [r for r in RiskFactor if r in inp.risk_factors]
        listed = _join(
            [{"da": in_sentence(r.label_da), "en": in_sentence(r.label_en)} for r in factors]
        )
        texts["W2"] = {
            "da": f"Knoglestatus er {in_sentence(bone.label_da)}, og der er risikofaktorer "
            f"({listed['da']}): overvej henvisning til egen læge med henblik på "
            "osteoporoseudredning (DXA).",
            "en": f"Bone status is {in_sentence(bone.label_en)} and risk factors are ticked "
            f"({listed['en']}): consider referral to the patient's GP for an osteoporosis "
            "work-up (DXA).",
        }
    if missing:
        names = _join(
            [{"da": MISSING_TEST_NAMES[m][0], "en": MISSING_TEST_NAMES[m][1]} for m in missing]
        )
        verb = "was" if len(missing) == 1 else "were"
        da = names["da"][0].upper() + names["da"][1:]
        texts["W3"] = {
            "da": f"{da} er ikke registreret, så kriterierne for træningsaktiv (B3) kunne ikke "
            "vurderes.",
            "en": f"{names['en'][0].upper() + names['en'][1:]} {verb} not recorded, so the "
            "exercising criteria (B3) could not be assessed.",
        }
    if inp.pain_nrs is not None and inp.pain_nrs >= PAIN_WARNING_FROM:
        texts["W4"] = {
            "da": f"Smerte NRS {inp.pain_nrs} ≥ 7: tilpas programmet og revurder.",
            "en": f"Pain NRS {inp.pain_nrs} ≥ 7: adjust the program and reassess.",
        }
    return texts


def categorise(inp: AssessmentInput) -> CategorisationResult:
    """Apply A1, B1–B4, C1–C4 and D of §4, plus fall risk, bone status and warnings."""
    age = inp.age
    t_min = inp.t_scores.minimum
    fall_risk = _fall_risk(inp)
    bone = _bone_status(inp, t_min)
    missing = _missing_tests(inp)

    b_rule, level, b_text = _function_level(inp, age, fall_risk)
    fired = [(b_rule, b_text)]
    if level != "limited":
        fired += _precautions(inp, t_min)
    category = _COMBINE[(level, len(fired) > 1)]

    underlying = None
    ends = None
    if acute := _acute_phase(inp):
        fracture, ends = acute
        fired.insert(0, ("A1", _explain_a1(inp, fracture, ends)))
        underlying, category = category, Category.AKUTFASE

    warning_texts = _warnings(inp, age, bone, missing)
    return CategorisationResult(
        ruleset=RULESET,
        category=category,
        underlying_category=underlying,
        acute_phase_ends=ends,
        rules=tuple(rule for rule, _ in fired),
        explanations=dict(fired),
        fall_risk=fall_risk,
        fall_prevention_focus=fall_risk is not FallRisk.LOW,
        bone_status=bone,
        warnings=tuple(warning_texts),
        warning_texts=warning_texts,
        t_min=t_min,
        age=age,
        missing_tests=missing,
    )


def result_to_json(result: CategorisationResult) -> dict[str, Any]:
    """The §5 result JSON, exactly its keys; dates ISO, null where none."""
    return {
        "ruleset": result.ruleset,
        "category": result.category.value,
        "underlying_category": result.underlying_category.value
        if result.underlying_category
        else None,
        "acute_phase_ends": result.acute_phase_ends.isoformat()
        if result.acute_phase_ends
        else None,
        "rules": list(result.rules),
        "explanations": {rule: dict(text) for rule, text in result.explanations.items()},
        "fall_risk": result.fall_risk.value,
        "fall_prevention_focus": result.fall_prevention_focus,
        "bone_status": result.bone_status.value,
        "warnings": list(result.warnings),
    }


def result_from_json(data: Mapping[str, Any]) -> CategorisationResult:
    """Read a §5 result back (e.g. for the program generator); raises ValueError if malformed."""
    try:
        underlying = data["underlying_category"]
        ends = data["acute_phase_ends"]
        return CategorisationResult(
            ruleset=str(data["ruleset"]),
            category=Category(data["category"]),
            underlying_category=Category(underlying) if underlying is not None else None,
            acute_phase_ends=date.fromisoformat(ends) if ends is not None else None,
            rules=tuple(str(rule) for rule in data["rules"]),
            explanations={
                str(rule): {"da": str(text["da"]), "en": str(text["en"])}
                for rule, text in data["explanations"].items()
            },
            fall_risk=FallRisk(data["fall_risk"]),
            fall_prevention_focus=bool(data["fall_prevention_focus"]),
            bone_status=BoneStatus(data["bone_status"]),
            warnings=tuple(str(w) for w in data["warnings"]),
        )
    except (KeyError, TypeError, AttributeError) as problem:
        raise ValueError(f"Not a categorisation result: {problem!r}") from problem
