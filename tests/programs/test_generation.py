"""The generator, rule by rule (domain.md §7a P1–P13, §7b), with the default library.

One named row per rule and per boundary. The requests are built directly; the hypothesis
properties over real categorisation results are in test_generation_properties.py.
"""

import json
from datetime import date, timedelta

import pytest

from osteoactive.domain.categories import Category
from osteoactive.domain.vocabulary import Domain, Level
from programs.domain.dose import dose_json
from programs.domain.generation import generate_program
from programs.domain.program_json import program_to_json
from programs.domain.request import ProgramRequest
from programs.domain.slots import P1_PATTERNS, program_slots
from programs.domain.spec import BALANCE_PATTERNS, Impact, Kind, Pattern, Position
from tests.programs.exercises import BY_KEY, LIBRARY, spec

pytestmark = pytest.mark.pure

pytestmark = pytest.mark.pure

C = Category
P = Pattern
DAY = date(2026, 11, 1)


def make(category=C.HVERDAGSAKTIV, library=LIBRARY, **kw):
    return generate_program(ProgramRequest(category, **kw), library)


def keys(program):
    return [item.key for item in program.items]


def item(program, key):
    return next(i for i in program.items if i.key == key)


def covered(program, wheelchair=False):
    return {
        i.exercise.pattern
        for i in program.items
        if wheelchair
        or not (i.exercise.pattern is P.SQUAT and i.exercise.position is Position.SEATED)
    }


# ---------------------------------------------------------------- P1 patterns, P2 ladders


@pytest.mark.parametrize("category", list(Category), ids=lambda c: c.value)
@pytest.mark.parametrize(
    "equipment", [frozenset(), frozenset({"band", "dumbbells"})], ids=["none", "band"]
)
def test_p1_patterns_covered_and_p2_one_rung_per_ladder(category, equipment):
    program = make(category, equipment=equipment, assessment_date=DAY, has_inputs=True)
    assert program.unfilled == ()
    for group in P1_PATTERNS[category]:
        assert group & covered(program), (category, group)
    groups = [i.exercise.variant_group for i in program.items]
    assert len(groups) == len(set(groups))


def test_p1_a_home_program_without_a_band_still_has_a_pull():
    program = make(C.HVERDAGSAKTIV)
    pull = next(i for i in program.items if i.exercise.pattern is P.PULL)
    assert pull.key == "prone-arm-lifts" and pull.exercise.equipment <= {"mat"}


def test_p1_hinge_is_covered_by_the_hip_hinge_drill_in_strakt():
    program = make(C.HVERDAGSAKTIV_MED_HENSYN)
    hinge = item(program, "hip-hinge-stick")
    assert hinge.domain is Domain.STRAKT and hinge.reason["en"].startswith("P1: covers")


def test_p1_a_pattern_the_library_cannot_fill_is_listed_unfilled():
    library = [s for s in LIBRARY if s.pattern is not P.PULL]
    program = make(C.HVERDAGSAKTIV, library)
    assert [u.slot.id for u in program.unfilled] == ["pull"]
    assert "no exercise for this slot" in program.unfilled[0].reason["en"]


# ---------------------------------------------------------------- P3 starting rung


