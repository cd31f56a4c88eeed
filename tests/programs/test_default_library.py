"""The default library against the generator: every category gets a complete, safe program."""

import pytest

from osteoactive.domain.categories import Category
from programs.domain.generation import generate_program
from programs.domain.request import ProgramRequest
from programs.domain.rules import rule_breaks
from tests.programs.exercises import LIBRARY

pytestmark = pytest.mark.pure


@pytest.mark.parametrize("category", list(Category), ids=lambda c: c.value)
@pytest.mark.parametrize("setting", ["home", "gym", "supervised"])
@pytest.mark.parametrize("fall_risk", ["low", "intermediate", "high"])
@pytest.mark.parametrize("aid", ["none", "rollator", "wheelchair"])
def test_every_category_gets_a_complete_program(category, setting, fall_risk, aid):
    request = ProgramRequest(
        category=category,
        fall_prevention_focus=fall_risk != "low",
        fall_risk=fall_risk,
        setting=setting,
        walking_aid=aid,
        equipment=frozenset({"band", "dumbbells", "step"}),
    )
    program = generate_program(request, LIBRARY)
    standing_only = {"moderate_impact", "high_impact", "drop_landing", "hip_hinge"}
    # For a wheelchair user the impact and the standing hip-hinge drill cannot be filled (P5).
    assert all(u.slot.id in standing_only and aid == "wheelchair" for u in program.unfilled)
    assert {item.domain.value for item in program.items} == {"staerk", "stabil", "strakt"}
    for item in program.items:
        assert rule_breaks(item.exercise, request) == [], item.key


@pytest.mark.parametrize("category", list(Category), ids=lambda c: c.value)
def test_vertebral_fracture_never_gets_loaded_flexion(category):
    request = ProgramRequest(category=category, qualifying_vertebral_fracture=True)
    program = generate_program(request, LIBRARY)
    assert not any(item.exercise.loaded_spinal_flexion for item in program.items)


@pytest.mark.parametrize("category", list(Category), ids=lambda c: c.value)
def test_supervised_exercises_only_under_7b(category):
    request = ProgramRequest(category=category, setting="supervised", fall_risk="low")
    supervised = [
        i for i in generate_program(request, LIBRARY).items if i.exercise.needs_supervision
    ]
    if category is Category.TRAENINGSAKTIV:
        assert {i.slot.id for i in supervised} <= {
            "heavy_squat", "heavy_hinge", "heavy_press", "drop_landing", "balance_reactive"
        }  # fmt: skip
    else:
        assert supervised == []


@pytest.mark.parametrize("setting", ["home", "gym", "supervised"])
def test_acute_pain_relief_is_rest_positions(setting):
    program = generate_program(ProgramRequest(category=Category.AKUTFASE, setting=setting), LIBRARY)
    assert {i.slot.id: i.key for i in program.items}["pain_relief"] == "rest-positions"
