"""The §5 JSON of an assessment's inputs and of its categorisation result.

A result is written and read in the shape of its own ruleset: a DK-2026.1 result (stored
before DK-2026.2) has no `bmi`, `fes_i_level` or `next_reassessment_due`, and reads back with
them None and writes back without them, so a stored record round-trips unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from osteoactive.domain.categories import Category

from .inputs import AssessmentInput
from .measures import exact
from .parsing import parse_assessment
from .result import RULESET_DK_2026_1, CategorisationResult
from .vocabulary import BoneStatus, FallRisk, FesILevel, RiskFactor, TScoreSite

RESULT_FIELDS_SINCE_DK_2026_2 = ("bmi", "fes_i_level", "next_reassessment_due")


def assessment_to_json(inp: AssessmentInput) -> dict[str, Any]:
    """The §5 JSON of an input; `parse_assessment` reads it back to an equal value."""
    data: dict[str, Any] = {}
    for f in fields(inp):
        value = getattr(inp, f.name)
        if isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, StrEnum):
            value = value.value
        elif isinstance(value, tuple):
            value = list(value)
        data[f.name] = value
    data["t_scores"] = {site.value: inp.t_scores.get(site) for site in TScoreSite}
    data["fractures"] = [
        {"site": f.site.value, "date": f.date.isoformat(), "low_energy": f.low_energy}
        for f in inp.fractures
    ]
    data["risk_factors"] = [r.value for r in RiskFactor if r in inp.risk_factors]
    return data


def input_from_json(data: Mapping[str, Any]) -> AssessmentInput:
    """Stored §5 inputs read back (e.g. to compare two assessments), checked as when they were
    saved, against their own assessment date; raises InputError if they are not valid."""
    try:
        recorded_on = date.fromisoformat(data["assessment_date"])
    except (KeyError, TypeError, ValueError):
        recorded_on = date.max  # parse_assessment then reports the date itself
    return parse_assessment(data, today=recorded_on)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def result_to_json(result: CategorisationResult) -> dict[str, Any]:
    """The §5 result JSON of the result's ruleset, exactly its keys; dates ISO, the BMI a
    number with one decimal, null where none."""
    data = {
        "ruleset": result.ruleset,
        "category": result.category.value,
        "underlying_category": result.underlying_category.value
        if result.underlying_category
        else None,
        "acute_phase_ends": _iso(result.acute_phase_ends),
        "rules": list(result.rules),
        "explanations": {rule: dict(text) for rule, text in result.explanations.items()},
        "fall_risk": result.fall_risk.value,
        "fall_prevention_focus": result.fall_prevention_focus,
        "bone_status": result.bone_status.value,
        "warnings": list(result.warnings),
    }
    if result.ruleset != RULESET_DK_2026_1:
        data["bmi"] = float(result.bmi) if result.bmi is not None else None
        data["fes_i_level"] = result.fes_i_level.value if result.fes_i_level else None
        data["next_reassessment_due"] = _iso(result.next_reassessment_due)
    return data


def _bmi(value: Any) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise ValueError(f"Not a BMI: {value!r}")
    return exact(value)


def result_from_json(data: Mapping[str, Any]) -> CategorisationResult:
    """Read a §5 result back (e.g. a stored one); raises ValueError if malformed.

    The DK-2026.2 fields are required (null allowed) except in a DK-2026.1 result, which
    predates them.
    """
    try:
        ruleset = str(data["ruleset"])
        if ruleset == RULESET_DK_2026_1:
            added = {key: data.get(key) for key in RESULT_FIELDS_SINCE_DK_2026_2}
        else:
            added = {key: data[key] for key in RESULT_FIELDS_SINCE_DK_2026_2}
        underlying = data["underlying_category"]
        ends = data["acute_phase_ends"]
        due = added["next_reassessment_due"]
        return CategorisationResult(
            ruleset=ruleset,
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
            bmi=_bmi(added["bmi"]),
            fes_i_level=FesILevel(added["fes_i_level"]) if added["fes_i_level"] else None,
            next_reassessment_due=date.fromisoformat(due) if due is not None else None,
        )
    except (KeyError, TypeError, AttributeError) as problem:
        raise ValueError(f"Not a categorisation result: {problem!r}") from problem