@pytest.mark.parametrize(
    ("name", "category", "kw", "squat"),
    [
        ("hverdagsaktiv easiest", C.HVERDAGSAKTIV, {}, "sit-to-stand"),
        ("hverdagsaktiv med hensyn easiest", C.HVERDAGSAKTIV_MED_HENSYN, {}, "sit-to-stand"),
        ("traeningsaktiv hardest without supervision", C.TRAENINGSAKTIV, {}, "goblet-squat"),
        ("5xSTS 15.0 keeps the category's rung", C.TRAENINGSAKTIV, {"sts5_seconds": 15.0},
         "goblet-squat"),
        ("5xSTS 15.1 starts easiest", C.TRAENINGSAKTIV, {"sts5_seconds": 15.1}, "sit-to-stand"),
        ("5xSTS unable starts easiest", C.TRAENINGSAKTIV_MED_HENSYN, {"sts5_unable": True},
         "sit-to-stand"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)  # fmt: skip
def test_p3_squat_ladder(name, category, kw, squat):
    program = make(category, equipment=frozenset({"dumbbells"}), **kw)
    chosen = next(i for i in program.items if i.exercise.variant_group == "squat")
    assert chosen.key == squat
    if kw:
        slow = squat == "sit-to-stand"
        assert ("5xSTS over 15.0 s" in chosen.reason["en"]) is slow


STATIC = [
    spec(f"static-{n}", domain=Domain.STABIL, kind=Kind.BALANCE, pattern=P.BALANCE_STATIC,
         group="static", rung=n, level=level)
    for n, level in ((1, Level.LIMITED), (2, Level.DAILY), (3, Level.TRAINING))
]  # fmt: skip


@pytest.mark.parametrize(("tandem", "start"), [(9.9, "static-1"), (10.0, "static-3")])
def test_p3_tandem_boundary_starts_static_balance_easiest(tandem, start):
    library = [s for s in LIBRARY if s.pattern not in BALANCE_PATTERNS] + STATIC
    program = make(C.TRAENINGSAKTIV, library, tandem_seconds=tandem)
    static = [i for i in program.items if i.exercise.variant_group == "static"]
    assert [i.key for i in static] == [start]


PRESS = [
    spec(f"press-{n}", pattern=P.PUSH, group="press", rung=n, level=level, supervision=sup)
    for n, level, sup in (
        (1, Level.LIMITED, False),
        (2, Level.TRAINING, False),
        (3, Level.TRAINING, False),
        (4, Level.TRAINING, True),
    )
]


@pytest.mark.parametrize(
    ("category", "kw", "start"),
    [
        (C.TRAENINGSAKTIV_MED_HENSYN, {}, "press-2"),
        (C.TRAENINGSAKTIV_MED_HENSYN, {"setting": "supervised"}, "press-2"),
        (C.HVERDAGSAKTIV, {}, "press-1"),
        (C.TRAENINGSAKTIV, {}, "press-3"),
        (C.TRAENINGSAKTIV, HIRIT_KW := {"setting": "supervised", "fall_risk": "low"}, "press-4"),
    ],
    ids=["training: easiest training rung", "supervised but no §7b", "daily: easiest",
         "heavy slot: hardest without supervision", "heavy slot under §7b"],
)  # fmt: skip
def test_p3_training_rungs_and_the_heavy_slot(category, kw, start):
    library = [s for s in LIBRARY if s.pattern is not P.PUSH] + PRESS
    program = make(category, library, **kw)
    assert [i.key for i in program.items if i.exercise.pattern is P.PUSH] == [start]


# ---------------------------------------------------------------- P4 named progression


def test_p4_progression_and_regression_are_named_and_never_cross_a_filter():
    program = make(C.HVERDAGSAKTIV_MED_HENSYN)
    heel = item(program, "heel-raises")
    assert heel.progression.key == "single-leg-heel-raise" and heel.regression is None
    assert "or move on to Single-leg heel raise" in heel.phases[2].instruction["en"]
    ladder = [
        spec("raise", pattern=P.CALF, group="calf"),
        spec("drop", kind=Kind.IMPACT, pattern=P.CALF, group="calf", rung=2,
             impact=Impact.MODERATE, level=Level.DAILY),
    ]  # fmt: skip
    precaution = make(C.HVERDAGSAKTIV_MED_HENSYN, ladder)
    assert item(precaution, "raise").progression is None
    assert item(make(C.HVERDAGSAKTIV, ladder), "raise").progression.key == "drop"


def test_p4_the_json_progression_holds_the_attribute_fields_and_the_name():
    data = program_to_json(make(C.HVERDAGSAKTIV, language="en"))
    squat = next(e for e in data["exercises"] if e["key"] == "sit-to-stand")
    assert squat["progression"] == {
        "key": "squat-to-chair",
        "name": {"da": "Squat til stol", "en": "Squat to a chair"},
        "domain": "staerk",
        "kind": "strength",
        "pattern": "squat",
        "variant_group": "squat",
        "rung": 2,
        "position": "standing",
        "min_level": "daily",
        "impact": "none",
        "loaded_spinal_flexion": False,
        "needs_supervision": False,
    }
    assert squat["regression"] is None


# ---------------------------------------------------------------- P5 mobility


def test_p5_wheelchair_only_seated_or_lying_and_balance_seated():
    request = ProgramRequest(C.FUNKTIONSBEGRAENSET, walking_aid="wheelchair", has_inputs=True)
    program = generate_program(request, LIBRARY)
    assert program.unfilled == ()
    for i in program.items:
        for exercise in (i.exercise, i.progression, i.regression):
            assert exercise is None or exercise.position is not Position.STANDING, i.key
        assert i.exercise.pattern not in (P.WALKING, P.STAIRS)
    balance = [i for i in program.items if i.domain is Domain.STABIL]
    assert {i.key for i in balance} == {
        "seated-reaching",
        "seated-weight-shifts",
        "seated-marching-reaching",
    }
    staerk = [i for i in program.items if i.domain is Domain.STAERK]
    assert len(staerk) == len(make(C.FUNKTIONSBEGRAENSET).items[:5]) - 1  # one fewer: no walking
    assert P.SQUAT in covered(program, wheelchair=True)  # seated knee extension counts here
    assert any("Wheelchair" in note["en"] for note in program.notes)


def test_p5_seated_knee_extension_counts_as_squat_only_for_a_wheelchair_user():
    assert "seated-knee-extension" not in keys(make(C.FUNKTIONSBEGRAENSET, sts5_unable=True))


def test_p5_rollator_walks_with_it_and_keeps_balance_support():
    program = make(C.FUNKTIONSBEGRAENSET, walking_aid="rollator")
    walk = item(program, "brisk-walking")
    assert all("Walk with your rollator." in p.instruction["en"] for p in walk.phases)
    for i in program.items:
        if i.exercise.pattern in BALANCE_PATTERNS and i.exercise.position is Position.STANDING:
            assert all("support" in p.instruction["en"] for p in i.phases)
            assert not any("Let go" in p.instruction["en"] for p in i.phases)


def test_p5_takes_precedence_over_p9_no_walking_after_a_hip_fracture_in_a_wheelchair():
    program = make(C.AKUTFASE, walking_aid="wheelchair", acute_fracture_sites=frozenset({"hip"}))
    assert not any(i.exercise.pattern is P.WALKING for i in program.items)


# ---------------------------------------------------------------- P6 balance


@pytest.mark.parametrize("category", list(Category), ids=lambda c: c.value)
def test_p6_balance_minutes(category):
    program = make(category)
    first, last = program.minutes_per_session["stabil"]
    low, high = (5, 10) if category is C.AKUTFASE else (10, 15)
    assert first >= low and last >= high
    assert set(program.minutes_per_session) == {"staerk", "stabil", "strakt"}


@pytest.mark.parametrize("category", list(Category), ids=lambda c: c.value)
def test_p6_fall_focus_daily_with_at_least_three(category):
    program = make(category, fall_prevention_focus=True)
    balance = [i for i in program.items if i.domain is Domain.STABIL]
    assert len(balance) >= 3
    assert all(p.days_per_week == 7 for i in balance for p in i.phases if p.dose)


def test_p6_traeningsaktiv_has_a_reactive_exercise():
    program = make(C.TRAENINGSAKTIV)
    assert any(i.exercise.pattern is P.BALANCE_REACTIVE for i in program.items)


@pytest.mark.parametrize("kw", [{"fall_risk": "high"}, {"warnings": frozenset({"W7"})}])
def test_p6_support_stays_all_12_weeks(kw):
    program = make(C.HVERDAGSAKTIV_MED_HENSYN, **kw)
    standing = [i for i in program.items if i.exercise.pattern in BALANCE_PATTERNS
                and i.exercise.position is Position.STANDING]  # fmt: skip
    assert standing
    for i in standing:
        assert all("support" in p.instruction["en"].lower() for p in i.phases)


# ---------------------------------------------------------------- P7 impact


def test_p7_moderate_impact_from_week_5():
    program = make(C.HVERDAGSAKTIV)
    impact = [i for i in program.items if i.exercise.impact is Impact.MODERATE]
    assert len(impact) == 2 and all(i.start_week == 5 for i in impact)
    assert all(i.phases[0].dose is None for i in impact)


@pytest.mark.parametrize(
    ("fall_risk", "high"), [("low", 1), ("intermediate", 0)], ids=["low", "intermediate"]
)
def test_p7_high_impact_only_with_low_fall_risk_from_week_9(fall_risk, high):
    program = make(C.TRAENINGSAKTIV, fall_risk=fall_risk)
    highs = [i for i in program.items if i.exercise.impact is Impact.HIGH]
    assert len(highs) == high and all(i.start_week == 9 for i in highs)
    assert len([i for i in program.items if i.exercise.kind is Kind.IMPACT]) == 2
    for i in program.items:
        if i.progression is not None and fall_risk != "low":
            assert i.progression.impact is not Impact.HIGH


def test_p7_high_fall_risk_brisk_walking_replaces_the_impact_items():
    program = make(C.HVERDAGSAKTIV, fall_risk="high")
    assert not any(i.exercise.impact.rank >= Impact.MODERATE.rank for i in program.items)
    walks = [i for i in program.items if i.slot.id == "brisk_walking"]
    assert [i.key for i in walks] == ["brisk-walking"]
    assert walks[0].reason["en"].startswith("P7: one brisk-walking item replaces")
    assert len(program_slots(ProgramRequest(C.HVERDAGSAKTIV, fall_risk="high"))) == (
        len(program_slots(ProgramRequest(C.HVERDAGSAKTIV))) - 1
    )


def impacts_per_phase(program):
    totals = []
    for index in range(3):
        total = high = 0
        for i in program.items:
            dose = i.phases[index].dose
            if dose is None or i.exercise.impact.rank < Impact.MODERATE.rank or not dose.reps:
                continue
            count = (dose.sets or 1) * dose.reps * (2 if dose.per_side else 1)
            total += count
            high += count if i.exercise.impact is Impact.HIGH else 0
        totals.append((total, high))
    return totals


def test_p7_impact_caps_with_many_high_impact_exercises():
    jumps = [
        spec(f"jump-{n}", kind=Kind.IMPACT, pattern=P.IMPACT, impact=Impact.HIGH,
             level=Level.TRAINING, dose=None)
        for n in range(4)
    ] + [spec(f"drop-{n}", kind=Kind.IMPACT, pattern=P.IMPACT, impact=Impact.MODERATE,
              level=Level.DAILY) for n in range(4)]  # fmt: skip
    program = make(C.TRAENINGSAKTIV, LIBRARY + tuple(jumps))
    for total, high in impacts_per_phase(program):
        assert total <= 100 and high <= 50


# ---------------------------------------------------------------- P8 pain


def test_p8_pain_no_impact_light_start_note_and_reassessment_within_4_weeks():
    program = make(C.TRAENINGSAKTIV, warnings=frozenset({"W4"}), assessment_date=DAY)
    assert not any(i.exercise.impact.rank >= Impact.MODERATE.rank for i in program.items)
    assert program.unfilled == ()  # the impact slots are dropped, not listed
    assert not any(i.slot.id == "brisk_walking" for i in program.items)
    strength = [i for i in program.items if i.exercise.kind is Kind.STRENGTH]
    assert all(i.phases[0].dose.sets == 1 for i in strength)
    notes = " ".join(n["en"] for n in program.notes)
    assert "Pain NRS 7 or more (W4)" in notes
    assert "Reassess by 29/11/2026." in notes  # 28 days


# ---------------------------------------------------------------- P9 acute phase


@pytest.mark.parametrize(
    ("days", "planned", "valid_until"),
    [(14, C.HVERDAGSAKTIV_MED_HENSYN, None), (15, C.AKUTFASE, DAY + timedelta(days=15))],
    ids=["14 days: underlying", "15 days: acute"],
)
def test_p9_acute_end_boundary(days, planned, valid_until):
    program = make(
        C.AKUTFASE,
        underlying_category=C.HVERDAGSAKTIV_MED_HENSYN,
        acute_phase_ends=DAY + timedelta(days=days),
        assessment_date=DAY,
        acute_fracture_sites=frozenset({"vertebral"}),
    )
    assert program.category is planned
    assert program.valid_until == valid_until
    data = program_to_json(program)
    assert data["planned_from"] == ("akutfase" if planned is not C.AKUTFASE else None)
    if planned is not C.AKUTFASE:
        assert any("(P9)" in n["en"] for n in program.notes)


def test_p9_acute_vertebral_fracture_always_has_log_roll_rest_and_breathing():
    program = make(C.AKUTFASE, acute_fracture_sites=frozenset({"vertebral"}))
    assert {"log-roll", "rest-positions", "diaphragmatic-breathing"} <= set(keys(program))


def test_p9_acute_hip_fracture():
    program = make(C.AKUTFASE, acute_fracture_sites=frozenset({"hip"}), walking_aid="none")
    chosen = set(keys(program))
    assert {"sit-to-stand", "standing-hip-abduction"} <= chosen
    walk = item(program, "brisk-walking")
    assert all("walking aid" in p.instruction["en"] for p in walk.phases)
    strakt = [i for i in program.items if i.domain is Domain.STRAKT]
    assert all(i.exercise.pattern in (P.POSTURE, P.EXTENSION) for i in strakt)
    assert all(i.exercise.min_level.rank <= Level.LIMITED.rank for i in strakt)


def test_p9_hip_strakt_takes_rest_or_breathing_when_still_short():
    short = (P.POSTURE, P.EXTENSION, P.MOBILITY)
    library = [s for s in LIBRARY if s.pattern not in short] + [BY_KEY["prone-head-shoulder-lift"]]
    program = make(C.AKUTFASE, library, acute_fracture_sites=frozenset({"hip"}))
    strakt = [i.exercise.pattern for i in program.items if i.domain is Domain.STRAKT]
    assert sorted(strakt) == sorted([P.EXTENSION, P.PAIN_RELIEF, P.BREATHING])
    assert program.unfilled == ()


# ---------------------------------------------------------------- P10, P11, P12


def test_p10_techniques_have_no_sets():
    program = make(C.AKUTFASE)
    roll = item(program, "log-roll")
    assert [dose_json(p.dose) for p in roll.phases] == [{"technique": True}] * 3


def test_p11_home_holds_nothing_that_needs_supervision_and_missing_equipment_is_said():
    for category in Category:
        assert not any(i.exercise.needs_supervision for i in make(category).items)
    library = [spec("a-machine", equipment=["machine"]), spec("b-plain")]
    home = make(C.FUNKTIONSBEGRAENSET, library)
    assert keys(home) == ["b-plain"] and home.items[0].reason["en"].endswith("Needs no equipment.")
    only = make(C.FUNKTIONSBEGRAENSET, library[:1])
    assert "Needs equipment not listed (machine)" in only.items[0].reason["en"]
    assert keys(make(C.FUNKTIONSBEGRAENSET, library, setting="gym")) == ["a-machine"]


def test_p12_same_request_same_program():
    request = ProgramRequest(C.TRAENINGSAKTIV, setting="supervised")
    assert generate_program(request, LIBRARY) == generate_program(request, LIBRARY[::-1])


# ---------------------------------------------------------------- P13 red flag, §7b HiRIT

HIRIT = {"setting": "supervised", "fall_risk": "low"}


def test_7b_hirit_for_supervised_traeningsaktiv_with_low_fall_risk():
    program = make(C.TRAENINGSAKTIV, **HIRIT)
    heavy = {i.key: i for i in program.items if i.exercise.needs_supervision}
    assert set(heavy) >= {"barbell-back-squat", "barbell-deadlift", "barbell-overhead-press",
                          "jumping-chin-up"}  # fmt: skip
    for key in ("barbell-back-squat", "barbell-deadlift", "barbell-overhead-press"):
        phases = [dose_json(p.dose) for p in heavy[key].phases]
        assert phases == [{"sets": 2, "reps": 10}, {"sets": 5, "reps": 5}, {"sets": 5, "reps": 5}]
        assert heavy[key].reason["en"].startswith("P1") or "§7b" in heavy[key].reason["en"]
        assert all(p.days_per_week == 2 for p in heavy[key].phases)
    assert heavy["jumping-chin-up"].start_week == 5
    assert any("two supervised sessions a week of about 30 minutes on non-consecutive days"
               in n["en"] for n in program.notes)  # fmt: skip


@pytest.mark.parametrize(
    "kw",
    [
        {"setting": "home"},
        {"setting": "supervised", "fall_risk": "intermediate"},
        {"setting": "supervised", "qualifying_vertebral_fracture": True},
        {"setting": "supervised", "warnings": frozenset({"W4"})},
        {"setting": "supervised", "warnings": frozenset({"W6"})},
    ],
    ids=["home", "fall risk intermediate", "vertebral fracture", "W4", "W6"],
)
def test_7b_does_not_apply(kw):
    program = make(C.TRAENINGSAKTIV, equipment=frozenset({"dumbbells"}), **kw)
    assert not any(i.exercise.needs_supervision for i in program.items)
    squat = next(i for i in program.items if i.slot.id == "heavy_squat")
    assert squat.key == "goblet-squat"
    assert "§7b does not apply" in squat.reason["en"]
    assert squat.exercise.dose_type.value == "repetitions"
    assert "LIFTMOR" not in json.dumps(program_to_json(program))
    assert not any("HiRIT" in n["en"] for n in program.notes)


def test_7b_not_for_traeningsaktiv_med_hensyn_even_supervised():
    program = make(C.TRAENINGSAKTIV_MED_HENSYN, setting="supervised", fall_risk="low")
    assert not any(i.exercise.needs_supervision for i in program.items)


def test_p13_red_flag_keeps_the_precaution_filters():
    program = make(C.TRAENINGSAKTIV, warnings=frozenset({"W6"}), **HIRIT)
    assert not any(i.exercise.impact.rank > Impact.LOW.rank for i in program.items)
    assert not any(i.exercise.loaded_spinal_flexion for i in program.items)
    walks = [i for i in program.items if i.slot.id == "brisk_walking"]
    assert len(walks) == 1 and walks[0].reason["en"].startswith("P13")
    for i in program.items:
        if i.progression is not None:
            assert i.progression.impact.rank <= Impact.LOW.rank
    assert any("(W6)" in n["en"] for n in program.notes)


# ---------------------------------------------------------------- the §5 output


def test_program_json_has_the_section_5_fields_and_no_time_stamp():
    data = program_to_json(make(C.HVERDAGSAKTIV, language="en"))
    json.dumps(data)
    assert list(data) == ["category", "planned_from", "valid_until", "minutes_per_session",
                          "exercises", "unfilled", "notes"]  # fmt: skip
    first = data["exercises"][0]
    assert set(first) >= {
        "key", "domain", "kind", "pattern", "variant_group", "rung", "position", "min_level",
        "impact", "loaded_spinal_flexion", "needs_supervision", "start_week", "progression",
        "regression", "phases", "reason", "name", "dose",
    }  # fmt: skip
    assert [list(p) for p in first["phases"]][0] == [
        "weeks", "dose", "dose_text", "days_per_week", "instruction"
    ]  # fmt: skip
    assert first["dose"] == {"sets": 2, "reps": 10} and first["dose_text"] == "2 × 10 repetitions"
    again = program_to_json(make(C.HVERDAGSAKTIV, language="en"))
    assert again == data  # nothing that changes from run to run: no time stamp, no random id
    text = json.dumps(data)
    assert '"id"' not in text and "_at" not in "".join(data)


def test_without_inputs_the_notes_say_the_plan_is_from_the_category_alone():
    notes = [n["en"] for n in make(C.HVERDAGSAKTIV).notes]
    assert notes[0].startswith("Planned from the category alone")
    with_inputs = [n["en"] for n in make(C.HVERDAGSAKTIV, has_inputs=True).notes]
    assert not any("category alone" in n for n in with_inputs)
