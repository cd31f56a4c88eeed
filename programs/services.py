"""Writes of programs: generate from an assessment, then swap, dose, add and remove items."""

from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify
from django.utils.translation import gettext as _

from assessment.models import Assessment, has_qualifying_vertebral_fracture
from osteoactive.domain.categories import Category
from osteoactive.errors import ServiceError

from .domain import dosing, safety
from .domain.generation import alternatives, generate_program, program_item
from .domain.program_json import item_to_json
from .domain.request import ProgramRequest
from .domain.slots import SLOTS, Slot
from .domain.spec import DoseType, dose_from_json
from .models import Exercise, HiddenExercise, Program, ProgramItem
from .selectors import library_for

ADDED_BY_HAND = {"da": "Tilføjet af fysioterapeuten.", "en": "Added by the physiotherapist."}


class NeedsConfirmation(Exception):
    """Adding this exercise breaks safety rules; the physiotherapist must confirm."""

    def __init__(self, violations):
        self.violations = violations
        super().__init__(", ".join(v.code for v in violations))


def program_request(program: Program) -> ProgramRequest:
    return ProgramRequest(
        category=Category(program.category),
        fall_prevention_focus=program.fall_prevention_focus,
        qualifying_vertebral_fracture=program.qualifying_vertebral_fracture,
        setting=program.setting,
        equipment=frozenset(program.equipment),
        language=program.assessment.patient.handout_language,
    )


def _item_fields(generated) -> dict:
    data = item_to_json(generated, "da")
    return {
        "domain": data["domain"],
        "slot": data["slot"],
        "slot_label": dict(generated.slot.label),
        "dose": data["dose"] or {},
        "days_per_week": data["days_per_week"],
        "phases": [
            {key: phase[key] for key in ("weeks", "dose", "days_per_week", "instruction")}
            for phase in data["phases"]
        ],
        "reason": data["reason"],
    }


@transaction.atomic
def program_generate(
    *, assessment: Assessment, created_by, setting: str, equipment: list[str]
) -> Program:
    if not assessment.is_in_force:
        raise ServiceError(
            _(
                "This assessment was corrected or entered in error: generate the program from "
                "the current assessment."
            ),
            code="assessment_not_in_force",
        )
    clinic = assessment.patient.clinic
    program = Program.objects.create(
        assessment=assessment,
        created_by=created_by,
        category=assessment.final_category,
        fall_prevention_focus=bool(assessment.result.get("fall_prevention_focus")),
        qualifying_vertebral_fracture=has_qualifying_vertebral_fracture(assessment.inputs),
        setting=setting,
        equipment=sorted(equipment),
    )
    request = program_request(program)
    exercises = {exercise.stable_key: exercise for exercise in library_for(clinic)}
    generated = generate_program(request, [e.spec() for e in exercises.values()])
    ProgramItem.objects.bulk_create(
        ProgramItem(
            program=program, exercise=exercises[item.key], position=index, **_item_fields(item)
        )
        for index, item in enumerate(generated.items)
    )
    program.unfilled = [
        {"slot": u.slot.id, "label": dict(u.slot.label), "reason": dict(u.reason)}
        for u in generated.unfilled
    ]
    program.notes = [dict(note) for note in generated.notes]
    program.save(update_fields=["unfilled", "notes"])
    # The result page lists the assessment's programs in a fragment cached by its updated_at.
    assessment.save(update_fields=["updated_at"])
    return program


def swap_candidates(item: ProgramItem) -> list[Exercise]:
    """Safe exercises for the same slot that the program does not already hold."""
    program = item.program
    slot = SLOTS.get(item.slot)
    if slot is None:
        return []
    exercises = {e.stable_key: e for e in library_for(program.assessment.patient.clinic)}
    in_program = {i.exercise.stable_key for i in program.items.select_related("exercise")}
    specs = alternatives(
        slot, program_request(program), [e.spec() for e in exercises.values()], in_program
    )
    return [exercises[spec.key] for spec in specs]


@transaction.atomic
def program_item_swap(*, item: ProgramItem, exercise: Exercise | None) -> ProgramItem:
    """Only one of the swap candidates may take the item's place: one that fits the slot safely."""
    if exercise is None or exercise not in swap_candidates(item):
        raise ServiceError(_("Choose one of the listed exercises."), code="not_a_candidate")
    generated = program_item(SLOTS[item.slot], exercise.spec(), program_request(item.program))
    for name, value in _item_fields(generated).items():
        setattr(item, name, value)
    item.exercise = exercise
    item.save()
    return item


@transaction.atomic
def program_item_set_dose(*, item: ProgramItem, days_per_week: int, **dose) -> ProgramItem:
    """The physiotherapist's dose replaces the suggested one for every phase that has started."""
    dose = {key: value for key, value in dose.items() if value is not None}
    item.dose = dose
    item.days_per_week = days_per_week
    item.phases = [
        {
            **phase,
            "dose": dose if phase["dose"] is not None else None,
            "days_per_week": days_per_week,
        }
        for phase in item.phases
    ]
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def program_item_remove(*, item: ProgramItem) -> None:
    item.delete()


def add_violations(program: Program, exercise: Exercise):
    request = program_request(program)
    return safety.violations(
        exercise.spec(),
        request.category,
        qualifying_vertebral_fracture=request.qualifying_vertebral_fracture,
        supervised_setting=request.supervised,
    )


@transaction.atomic
def program_item_add(*, program: Program, exercise: Exercise, confirmed: bool) -> ProgramItem:
    """Adds an exercise by hand; one the filters exclude needs `confirmed`, which is recorded."""
    violations = add_violations(program, exercise)
    if violations and not confirmed:
        raise NeedsConfirmation(violations)
    spec = exercise.spec()
    manual = Slot("", spec.domain, (spec.kind,), dict(ADDED_BY_HAND))
    fields = _item_fields(program_item(manual, spec, program_request(program)))
    position = (program.items.aggregate(Max("position"))["position__max"] or 0) + 1
    return ProgramItem.objects.create(
        program=program,
        exercise=exercise,
        position=position,
        **{**fields, "reason": dict(ADDED_BY_HAND)},
        added_by_hand=True,
        confirmed_violations=[{"code": v.code, "message": dict(v.message)} for v in violations],
    )


def dose_text(item: ProgramItem, dose: dict | None, language: str) -> str:
    return dosing.dose_text(dose_from_json(dose), DoseType(item.exercise.dose_type), language)


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
