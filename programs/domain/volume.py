"""Session volume (§7a P6, P7): minutes per session, the balance minutes and the impact caps.

P6's formula, for each exercise in a phase: sets × (hold seconds, or 3 s per repetition, or its
minutes) × 2 when done per side, plus 15 s rest between sets. The domain's minutes per session
are the sum over its exercises, in whole minutes (rounded half up).

Choices where the formula is silent:
- Repetitions with a hold at the end position count the hold for each repetition (reps × hold)
  instead of 3 s; a flight of stairs (up and down) counts 30 s; a technique, used every time,
  counts nothing. "Rest between sets" is one rest fewer than the sets.
- Balance minutes are met by adding one set at a time (at most 6 an exercise) to the exercise
  with the fewest sets, then the one that takes least time, then the earliest, until each phase
  reaches its minimum: weeks 1–4 at least 10 minutes, weeks 5–8 at least 12.5, weeks 9–12 at
  least 15 (`akutfase`: 5, 7.5 and 10).
- The impact caps (at most 100 impacts a session, at most 50 high; sets × repetitions × 2 when
  per side) take sets away from the impact exercise with most impacts, the later one on a tie,
  and repetitions once it is down to one set.
"""

from collections.abc import Sequence

from osteoactive.domain.vocabulary import Domain

from .dose import Dose
from .dosing import Phase
from .spec import ExerciseSpec, Impact

REST_BETWEEN_SETS = 15
SECONDS_PER_REP = 3
FLIGHT_SECONDS = 30
BALANCE_TARGET_SECONDS = (600, 750, 900)
ACUTE_BALANCE_TARGET_SECONDS = (300, 450, 600)
MAX_BALANCE_SETS = 6
MAX_IMPACTS = 100
MAX_HIGH_IMPACTS = 50

Planned = tuple[ExerciseSpec, tuple[Phase, ...]]


def dose_seconds(dose: Dose | None) -> int:
    """P6's formula for one exercise in one phase."""
    if dose is None or dose.technique:
        return 0
    sets = dose.sets or 1
    if dose.minutes:
        unit = dose.minutes * 60
    elif dose.reps:
        unit = dose.reps * (dose.hold_seconds or SECONDS_PER_REP)
    elif dose.hold_seconds:
        unit = dose.hold_seconds
    elif dose.flights:
        unit, sets = dose.flights * FLIGHT_SECONDS, 1
    else:
        return 0
    return sets * unit * (2 if dose.per_side else 1) + REST_BETWEEN_SETS * (sets - 1)


def whole_minutes(seconds: int) -> int:
    return (seconds + 30) // 60


def minutes_per_session(items: Sequence[tuple[Domain, tuple[Phase, ...]]]) -> dict[str, list]:
    """{"staerk": [weeks 1–4, weeks 9–12], …} in whole minutes (§5)."""
    minutes = {}
    for domain in Domain:
        phases = [p for d, p in items if d is domain]
        minutes[domain.value] = [
            whole_minutes(sum(dose_seconds(p[index].dose) for p in phases)) for index in (0, 2)
        ]
    return minutes


def _with_dose(phases: tuple[Phase, ...], index: int, dose: Dose) -> tuple[Phase, ...]:
    phase = phases[index]
    changed = Phase(phase.weeks, dose, phase.days_per_week, phase.instruction)
    return (*phases[:index], changed, *phases[index + 1 :])


def fit_balance(planned: Sequence[Planned], acute: bool) -> list[tuple[Phase, ...]]:
    """The balance exercises' phases with sets added until each phase reaches P6's minutes."""
    targets = ACUTE_BALANCE_TARGET_SECONDS if acute else BALANCE_TARGET_SECONDS
    phases = [p for _, p in planned]
    for index, target in enumerate(targets):
        while sum(dose_seconds(p[index].dose) for p in phases) < target:
            growable = [
                (p[index].dose.sets, dose_seconds(p[index].dose), n)
                for n, p in enumerate(phases)
                if p[index].dose is not None
                and p[index].dose.sets
                and (p[index].dose.reps or p[index].dose.hold_seconds)
                and p[index].dose.sets < MAX_BALANCE_SETS
            ]
            if not growable:
                break
            *_, n = min(growable)
            dose = phases[n][index].dose
            phases[n] = _with_dose(phases[n], index, dose.replace(sets=dose.sets + 1))
    return phases


def impacts(spec: ExerciseSpec, dose: Dose | None) -> int:
    """Impacts of one exercise in one session: sets × repetitions × 2 when per side (P7)."""
    if dose is None or spec.impact.rank < Impact.MODERATE.rank or not dose.reps:
        return 0
    return (dose.sets or 1) * dose.reps * (2 if dose.per_side else 1)


def cap_impacts(planned: Sequence[Planned]) -> list[tuple[Phase, ...]]:
    """The phases with P7's caps kept in every phase: ≤ 100 impacts, of which ≤ 50 high."""
    specs = [s for s, _ in planned]
    phases = [p for _, p in planned]
    for index in range(3):
        for limit, high_only in ((MAX_HIGH_IMPACTS, True), (MAX_IMPACTS, False)):
            while True:
                counts = [
                    (impacts(s, p[index].dose), n)
                    for n, (s, p) in enumerate(zip(specs, phases, strict=True))
                    if not high_only or s.impact is Impact.HIGH
                ]
                excess = sum(c for c, _ in counts) - limit
                if excess <= 0:
                    break
                _, n = max(counts)
                dose = phases[n][index].dose
                if (dose.sets or 1) > 1:
                    fewer = dose.replace(sets=dose.sets - 1)
                else:
                    per_rep = 2 if dose.per_side else 1
                    fewer = dose.replace(reps=max(1, dose.reps - -(-excess // per_rep)))
                if fewer == dose:
                    break  # down to one repetition: nothing left to take away
                phases[n] = _with_dose(phases[n], index, fewer)
    return phases
