"""Variant ladders (domain.md §6): easier and harder versions of one movement, and P3 and P4.

A ladder is every exercise that shares a `variant_group`, ordered by `rung` (1 = easiest) and
then by key, so a clinic exercise that joins a ladder on an occupied rung still has one fixed
place. An exercise without variants is a ladder of one.

- `rung_neighbours` (P4) gives the named progression and regression: the nearest harder and the
  nearest easier rung of the ladder that the same rules allow (`rules.rule_breaks`: the
  category's filters, the setting, P3's supervision rule, P5, P7, P8 and P13). A rung the rules
  exclude is stepped over, so heel raises in a precaution category never progress to heel drops.
- `starting_rung` (P3) chooses where a ladder starts for this patient.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from osteoactive.domain.vocabulary import Level

from .request import ProgramRequest
from .rules import allowed
from .spec import BALANCE_PATTERNS, ExerciseSpec, Pattern


def _order(spec: ExerciseSpec) -> tuple:
    return (spec.rung, spec.key)


def ladder_of(spec: ExerciseSpec, library: Iterable[ExerciseSpec]) -> tuple[ExerciseSpec, ...]:
    """Every rung of the exercise's ladder, easiest first (the exercise included)."""
    return tuple(sorted((e for e in library if e.variant_group == spec.variant_group), key=_order))


def ladders(library: Iterable[ExerciseSpec]) -> dict[str, tuple[ExerciseSpec, ...]]:
    groups: dict[str, list[ExerciseSpec]] = {}
    for spec in library:
        groups.setdefault(spec.variant_group, []).append(spec)
    return {group: tuple(sorted(rungs, key=_order)) for group, rungs in sorted(groups.items())}


@dataclass(frozen=True)
class Neighbours:
    regression: ExerciseSpec | None
    progression: ExerciseSpec | None


def rung_neighbours(
    spec: ExerciseSpec, library: Iterable[ExerciseSpec], request: ProgramRequest
) -> Neighbours:
    """The next easier and the next harder rung of the ladder that the plan's rules allow."""
    rungs = ladder_of(spec, library)
    easier = [e for e in rungs if e.rung < spec.rung and allowed(e, request)]
    harder = [e for e in rungs if e.rung > spec.rung and allowed(e, request)]
    return Neighbours(easier[-1] if easier else None, harder[0] if harder else None)


# Why a ladder starts where it starts; `reasons` words each code.
EASIEST = "easiest"
SLOW_STS = "slow_sts"
POOR_TANDEM = "poor_tandem"
TRAINING_LEVEL = "training_level"
TRAINING_HARDEST = "training_hardest"
HIRIT = "hirit"
HEAVY_WITHOUT_SUPERVISION = "heavy_without_supervision"


def starting_rung(
    candidates: Sequence[ExerciseSpec], request: ProgramRequest, *, heavy: bool = False
) -> tuple[ExerciseSpec, str]:
    """P3 (and §7b for the heavy-lift slots): the rung this ladder starts on, and why.

    `candidates` are the ladder's rungs that fit the slot and break no rule, easiest first.
    Rungs whose equipment the patient has are preferred (P11); only if none has it are the
    others used.
    """
    available = request.available_equipment
    usable = sorted([e for e in candidates if e.equipment <= available] or candidates, key=_order)
    pattern = usable[0].pattern
    if pattern is Pattern.SQUAT and request.slow_sit_to_stand:
        return usable[0], SLOW_STS
    if pattern is Pattern.BALANCE_STATIC and request.poor_tandem:
        return usable[0], POOR_TANDEM
    if heavy:
        return usable[-1], HIRIT if request.hirit else HEAVY_WITHOUT_SUPERVISION
    if request.training_level:
        training = [
            e
            for e in usable
            if e.min_level is Level.TRAINING and (not e.needs_supervision or request.hirit)
        ]
        if training:
            return training[0], TRAINING_LEVEL
        return usable[-1], TRAINING_HARDEST
    return usable[0], EASIEST


def is_balance(spec: ExerciseSpec) -> bool:
    return spec.pattern in BALANCE_PATTERNS
