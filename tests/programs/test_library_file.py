"""The default exercise library file: it loads, it is complete, and it says what domain.md §9 says."""

import copy
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from osteoactive.domain.vocabulary import Domain, Level
from programs.domain.illustration import panel_names
from programs.domain.ladders import ladders
from programs.domain.library_file import (
    DEFAULT_LIBRARY_PATH,
    LibraryFileError,
    load_library_file,
    parse_library,
)
from programs.domain.spec import DoseType, ExerciseSpec, Impact, Kind, Pattern, Position

pytestmark = pytest.mark.pure

pytestmark = pytest.mark.pure


@pytest.fixture(scope="module")
def library():
    return load_library_file()


@pytest.fixture(scope="module")
def by_key(library):
    return {key: entry.spec for key, entry in library.by_key().items()}


@pytest.fixture
def raw():
    return json.loads(DEFAULT_LIBRARY_PATH.read_text(encoding="utf-8"))


def test_default_path_is_the_fixture_in_the_project():
    project_root = Path(__file__).resolve().parents[2]
    assert project_root / "fixtures" / "exercise_library.json" == DEFAULT_LIBRARY_PATH
    assert DEFAULT_LIBRARY_PATH.is_file()


def test_default_library_loads(library):
    assert library.version == "2026.2"
    assert len(library.entries) >= 70
    assert all(isinstance(entry.spec, ExerciseSpec) for entry in library.entries)


def test_texts_in_both_languages(library):
    for entry in library.entries:
        for language in ("da", "en"):
            assert entry.spec.name(language).strip(), entry.key
            assert entry.spec.safety_tip(language).strip(), entry.key
            steps = entry.spec.instructions(language)
            assert 3 <= len(steps) <= 6, entry.key
            # The handout numbers the steps; the text itself does not.
            assert not any(re.match(r"\s*\d+[.)]", step) for step in steps), entry.key
        assert entry.spec.name_da != entry.spec.name_en or entry.spec.name_da in {
            "Jogging",
            "Tai chi",
        }


def test_danish_texts_use_danish_letters(library):
    danish = " ".join(
        " ".join((e.spec.name_da, e.spec.safety_tip_da, *e.spec.instructions_da))
        for e in library.entries
    )
    for letter in "æøå":
        assert letter in danish
    # "du" form, not "De".
    assert " De " not in danish


def test_every_illustration_renders_to_valid_svg(library):
    for entry in library.entries:
        svg = entry.render_illustration()
        root = ET.fromstring(svg)
        assert root.tag == "{http://www.w3.org/2000/svg}svg", entry.key
        three = len(panel_names(entry.illustration)) == 3
        labels = ("Start", "Midt", "Slut") if three else ("Start", "Slut")
        labelled = ET.fromstring(entry.render_illustration(labels=labels))
        texts = [t.text for t in labelled.iter("{http://www.w3.org/2000/svg}text")]
        assert texts == list(labels), entry.key


def test_every_exercise_has_a_dose_of_its_type(library):
    for entry in library.entries:
        dose, kind = entry.spec.default_dose, entry.spec.dose_type
        if kind in (DoseType.REPETITIONS, DoseType.HEAVY):
            assert dose.sets and dose.reps, entry.key
        elif kind is DoseType.HOLD_SECONDS:
            assert dose.sets and dose.hold_seconds, entry.key
        elif kind is DoseType.DURATION_MINUTES:
            assert dose.minutes, entry.key
        elif kind is DoseType.FLIGHTS:
            assert dose.flights and not dose.minutes, entry.key
        else:
            assert kind is DoseType.TECHNIQUE and dose.technique and not dose.sets, entry.key
        assert kind is not DoseType.DISTANCE and dose.metres is None, entry.key


def test_p10_dose_families(by_key):
    """§7a P10: log-roll and safe lifting are techniques without sets, stairs in flights, tai
    chi a class or video of at least 15 minutes, the barbell lifts heavy (§7b)."""
    assert {k for k, s in by_key.items() if s.dose_type is DoseType.TECHNIQUE} == {
        "log-roll",
        "safe-lifting",
    }
    assert by_key["stair-climbing"].dose_type is DoseType.FLIGHTS
    assert by_key["tai-chi"].dose_type is DoseType.DURATION_MINUTES
    assert by_key["tai-chi"].default_dose.minutes >= 15
    heavy = {k for k, s in by_key.items() if s.dose_type is DoseType.HEAVY}
    assert heavy == {
        "barbell-back-squat",
        "barbell-deadlift",
        "barbell-overhead-press",
        "jumping-chin-up",
    }
    assert all(by_key[k].default_dose.sets == 5 == by_key[k].default_dose.reps for k in heavy)


