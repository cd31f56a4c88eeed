"""Reading the §5 request {"inputs", "result", "options"} (results from the real categoriser)."""

from datetime import date

import pytest

from assessment.domain.parsing import parse_assessment
from assessment.domain.rules import categorise
from assessment.domain.serialisation import result_to_json
from osteoactive.domain.categories import Category
from programs.domain.request import ProgramInputError, ProgramRequest
from programs.domain.request_json import request_from_json

pytestmark = pytest.mark.pure

TODAY = date(2026, 11, 1)
INPUTS = {
    "assessment_date": "2026-11-01",
    "birth_date": "1950-03-02",
    "sex": "female",
    "t_scores": {"lumbar_spine": -2.7},
    "fractures": [{"site": "vertebral", "date": "2026-07-01", "low_energy": True}],
    "falls_last_12_months": 1,
    "walking_aid": "rollator",
    "tug_seconds": 14.0,
    "sts5_seconds": 16.0,
    "tandem_seconds": 8.0,
    "tandem_max_seconds": 30,
    "pain_nrs": 8,
}


def result_of(inputs):
    return result_to_json(categorise(parse_assessment(inputs, today=TODAY)))


def test_reads_inputs_result_and_options():
    r = request_from_json(
        {
            "inputs": INPUTS,
            "result": result_of(INPUTS),
            "options": {"setting": "supervised", "equipment": ["band", "band"], "language": "en"},
        }
    )
    assert r.category is Category.AKUTFASE
    assert r.underlying_category is Category.FUNKTIONSBEGRAENSET
    assert r.acute_phase_ends == date(2027, 1, 1) and r.assessment_date == TODAY
    assert r.acute_fracture_sites == frozenset({"vertebral"}) and r.qualifying_vertebral_fracture
    assert (r.walking_aid, r.sts5_seconds, r.tandem_seconds) == ("rollator", 16.0, 8.0)
    assert r.slow_sit_to_stand and r.poor_tandem and r.walks_with_aid and r.keeps_support
    assert r.pain and "W4" in r.warnings and r.fall_risk == "intermediate"
    assert r.setting == "supervised" and r.equipment == frozenset({"band"}) and r.language == "en"
    assert r.has_inputs


def test_an_old_fracture_is_not_acute_but_still_a_vertebral_fracture():
    inputs = {
        **INPUTS,
        "fractures": [{"site": "vertebral", "date": "2020-01-01", "low_energy": True}],
    }
    r = request_from_json({"inputs": inputs, "result": result_of(inputs)})
    assert r.acute_fracture_sites == frozenset() and r.qualifying_vertebral_fracture
    assert r.category is Category.FUNKTIONSBEGRAENSET and not r.acute_program


def test_without_inputs_the_plan_is_from_the_category_and_c1():
    result = result_of({**INPUTS, "walking_aid": "none", "tug_seconds": 9.0, "sts5_seconds": 10.0,
                        "tandem_seconds": 30.0, "fractures": [], "pain_nrs": 1})  # fmt: skip
    r = request_from_json({"result": result})
    assert r == ProgramRequest(
        Category(result["category"]),
        fall_prevention_focus=result["fall_prevention_focus"],
        fall_risk=result["fall_risk"],
        warnings=frozenset(result["warnings"]),
        qualifying_vertebral_fracture="C1" in result["rules"],
        has_inputs=False,
        next_reassessment_due=date.fromisoformat(result["next_reassessment_due"]),
    )
    assert request_from_json(
        {"result": {**result, "rules": ["B4", "C1"]}}
    ).qualifying_vertebral_fracture


def test_an_override_plans_the_chosen_category():
    result = {**result_of(INPUTS), "category": "hverdagsaktiv"}
    assert (
        request_from_json({"inputs": INPUTS, "result": result}).planned_category
        is Category.HVERDAGSAKTIV
    )


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"result": {"category": "sporty"}}, "result.category"),
        ({"result": {}}, "result.category"),
        ({"result": {"category": "hverdagsaktiv", "rules": "C1"}}, "result.rules"),
        ({"result": {"category": "hverdagsaktiv", "warnings": [4]}}, "result.warnings"),
        ({"result": {"category": "hverdagsaktiv", "fall_risk": "huge"}}, "result.fall_risk"),
        ({"result": {"category": "hverdagsaktiv", "fall_prevention_focus": "yes"}},
         "result.fall_prevention_focus"),
        ({"result": {"category": "akutfase", "acute_phase_ends": "soon"}},
         "result.acute_phase_ends"),
        ({"result": {"category": "hverdagsaktiv"}, "options": {"setting": "beach"}},
         "options.setting"),
        ({"result": {"category": "hverdagsaktiv"}, "options": {"equipment": ["rowing_machine"]}},
         "options.equipment"),
        ({"result": {"category": "hverdagsaktiv"}, "options": {"equipment": "band"}},
         "options.equipment"),
        ({"result": {"category": "hverdagsaktiv"}, "options": {"language": "de"}},
         "options.language"),
        ({"result": {"category": "hverdagsaktiv"}, "options": []}, "options"),
        ({"result": {"category": "hverdagsaktiv"}, "inputs": []}, "inputs"),
        ({"result": {"category": "hverdagsaktiv"}, "inputs": {"walking_aid": "skates"}},
         "inputs.walking_aid"),
        ({"result": {"category": "hverdagsaktiv"}, "inputs": {"sts5_seconds": "fast"}},
         "inputs.sts5_seconds"),
        ({"result": {"category": "hverdagsaktiv"}, "inputs": {"fractures": [{"date": "x"}]}},
         "inputs.fractures[0]"),
        ({"result": "akutfase"}, "result"),
        ({}, "result"),
        ([], "data"),
    ],
)  # fmt: skip
def test_one_message_per_bad_field(data, field):
    with pytest.raises(ProgramInputError) as caught:
        request_from_json(data)
    assert list(caught.value.errors) == [field]
    assert field in str(caught.value)


def test_every_bad_field_at_once():
    data = {
        "result": {"category": "x"},
        "options": {"setting": "x", "language": "x", "equipment": ["x"]},
        "inputs": {"walking_aid": "x"},
    }
    with pytest.raises(ProgramInputError) as caught:
        request_from_json(data)
    assert set(caught.value.errors) == {
        "result.category",
        "options.setting",
        "options.language",
        "options.equipment",
        "inputs.walking_aid",
    }


def test_the_request_validates_itself():
    for kw in ({"setting": "beach"}, {"equipment": frozenset({"sofa"})}, {"fall_risk": "x"},
               {"walking_aid": "skates"}):  # fmt: skip
        with pytest.raises(ProgramInputError):
            ProgramRequest(Category.HVERDAGSAKTIV, **kw)
