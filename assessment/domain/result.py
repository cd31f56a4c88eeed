"""The categorisation result (domain.md §5): what the rules decided and why."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from osteoactive.domain.categories import Category
from osteoactive.domain.languages import Text

from .vocabulary import BoneStatus, FallRisk

RULESET = "DK-2026.1"
"""The ruleset new assessments are categorised under; stored results keep their own."""


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
