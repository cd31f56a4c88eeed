"""Group training schedules and attendance, pure.

- `session_dates`: every meeting of a class from its start date, weekdays and length in weeks.
  Week 1 is the seven days from the start date; a weekday before the start date's weekday falls
  in the next calendar week but is still counted in the class week it belongs to.
- `class_week_phase`: a class runs longer than a 12-week program; from week 13 the weeks 9–12
  dose is kept (the class keeps training at the hard phase, or the next rung).
- Attendance counts only sessions whose attendance was taken (a register that was never opened
  is no evidence of absence). `missed_in_a_row` counts back from the latest such session: three
  in a row raise a gentle flag on the class sheet.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

MAX_WEEKS = 104
WEEKDAYS = tuple(range(7))  # Monday = 0, as date.weekday()
MISSED_FLAG_AFTER = 3


@dataclass(frozen=True)
class PlannedSession:
    number: int
    week: int
    date: date


def session_dates(start: date, weekdays: Iterable[int], weeks: int) -> tuple[PlannedSession, ...]:
    """The class's sessions in date order, numbered from 1."""
    days = sorted(set(weekdays))
    if not days or any(day not in WEEKDAYS for day in days):
        raise ValueError("weekdays must be a non-empty set of 0–6")
    if not 1 <= weeks <= MAX_WEEKS:
        raise ValueError(f"weeks must be 1–{MAX_WEEKS}")
    found = []
    for offset in range(weeks * 7):
        day = start + timedelta(days=offset)
        if day.weekday() in days:
            found.append((offset // 7 + 1, day))
    return tuple(PlannedSession(n, week, day) for n, (week, day) in enumerate(found, start=1))


def class_week_phase(week: int) -> int:
    """The index (0, 1, 2) of the program phase a class week trains at."""
    if week <= 4:
        return 0
    if week <= 8:
        return 1
    return 2


@dataclass(frozen=True)
class AttendanceSummary:
    taken: int
    present: int
    missed_in_a_row: int

    @property
    def percent(self) -> int | None:
        return round(100 * self.present / self.taken) if self.taken else None

    @property
    def flagged(self) -> bool:
        return self.missed_in_a_row >= MISSED_FLAG_AFTER


def summarise(register: Sequence[bool]) -> AttendanceSummary:
    """`register`: present or not at each taken session the participant was enrolled for, in
    date order."""
    streak = 0
    for present in reversed(register):
        if present:
            break
        streak += 1
    return AttendanceSummary(len(register), sum(1 for p in register if p), streak)


def class_percent(summaries: Iterable[AttendanceSummary]) -> int | None:
    """The class's attendance: every participant's taken sessions together."""
    taken = present = 0
    for summary in summaries:
        taken += summary.taken
        present += summary.present
    return round(100 * present / taken) if taken else None
