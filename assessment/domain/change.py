"""Meaningful change between two assessments (domain.md §4b), measure by measure.

Computed on the recorded one-decimal values in exact decimal arithmetic (`measures.exact`), so
a TUG 1.1 s faster is better and 1.0 s faster is not, whatever binary floating point makes of
the difference. Every verdict is `Change.BETTER`, `Change.WORSE` or
`Change.NO_DETECTABLE_CHANGE`: a difference below the minimal detectable change is never shown
as an improvement.

Choice where §4b is silent: when a measure was not recorded at one of the two assessments,
there is nothing to compare and the verdict is None (the page shows no verdict), rather than
"no detectable change", which would claim a comparison that was not made.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from .inputs import AssessmentInput
from .measures import exact
from .vocabulary import Change, FesILevel

TUG_MDC = Decimal("1.1")
"""Minimal detectable change of TUG in seconds (Alghadir 2015)."""

STS5_MDC = Decimal("2.5")
"""Minimal detectable change of 5xSTS in seconds (Goldberg 2012)."""

TANDEM_CUT_OFF = Decimal("10.0")

MEASURES = ("tug", "sts5", "tandem", "fes_i")
"""The measures `meaningful_change` compares, in the order the page shows them."""

UNABLE = "unable"

Timed = Decimal | Literal["unable"] | None
"""A timed test as recorded: seconds, "unable", or None when not recorded."""

_FES_I_ORDER = {FesILevel.LOW: 0, FesILevel.MODERATE: 1, FesILevel.HIGH: 2}


def timed_test(seconds: float | None, unable: bool) -> Timed:
    """A TUG or 5xSTS as `timed_change` compares it."""
    if unable:
        return UNABLE
    return exact(seconds)


def timed_change(previous: Timed, current: Timed, mdc: Decimal) -> Change | None:
    """Lower by at least `mdc` is better, higher by at least `mdc` worse; "unable" → a time is
    better and a time → "unable" worse."""
    if previous is None or current is None:
        return None
    if previous == UNABLE or current == UNABLE:
        if previous == current:
            return Change.NO_DETECTABLE_CHANGE
        return Change.BETTER if previous == UNABLE else Change.WORSE
    difference = current - previous
    if difference <= -mdc:
        return Change.BETTER
    if difference >= mdc:
        return Change.WORSE
    return Change.NO_DETECTABLE_CHANGE


def tandem_change(previous: float | None, current: float | None) -> Change | None:
    """From below 10.0 s to 10.0 s or more is better, the reverse worse."""
    before, after = exact(previous), exact(current)
    if before is None or after is None:
        return None
    if before < TANDEM_CUT_OFF <= after:
        return Change.BETTER
    if after < TANDEM_CUT_OFF <= before:
        return Change.WORSE
    return Change.NO_DETECTABLE_CHANGE


def fes_i_change(previous: FesILevel | None, current: FesILevel | None) -> Change | None:
    """A lower level of concern (low / moderate / high) is better, a higher one worse."""
    if previous is None or current is None:
        return None
    step = _FES_I_ORDER[current] - _FES_I_ORDER[previous]
    if step < 0:
        return Change.BETTER
    if step > 0:
        return Change.WORSE
    return Change.NO_DETECTABLE_CHANGE


def meaningful_change(
    previous: AssessmentInput, current: AssessmentInput
) -> dict[str, Change | None]:
    """The verdict per measure (`MEASURES`) from the previous to the current assessment.

    For stored inputs, read each with `serialisation.input_from_json` first.
    """
    return {
        "tug": timed_change(
            timed_test(previous.tug_seconds, previous.tug_unable),
            timed_test(current.tug_seconds, current.tug_unable),
            TUG_MDC,
        ),
        "sts5": timed_change(
            timed_test(previous.sts5_seconds, previous.sts5_unable),
            timed_test(current.sts5_seconds, current.sts5_unable),
            STS5_MDC,
        ),
        "tandem": tandem_change(previous.tandem_seconds, current.tandem_seconds),
        "fes_i": fes_i_change(previous.fes_i_level, current.fes_i_level),
    }
