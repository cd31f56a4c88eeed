"""The patient over time (domain.md §4b): when to reassess, what a reassessment starts from,
and whether a new assessment changed the category. Pure; meaningful change of the test
values is in `change`.

Choices where §4b is silent:
- Carry-forward works on the stored §5 input JSON (what `Assessment.inputs` holds), so it
  reads DK-2026.1 inputs as well; a field the previous assessment did not record is left out
  rather than carried as empty, and T-score sites without a value are dropped.
- The tandem protocol ceiling (`tandem_max_seconds`) belongs to the tandem test, so it is
  measured anew with it; the assessment date is new each time, and birth date and sex come
  from the patient record, so these three are in neither list.
- A result read back from a DK-2026.1 record has no `next_reassessment_due`; the worklist can
  compute it with `next_reassessment_due(assessment_date, acute_phase_ends=…, warnings=…)`
  from the stored result, which gives what §4b gives (DK-2026.1 had no W6).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any

from .result import CategorisationResult

REASSESS_WITHIN = timedelta(days=84)
"""12 weeks: the latest a reassessment is due."""

REASSESS_SOON_WITHIN = timedelta(days=28)
"""4 weeks, when one of `REASSESS_SOON_WARNINGS` fired."""

REASSESS_SOON_WARNINGS = ("W4", "W6")
"""Pain NRS ≥ 7 (§7a P8) and the red flag bring the reassessment forward."""

CARRIED_FORWARD = (
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
)
"""Inputs a reassessment starts from, pre-filled and marked "from <date>" (§4b)."""

MEASURED_ANEW = (
    "falls_last_12_months",
    "injurious_fall",
    "pain_nrs",
    "tug_seconds",
    "tug_unable",
    "sts5_seconds",
    "sts5_unable",
    "tandem_seconds",
    "tandem_max_seconds",
    "fes_i_short",
    "height_cm",
    "weight_kg",
    "height_loss_cm",
    "occiput_wall_cm",
    "suspected_new_vertebral_fracture",
)
"""Inputs never pre-filled; the previous value is shown beside each field (§4b)."""

NOT_CARRIED = ("assessment_date", "birth_date", "sex")
"""New with every assessment (the date) or taken from the patient record."""


def next_reassessment_due(
    assessment_date: date,
    *,
    acute_phase_ends: date | None = None,
    warnings: Iterable[str] = (),
) -> date:
    """The earliest of: the assessment date + 84 days; the end of the acute phase; the
    assessment date + 28 days when W4 or W6 fired. Never later than + 84 days."""
    candidates = [assessment_date + REASSESS_WITHIN]
    if acute_phase_ends is not None:
        candidates.append(acute_phase_ends)
    if any(warning in REASSESS_SOON_WARNINGS for warning in warnings):
        candidates.append(assessment_date + REASSESS_SOON_WITHIN)
    return min(candidates)


def carried_forward(previous_inputs_json: Mapping[str, Any]) -> dict[str, Any]:
    """The §5 values a reassessment is pre-filled with: each `CARRIED_FORWARD` field the
    previous assessment recorded, as a copy (changing it leaves the stored record alone)."""
    carried = {}
    for key in CARRIED_FORWARD:
        value = previous_inputs_json.get(key)
        if key == "t_scores" and isinstance(value, Mapping):
            value = {site: v for site, v in value.items() if v is not None} or None
        if value is not None:
            carried[key] = copy.deepcopy(value)
    return carried


def previous_values(previous_inputs_json: Mapping[str, Any]) -> dict[str, Any]:
    """The previous assessment's `MEASURED_ANEW` values that were recorded, to show beside
    the empty fields of a reassessment."""
    return {
        key: copy.deepcopy(previous_inputs_json[key])
        for key in MEASURED_ANEW
        if previous_inputs_json.get(key) is not None
    }


def _categories(result: CategorisationResult | Mapping[str, Any]) -> tuple[str, str | None]:
    if isinstance(result, Mapping):
        underlying = result.get("underlying_category")
        return str(result["category"]), str(underlying) if underlying is not None else None
    underlying = result.underlying_category
    return result.category.value, underlying.value if underlying is not None else None


def category_changed(
    previous_result: CategorisationResult | Mapping[str, Any],
    current_result: CategorisationResult | Mapping[str, Any],
) -> bool:
    """True when the category code or the underlying category differs (§4b), so also when
    "med hensyn" was added or removed; then the current prescription needs review.

    Takes results or their §5 JSON. Pass the category the physiotherapist chose: where a
    category was overridden, replace `category` with the chosen one, as for the generator.
    """
    return _categories(previous_result) != _categories(current_result)
