"""Programs over time (issue 13): a template applied to another patient, and a program continued
at a reassessment. Both are pure, keep what the physiotherapist chose where the rules still
allow it, and say what they changed and why.

- `refilter(items, request, library)`: the items of a template (or any program) re-filtered for
  another patient. Items the rules exclude are dropped, each with the rules it breaks and the
  nearest allowed rung of its ladder as a suggestion; a second rung of a ladder is dropped (P2).
  Kept items keep their doses; their progression, regression and phase words are the new
  patient's (P4, P5, P6), and P7's impact caps are applied. `missing_patterns` lists §7a P1's
  patterns the result does not cover.
- `continue_program(items, request, library, progress)`: the current program carried into the
  new assessment. Each item the rules still allow is kept with its doses, or moved one rung on
  where the reassessment shows progress; an item the rules now exclude is replaced by the nearest
  allowed rung of its ladder (easier first), else dropped; an item added by hand against a rule
  is dropped, because the physiotherapist has to confirm it again under the new assessment.
  A slot of the new category's program that nothing covers is filled from a newly generated
  program. Every change is listed, and an exercise moved on or replaced gives the change as its
  reason (the reason it was first chosen for no longer holds).

Which reassessment results show progress (§4b meaningful change, "better"): 5xSTS moves the
lower-body strength ladders (squat, hinge, calf, hip, stairs); TUG moves walking, stairs and the
dynamic and reactive balance ladders; tandem stance moves the static balance ladders. Nothing
else moves a rung by itself. Balance doses that were kept are not raised to P6's minutes; new
and moved items are dosed as the generator doses them.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from osteoactive.domain.languages import Text

from . import volume
from .dosing import Phase
from .generation import ProgramItem, fits, generate_program, place_item, with_phases
from .ladders import rung_neighbours
from .minimums import uncovered_patterns
from .request import ProgramRequest
from .rules import rule_breaks
from .safety import Violation
from .slots import program_slots
from .spec import ExerciseSpec, Pattern

P = Pattern
PROGRESS_PATTERNS: dict[str, frozenset[Pattern]] = {
    "sts5": frozenset({P.SQUAT, P.HINGE, P.CALF, P.HIP, P.STAIRS}),
    "tug": frozenset({P.WALKING, P.STAIRS, P.BALANCE_DYNAMIC, P.BALANCE_REACTIVE}),
    "tandem": frozenset({P.BALANCE_STATIC}),
}
BETTER = "better"

SECOND_RUNG = Violation(
    "one_rung_per_ladder",
    {
        "da": "Programmet har allerede et trin af denne stige (P2).",
        "en": "The program already holds a rung of this ladder (P2).",
    },
)


@dataclass(frozen=True)
class Dropped:
    item: ProgramItem
    reasons: tuple[Violation, ...]
    suggestion: ExerciseSpec | None = None


@dataclass(frozen=True)
class Refiltered:
    items: tuple[ProgramItem, ...]
    dropped: tuple[Dropped, ...]
    missing_patterns: tuple[frozenset[Pattern], ...]


@dataclass(frozen=True)
class Change:
    """One change made when continuing a program: `moved_on`, `replaced`, `dropped`, `added`."""

    kind: str
    before: ExerciseSpec | None
    after: ExerciseSpec | None
    reason: Text = field(hash=False)


@dataclass(frozen=True)
class Continued:
    items: tuple[ProgramItem, ...]
    changes: tuple[Change, ...]
    missing_patterns: tuple[frozenset[Pattern], ...]


def _nearest_allowed(spec, library, request, used) -> ExerciseSpec | None:
    """The nearest rung of the ladder the rules allow, easier before harder."""
    neighbours = rung_neighbours(spec, library, request)
    for option in (neighbours.regression, neighbours.progression):
        if option is not None and option.variant_group not in used:
            return option
    return None


def _kept(item: ProgramItem, request, library) -> ProgramItem:
    """The item with its doses, and the new patient's neighbours and phase words."""
    fresh = place_item(item.slot, item.exercise, request, library, reason=item.reason)
    phases = tuple(
        Phase(old.weeks, old.dose, old.days_per_week, new.instruction if old.dose else old.instruction)
        for old, new in zip(item.phases, fresh.phases, strict=True)
    )  # fmt: skip
    return ProgramItem(
        item.exercise,
        item.slot,
        phases,
        item.reason,
        fresh.progression,
        fresh.regression,
        item.confirmed,
    )


def missing_patterns(items: Sequence[ProgramItem], request) -> tuple[frozenset[Pattern], ...]:
    """§7a P1's pattern groups that no item covers."""
    return uncovered_patterns((item.exercise for item in items), request)