def test_every_domain_kind_and_level_is_present(library):
    assert {e.spec.domain for e in library.entries} == set(Domain)
    assert {e.spec.kind for e in library.entries} == set(Kind)
    assert {e.spec.pattern for e in library.entries} == set(Pattern)
    assert {e.spec.position for e in library.entries} == set(Position)
    assert {e.spec.min_level for e in library.entries} == set(Level)
    assert {e.spec.impact for e in library.entries} == set(Impact)


def test_no_loaded_spinal_flexion_and_no_forbidden_exercises(library):
    assert not any(entry.spec.loaded_spinal_flexion for entry in library.entries)
    forbidden = re.compile(r"sit-?up|crunch|toe.touch|twist|roll-?down|wood.?chop", re.I)
    for entry in library.entries:
        assert not forbidden.search(entry.key), entry.key
        assert not forbidden.search(entry.spec.name_en), entry.key


def test_only_the_heavy_lifts_drop_landings_and_push_reactions_need_supervision(library):
    supervised = {entry.key for entry in library.entries if entry.spec.needs_supervision}
    assert supervised == {
        "kettlebell-deadlift",  # §9: the technique is taught first
        "barbell-back-squat",
        "barbell-deadlift",
        "barbell-overhead-press",
        "jumping-chin-up",
        "step-reactions",
    }


def test_acute_items_are_the_acute_only_ones(library):
    acute = {entry.key for entry in library.entries if entry.spec.min_level is Level.ACUTE}
    assert acute == {
        "rest-positions",
        "log-roll",
        "diaphragmatic-breathing",
        "chin-tuck-shoulder-squeeze",
        "weight-shifts",
        "seated-reaching",
        "seated-weight-shifts",
    }


def test_only_impact_exercises_above_low_impact(library):
    for entry in library.entries:
        if entry.spec.impact.rank > Impact.LOW.rank:
            assert entry.spec.kind is Kind.IMPACT, entry.key
            assert entry.spec.min_level.rank >= Level.DAILY.rank, entry.key


# §9 of domain.md, row by row: key, domain, kind, min level, impact (secondary domain if any).
SECTION_9 = [
    ("sit-to-stand", "staerk", "strength", "limited", "none"),
    ("heel-raises", "staerk", "strength", "limited", "none"),
    ("seated-knee-extension", "staerk", "strength", "limited", "none"),
    ("standing-hip-abduction", "staerk", "strength", "limited", "none"),
    ("wall-push-up", "staerk", "strength", "limited", "none"),
    ("band-row", "staerk", "strength", "limited", "none", "strakt"),
    ("bridge", "staerk", "strength", "limited", "none"),
    ("step-up", "staerk", "strength", "daily", "none"),
    ("squat-to-chair", "staerk", "strength", "daily", "none"),
    ("goblet-squat", "staerk", "strength", "daily", "none"),
    ("split-squat", "staerk", "strength", "daily", "none"),
    ("leg-press", "staerk", "strength", "daily", "none"),
    ("pull-down", "staerk", "strength", "daily", "none"),
    ("chest-supported-row", "staerk", "strength", "daily", "none", "strakt"),
    ("farmers-carry", "staerk", "strength", "daily", "none", "stabil"),
    ("kettlebell-deadlift", "staerk", "strength", "training", "none"),
    ("barbell-back-squat", "staerk", "strength", "training", "none"),
    ("barbell-deadlift", "staerk", "strength", "training", "none"),
    ("seated-overhead-press", "staerk", "strength", "daily", "none"),
    ("standing-overhead-press", "staerk", "strength", "training", "none"),
    ("brisk-walking", "staerk", "walking", "limited", "low"),
    ("marching-on-the-spot", "staerk", "walking", "limited", "low", "stabil"),
    ("stair-climbing", "staerk", "walking", "daily", "low", "stabil"),
    ("heel-drops", "staerk", "impact", "daily", "moderate"),
    ("stamping", "staerk", "impact", "daily", "moderate"),
    ("jogging", "staerk", "impact", "daily", "moderate"),
    ("skipping", "staerk", "impact", "training", "high"),
    ("low-two-foot-jumps", "staerk", "impact", "training", "high"),
    ("jumping-chin-up", "staerk", "impact", "training", "high"),
    ("weight-shifts", "stabil", "balance", "acute", "none"),
    ("semi-tandem-stance", "stabil", "balance", "limited", "none"),
    ("tandem-stance", "stabil", "balance", "limited", "none"),
    ("single-leg-stance", "stabil", "balance", "daily", "none"),
    ("tandem-walk", "stabil", "balance", "daily", "none"),
    ("sideways-backwards-walking", "stabil", "balance", "daily", "none"),
    ("clock-stepping", "stabil", "balance", "daily", "none"),
    ("agility-ladder", "stabil", "balance", "training", "low"),
    ("tai-chi", "stabil", "balance", "daily", "none"),
    ("forearm-plank", "stabil", "core", "daily", "none", "strakt"),
    ("bird-dog", "strakt", "back_extensor", "daily", "none", "stabil"),
    ("prone-head-shoulder-lift", "strakt", "back_extensor", "limited", "none"),
    ("wall-back-extension", "strakt", "posture", "limited", "none"),
    ("chin-tuck-shoulder-squeeze", "strakt", "posture", "acute", "none"),
    ("hip-hinge-stick", "strakt", "technique", "daily", "none", "staerk"),
    ("thoracic-extension-chair", "strakt", "mobility", "daily", "none"),
    ("rest-positions", "strakt", "pain_relief", "acute", "none"),
    ("log-roll", "strakt", "technique", "acute", "none"),
    ("diaphragmatic-breathing", "strakt", "pain_relief", "acute", "none"),
]


