"""The §5 JSON of an assessment's inputs and of its categorisation result."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from datetime import date
from enum import StrEnum
from typing import Any

from osteoactive.domain.categories import Category

from .inputs import AssessmentInput
from .result import CategorisationResult
from .vocabulary import BoneStatus, FallRisk, RiskFactor, TScoreSite


def assessment_to_json(inp: AssessmentInput) -> dict[str, Any]:
    """The §5 JSON of an input; `parse_assessment` reads it back to an equal value."""
    data: dict[str, Any] = {}
    for f in fields(inp):
        value = getattr(inp, f.name)
        if isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, StrEnum):
            value = value.value
        data[f.name] = value
    data["t_scores"] = {site.value: inp.t_scores.get(site) for site in TScoreSite}
    data["fractures"] = [
        {"site": f.site.value, "date": f.date.isoformat(), "low_energy": f.low_energy}
        for f in inp.fractures
    ]
    data["risk_factors"] = [r.value for r in RiskFactor if r in inp.risk_factors]
    return data


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
