"""The program generator: slot counts, safety, determinism, unfilled slots and the JSON edges."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from osteoactive.domain.categories import Category
from osteoactive.domain.vocabulary import Domain, Level
from programs.domain import request
from programs.domain.generation import alternatives, generate_program, program_slots
from programs.domain.program_json import program_to_json
from programs.domain.request import ProgramInputError, ProgramRequest, request_from_json
from programs.domain.spec import EQUIPMENT, Dose, DoseType, ExerciseSpec, Impact, Kind

pytestmark = pytest.mark.pure

C = Category

# §7 as chosen in generation.py: (Stærk, Stabil, Strakt) slots, without / with fall focus.
EXPECTED = {
    C.AKUTFASE: ((3, 1, 4), (3, 3, 4)),
    C.FUNKTIONSBEGRAENSET: ((4, 2, 2), (4, 3, 2)),
    C.HVERDAGSAKTIV_MED_HENSYN: ((5, 3, 3), (5, 3, 3)),
    C.HVERDAGSAKTIV: ((6, 3, 2), (6, 3, 2)),
    C.TRAENINGSAKTIV_MED_HENSYN: ((7, 3, 2), (7, 3, 2)),
    C.TRAENINGSAKTIV: ((8, 3, 2), (8, 3, 2)),
}
MAX_LEVEL_RANK = {
    C.AKUTFASE: 1,
    C.FUNKTIONSBEGRAENSET: 1,
    C.HVERDAGSAKTIV_MED_HENSYN: 2,
    C.HVERDAGSAKTIV: 2,
    C.TRAENINGSAKTIV_MED_HENSYN: 3,
    C.TRAENINGSAKTIV: 3,
}


def ex(
    key,
    domain=Domain.STAERK,
    kind=Kind.STRENGTH,
    level=Level.LIMITED,
    impact=Impact.NONE,
    *,
    name=None,
    flexion=False,
    supervision=False,
    equipment=(),
    secondary=None,
    dose_type=DoseType.REPETITIONS,
):
    return ExerciseSpec(
        key=key,
        name_da=name or key,
        name_en=name or key,
        domain=domain,
        kind=kind,
        min_level=level,
        impact=impact,
        loaded_spinal_flexion=flexion,
        needs_supervision=supervision,
        dose_type=dose_type,
        default_dose=Dose(),
        equipment=frozenset(equipment),
        secondary_domain=secondary,
    )


CRUNCH = ex("zz_crunch", level=Level.DAILY, flexion=True, name="Crunch")
JUMP = ex("zz_jump", kind=Kind.IMPACT, level=Level.TRAINING, impact=Impact.HIGH, name="Jump")
BARBELL = ex(
    "zz_barbell_squat", level=Level.TRAINING, supervision=True, equipment=["barbell"], name="Squat"
)
HAZARDS = [CRUNCH, JUMP, BARBELL]

S, B, R = Domain.STAERK, Domain.STABIL, Domain.STRAKT
# A small library after domain.md §9.
LIBRARY = [
    ex("sit_to_stand", S, Kind.STRENGTH, Level.LIMITED, equipment=["chair"]),
    ex("heel_raise", S, Kind.STRENGTH, Level.LIMITED, equipment=["chair"]),
    ex("seated_knee_extension", S, Kind.STRENGTH, Level.LIMITED, equipment=["ankle_weights"]),
    ex("wall_push_up", S, Kind.STRENGTH, Level.LIMITED, equipment=["wall"]),
    ex("band_row", S, Kind.STRENGTH, Level.LIMITED, equipment=["band"], secondary=R),
    ex("bridge", S, Kind.STRENGTH, Level.LIMITED, equipment=["mat"]),
    ex("step_up", S, Kind.STRENGTH, Level.DAILY, equipment=["step"]),
    ex("goblet_squat", S, Kind.STRENGTH, Level.DAILY, equipment=["chair"]),
    ex("leg_press", S, Kind.STRENGTH, Level.DAILY, equipment=["machine"]),
    ex("farmers_carry", S, Kind.STRENGTH, Level.DAILY, equipment=["dumbbells"], secondary=B),
    ex("trap_bar_deadlift", S, Kind.STRENGTH, Level.TRAINING, equipment=["kettlebell"]),
    ex("barbell_back_squat", S, Kind.STRENGTH, Level.TRAINING, supervision=True,
       equipment=["barbell"]),
    ex("barbell_deadlift", S, Kind.STRENGTH, Level.TRAINING, supervision=True,
       equipment=["barbell"]),
    ex("brisk_walking", S, Kind.WALKING, Level.LIMITED, Impact.LOW,
       dose_type=DoseType.DURATION_MINUTES),
    ex("heel_drops", S, Kind.IMPACT, Level.DAILY, Impact.MODERATE),
    ex("stamping", S, Kind.IMPACT, Level.DAILY, Impact.MODERATE),
    ex("skipping", S, Kind.IMPACT, Level.TRAINING, Impact.HIGH),
    ex("low_jumps", S, Kind.IMPACT, Level.TRAINING, Impact.HIGH),
    ex("weight_shifts", B, Kind.BALANCE, Level.ACUTE, equipment=["chair"]),
    ex("tandem_stance", B, Kind.BALANCE, Level.LIMITED, dose_type=DoseType.HOLD_SECONDS),
    ex("single_leg_stance", B, Kind.BALANCE, Level.DAILY, dose_type=DoseType.HOLD_SECONDS),
    ex("tandem_walk", B, Kind.BALANCE, Level.DAILY, equipment=["rail"]),
    ex("clock_stepping", B, Kind.BALANCE, Level.DAILY),
    ex("prone_head_lift", R, Kind.POSTURE, Level.DAILY, equipment=["mat"]),
    ex("wall_back_extension", R, Kind.POSTURE, Level.LIMITED, equipment=["wall"]),
    ex("chin_tuck", R, Kind.POSTURE, Level.ACUTE),
    ex("hip_hinge_drill", R, Kind.MOBILITY, Level.DAILY, equipment=["stick"],
       name="Hip-hinge drill with a stick"),
    ex("rest_positions", R, Kind.MOBILITY, Level.ACUTE, equipment=["bed"]),
    ex("log_roll", R, Kind.MOBILITY, Level.ACUTE, equipment=["bed"],
       name="Log-roll bed transfer"),
    ex("diaphragmatic_breathing", R, Kind.MOBILITY, Level.ACUTE,
       name="Diaphragmatic breathing and relaxation"),
]  # fmt: skip


def domain_counts(slots):
    return tuple(sum(1 for s in slots if s.domain is d) for d in Domain)


def safe_by_spec(e, r):
    """An independent reading of §6, so a bug in safety.py cannot hide itself."""
    precautions = r.category not in (C.HVERDAGSAKTIV, C.TRAENINGSAKTIV)
    if e.min_level.rank > MAX_LEVEL_RANK[r.category]:
        return False
    if precautions and (e.impact in (Impact.MODERATE, Impact.HIGH) or e.loaded_spinal_flexion):
        return False
    if r.qualifying_vertebral_fracture and e.loaded_spinal_flexion:
        return False
    return not (
        e.needs_supervision
        and (r.category in (C.AKUTFASE, C.FUNKTIONSBEGRAENSET) or r.setting != "supervised")
    )


# ---------------------------------------------------------------- slot table and examples


@pytest.mark.parametrize("category", list(Category))
@pytest.mark.parametrize("focus", [False, True])
def test_slot_counts(category, focus):
    slots = program_slots(ProgramRequest(category, fall_prevention_focus=focus))
    assert domain_counts(slots) == EXPECTED[category][focus]
    balance = sum(1 for s in slots if s.kind is Kind.BALANCE)
    assert balance >= 3 if focus else balance >= 1


def test_table_details():
    def ids(category):
        return [s.id for s in program_slots(ProgramRequest(category))]

    assert ids(C.HVERDAGSAKTIV).count("moderate_impact") == 2
    assert ids(C.TRAENINGSAKTIV).count("high_impact") == 2
    assert "hip_hinge" in ids(C.HVERDAGSAKTIV_MED_HENSYN)
    for category in (C.HVERDAGSAKTIV_MED_HENSYN, C.TRAENINGSAKTIV_MED_HENSYN):
        assert ids(category).count("brisk_walking") == 1
    for category in (C.AKUTFASE, C.FUNKTIONSBEGRAENSET):
        assert ids(category).count("walking") == 1
    assert {"posture", "pain_relief", "log_roll", "breathing"} <= set(ids(C.AKUTFASE))


def keys(program):
    return [item.key for item in program.items]


def test_example_hverdagsaktiv_med_hensyn_at_home():
    r = ProgramRequest(C.HVERDAGSAKTIV_MED_HENSYN, qualifying_vertebral_fracture=True)
    program = generate_program(r, LIBRARY + HAZARDS)
    assert program.unfilled == ()
    chosen = keys(program)
    assert "hip_hinge_drill" in chosen and "brisk_walking" in chosen
    assert not {"heel_drops", "stamping", "zz_crunch", "zz_jump"} & set(chosen)
    # Equipment the patient lacks loses to exercises that need none or a chair/wall.
    assert "leg_press" not in chosen and "farmers_carry" not in chosen
    assert any(note["en"].startswith("Avoid loaded forward bending") for note in program.notes)


def test_example_traeningsaktiv_heavy_lift_only_when_supervised():
    home = generate_program(ProgramRequest(C.TRAENINGSAKTIV), LIBRARY + HAZARDS)
    assert not any(item.exercise.needs_supervision for item in home.items)
    assert {"skipping", "low_jumps"} <= set(keys(home))
    clinic = generate_program(
        ProgramRequest(C.TRAENINGSAKTIV, setting="supervised"), LIBRARY + HAZARDS
    )
    heavy = clinic.items[0]
    assert heavy.slot.id == "heavy_lift" and heavy.exercise.needs_supervision


def test_example_akutfase():
    program = generate_program(ProgramRequest(C.AKUTFASE, fall_prevention_focus=True), LIBRARY)
    by_slot = {item.slot.id: item.key for item in program.items}
    assert by_slot["log_roll"] == "log_roll"
    assert by_slot["breathing"] == "diaphragmatic_breathing"
    assert by_slot["walking"] == "brisk_walking"
    assert all(item.days_per_week == 7 for item in program.items)
    assert all(item.exercise.min_level.rank <= Level.LIMITED.rank for item in program.items)
    assert any("bed rest" in note["en"] for note in program.notes)
    # Only two balance exercises in LIBRARY are at acute/limited level; focus asks for three.
    assert [u.slot.id for u in program.unfilled] == ["balance"]


def test_equipment_preference_and_gym_setting():
    lib = [ex("a_machine", equipment=["machine"]), ex("b_plain")]
    home = generate_program(ProgramRequest(C.FUNKTIONSBEGRAENSET), lib)
    assert keys(home) == ["b_plain", "a_machine"]
    assert (
        "machine" in home.items[1].reason["en"] and "træningsmaskine" in home.items[1].reason["da"]
    )
    gym = generate_program(ProgramRequest(C.FUNKTIONSBEGRAENSET, setting="gym"), lib)
    assert keys(gym) == ["a_machine", "b_plain"]
    listed = generate_program(
        ProgramRequest(C.FUNKTIONSBEGRAENSET, equipment=frozenset({"machine"})), lib
    )
    assert keys(listed) == ["a_machine", "b_plain"]


def test_secondary_domain_fills_another_domain():
    lib = [ex("band_row", S, Kind.STRENGTH, secondary=R)]
    program = generate_program(ProgramRequest(C.HVERDAGSAKTIV), lib)
    assert [(i.key, i.slot.id) for i in program.items] == [("band_row", "strength")]
    only_strakt = generate_program(ProgramRequest(C.HVERDAGSAKTIV), [])
    assert len(only_strakt.items) == 0
    lib2 = [ex("band_row", R, Kind.STRENGTH)]  # primary strakt: only a strakt slot takes it
    assert [i.slot.id for i in generate_program(ProgramRequest(C.HVERDAGSAKTIV), lib2).items] == [
        "back"
    ]


def test_alternatives_are_safe_unused_and_fit_the_slot():
    r = ProgramRequest(C.HVERDAGSAKTIV_MED_HENSYN)
    program = generate_program(r, LIBRARY + HAZARDS)
    item = program.items[0]
    options = alternatives(item.slot, r, LIBRARY + HAZARDS, keys(program))
    assert options and all(o.key not in keys(program) for o in options)
    assert all(o.kind is Kind.STRENGTH and safe_by_spec(o, r) for o in options)
    assert CRUNCH not in alternatives(item.slot, r, [CRUNCH])


def test_program_json():
    r = ProgramRequest(C.HVERDAGSAKTIV, language="en")
    data = program_to_json(generate_program(r, LIBRARY))
    json.dumps(data)
    assert data["category"] == "hverdagsaktiv"
    first = data["exercises"][0]
    assert set(first) >= {
        "key", "name", "domain", "kind", "min_level", "impact", "loaded_spinal_flexion",
        "needs_supervision", "dose", "dose_text", "days_per_week", "phases", "reason",
    }  # fmt: skip
    assert first["dose"] == {"sets": 2, "reps": 10} and first["dose_text"] == "2 × 10 repetitions"
    impact = next(e for e in data["exercises"] if e["slot"] == "moderate_impact")
    assert impact["phases"][0]["dose"] is None
    assert impact["phases"][0]["dose_text"] == "Starts in week 5"
    assert [p["weeks"] for p in impact["phases"]] == [[1, 4], [5, 8], [9, 12]]
    assert data["unfilled"] == []
    assert data["notes"][-1] == {"da": "Revurdér efter 12 uger.", "en": "Reassess after 12 weeks."}

    r = ProgramRequest(C.FUNKTIONSBEGRAENSET, fall_prevention_focus=True)
    unfilled = program_to_json(generate_program(r, LIBRARY))["unfilled"]
    assert unfilled == [
        {
            "slot": "balance",
            "domain": "stabil",
            "kind": "balance",
            "reason": {
                "da": "Alle sikre øvelser til denne plads (Stabil: balancetræning) er allerede "
                "brugt i programmet.",
                "en": "All safe exercises for this slot (Steady: balance training) are already "
                "in the program.",
            },
        }
    ]


# ---------------------------------------------------------------- request_from_json


def result(category="hverdagsaktiv", rules=("B4",), focus=False):
    return {"category": category, "rules": list(rules), "fall_prevention_focus": focus}


def test_request_from_json_defaults():
    r = request_from_json({"result": result(rules=["B4", "C1"], focus=True)})
    assert r == ProgramRequest(
        C.HVERDAGSAKTIV, fall_prevention_focus=True, qualifying_vertebral_fracture=True
    )


def test_request_from_json_options():
    r = request_from_json(
        {
            "result": result(rules=["B3", "C1"]),
            "options": {
                "setting": "supervised",
                "equipment": ["band", "band", "dumbbells"],
                "language": "en",
                "qualifying_vertebral_fracture": False,
            },
        }
    )
    assert r.setting == "supervised" and r.supervised and r.language == "en"
    assert r.equipment == frozenset({"band", "dumbbells"})
    assert r.qualifying_vertebral_fracture is False


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"result": result(category="sporty")}, "result.category"),
        ({"result": result(category=None)}, "result.category"),
        ({"result": {**result(), "rules": "C1"}}, "result.rules"),
        ({"result": result(focus="yes")}, "result.fall_prevention_focus"),
        ({"result": result(), "options": {"setting": "beach"}}, "options.setting"),
        ({"result": result(), "options": {"equipment": ["rowing_machine"]}}, "options.equipment"),
        ({"result": result(), "options": {"equipment": "band"}}, "options.equipment"),
        ({"result": result(), "options": {"language": "de"}}, "options.language"),
        (
            {"result": result(), "options": {"qualifying_vertebral_fracture": 1}},
            "options.qualifying_vertebral_fracture",
        ),
        ({"result": result(), "options": []}, "options"),
        ({"result": "akutfase"}, "result"),
        ({}, "result"),
        ([], "data"),
    ],
)
def test_request_from_json_errors(data, field):
    with pytest.raises(ProgramInputError) as caught:
        request_from_json(data)
    assert list(caught.value.errors) == [field]
    assert field in str(caught.value)


def test_request_from_json_reports_every_bad_field():
    data = {
        "result": result(category="x"),
        "options": {"setting": "x", "language": "x", "equipment": ["x"]},
    }
    with pytest.raises(ProgramInputError) as caught:
        request_from_json(data)
    assert set(caught.value.errors) == {
        "result.category",
        "options.setting",
        "options.language",
        "options.equipment",
    }


def test_request_validates_itself():
    with pytest.raises(ProgramInputError):
        ProgramRequest(C.HVERDAGSAKTIV, setting="beach")
    with pytest.raises(ProgramInputError):
        ProgramRequest(C.HVERDAGSAKTIV, equipment=frozenset({"sofa"}))


# ---------------------------------------------------------------- properties


def enum(e):
    return st.sampled_from(list(e))


def random_specs(prefix="r", **fixed):
    fields = {
        "key": st.integers(0, 10_000).map(lambda n: f"{prefix}{n:05d}"),
        "name_da": st.just("Øvelse"),
        "name_en": st.just("Exercise"),
        "domain": enum(Domain),
        "kind": enum(Kind),
        "min_level": enum(Level),
        "impact": enum(Impact),
        "loaded_spinal_flexion": st.booleans(),
        "needs_supervision": st.booleans(),
        "dose_type": enum(DoseType),
        "default_dose": st.just(Dose()),
        "equipment": st.frozensets(st.sampled_from(EQUIPMENT), max_size=3),
        "secondary_domain": st.none() | enum(Domain),
    }
    fields.update({name: st.just(v) if not isinstance(v, st.SearchStrategy) else v
                   for name, v in fixed.items()})  # fmt: skip
    return st.builds(ExerciseSpec, **fields)


def spec_lists(prefix="r", max_size=25, **fixed):
    return st.lists(random_specs(prefix, **fixed), max_size=max_size, unique_by=lambda e: e.key)


libraries = spec_lists().map(lambda lib: lib + HAZARDS)

requests = st.builds(
    ProgramRequest,
    category=enum(Category),
    fall_prevention_focus=st.booleans(),
    qualifying_vertebral_fracture=st.booleans(),
    setting=st.sampled_from(request.SETTINGS),
    equipment=st.frozensets(st.sampled_from(EQUIPMENT)),
    language=st.sampled_from(["da", "en"]),
)


def core(prefix, n, domain, kind, impact=None, level=None, name=None):
    """Exercises that every category may use and that match one slot type only."""
    return st.lists(
        random_specs(
            prefix,
            domain=domain,
            kind=kind,
            name_en=name or "Exercise",
            impact=impact or st.sampled_from([Impact.NONE, Impact.LOW]),
            min_level=level or st.sampled_from([Level.ACUTE, Level.LIMITED]),
            loaded_spinal_flexion=False,
            needs_supervision=False,
            secondary_domain=None,
            equipment=st.frozensets(st.sampled_from(sorted(request.ALWAYS_AVAILABLE))),
        ),
        min_size=n,
        max_size=n,
        unique_by=lambda e: e.key,
    )


rich_libraries = st.tuples(
    core("strength", 6, S, Kind.STRENGTH),
    core("walk", 1, S, Kind.WALKING, impact=Impact.LOW),
    core("moderate", 2, S, Kind.IMPACT, impact=Impact.MODERATE, level=Level.DAILY),
    core("high", 2, S, Kind.IMPACT, impact=Impact.HIGH, level=Level.TRAINING),
    core("balance", 3, B, Kind.BALANCE),
    core("posture", 3, R, Kind.POSTURE),
    core("relief", 1, R, Kind.MOBILITY),
    core("hinge", 1, R, Kind.MOBILITY, name="Hip-hinge drill"),
    core("roll", 1, R, Kind.MOBILITY, name="Log-roll bed transfer"),
    core("breath", 1, R, Kind.MOBILITY, name="Diaphragmatic breathing"),
    spec_lists(max_size=15),
).map(lambda parts: [e for part in parts for e in part] + HAZARDS)


@settings(max_examples=200, deadline=None)
@given(request=requests, library=libraries)
def test_property_never_selects_a_filtered_exercise(request, library):
    program = generate_program(request, library)
    by_key = {e.key: e for e in library}
    chosen = keys(program)
    assert len(chosen) == len(set(chosen))
    for item in program.items:
        assert safe_by_spec(by_key[item.key], request), item.key
    if request.category.has_precautions or request.qualifying_vertebral_fracture:
        assert CRUNCH.key not in chosen
    if request.category.has_precautions:
        assert JUMP.key not in chosen
    if not request.supervised:
        assert BARBELL.key not in chosen


@settings(max_examples=200, deadline=None)
@given(request=requests, library=rich_libraries)
def test_property_rich_library_fills_every_slot(request, library):
    program = generate_program(request, library)
    assert program.unfilled == ()
    slots = [item.slot for item in program.items]
    assert domain_counts(slots) == EXPECTED[request.category][request.fall_prevention_focus]
    assert {item.slot.domain for item in program.items} == set(Domain)
    by_key = {e.key: e for e in library}
    for item in program.items:
        spec = by_key[item.key]
        assert item.slot.domain in (spec.domain, spec.secondary_domain)
        assert spec.kind in item.slot.kinds


@settings(max_examples=200, deadline=None)
@given(request=requests, library=libraries, data=st.data())
def test_property_deterministic_and_order_independent(request, library, data):
    program = generate_program(request, library)
    assert generate_program(request, list(library)) == program
    shuffled = data.draw(st.permutations(library))
    assert generate_program(request, shuffled) == program
    assert program_to_json(generate_program(request, shuffled)) == program_to_json(program)


@settings(max_examples=200, deadline=None)
@given(request=requests, library=libraries)
def test_property_unfilled_only_when_nothing_safe_is_left(request, library):
    program = generate_program(request, library)
    assert len(program.items) + len(program.unfilled) == len(program_slots(request))
    used = keys(program)
    for unfilled in program.unfilled:
        assert alternatives(unfilled.slot, request, library, used) == []
        assert unfilled.reason["da"] and unfilled.reason["en"]


@settings(max_examples=200, deadline=None)
@given(request=requests, library=libraries)
def test_property_library_without_balance_leaves_balance_unfilled(request, library):
    library = [e for e in library if e.kind is not Kind.BALANCE]
    program = generate_program(request, library)
    balance_slots = [s for s in program_slots(request) if s.id == "balance"]
    unfilled_balance = [u for u in program.unfilled if u.slot.id == "balance"]
    assert len(unfilled_balance) == len(balance_slots) >= 1
    for u in unfilled_balance:
        assert "library" in u.reason["en"] and "bibliotek" in u.reason["da"]
