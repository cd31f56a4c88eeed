"""Writes of programs: generate from an assessment, then swap, dose, add and remove items."""

from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify
from django.utils.translation import gettext as _

from assessment.models import Assessment
from osteoactive.errors import ServiceError

from .domain import rules
from .domain.dose import dose_from_json, dose_json
from .domain.dose import dose_text as words_for_dose
from .domain.dosing import phases_following
from .domain.generation import ProgramItem as PlannedItem
from .domain.generation import choices, generate_program, place_item
from .domain.program_json import item_to_json
from .domain.request import ProgramRequest
from .domain.request_json import request_from_json
from .domain.slots import SLOTS
from .models import Exercise, HiddenExercise, Program, ProgramItem
from .selectors import library_for

ADDED_BY_HAND = {"da": "Tilføjet af fysioterapeuten.", "en": "Added by the physiotherapist."}
GENERATED_ONLY = {rules.GENERATED_FLEXION.code, rules.SUPERVISION_ONLY_HIRIT.code}
"""Rules about what the generator picks; a physiotherapist adding by hand is warned by the others."""


class NeedsConfirmation(Exception):
    """Adding this exercise breaks safety rules; the physiotherapist must confirm."""

    def __init__(self, violations):
        self.violations = violations
        super().__init__(", ".join(v.code for v in violations))


def request_data(assessment: Assessment, *, setting: str, equipment, language: str) -> dict:
    """The §5 request for an assessment: its inputs, its result with the chosen category."""
    return {
        "inputs": assessment.inputs,
        "result": {**assessment.result, "category": assessment.final_category},
        "options": {"setting": setting, "equipment": sorted(equipment), "language": language},
    }


def program_request(program: Program) -> ProgramRequest:
    assessment = program.assessment
    return request_from_json(
        request_data(
            assessment,
            setting=program.setting,
            equipment=program.equipment,
            language=assessment.patient.handout_language,
        )
    )


def _item_fields(planned: PlannedItem) -> dict:
    data = item_to_json(planned, "da")
    return {
        "domain": data["domain"],
        "slot": data["slot"] or "",
        "slot_label": dict(planned.slot.label) if planned.slot else {},
        "dose": data["dose"] or {},
        "days_per_week": data["days_per_week"],
        "phases": [
            {key: phase[key] for key in ("weeks", "dose", "days_per_week", "instruction")}
            for phase in data["phases"]
        ],
        "start_week": data["start_week"],
        "progression": data["progression"],
        "regression": data["regression"],
        "reason": data["reason"],
    }


@transaction.atomic
def program_generate(
    *, assessment: Assessment, created_by, setting: str, equipment: list[str]
) -> Program:
    clinic = assessment.patient.clinic
    request = request_from_json(
        request_data(
            assessment,
            setting=setting,
            equipment=equipment,
            language=assessment.patient.handout_language,
        )
    )
    exercises = {exercise.stable_key: exercise for exercise in library_for(clinic)}
    generated = generate_program(request, [e.spec() for e in exercises.values()])
    program = Program.objects.create(
        assessment=assessment,
        created_by=created_by,
        category=generated.category.value,
        planned_from=generated.planned_from.value if generated.planned_from else "",
        valid_until=generated.valid_until,
        minutes_per_session=generated.minutes_per_session,
        fall_prevention_focus=request.fall_prevention_focus,
        qualifying_vertebral_fracture=request.qualifying_vertebral_fracture,
        setting=setting,
        equipment=sorted(equipment),
        unfilled=[
            {"slot": u.slot.id, "label": dict(u.slot.label), "reason": dict(u.reason)}
            for u in generated.unfilled
        ],
        notes=[dict(note) for note in generated.notes],
    )
    ProgramItem.objects.bulk_create(
        ProgramItem(
            program=program, exercise=exercises[item.key], position=index, **_item_fields(item)
        )
        for index, item in enumerate(generated.items)
    )
    # The result page lists the assessment's programs in a fragment cached by its updated_at.
    assessment.save(update_fields=["updated_at"])
    return program


def _library(program: Program) -> dict[str, Exercise]:
    return {e.stable_key: e for e in library_for(program.assessment.patient.clinic)}


def swap_candidates(item: ProgramItem) -> list[Exercise]:
    """For the same slot: the starting rung of each allowed ladder the program does not use
    (its own ladder included)."""
    program = item.program
    slot = SLOTS.get(item.slot)
    if slot is None:
        return []
    exercises = _library(program)
    others = program.items.exclude(id=item.id).select_related("exercise")
    used = {i.exercise.ladder for i in others}
    found = choices(slot, program_request(program), [e.spec() for e in exercises.values()], used)
    return [exercises[c.spec.key] for c in found if c.spec.key != item.exercise.stable_key]


