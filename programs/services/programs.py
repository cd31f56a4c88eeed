"""Programs as a whole: the generator's request for an assessment, a new program from planned
items (generated, from a template, or continued), and what every edit keeps up to date."""

from django.db import transaction
from django.utils.translation import gettext as _

from assessment.models import Assessment, Patient
from osteoactive.errors import ServiceError

from ..domain import volume
from ..domain.generation import ProgramItem as PlannedItem
from ..domain.generation import generate_program
from ..domain.notes import program_notes
from ..domain.program_json import item_to_json, phase_from_json
from ..domain.request import ProgramRequest
from ..domain.request_json import request_from_json
from ..domain.slots import SLOTS
from ..domain.spec import ExerciseSpec
from ..models import Exercise, Program, ProgramItem
from ..selectors import library_for

DOMAIN_ORDER = {"staerk": 0, "stabil": 1, "strakt": 2}


def request_data(assessment: Assessment, *, setting: str, equipment, language: str) -> dict:
    """The §5 request for an assessment: its inputs, its result with the chosen category."""
    return {
        "inputs": assessment.inputs,
        "result": {**assessment.result, "category": assessment.final_category},
        "options": {"setting": setting, "equipment": sorted(equipment), "language": language},
    }


def assessment_request(assessment: Assessment, *, setting: str, equipment) -> ProgramRequest:
    return request_from_json(
        request_data(
            assessment,
            setting=setting,
            equipment=equipment,
            language=assessment.patient.handout_language,
        )
    )


def program_request(program: Program) -> ProgramRequest:
    return assessment_request(
        program.assessment, setting=program.setting, equipment=program.equipment
    )


def clinic_library(clinic) -> dict[str, Exercise]:
    """The exercises the clinic uses, by their stable key."""
    return {exercise.stable_key: exercise for exercise in library_for(clinic)}


def item_fields(planned: PlannedItem) -> dict:
    """A planned item's fields as a ProgramItem row stores them."""
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


def planned_item(row, spec: ExerciseSpec) -> PlannedItem:
    """A stored item (of a program or a template) as the pure continuity functions read it."""
    confirmed = tuple(v["code"] for v in getattr(row, "confirmed_violations", None) or [])
    return PlannedItem(
        exercise=spec,
        slot=SLOTS.get(row.slot),
        phases=tuple(phase_from_json(phase) for phase in row.phases),
        reason=dict(row.reason or {}),
        confirmed=confirmed,
    )


def _minutes(items) -> dict:
    return volume.minutes_per_session([(planned.domain, planned.phases) for planned in items])


def domain_ordered(rows):
    """Program order: Stærk, Stabil, Strakt, each in the order the physiotherapist set."""
    return sorted(rows, key=lambda row: (DOMAIN_ORDER.get(row.domain, 9), row.position))


def program_refresh(program: Program) -> None:
    """After an edit: positions numbered 0… in program order, and §5's minutes per session
    from the doses as they now are (the page and the handout read both)."""
    rows = domain_ordered(program.items.select_related("exercise"))
    moved = []
    for number, row in enumerate(rows):
        if row.position != number:
            row.position = number
            moved.append(row)
    ProgramItem.objects.bulk_update(moved, ["position"])
    program.minutes_per_session = _minutes(planned_item(row, row.exercise.spec()) for row in rows)
    program.save(update_fields=["minutes_per_session", "updated_at"])


@transaction.atomic
def program_create(
    *,
    assessment: Assessment,
    created_by,
    request: ProgramRequest,
    setting: str,
    equipment,
    planned: list[tuple[PlannedItem, dict]],
    exercises: dict[str, Exercise],
    **fields,
) -> Program:
    """A new program of planned items; each comes with extra row fields (hand-set phases,
    added by hand). `fields` are the program's origin, its source and its changes. Only an
    assessment in force (neither corrected nor entered in error) gets a new program."""
    if not assessment.is_in_force:
        raise ServiceError(
            _(
                "This assessment was corrected or entered in error: generate the program from "
                "the current assessment."
            ),
            code="assessment_not_in_force",
        )
    program = Program.objects.create(
        assessment=assessment,
        created_by=created_by,
        category=request.planned_category.value,
        planned_from=request.planned_from.value if request.planned_from else "",
        valid_until=request.valid_until,
        minutes_per_session=_minutes(item for item, _extra in planned),
        fall_prevention_focus=request.fall_prevention_focus,
        qualifying_vertebral_fracture=request.qualifying_vertebral_fracture,
        setting=setting,
        equipment=sorted(equipment),
        notes=[dict(note) for note in program_notes(request)],
        **fields,
    )
    rows = [
        ProgramItem(program=program, exercise=exercises[item.key], **item_fields(item), **extra)
        for item, extra in planned
    ]
    for number, row in enumerate(domain_ordered(rows)):
        row.position = number
    ProgramItem.objects.bulk_create(rows)
    # The result page lists the assessment's programs in a fragment cached by its updated_at,
    # and offers to continue the patient's current program by the patient's.
    assessment.save(update_fields=["updated_at"])
    Patient.objects.filter(pk=assessment.patient_id).update(updated_at=assessment.updated_at)
    return program


@transaction.atomic
def program_generate(
    *, assessment: Assessment, created_by, setting: str, equipment: list[str]
) -> Program:
    request = assessment_request(assessment, setting=setting, equipment=equipment)
    exercises = clinic_library(assessment.patient.clinic)
    generated = generate_program(request, [e.spec() for e in exercises.values()])
    program = program_create(
        assessment=assessment,
        created_by=created_by,
        request=request,
        setting=setting,
        equipment=equipment,
        planned=[(item, {}) for item in generated.items],
        exercises=exercises,
        unfilled=[
            {"slot": u.slot.id, "label": dict(u.slot.label), "reason": dict(u.reason)}
            for u in generated.unfilled
        ],
    )
    return program
