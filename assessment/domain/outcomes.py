"""Whether training works: change from baseline, and event rates, for a group of participants.

- **Baseline** is the participant's latest assessment on or before the anchor date (a class's
  start, or the start of the chosen period), else their first one after it.
- **Follow-ups** are the assessments nearest to baseline + 84 days (12 weeks, window 56–126
  days) and baseline + 182 days (6 months, window 140–240 days); on a tie the earlier one.
- **Change** per measure is §4b's meaningful change (`change.meaningful_change`: TUG 1.1 s,
  5xSTS 2.5 s, tandem across 10 s, a change of Short FES-I level). §4b gives no threshold for
  pain: a change of 2 NRS points or more counts (the minimal clinically important difference of
  the NRS, Farrar 2001); less is no detectable change.
- Each measure is tallied as better, unchanged (no detectable change), worse, or not comparable
  (not recorded at one of the two).
- **Rates** are events per 1,000 participant-weeks: the weeks each participant was followed
  (from their start to the end of follow-up), summed.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from .change import meaningful_change
from .inputs import AssessmentInput
from .vocabulary import Change

PAIN_MCID = 2
MEASURES = ("tug", "sts5", "tandem", "fes_i", "pain")
FOLLOW_UPS = {"12w": (84, 56, 126), "6m": (182, 140, 240)}
"""Target days after baseline, and the window an assessment must fall in to count."""


def pain_change(before: int | None, after: int | None) -> Change | None:
    if before is None or after is None:
        return None
    if after - before <= -PAIN_MCID:
        return Change.BETTER
    if after - before >= PAIN_MCID:
        return Change.WORSE
    return Change.NO_DETECTABLE_CHANGE


def baseline(visits: Sequence[AssessmentInput], anchor: date) -> AssessmentInput | None:
    """`visits` in date order."""
    before = [v for v in visits if v.assessment_date <= anchor]
    if before:
        return before[-1]
    return visits[0] if visits else None


def follow_up(
    visits: Sequence[AssessmentInput], start: AssessmentInput, target: str
) -> AssessmentInput | None:
    days, low, high = FOLLOW_UPS[target]
    candidates = [
        v for v in visits if low <= (v.assessment_date - start.assessment_date).days <= high
    ]
    if not candidates:
        return None
    return min(
        candidates,
        key=lambda v: (
            abs((v.assessment_date - start.assessment_date).days - days),
            v.assessment_date,
        ),
    )


def changes(before: AssessmentInput, after: AssessmentInput) -> dict[str, Change | None]:
    found = dict(meaningful_change(before, after))
    found["pain"] = pain_change(before.pain_nrs, after.pain_nrs)
    return found


def participant_changes(
    visits: Sequence[AssessmentInput], anchor: date
) -> dict[str, dict[str, Change | None]]:
    """Per follow-up ("12w", "6m"), the change per measure; a missing follow-up is empty."""
    start = baseline(visits, anchor)
    found = {}
    for target in FOLLOW_UPS:
        later = follow_up(visits, start, target) if start is not None else None
        found[target] = changes(start, later) if later is not None else {}
    return found


@dataclass
class Tally:
    better: int = 0
    unchanged: int = 0
    worse: int = 0
    not_comparable: int = 0

    def add(self, verdict: Change | None) -> None:
        if verdict is Change.BETTER:
            self.better += 1
        elif verdict is Change.WORSE:
            self.worse += 1
        elif verdict is Change.NO_DETECTABLE_CHANGE:
            self.unchanged += 1
        else:
            self.not_comparable += 1

    @property
    def compared(self) -> int:
        return self.better + self.unchanged + self.worse


@dataclass
class Outcomes:
    participants: int = 0
    tallies: dict[str, dict[str, Tally]] = field(default_factory=dict)


def tally(per_participant: Iterable[dict[str, dict[str, Change | None]]]) -> Outcomes:
    result = Outcomes(tallies={target: {m: Tally() for m in MEASURES} for target in FOLLOW_UPS})
    for changes_by_target in per_participant:
        result.participants += 1
        for target, verdicts in changes_by_target.items():
            for measure in MEASURES:
                result.tallies[target][measure].add(verdicts.get(measure))
    return result


def weeks_between(start: date, end: date) -> Decimal:
    return Decimal(max(0, (end - start).days)) / 7


def rate_per_1000(events: int, participant_weeks: Decimal) -> Decimal | None:
    """Events per 1,000 participant-weeks, to one decimal; None when nobody was followed."""
    if participant_weeks <= 0:
        return None
    rate = Decimal(events) * 1000 / participant_weeks
    return rate.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