@transaction.atomic
def program_item_swap(*, item: ProgramItem, exercise: Exercise | None) -> ProgramItem:
    """Only one of the swap candidates may take the item's place: one that fits the slot safely."""
    if exercise is None or exercise not in swap_candidates(item):
        raise ServiceError(_("Choose one of the listed exercises."), code="not_a_candidate")
    library = [e.spec() for e in _library(item.program).values()]
    planned = place_item(SLOTS[item.slot], exercise.spec(), program_request(item.program), library)
    for name, value in _item_fields(planned).items():
        setattr(item, name, value)
    item.exercise = exercise
    item.save()
    return item


@transaction.atomic
def program_item_set_dose(*, item: ProgramItem, days_per_week: int, **dose) -> ProgramItem:
    """The physiotherapist's dose for the first phase; the later phases follow it by the
    generator's steps for the dose family (domain.md §10), on the same days."""
    current = dose_from_json(item.dose) or dose_from_json({})
    values = {key: value for key, value in dose.items() if value is not None}
    first = dose_from_json(
        {**values, "per_side": current.per_side, "technique": current.technique and not values}
    )
    request = program_request(item.program)
    progression = None
    if item.progression:
        progression = _library(item.program).get(item.progression["key"])
    phases = phases_following(
        item.exercise.spec(), request, first, progression.spec() if progression else None
    )
    item.dose = dose_json(first)
    item.days_per_week = days_per_week
    item.phases = [
        {
            "weeks": list(phase.weeks),
            "dose": dose_json(phase.dose),
            "days_per_week": days_per_week if phase.dose is not None else 0,
            "instruction": dict(phase.instruction),
        }
        for phase in phases
    ]
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def program_item_remove(*, item: ProgramItem) -> None:
    item.delete()


def add_violations(program: Program, exercise: Exercise):
    """The rules an exercise added by hand breaks: §6 and §7a's filters (P5, P7, P8, P13)."""
    return [
        v
        for v in rules.rule_breaks(exercise.spec(), program_request(program))
        if v.code not in GENERATED_ONLY
    ]


@transaction.atomic
def program_item_add(*, program: Program, exercise: Exercise, confirmed: bool) -> ProgramItem:
    """Adds an exercise by hand; one the filters exclude needs `confirmed`, which is recorded."""
    violations = add_violations(program, exercise)
    if violations and not confirmed:
        raise NeedsConfirmation(violations)
    library = [e.spec() for e in _library(program).values()]
    planned = place_item(
        None, exercise.spec(), program_request(program), library, reason=dict(ADDED_BY_HAND)
    )
    position = (program.items.aggregate(Max("position"))["position__max"] or 0) + 1
    return ProgramItem.objects.create(
        program=program,
        exercise=exercise,
        position=position,
        **_item_fields(planned),
        added_by_hand=True,
        confirmed_violations=[{"code": v.code, "message": dict(v.message)} for v in violations],
    )


def dose_text(item: ProgramItem, dose: dict | None, language: str) -> str:
    return words_for_dose(dose_from_json(dose), None, language, item.start_week)


@transaction.atomic
def exercise_save(
    *, clinic, exercise: Exercise | None, fields: dict, default_dose: dict
) -> Exercise:
    """Creates or updates a clinic's own exercise; issued prescriptions keep their snapshot."""
    exercise = exercise or Exercise(clinic=clinic)
    for name, value in fields.items():
        if name in {f.name for f in Exercise._meta.get_fields()}:
            Exercise._meta.get_field(name).save_form_data(exercise, value)
    exercise.default_dose = default_dose
    if not exercise.key:
        exercise.key = _unique_key(clinic, slugify(fields["name_en"] or fields["name_da"]))
    exercise.full_clean()
    exercise.save()
    return exercise


def _unique_key(clinic, base):
    base = (base or "exercise")[:70]
    key, number = base, 2
    while Exercise.objects.filter(clinic=clinic, key=key).exists():
        key, number = f"{base}-{number}", number + 1
    return key


@transaction.atomic
def exercise_toggle_hidden(*, clinic, exercise: Exercise) -> bool:
    """Hides a global exercise for the clinic, or shows it again; returns whether it is hidden.
    A clinic's own exercise is edited, not hidden."""
    if not exercise.is_global:
        raise ServiceError(
            _("Only exercises of the default library can be hidden."), code="not_global"
        )
    deleted, _by_model = HiddenExercise.objects.filter(clinic=clinic, exercise=exercise).delete()
    if deleted:
        return False
    HiddenExercise.objects.create(clinic=clinic, exercise=exercise)
    return True
