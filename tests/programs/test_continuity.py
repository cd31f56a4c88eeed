"""Named neighbours, templates for another patient and programs continued at a reassessment."""

import pytest

from osteoactive.domain.categories import Category
from programs.domain.continuity import continue_program, refilter
from programs.domain.dose import Dose, dose_json
from programs.domain.dosing import Phase
from programs.domain.generation import ProgramItem, generate_program, place_item
from programs.domain.ladders import rung_neighbours
from programs.domain.request import ProgramRequest
from programs.domain.spec import Pattern
from tests.programs.exercises import BY_KEY, LIBRARY

pytestmark = pytest.mark.pure

C = Category


def request(category, **kw):
    return ProgramRequest(category, **kw)


@pytest.mark.parametrize(
    ("key", "category", "kw", "easier", "harder"),
    [
        ("squat-to-chair", C.HVERDAGSAKTIV, {}, "sit-to-stand", "goblet-squat"),
        ("goblet-squat", C.HVERDAGSAKTIV, {}, "squat-to-chair", None),  # back squat: training
        ("goblet-squat", C.TRAENINGSAKTIV, {}, "squat-to-chair", None),  # supervised: §7b only
        ("goblet-squat", C.TRAENINGSAKTIV, {"setting": "supervised", "fall_risk": "low"},
         "squat-to-chair", "barbell-back-squat"),
        ("heel-drops", C.TRAENINGSAKTIV, {"fall_risk": "low"}, None, "low-two-foot-jumps"),
        ("heel-drops", C.TRAENINGSAKTIV, {"fall_risk": "intermediate"}, None, None),
        ("semi-tandem-stance", C.FUNKTIONSBEGRAENSET, {}, None, "tandem-stance"),
        ("tandem-stance", C.FUNKTIONSBEGRAENSET, {}, "semi-tandem-stance", None),
        ("seated-overhead-press", C.FUNKTIONSBEGRAENSET, {"walking_aid": "wheelchair"}, None,
         None),
    ],
)  # fmt: skip
def test_rung_neighbours(key, category, kw, easier, harder):
    """P4: the nearest easier and harder rung the same rules allow."""
    found = rung_neighbours(BY_KEY[key], LIBRARY, request(category, **kw))
    assert (found.regression.key if found.regression else None) == easier
    assert (found.progression.key if found.progression else None) == harder


def edited(item, sets):
    """The item as a physiotherapist edited it: another dose in every phase."""
    phases = tuple(
        Phase(p.weeks, Dose(sets=sets, reps=12) if p.dose else None, p.days_per_week, p.instruction)
        for p in item.phases
    )
    return ProgramItem(item.exercise, item.slot, phases, item.reason, item.progression,
                       item.regression)  # fmt: skip


def test_refilter_keeps_the_doses_and_names_what_was_dropped_and_why():
    template = generate_program(request(C.HVERDAGSAKTIV), LIBRARY).items
    template = tuple(edited(i, 4) if i.key == "sit-to-stand" else i for i in template)
    result = refilter(template, request(C.HVERDAGSAKTIV_MED_HENSYN), LIBRARY)
    dropped = {d.item.key: d for d in result.dropped}
    assert set(dropped) == {"heel-drops", "stamping"}  # moderate impact, a precaution category
    assert {v.code for v in dropped["heel-drops"].reasons} == {"impact_above_low"}
    assert "brisk walking" in dropped["stamping"].reasons[0].message["en"]
    kept = {i.key: i for i in result.items}
    assert [dose_json(p.dose) for p in kept["sit-to-stand"].phases][0] == {"sets": 4, "reps": 12}
    assert result.missing_patterns == ()


