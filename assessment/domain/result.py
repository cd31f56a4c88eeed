"""The categorisation result (domain.md §5): what the rules decided and why."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from osteoactive.domain.categories import Category
from osteoactive.domain.languages import Text

from .vocabulary import BoneStatus, FallRisk, FesILevel

RULESET = "DK-2026.2"
"""The ruleset new assessments are categorised under; stored results keep their own."""

RULESET_DK_2026_1 = "DK-2026.1"
"""The first ruleset: its stored results have no `bmi`, `fes_i_level` or
`next_reassessment_due`, and no W5–W7."""

RED_FLAG_WARNINGS = ("W6",)
"""Warnings shown at the top of the result, the program page and the worklist (§4 W6)."""


@dataclass(frozen=True)
class CategorisationResult:
    """The suggestion of §4 with its reasons.

    The fields up to `next_reassessment_due` are the §5 result JSON (the last three are new in
    DK-2026.2 and None in a DK-2026.1 result read back). `warning_texts`, `t_min`, `age` and
    `missing_tests` are for display only; they are not in the JSON and come back empty from
    `result_from_json` (the service stores them beside the result as `result_details`).
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
    bmi: Decimal | None = None
    fes_i_level: FesILevel | None = None
    next_reassessment_due: date | None = None
    warning_texts: dict[str, Text] = field(default_factory=dict)
    t_min: float | None = None
    age: int | None = None
    missing_tests: tuple[str, ...] = ()

    @property
    def red_flags(self) -> tuple[str, ...]:
        """The red-flag warnings that fired (W6), for the top of every page that shows them."""
        return tuple(w for w in self.warnings if w in RED_FLAG_WARNINGS)
