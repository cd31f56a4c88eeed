"""Reads of the exercise library and programs, scoped to the acting membership's clinic."""

import uuid
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef, Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from osteoactive.audit import note_shown

from .models import Exercise, HiddenExercise, LiftLoad, Program, ProgramItem, ProgramTemplate


def _hidden_here(clinic):
    return Exists(HiddenExercise.objects.filter(clinic=clinic, exercise=OuterRef("pk")))


def library_for(clinic, *, include_hidden=False):
    """The global library and the clinic's own exercises, annotated with `is_hidden`."""
    exercises = Exercise.objects.filter(Q(clinic__isnull=True) | Q(clinic=clinic)).annotate(
        is_hidden=_hidden_here(clinic)
    )
    if not include_hidden:
        exercises = exercises.filter(is_hidden=False)
    return exercises.order_by("name_da", "id")


def library_search(clinic, *, search="", domain="", level="", equipment="", name_field="name_da"):
    exercises = library_for(clinic, include_hidden=True).order_by(name_field, "id")
    for word in search.split():
        exercises = exercises.filter(Q(name_da__icontains=word) | Q(name_en__icontains=word))
    if domain:
        exercises = exercises.filter(Q(domain=domain) | Q(secondary_domain=domain))
    if level:
        exercises = exercises.filter(min_level=level)
    if equipment == "none":
        exercises = exercises.filter(equipment=[])
    elif equipment:
        exercises = [e for e in exercises if equipment in e.equipment]
    return exercises


def ladder_of(clinic, exercise) -> list[Exercise]:
    """The rungs of the exercise's ladder the clinic can see, easiest first."""
    rungs = library_for(clinic).filter(Q(variant_group=exercise.ladder) | Q(id=exercise.id))
    return sorted(rungs, key=lambda e: (e.rung, e.stable_key))


def exercise_get(membership, exercise_id) -> Exercise:
    """The exercise, or 404; the id may come from a form, so anything not a UUID is a 404."""
    try:
        exercise_id = uuid.UUID(str(exercise_id))
    except ValueError:
        raise Http404 from None
    return get_object_or_404(library_for(membership.clinic, include_hidden=True), id=exercise_id)


def own_exercise_get(membership, exercise_id) -> Exercise:
    return get_object_or_404(Exercise, id=exercise_id, clinic=membership.clinic)


def program_get(membership, program_id) -> Program:
    program = get_object_or_404(
        Program.objects.select_related("assessment__patient"),
        id=program_id,
        assessment__patient__clinic=membership.clinic,
    )
    program.assessment.patient.clinic = membership.clinic
    note_shown(program, program.assessment.patient)
    return program


def programs_of(assessment):
    """The assessment's programs, newest first, as the result page lists them."""
    return assessment.programs.only("id", "assessment_id", "created_at", "setting").order_by(
        "-created_at"
    )


def program_items(program):
    return program.items.select_related("exercise").order_by("position")


def program_item_get(membership, item_id) -> ProgramItem:
    item = get_object_or_404(
        ProgramItem.objects.select_related("program__assessment__patient", "exercise"),
        id=item_id,
        program__assessment__patient__clinic=membership.clinic,
    )
    note_shown(item.program, item.program.assessment.patient)
    return item


@dataclass(frozen=True)
class ProgramRef:
    id: uuid.UUID
    assessment_date: date


def current_program_ref(assessment) -> ProgramRef | None:
    """The program the patient is on when this assessment is made: the one of their current
    (not superseded) prescription, else their newest program, from an earlier assessment.

    One plain query of the patient's programs with their prescriptions, chosen here: the
    result page asks on every view, and an `Exists` annotation cost more than the rest."""
    rows = Program.objects.filter(assessment__patient_id=assessment.patient_id).values_list(
        "id",
        "assessment__assessment_date",
        "assessment__created_at",
        "created_at",
        "prescriptions__id",
        "prescriptions__superseded_at",
    )
    mine = (assessment.assessment_date, assessment.created_at)
    best = None
    for program_id, day, assessed_at, created_at, prescription_id, superseded_at in rows:
        if (day, assessed_at) >= mine:
            continue
        rank = (prescription_id is not None and superseded_at is None, day, assessed_at, created_at)
        if best is None or rank > best[0]:
            best = (rank, ProgramRef(program_id, day))
    return best[1] if best else None


def current_program(assessment) -> Program | None:
    ref = current_program_ref(assessment)
    if ref is None:
        return None
    return Program.objects.select_related("assessment__patient").get(id=ref.id)


def templates_of(clinic):
    """The clinic's program templates, by name, with their number of exercises."""
    return (
        ProgramTemplate.objects.filter(clinic=clinic)
        .select_related("created_by")
        .annotate(item_count=Count("items"))
        .order_by("name", "id")
    )


def template_choices(clinic):
    """The clinic's templates as a form lists them: id and name only."""
    return ProgramTemplate.objects.filter(clinic=clinic).only("id", "name").order_by("name", "id")


def template_get(membership, template_id) -> ProgramTemplate:
    return get_object_or_404(ProgramTemplate, id=template_id, clinic=membership.clinic)


def template_for_change(membership, template_id) -> ProgramTemplate:
    """A template that this member may rename or delete: a clinic admin, or its author."""
    template = template_get(membership, template_id)
    if not (membership.is_clinic_admin or template.created_by_id == membership.user_id):
        raise PermissionDenied
    return template


def may_change_template(membership, template) -> bool:
    return membership.is_clinic_admin or template.created_by_id == membership.user_id


def recent_lift_loads(program, sessions=8):
    """The loads of the program's last `sessions` session days, newest first (one query)."""
    days = (
        LiftLoad.objects.filter(program=program)
        .order_by("-session_date")
        .values("session_date")
        .distinct()[:sessions]
    )
    return list(
        LiftLoad.objects.filter(program=program, session_date__in=days)
        .select_related("recorded_by")
        .order_by("-session_date", "exercise_id")
    )