@pytest.mark.parametrize("row", SECTION_9, ids=[row[0] for row in SECTION_9])
def test_section_9_attributes(by_key, row):
    key, domain, kind, level, impact, *secondary = row
    spec = by_key[key]
    assert spec.domain == domain
    assert spec.kind == kind
    assert spec.min_level == level
    assert spec.impact == impact
    if secondary:
        assert spec.secondary_domain == secondary[0]
    assert spec.loaded_spinal_flexion is False


# The DK-2026.2 additions: key, domain, kind, min level, pattern, position.
ADDITIONS = [
    ("prone-arm-lifts", "staerk", "strength", "limited", "pull", "lying"),
    ("seated-band-row", "staerk", "strength", "limited", "pull", "seated"),
    ("seated-chest-press", "staerk", "strength", "limited", "push", "seated"),
    ("seated-heel-raises", "staerk", "strength", "limited", "calf", "seated"),
    ("seated-reaching", "stabil", "balance", "acute", "balance_static", "seated"),
    ("seated-weight-shifts", "stabil", "balance", "acute", "balance_static", "seated"),
    ("seated-marching-reaching", "stabil", "balance", "limited", "balance_dynamic", "seated"),
    ("safe-lifting", "strakt", "technique", "limited", "technique", "standing"),
    ("quick-steps", "stabil", "balance", "daily", "balance_reactive", "standing"),
    ("ball-catch", "stabil", "balance", "daily", "balance_reactive", "standing"),
    ("step-reactions", "stabil", "balance", "training", "balance_reactive", "standing"),
]


@pytest.mark.parametrize("row", ADDITIONS, ids=[row[0] for row in ADDITIONS])
def test_dk_2026_2_additions(by_key, row):
    key, domain, kind, level, pattern, position = row
    spec = by_key[key]
    assert (spec.domain, spec.kind, spec.min_level) == (domain, kind, level)
    assert (spec.pattern, spec.position) == (pattern, position)
    assert spec.impact is Impact.NONE and not spec.loaded_spinal_flexion
    assert spec.needs_supervision is (key == "step-reactions")


def test_the_no_equipment_pull(by_key):
    """§7a P1: the default library has a pull that needs no equipment beyond a mat."""
    pull = by_key["prone-arm-lifts"]
    assert pull.pattern is Pattern.PULL and pull.equipment <= {"mat"}
    assert pull.min_level is Level.LIMITED


