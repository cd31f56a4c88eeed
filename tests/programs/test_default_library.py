"""The default library against the generator: every category gets a complete, safe program."""

import pytest

from osteoactive.domain.categories import Category
from programs.domain.generation import generate_program
from programs.domain.library_file import load_library_file
from programs.domain.request import ProgramRequest
from programs.domain.safety import is_allowed

pytestmark = pytest.mark.pure

LIBRARY = [entry.spec for entry in load_library_file().entries]


@pytest.mark.parametrize("category", list(Category))
@pytest.mark.parametrize("setting", ["home", "gym", "supervised"])
@pytest.mark.parametrize("fall_focus", [False, True])
def test_every_category_gets_a_complete_program(category, setting, fall_focus):
    request = ProgramRequest(
        category=category,
        fall_prevention_focus=fall_focus,
        setting=setting,
        equipment=frozenset({"band", "dumbbells", "step"}),
    )
    program = generate_program(request, LIBRARY)
    assert program.unfilled == ()
    assert {item.exercise.domain.value for item in program.items} == {"staerk", "stabil", "strakt"}
    by_key = {spec.key: spec for spec in LIBRARY}
    for item in program.items:
        assert is_allowed(by_key[item.key], category, supervised_setting=setting == "supervised")


@pytest.mark.parametrize("category", list(Category))
def test_vertebral_fracture_never_gets_loaded_flexion(category):
    request = ProgramRequest(category=category, qualifying_vertebral_fracture=True)
    program = generate_program(request, LIBRARY)
    assert not any(item.exercise.loaded_spinal_flexion for item in program.items)


@pytest.mark.parametrize("category", list(Category))
def test_supervised_lifts_only_in_the_heavy_lift_slot(category):
    request = ProgramRequest(category=category, setting="supervised")
    program = generate_program(request, LIBRARY)
    supervised = [item for item in program.items if item.exercise.needs_supervision]
    assert all(item.slot.id == "heavy_lift" for item in supervised)
    if category != Category.TRAENINGSAKTIV:
        assert supervised == []


@pytest.mark.parametrize("setting", ["home", "gym", "supervised"])
def test_acute_pain_relief_is_rest_positions(setting):
    program = generate_program(ProgramRequest(category=Category.AKUTFASE, setting=setting), LIBRARY)
    assert {i.slot.id: i.key for i in program.items}["pain_relief"] == "rest-positions"
