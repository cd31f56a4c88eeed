"""The physiotherapist's edits of a program's items: add, swap, dose, move and remove.

Every edit leaves the program numbered in program order and its minutes per session up to
date (`program_refresh`). One test decides what is allowed: `rules.rule_breaks` (§6, §7a),
plus P2's one rung per ladder; an exercise that breaks any of them is added only when the
physiotherapist confirms, and the confirmation is recorded with the item.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from osteoactive.domain.vocabulary import Domain
from osteoactive.errors import ServiceError

from ..domain import rules
from ..domain.continuity import SECOND_RUNG
from ..domain.dose import dose_from_json, dose_json
from ..domain.dose import dose_text as words_for_dose
from ..domain.dosing import phases_following
from ..domain.generation import choices, place_item
from ..domain.slots import SLOTS, Slot
from ..models import Exercise, Program, ProgramItem
from .programs import clinic_library, item_fields, program_refresh, program_request

ADDED_BY_HAND = {"da": "Tilføjet af fysioterapeuten.", "en": "Added by the physiotherapist."}
UP, DOWN = "up", "down"


class NeedsConfirmation(Exception):
    """Adding this exercise breaks safety rules; the physiotherapist must confirm."""

    def __init__(self, violations):
        self.violations = violations
        super().__init__(", ".join(v.code for v in violations))


def add_violations(program: Program, exercise: Exercise, ladders_in_use=None):
    """Every rule an exercise added by hand breaks: §6 and §7a's rules, and P2 when the
    program already holds a rung of its ladder."""
    if ladders_in_use is None:
        ladders_in_use = {row.exercise.ladder for row in program.items.select_related("exercise")}
    found = rules.rule_breaks(exercise.spec(), program_request(program))
    if exercise.ladder in ladders_in_use:
        found.append(SECOND_RUNG)
    return found


@transaction.atomic
def program_item_add(*, program: Program, exercise: Exercise, confirmed: bool) -> ProgramItem:
    """Adds an exercise by hand at the end of its domain; one the rules exclude needs
    `confirmed`, which is recorded."""
    violations = add_violations(program, exercise)
    if violations and not confirmed:
        raise NeedsConfirmation(violations)
    library = [e.spec() for e in clinic_library(program.assessment.patient.clinic).values()]
    planned = place_item(
        None, exercise.spec(), program_request(program), library, reason=dict(ADDED_BY_HAND)
    )
    item = ProgramItem.objects.create(
        program=program,
        exercise=exercise,
        position=32000,
        **item_fields(planned),
        added_by_hand=True,
        confirmed_violations=[{"code": v.code, "message": dict(v.message)} for v in violations],
    )
    program_refresh(program)
    item.refresh_from_db(fields=["position"])
    return item


def _slot_of(item: ProgramItem) -> Slot:
    """The item's slot; an item added by hand stands in for its own pattern in its domain."""
    slot = SLOTS.get(item.slot)
    if slot is not None:
        return slot
    pattern = item.exercise.spec().pattern
    return Slot("", Domain(item.domain), (pattern,), {"da": "", "en": ""})


def swap_candidates(item: ProgramItem) -> list[Exercise]:
    """For the same slot (an item added by hand: the same pattern and domain): the starting
    rung of each allowed ladder the program does not use, its own ladder included."""
    program = item.program
    exercises = clinic_library(program.assessment.patient.clinic)
    others = program.items.exclude(id=item.id).select_related("exercise")
    used = {i.exercise.ladder for i in others}
    request = program_request(program)
    found = choices(_slot_of(item), request, [e.spec() for e in exercises.values()], used)
    return [exercises[c.spec.key] for c in found if c.spec.key != item.exercise.stable_key]