def test_thoracic_extension_keeps_the_gaze_straight_ahead(library):
    entry = library.by_key()["thoracic-extension-chair"]
    steps = " ".join(entry.spec.instructions("en"))
    assert "straight ahead" in steps and "ceiling" not in steps
    assert "lige frem" in " ".join(entry.spec.instructions("da"))
    end = entry.illustration["end"]["angles"]
    assert end["trunk"] + end["head"] == 0  # the head upright while the back extends


@pytest.mark.parametrize(
    "ladder",
    [
        ["sit-to-stand", "squat-to-chair", "goblet-squat", "barbell-back-squat"],
        ["semi-tandem-stance", "tandem-stance", "single-leg-stance"],
        ["wall-push-up", "bench-push-up", "knee-push-up"],
        ["heel-raises", "single-leg-heel-raise"],
        ["bridge", "single-leg-bridge"],
        ["kettlebell-deadlift", "barbell-deadlift"],
        ["seated-overhead-press", "standing-overhead-press", "barbell-overhead-press"],
        ["wall-plank", "forearm-plank"],
        ["band-row", "chest-supported-row"],
        ["quick-steps", "step-reactions"],
        ["hip-hinge-stick"],
        ["safe-lifting"],
        ["seated-reaching"],
        ["seated-weight-shifts"],
        ["seated-marching-reaching"],
    ],
    ids=lambda ladder: ladder[0],
)
def test_ladders(by_key, ladder):
    """§6 and §9's ladder note: the bridge, the hip-hinge drill, safe lifting and the deadlifts
    are separate ladders, and so are seated reaching, weight shifts and marching."""
    groups = ladders(by_key.values())
    group = by_key[ladder[0]].variant_group
    assert [spec.key for spec in groups[group]] == ladder
    assert [by_key[key].rung for key in ladder] == list(range(1, len(ladder) + 1))
    levels = [by_key[key].min_level.rank for key in ladder]
    assert levels == sorted(levels)


def test_heel_raises_and_heel_drops_are_separate_ladders(by_key):
    """§7a P4: a precaution category's heel raises never progress to heel drops."""
    assert by_key["heel-raises"].variant_group != by_key["heel-drops"].variant_group


def test_every_ladder_is_one_pattern_with_rungs_from_1(library):
    for group, rungs in ladders(entry.spec for entry in library.entries).items():
        assert [spec.rung for spec in rungs] == list(range(1, len(rungs) + 1)), group
        assert len({spec.pattern for spec in rungs}) == 1, group


# --- invalid files --------------------------------------------------------------------------


def first(raw):
    return raw["exercises"][0]


def set_value(path):
    """A mutation that sets a (dotted) field of the first exercise."""

    def mutate(raw, value):
        target = first(raw)
        *parents, last = path.split(".")
        for part in parents:
            target = target[part]
        target[last] = value

    return mutate


def delete(path):
    def mutate(raw, _):
        target = first(raw)
        *parents, last = path.split(".")
        for part in parents:
            target = target[part]
        del target[last]

    return mutate


