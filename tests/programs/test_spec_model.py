"""The Exercise model mirrors the one exercise spec (programs.domain.spec.SPEC_FIELDS)."""

import pytest

from programs.domain.library_file import load_library_file
from programs.domain.spec import SPEC_FIELDS
from programs.library import load_default_library
from programs.models import Exercise

APP_FIELDS = {"id", "created_at", "updated_at", "clinic", "illustration", "library_version"}


def test_the_model_has_a_field_for_every_spec_field_and_no_other_attribute():
    model = {f.name for f in Exercise._meta.get_fields() if f.concrete}
    assert set(SPEC_FIELDS) <= model
    assert model - set(SPEC_FIELDS) == APP_FIELDS


@pytest.mark.django_db
def test_the_loaded_library_gives_back_the_file_specs():
    load_default_library()
    stored = {e.key: e.spec() for e in Exercise.objects.filter(clinic__isnull=True)}
    library = load_library_file()
    assert stored == {entry.key: entry.spec for entry in library.entries}
    assert set(Exercise.objects.values_list("library_version", flat=True)) == {library.version}


@pytest.mark.django_db
def test_a_clinic_exercise_without_a_ladder_is_a_ladder_of_its_own(clinic):
    from tests.factories import ExerciseFactory

    own = ExerciseFactory(clinic=clinic, key="curl")
    spec = own.spec()
    assert spec.variant_group == spec.key == f"clinic-{clinic.id}-curl" and spec.rung == 1
    joined = ExerciseFactory(clinic=clinic, key="deep-squat", variant_group="squat", rung=5)
    assert joined.spec().variant_group == "squat"
