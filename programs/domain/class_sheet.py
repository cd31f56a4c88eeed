"""One participant's version of the class program (the instructor's class sheet).

The class trains one program; each participant does it within their own filters, read from
their latest assessment through the same `rules.rule_breaks` as every program (§6, P3's
supervision rule, P5, P7, P8, P13). For each class exercise:
- allowed: the participant does it, at the class's dose;
- excluded: the nearest rung of the same ladder the rules allow (easier before harder at equal
  distance), else an allowed exercise of the same movement pattern (lowest rung, then priority,
  then key), each dosed for the participant by the program dosing (`place_item`);
- neither: the participant sits that exercise out, with the rules it breaks.
An exercise the filters exclude is never on the sheet: `line.exercise` is allowed or None.

A participant without an assessment in force has no request: every exercise is sat out until
they are assessed. Flags: W6, fall risk high, W7 and pain ≥ 7 (W4).
"""

from collections.abc import Sequence
from dataclasses import dataclass

from .dosing import Phase
from .generation import place_item
from .ladders import ladder_of
from .request import ProgramRequest
from .rules import allowed, rule_breaks
from .safety import Violation
from .spec import ExerciseSpec

SAME = "same"
RUNG = "rung"
PATTERN = "pattern"
NONE = "none"

FLAG_ORDER = ("W6", "fall_risk_high", "W7", "W4")


@dataclass(frozen=True)
class ClassItem:
    exercise: ExerciseSpec
    phases: tuple[Phase, ...]


@dataclass(frozen=True)
class SheetLine:
    planned: ExerciseSpec
    exercise: ExerciseSpec | None
    how: str
    phase: Phase | None
    breaks: tuple[Violation, ...] = ()

    @property
    def heavy(self) -> bool:
        return self.exercise is not None and self.exercise.needs_supervision


def flags(request: ProgramRequest | None) -> tuple[str, ...]:
    if request is None:
        return ()
    found = {
        "W6": request.red_flag,
        "fall_risk_high": request.fall_risk_high,
        "W7": "W7" in request.warnings,
        "W4": request.pain,
    }
    return tuple(code for code in FLAG_ORDER if found[code])


def nearest_rung(
    spec: ExerciseSpec, library: Sequence[ExerciseSpec], request: ProgramRequest
) -> ExerciseSpec | None:
    """The allowed rung of the same ladder closest to this one, easier first on a tie."""
    options = [e for e in ladder_of(spec, library) if e.key != spec.key and allowed(e, request)]
    if not options:
        return None
    return min(options, key=lambda e: (abs(e.rung - spec.rung), e.rung > spec.rung, e.key))


def same_pattern(
    spec: ExerciseSpec, library: Sequence[ExerciseSpec], request: ProgramRequest, used: set[str]
) -> ExerciseSpec | None:
    options = [
        e
        for e in library
        if e.pattern is spec.pattern and e.variant_group not in used and allowed(e, request)
    ]
    if not options:
        return None
    return min(options, key=lambda e: (e.rung, e.priority, e.key))


def _phase(phases: Sequence[Phase], index: int) -> Phase | None:
    return phases[index] if index < len(phases) else None


def participant_sheet(
    items: Sequence[ClassItem],
    request: ProgramRequest | None,
    library: Sequence[ExerciseSpec],
    phase_index: int,
) -> tuple[SheetLine, ...]:
    """The class program for one participant, line by line in class order."""
    if request is None:
        return tuple(SheetLine(item.exercise, None, NONE, None) for item in items)
    used = {item.exercise.variant_group for item in items if allowed(item.exercise, request)}
    lines = []
    for item in items:
        spec = item.exercise
        breaks = tuple(rule_breaks(spec, request))
        if not breaks:
            lines.append(SheetLine(spec, spec, SAME, _phase(item.phases, phase_index)))
            continue
        how, instead = RUNG, nearest_rung(spec, library, request)
        if instead is None:
            how, instead = PATTERN, same_pattern(spec, library, request, used)
        if instead is None:
            lines.append(SheetLine(spec, None, NONE, None, breaks))
            continue
        used.add(instead.variant_group)
        dosed = place_item(None, instead, request, library, reason={"da": "", "en": ""})
        lines.append(SheetLine(spec, instead, how, _phase(dosed.phases, phase_index), breaks))
    return tuple(lines)
