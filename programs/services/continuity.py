"""Programs over time: clinic templates saved from a program and applied to another patient
(re-filtered for them), and a program continued at a reassessment.

Both write a new program whose `changes` list what was dropped, moved on, replaced or added,
each with its reason in Danish and English, so the program page can show every change.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from assessment.domain.change import meaningful_change
from assessment.domain.serialisation import input_from_json
from assessment.models import Assessment
from osteoactive.domain.languages import LANGUAGES
from osteoactive.errors import ServiceError

from ..domain.continuity import continue_program, refilter
from ..models import Exercise, Program, ProgramTemplate, ProgramTemplateItem
from .programs import assessment_request, clinic_library, planned_item, program_create


def _reference(spec, exercises: dict[str, Exercise]) -> dict | None:
    """An exercise as a change names it: key, names, rung and (to offer adding it) its id."""
    if spec is None:
        return None
    exercise = exercises.get(spec.key)
    return {
        "key": spec.key,
        "id": str(exercise.id) if exercise else None,
        "name": spec.names(),
        "rung": spec.rung,
    }


def _joined(violations) -> dict[str, str]:
    return {lang: " ".join(v.message[lang] for v in violations) for lang in LANGUAGES}


def _unique_name(clinic, name: str, template: ProgramTemplate | None = None) -> str:
    name = " ".join(name.split())
    if not name:
        raise ServiceError(_("Give the template a name."), code="no_name")
    taken = ProgramTemplate.objects.filter(clinic=clinic, name__iexact=name)
    if template is not None:
        taken = taken.exclude(id=template.id)
    if taken.exists():
        raise ServiceError(
            _("The clinic already has a template called “%(name)s”.") % {"name": name},
            code="name_taken",
        )
    return name


@transaction.atomic
def program_template_save(*, program: Program, name: str, created_by) -> ProgramTemplate:
    """The program's exercises, doses and order under a name, for the whole clinic."""
    clinic = program.assessment.patient.clinic
    template = ProgramTemplate.objects.create(
        clinic=clinic,
        name=_unique_name(clinic, name),
        created_by=created_by,
        category=program.category,
        setting=program.setting,
        equipment=list(program.equipment),
    )
    ProgramTemplateItem.objects.bulk_create(
        ProgramTemplateItem(
            template=template,
            exercise=row.exercise,
            position=row.position,
            domain=row.domain,
            slot=row.slot,
            dose=row.dose,
            days_per_week=row.days_per_week,
            phases=row.phases,
            reason=row.reason,
            added_by_hand=row.added_by_hand,
            edited_phases=row.edited_phases,
        )
        for row in program.items.select_related("exercise").order_by("position", "id")
    )
    return template


@transaction.atomic
def program_template_rename(*, template: ProgramTemplate, name: str) -> ProgramTemplate:
    template.name = _unique_name(template.clinic, name, template)
    template.save(update_fields=["name", "updated_at"])
    return template


@transaction.atomic
def program_template_delete(*, template: ProgramTemplate) -> None:
    """Programs made from it keep their exercises and the template's name."""
    template.delete()


def _items_and_library(clinic, rows):
    """The rows' exercises (also any the clinic has since hidden) and the clinic's library."""
    exercises = clinic_library(clinic)
    library = [e.spec() for e in exercises.values()]
    for row in rows:
        exercises.setdefault(row.exercise.stable_key, row.exercise)
    return exercises, library


@transaction.atomic
def program_from_template(
    *, template: ProgramTemplate, assessment: Assessment, created_by, setting: str, equipment
) -> Program:
    """The template re-filtered for this patient (continuity.refilter): what the rules now
    exclude is dropped, with the rules it breaks and the nearest allowed rung of its ladder."""
    request = assessment_request(assessment, setting=setting, equipment=equipment)
    rows = list(template.items.select_related("exercise"))
    exercises, library = _items_and_library(assessment.patient.clinic, rows)
    by_key = {row.exercise.stable_key: row for row in rows}
    result = refilter([planned_item(row, row.exercise.spec()) for row in rows], request, library)
    changes = [
        {
            "kind": "dropped",
            "before": _reference(dropped.item.exercise, exercises),
            "after": None,
            "suggestion": _reference(dropped.suggestion, exercises),
            "reason": _joined(dropped.reasons),
            "rules": [violation.code for violation in dropped.reasons],
        }
        for dropped in result.dropped
    ]
    planned = [
        (
            item,
            {
                "added_by_hand": by_key[item.key].added_by_hand,
                "edited_phases": by_key[item.key].edited_phases,
            },
        )
        for item in result.items
    ]
    return program_create(
        assessment=assessment,
        created_by=created_by,
        request=request,
        setting=setting,
        equipment=equipment,
        planned=planned,
        exercises=exercises,
        origin=Program.Origin.TEMPLATE,
        template=template,
        template_name=template.name,
        changes=changes,
    )


def progress_between(previous: Assessment, current: Assessment) -> dict[str, str]:
    """§4b's meaningful change per test from one assessment to the next ("better", …)."""
    verdicts = meaningful_change(input_from_json(previous.inputs), input_from_json(current.inputs))
    return {test: verdict.value for test, verdict in verdicts.items() if verdict is not None}


@transaction.atomic
def program_continue(*, previous: Program, assessment: Assessment, created_by) -> Program:
    """The patient's current program carried into the new assessment (continuity.
    continue_program): kept where the new category allows it, one rung on where the tests
    improved, every change listed. Setting and equipment stay those of the program."""
    if previous.assessment.patient_id != assessment.patient_id or previous.assessment == assessment:
        raise ServiceError(_("Continue a program from an earlier assessment."), code="not_earlier")
    request = assessment_request(assessment, setting=previous.setting, equipment=previous.equipment)
    rows = list(previous.items.select_related("exercise").order_by("position", "id"))
    exercises, library = _items_and_library(assessment.patient.clinic, rows)
    by_key = {row.exercise.stable_key: row for row in rows}
    result = continue_program(
        [planned_item(row, row.exercise.spec()) for row in rows],
        request,
        library,
        progress_between(previous.assessment, assessment),
    )
    came_from = {c.after.key: c.before.key for c in result.changes if c.before and c.after}
    planned = []
    for item in result.items:
        if item.key in came_from:
            extra = {"added_by_hand": by_key[came_from[item.key]].added_by_hand}
        elif item.key in by_key:
            row = by_key[item.key]
            extra = {"added_by_hand": row.added_by_hand, "edited_phases": row.edited_phases}
        else:
            extra = {}
        planned.append((item, extra))
    changes = [
        {
            "kind": change.kind,
            "before": _reference(change.before, exercises),
            "after": _reference(change.after, exercises),
            "suggestion": None,
            "reason": dict(change.reason),
            "rules": [],
        }
        for change in result.changes
    ]
    return program_create(
        assessment=assessment,
        created_by=created_by,
        request=request,
        setting=previous.setting,
        equipment=previous.equipment,
        planned=planned,
        exercises=exercises,
        origin=Program.Origin.CONTINUED,
        continued_from=previous,
        changes=changes,
    )