def _capped(items: list[ProgramItem]) -> tuple[ProgramItem, ...]:
    capped = volume.cap_impacts([(i.exercise, i.phases) for i in items])
    return tuple(with_phases(i, p) for i, p in zip(items, capped, strict=True))


def refilter(
    items: Sequence[ProgramItem], request: ProgramRequest, library: Sequence[ExerciseSpec]
) -> Refiltered:
    """A template's items for another patient: what is kept, what is dropped and why."""
    library = tuple(library)
    kept: list[ProgramItem] = []
    dropped: list[Dropped] = []
    used: set[str] = set()
    for item in items:
        spec = item.exercise
        breaks = tuple(rule_breaks(spec, request))
        if spec.variant_group in used:
            breaks += (SECOND_RUNG,)
        if breaks:
            dropped.append(Dropped(item, breaks, _nearest_allowed(spec, library, request, used)))
            continue
        used.add(spec.variant_group)
        kept.append(_kept(item, request, library))
    return Refiltered(_capped(kept), tuple(dropped), missing_patterns(kept, request))


def _moved_reason(test: str, before: ExerciseSpec, after: ExerciseSpec) -> Text:
    da, en = {"sts5": ("5xSTS", "5xSTS"), "tug": ("TUG", "TUG")}.get(
        test, ("tandemstand", "tandem stance")
    )
    return {
        "da": f"{da} er bedre ved revurderingen: {before.name_da} → {after.name_da}.",
        "en": f"{en} is better at the reassessment: {before.name_en} → {after.name_en}.",
    }


def continue_program(
    items: Sequence[ProgramItem],
    request: ProgramRequest,
    library: Sequence[ExerciseSpec],
    progress: Mapping[str, str],
) -> Continued:
    """The current program carried into a new assessment, with every change listed.

    `progress` maps a test ("tug", "sts5", "tandem", …) to its meaningful change ("better",
    "worse", "no_change")."""
    library = tuple(library)
    improved = [test for test, change in progress.items() if change == BETTER]
    result: list[ProgramItem] = []
    changes: list[Change] = []
    used: set[str] = set()
    for item in items:
        spec = item.exercise
        if item.confirmed:
            changes.append(Change("dropped", spec, None, _confirm_again(item)))
            continue
        breaks = rule_breaks(spec, request)
        if breaks or spec.variant_group in used:
            nearest = _nearest_allowed(spec, library, request, used)
            reasons = breaks or [SECOND_RUNG]
            why = {lang: " ".join(v.message[lang] for v in reasons) for lang in ("da", "en")}
            if nearest is None:
                changes.append(Change("dropped", spec, None, why))
                continue
            instead = {
                "da": f"I stedet for {spec.name_da}: {why['da']}",
                "en": f"Instead of {spec.name_en}: {why['en']}",
            }
            result.append(place_item(item.slot, nearest, request, library, reason=instead))
            used.add(nearest.variant_group)
            changes.append(Change("replaced", spec, nearest, why))
            continue
        used.add(spec.variant_group)
        test = next((t for t in improved if spec.pattern in PROGRESS_PATTERNS.get(t, ())), None)
        step_up = rung_neighbours(spec, library, request).progression if test else None
        if step_up is not None:
            moved = _moved_reason(test, spec, step_up)
            result.append(place_item(item.slot, step_up, request, library, reason=moved))
            changes.append(Change("moved_on", spec, step_up, moved))
        else:
            result.append(_kept(item, request, library))
    result += _added(result, request, library, used, changes)
    return Continued(_capped(result), tuple(changes), missing_patterns(result, request))


def _confirm_again(item: ProgramItem) -> Text:
    return {
        "da": "Tilføjet i hånden mod en regel: bekræft den igen efter den nye vurdering.",
        "en": "Added by hand against a rule: confirm it again after the new assessment.",
    }


def _added(items, request, library, used, changes) -> list[ProgramItem]:
    """Items of a newly generated program for the slots that nothing in `items` covers."""
    open_slots = list(program_slots(request))
    for item in items:
        match = next((s for s in open_slots if fits(s, item.exercise, request)), None)
        if match is not None:
            open_slots.remove(match)
    added = []
    generated = generate_program(request, library)
    for slot in open_slots:
        new = next(
            (g for g in generated.items if g.slot == slot and g.exercise.variant_group not in used),
            None,
        )
        if new is None:
            continue
        used.add(new.exercise.variant_group)
        added.append(new)
        changes.append(
            Change(
                "added",
                None,
                new.exercise,
                {
                    "da": f"Den nye vurdering giver plads til {slot.label['da']}.",
                    "en": f"The new assessment has a place for {slot.label['en']}.",
                },
            )
        )
    return added