INVALID = [
    ("missing field", delete("impact"), None, "impact", "missing"),
    ("unknown field", set_value("colour"), "red", "colour", "unknown field"),
    ("missing Danish name", delete("name.da"), None, "name", "missing language 'da'"),
    ("missing English tip", delete("safety_tip.en"), None, "safety_tip", "missing language 'en'"),
    ("missing English steps", delete("instructions.en"), None, "instructions", "language 'en'"),
    ("empty steps", set_value("instructions.da"), [], "instructions", "non-empty steps"),
    ("step counts differ", set_value("instructions.da"), ["Et trin."], "instructions", "steps"),
    ("other language", set_value("name.de"), "Kniestrecken", "name", "unsupported language"),
    ("unknown domain", set_value("domain"), "strong", "domain", "unknown value 'strong'"),
    ("unknown kind", set_value("kind"), "cardio", "kind", "unknown value 'cardio'"),
    ("unknown level", set_value("min_level"), "expert", "min_level", "unknown value"),
    ("unknown impact", set_value("impact"), "huge", "impact", "unknown value"),
    ("unknown dose type", set_value("dose_type"), "sets", "dose_type", "unknown value"),
    ("same secondary", set_value("secondary_domain"), "staerk", "secondary_domain", "differ"),
    ("flag not bool", set_value("needs_supervision"), "no", "needs_supervision", "true or false"),
    ("unknown equipment", set_value("equipment"), ["trampoline"], "equipment", "'trampoline'"),
    ("repeated equipment", set_value("equipment"), ["chair", "chair"], "equipment", "twice"),
    ("unknown pattern", set_value("pattern"), "curl", "pattern", "unknown value 'curl'"),
    ("unknown position", set_value("position"), "kneeling", "position", "unknown value"),
    ("ladder not a slug", set_value("variant_group"), "Knee Ext", "variant_group", "slug"),
    ("rung zero", set_value("rung"), 0, "rung", "whole number from 1"),
    ("rung not whole", set_value("rung"), 1.5, "rung", "whole number"),
    ("rung gap", set_value("rung"), 2, "rung", "needs rung 1"),
    ("legacy distance", set_value("dose_type"), "distance", "dose_type", "unknown value"),
    ("old links", set_value("progression"), "sit-to-stand", "progression", "unknown field"),
    ("per side not true", set_value("default_dose.per_side"), "yes", "default_dose", "true"),
    ("missing illustration", delete("illustration"), None, "illustration", "missing"),
    ("empty illustration", set_value("illustration"), {}, "illustration", "pose data"),
    (
        "broken illustration",
        set_value("illustration"),
        {"start": {"base": "flying"}, "end": {}},
        "illustration",
        "unknown base pose",
    ),
    ("dose for other type", set_value("default_dose"), {"minutes": 10}, "default_dose", "needs"),
    ("extra dose field", set_value("default_dose.minutes"), 5, "default_dose", "'minutes'"),
    ("old seconds key", set_value("default_dose.seconds"), 5, "default_dose", "'seconds'"),
    ("dose not positive", set_value("default_dose.reps"), 0, "default_dose", "positive"),
    ("dose not whole", set_value("default_dose.sets"), 2.5, "default_dose", "positive whole"),
]


@pytest.mark.parametrize(
    ("mutate", "value", "field", "message"),
    [row[1:] for row in INVALID],
    ids=[row[0] for row in INVALID],
)
def test_invalid_entry_names_key_and_field(raw, mutate, value, field, message):
    assert first(raw)["key"] == "seated-knee-extension"
    mutate(raw, copy.deepcopy(value))
    with pytest.raises(LibraryFileError) as caught:
        parse_library(raw)
    error = caught.value
    assert error.key == "seated-knee-extension"
    assert error.field == field
    assert "'seated-knee-extension'" in str(error)
    assert field in str(error)
    assert message in str(error)


def test_ladder_is_one_pattern_with_distinct_rungs(raw):
    by_key = {e["key"]: e for e in raw["exercises"]}
    by_key["squat-to-chair"]["pattern"] = "hinge"
    with pytest.raises(LibraryFileError) as caught:
        parse_library(raw)
    assert (caught.value.key, caught.value.field) == ("squat-to-chair", "pattern")
    by_key["squat-to-chair"]["pattern"] = "squat"
    by_key["goblet-squat"]["rung"] = 2
    with pytest.raises(LibraryFileError, match="ladder 'squat' needs rung 3"):
        parse_library(raw)


def test_duplicate_key(raw):
    raw["exercises"].append(copy.deepcopy(raw["exercises"][3]))
    key = raw["exercises"][3]["key"]
    with pytest.raises(LibraryFileError, match=f"exercise '{key}': field 'key': duplicate"):
        parse_library(raw)


def test_bad_key(raw):
    first(raw)["key"] = "Sit To Stand"
    with pytest.raises(LibraryFileError, match="exercise number 1: 'key' must be a slug"):
        parse_library(raw)


def test_bad_top_level(raw):
    with pytest.raises(LibraryFileError, match="version"):
        parse_library({"exercises": raw["exercises"]})
    with pytest.raises(LibraryFileError, match="exercises"):
        parse_library({"version": "x", "exercises": []})


def test_unreadable_and_invalid_json_files(tmp_path):
    with pytest.raises(LibraryFileError, match="cannot read"):
        load_library_file(tmp_path / "missing.json")
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(LibraryFileError, match="not valid JSON"):
        load_library_file(broken)


def test_entries_are_read_only(library):
    entry = library.entries[0]
    with pytest.raises(AttributeError):
        entry.key = "other"  # type: ignore[misc]
    with pytest.raises(TypeError):
        entry.illustration["start"] = {}  # type: ignore[index]