@transaction.atomic
def program_item_swap(*, item: ProgramItem, exercise: Exercise | None) -> ProgramItem:
    """Only one of the swap candidates may take the item's place: one that fits safely."""
    if exercise is None or exercise not in swap_candidates(item):
        raise ServiceError(_("Choose one of the listed exercises."), code="not_a_candidate")
    program = item.program
    library = [e.spec() for e in clinic_library(program.assessment.patient.clinic).values()]
    slot = SLOTS.get(item.slot)
    reason = None if slot else dict(ADDED_BY_HAND)
    planned = place_item(slot, exercise.spec(), program_request(program), library, reason=reason)
    for name, value in item_fields(planned).items():
        setattr(item, name, value)
    item.exercise = exercise
    item.confirmed_violations = []
    item.edited_phases = []
    item.save()
    program_refresh(program)
    return item


def first_phase_index(item: ProgramItem) -> int:
    """The first phase with a dose: weeks 1–4, or 5–8 for impact that starts in week 5."""
    return next((n for n, phase in enumerate(item.phases) if phase.get("dose")), 0)


@transaction.atomic
def program_item_set_dose(
    *,
    item: ProgramItem,
    days_per_week: int,
    dose: dict,
    later: dict[int, dict] | None = None,
    follow_again=(),
) -> ProgramItem:
    """The physiotherapist's dose for the first phase; the later phases follow it by the
    generator's steps for the dose family (domain.md §10), on the same days, unless set by
    hand: a later phase whose dose in `later` differs from the one it has is kept as given and
    stays so at the next edit, until it is in `follow_again`."""
    current = dose_from_json(item.dose) or dose_from_json({})
    values = {key: value for key, value in dose.items() if value is not None}
    first = dose_from_json(
        {**values, "per_side": current.per_side, "technique": current.technique and not values}
    )
    program = item.program
    progression = None
    if item.progression:
        exercises = clinic_library(program.assessment.patient.clinic)
        progression = exercises.get(item.progression["key"])
    following = phases_following(
        item.exercise.spec(),
        program_request(program),
        first,
        progression.spec() if progression else None,
    )
    start = first_phase_index(item)
    by_hand = set(item.edited_phases) - set(follow_again)
    phases = []
    for index, phase in enumerate(following):
        new = dose_json(phase.dose)
        stored = item.phases[index].get("dose") if index < len(item.phases) else None
        if phase.dose is not None and index > start:
            given = (later or {}).get(index)
            if given is not None:
                given = dose_json(dose_from_json({**given, "per_side": current.per_side}))
                if given != stored:
                    by_hand.add(index)
                    stored = given
            if index in by_hand and stored:
                new = stored
        phases.append(
            {
                "weeks": list(phase.weeks),
                "dose": new,
                "days_per_week": days_per_week if phase.dose is not None else 0,
                "instruction": dict(phase.instruction),
            }
        )
    item.dose = dose_json(first)
    item.days_per_week = days_per_week
    item.phases = phases
    item.edited_phases = sorted(n for n in by_hand if n > start and phases[n]["dose"])
    item.full_clean()
    item.save()
    program_refresh(program)
    return item


@transaction.atomic
def program_item_move(*, item: ProgramItem, direction: str) -> bool:
    """Moves the item one place up or down within its domain (program order is the handout's
    numbering, and the domains stay together); False when it is already first or last."""
    program = item.program
    siblings = [
        row for row in program.items.order_by("position", "id") if row.domain == item.domain
    ]
    index = next(n for n, row in enumerate(siblings) if row.id == item.id)
    other = index - 1 if direction == UP else index + 1
    if direction not in (UP, DOWN) or not 0 <= other < len(siblings):
        return False
    mine, theirs = siblings[index], siblings[other]
    mine.position, theirs.position = theirs.position, mine.position
    ProgramItem.objects.bulk_update([mine, theirs], ["position"])
    program_refresh(program)
    return True


@transaction.atomic
def program_item_remove(*, item: ProgramItem) -> None:
    program = item.program
    item.delete()
    program_refresh(program)


def dose_text(item: ProgramItem, dose: dict | None, language: str) -> str:
    return words_for_dose(dose_from_json(dose), None, language, item.start_week)
