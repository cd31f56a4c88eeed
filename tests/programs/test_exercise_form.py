"""The clinic admin's exercise form: DK-2026.2 attributes with sensible defaults and ladders."""

import pytest

from programs.forms import ExerciseForm
from programs.library import load_default_library
from programs.selectors import library_for
from tests.factories import ExerciseFactory

pytestmark = pytest.mark.django_db

BASE = {
    "name_da": "Dyb squat med stang",
    "name_en": "Deep barbell squat",
    "instructions_da": "Stå\nBøj",
    "instructions_en": "Stand\nBend",
    "safety_tip_da": "Rank ryg.",
    "safety_tip_en": "Straight back.",
    "domain": "staerk",
    "kind": "strength",
    "pattern": "squat",
    "min_level": "training",
    "impact": "none",
    "dose_type": "repetitions",
    "sets": 3,
    "reps": 8,
    "priority": 40,
}


@pytest.fixture
def library(clinic):
    load_default_library()
    return library_for(clinic)


def form(library, **changes):
    data = {**BASE, **changes}
    data = {k: v for k, v in data.items() if v is not None}
    instance = ExerciseFactory.build(illustration="x.png")
    return ExerciseForm(data, instance=instance, library=library)


def test_defaults_standing_rung_1_its_own_ladder(library):
    f = form(library)
    assert f.is_valid(), f.errors
    assert (f.cleaned_data["position"], f.cleaned_data["rung"]) == ("standing", 1)
    assert f.cleaned_data["variant_group"] == ""
    assert f.default_dose() == {"sets": 3, "reps": 8}


def test_joining_a_ladder_on_a_free_rung(library):
    f = form(library, variant_group="squat", rung=5)
    assert f.is_valid(), f.errors


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"variant_group": "squat", "rung": 2}, "rung"),  # squat to chair is rung 2
        ({"variant_group": "squat", "rung": 5, "pattern": "hinge"}, "pattern"),
        ({"rung": 2}, "rung"),  # a ladder of its own is rung 1
        ({"rung": 0}, "rung"),
        ({"pattern": None}, "pattern"),  # a strength exercise needs its pattern chosen
        ({"dose_type": "distance"}, "dose_type"),  # DK-2026.1 only
        ({"dose_type": "hold_seconds", "sets": 3}, "hold_seconds"),
        ({"variant_group": "no-such-ladder"}, "variant_group"),
    ],
)
def test_invalid(library, changes, field):
    f = form(library, **changes)
    assert not f.is_valid()
    assert field in f.errors


def test_the_kind_gives_the_pattern_and_a_technique_has_no_sets(library):
    f = form(library, kind="technique", pattern=None, dose_type="technique", sets=None, reps=None)
    assert f.is_valid(), f.errors
    assert f.cleaned_data["pattern"] == "technique"
    assert f.default_dose() == {"technique": True}


def test_per_side_and_holds(library):
    f = form(library, dose_type="hold_seconds", hold_seconds=30, per_side="on", reps=None)
    assert f.is_valid(), f.errors
    assert f.default_dose() == {"hold_seconds": 30, "per_side": True, "sets": 3}
