"""Writes of the clinic's exercise library: its own exercises, and the global ones it hides."""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from osteoactive.errors import ServiceError

from ..models import Exercise, HiddenExercise, Program


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
    programs_shown_anew([exercise.pk])
    return exercise


def programs_shown_anew(exercise_ids) -> None:
    """Raises `updated_at` of the programs holding these exercises: the program page caches
    its editor (names, drawings, warnings) by it."""
    Program.objects.filter(items__exercise__in=exercise_ids).update(updated_at=timezone.now())


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