def test_refilter_for_a_wheelchair_user_suggests_the_nearest_allowed_rung():
    template = generate_program(request(C.FUNKTIONSBEGRAENSET), LIBRARY).items
    result = refilter(template, request(C.FUNKTIONSBEGRAENSET, walking_aid="wheelchair"), LIBRARY)
    assert "brisk-walking" in {d.item.key for d in result.dropped}
    assert all(i.exercise.position.value != "standing" for i in result.items)
    squat_group = frozenset({Pattern.SQUAT})
    assert squat_group in result.missing_patterns  # sit-to-stand dropped, nothing seated left


def test_refilter_drops_a_second_rung_of_a_ladder():
    library, r = LIBRARY, request(C.HVERDAGSAKTIV)
    two = [
        place_item(None, BY_KEY[k], r, library, reason={})
        for k in ("sit-to-stand", "squat-to-chair")
    ]
    result = refilter(two, r, library)
    assert [i.key for i in result.items] == ["sit-to-stand"]
    assert result.dropped[0].reasons[0].code == "one_rung_per_ladder"


def test_continue_moves_one_rung_on_where_the_reassessment_shows_progress():
    before = generate_program(request(C.HVERDAGSAKTIV), LIBRARY).items
    result = continue_program(before, request(C.HVERDAGSAKTIV), LIBRARY, {"sts5": "better"})
    moved = {(c.before.key, c.after.key) for c in result.changes if c.kind == "moved_on"}
    assert ("sit-to-stand", "squat-to-chair") in moved
    assert ("heel-raises", "single-leg-heel-raise") in moved
    assert not any(c.before.pattern is Pattern.BALANCE_STATIC for c in result.changes)
    assert all("5xSTS is better" in c.reason["en"] for c in result.changes if c.kind == "moved_on")
    squat = next(i for i in result.items if i.key == "squat-to-chair")
    assert squat.reason["en"].startswith("5xSTS is better")  # not the first rung's P3 reason
    still = continue_program(before, request(C.HVERDAGSAKTIV), LIBRARY, {"sts5": "no_change"})
    assert still.changes == () and [i.key for i in still.items] == [i.key for i in before]


def test_continue_keeps_the_physiotherapists_doses_where_allowed_and_lists_every_change():
    before = generate_program(request(C.HVERDAGSAKTIV), LIBRARY).items
    before = tuple(edited(i, 4) if i.key == "wall-push-up" else i for i in before)
    hand = place_item(None, BY_KEY["jogging"], request(C.HVERDAGSAKTIV), LIBRARY, reason={})
    hand = ProgramItem(hand.exercise, None, hand.phases, {}, confirmed=("x",))
    result = continue_program(before + (hand,), request(C.HVERDAGSAKTIV_MED_HENSYN), LIBRARY, {})
    kinds = {(c.kind, c.before.key if c.before else None) for c in result.changes}
    assert ("dropped", "heel-drops") in kinds and ("dropped", "stamping") in kinds
    assert ("dropped", "jogging") in kinds  # added by hand: confirm again
    assert any(c.kind == "added" and c.after.key == "brisk-walking" for c in result.changes)
    push = next(i for i in result.items if i.key == "wall-push-up")
    assert dose_json(push.phases[0].dose) == {"sets": 4, "reps": 12}
    assert not any(i.exercise.impact.value in ("moderate", "high") for i in result.items)


def test_continue_replaces_an_excluded_rung_by_the_nearest_allowed_one():
    before = generate_program(request(C.HVERDAGSAKTIV), LIBRARY).items
    before = tuple(
        place_item(i.slot, BY_KEY["squat-to-chair"], request(C.HVERDAGSAKTIV), LIBRARY)
        if i.key == "sit-to-stand" else i
        for i in before
    )  # fmt: skip
    result = continue_program(before, request(C.FUNKTIONSBEGRAENSET), LIBRARY, {})
    replaced = [(c.before.key, c.after.key) for c in result.changes if c.kind == "replaced"]
    assert ("squat-to-chair", "sit-to-stand") in replaced
    squat = next(i for i in result.items if i.key == "sit-to-stand")
    assert squat.reason["en"].startswith("Instead of Squat to a chair: ")
