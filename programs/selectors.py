"""Reads of the exercise library and programs, scoped to the acting membership's clinic."""

import uuid

from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from osteoactive.audit import note_shown

from .models import Exercise, HiddenExercise, Program, ProgramItem


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


def program_page_get(membership, program_id) -> Program:
    """`program_get` without the assessment's inputs, which are large and which the program
    page does not show (the page is in the benchmark, bench/RESULTS.md)."""
    program = get_object_or_404(
        Program.objects.select_related("assessment__patient").defer("assessment__inputs"),
        id=program_id,
        assessment__patient__clinic=membership.clinic,
    )
    program.assessment.patient.clinic = membership.clinic
    note_shown(program, program.assessment.patient)
    return program


def exercise_choices(clinic, language) -> list[tuple]:
    """(id, name) of the exercises a program can take (the library less the hidden ones), as
    the program page's "add an exercise" list shows them."""
    return list(library_for(clinic).select_related(None).values_list("id", f"name_{language}"))


def programs_of(assessment):
    """The assessment's programs, newest first, as the result page lists them."""
    return assessment.programs.only("id", "assessment_id", "created_at", "setting").order_by(
        "-created_at"
    )


def program_items(program):
    return program.items.select_related("exercise").order_by("position")


def program_page_items(program):
    """The items with only the exercise columns the program page shows."""
    return program_items(program).only(
        *(f.name for f in ProgramItem._meta.concrete_fields if f.name not in ("created_at", "updated_at")),
        "exercise__name_da", "exercise__name_en", "exercise__illustration", "exercise__dose_type",
    )  # fmt: skip


def program_item_get(membership, item_id) -> ProgramItem:
    item = get_object_or_404(
        ProgramItem.objects.select_related("program__assessment__patient", "exercise"),
        id=item_id,
        program__assessment__patient__clinic=membership.clinic,
    )
    note_shown(item.program, item.program.assessment.patient)
    return item
