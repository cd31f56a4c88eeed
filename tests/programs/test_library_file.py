"""The default exercise library file: it loads, it is complete, and it says what domain.md §9 says."""

import copy
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from osteoactive.domain.vocabulary import Domain, Level
from programs.domain.library_file import (
    DEFAULT_LIBRARY_PATH,
    LibraryFileError,
    load_library_file,
    parse_library,
)
from programs.domain.spec import DoseType, ExerciseSpec, Impact, Kind

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
    assert library.version == "2026.1"
    assert len(library.entries) >= 45
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
        labelled = ET.fromstring(entry.render_illustration(labels=("Start", "Slut")))
        texts = [t.text for t in labelled.iter("{http://www.w3.org/2000/svg}text")]
        assert texts == ["Start", "Slut"], entry.key


def test_every_exercise_has_a_dose(library):
    for entry in library.entries:
        dose = entry.spec.default_dose
        if entry.spec.dose_type is DoseType.REPETITIONS:
            assert dose.sets and dose.reps, entry.key
        elif entry.spec.dose_type is DoseType.HOLD_SECONDS:
            assert dose.sets and dose.seconds, entry.key
        elif entry.spec.dose_type is DoseType.DURATION_MINUTES:
            assert dose.minutes, entry.key
        else:
            assert dose.metres, entry.key


def test_every_domain_kind_and_level_is_present(library):
    assert {e.spec.domain for e in library.entries} == set(Domain)
    assert {e.spec.kind for e in library.entries} == set(Kind)
    assert {e.spec.min_level for e in library.entries} == set(Level)
    assert {e.spec.impact for e in library.entries} == set(Impact)


def test_no_loaded_spinal_flexion_and_no_forbidden_exercises(library):
    assert not any(entry.spec.loaded_spinal_flexion for entry in library.entries)
    forbidden = re.compile(r"sit-?up|crunch|toe.touch|twist|roll-?down|wood.?chop", re.I)
    for entry in library.entries:
        assert not forbidden.search(entry.key), entry.key
        assert not forbidden.search(entry.spec.name_en), entry.key


def test_only_the_heavy_lifts_and_drop_landings_need_supervision(library):
    supervised = {entry.key for entry in library.entries if entry.spec.needs_supervision}
    assert supervised == {"barbell-back-squat", "barbell-deadlift", "jumping-chin-up"}


def test_acute_items_are_the_acute_only_ones(library):
    acute = {entry.key for entry in library.entries if entry.spec.min_level is Level.ACUTE}
    assert acute == {
        "rest-positions",
        "log-roll",
        "diaphragmatic-breathing",
        "chin-tuck-shoulder-squeeze",
        "weight-shifts",
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
    ("chest-supported-row", "staerk", "strength", "daily", "none"),
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
    ("forearm-plank", "stabil", "strength", "daily", "none", "strakt"),
    ("bird-dog", "strakt", "posture", "daily", "none", "stabil"),
    ("prone-head-shoulder-lift", "strakt", "posture", "daily", "none"),
    ("wall-back-extension", "strakt", "posture", "limited", "none"),
    ("chin-tuck-shoulder-squeeze", "strakt", "posture", "acute", "none"),
    ("hip-hinge-stick", "strakt", "mobility", "daily", "none", "staerk"),
    ("thoracic-extension-chair", "strakt", "mobility", "daily", "none"),
    ("rest-positions", "strakt", "mobility", "acute", "none"),
    ("log-roll", "strakt", "mobility", "acute", "none"),
    ("diaphragmatic-breathing", "strakt", "mobility", "acute", "none"),
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


def test_pinned_examples(by_key):
    squat = by_key["barbell-back-squat"]
    assert squat.needs_supervision and squat.min_level is Level.TRAINING
    assert squat.default_dose.sets == 5 and squat.default_dose.reps == 5
    drops = by_key["heel-drops"]
    assert drops.impact is Impact.MODERATE and drops.min_level is Level.DAILY
    skipping = by_key["skipping"]
    assert skipping.impact is Impact.HIGH and skipping.min_level is Level.TRAINING
    assert by_key["weight-shifts"].min_level is Level.ACUTE
    assert "chair" in by_key["weight-shifts"].equipment  # with support
    assert by_key["brisk-walking"].default_dose.minutes == 10
    assert by_key["bridge"].equipment == frozenset({"mat"})


def test_links_resolve_and_never_loop(library, by_key):
    for entry in library.entries:
        for link in (entry.spec.regression, entry.spec.progression):
            assert link is None or (link in by_key and link != entry.key), entry.key
    for entry in library.entries:
        seen, step = {entry.key}, entry.spec.progression
        while step is not None:
            assert step not in seen, f"progression loop through {entry.key}"
            seen.add(step)
            step = by_key[step].progression


@pytest.mark.parametrize(
    "chain",
    [
        ["wall-push-up", "bench-push-up", "knee-push-up"],
        ["sit-to-stand", "squat-to-chair", "goblet-squat", "barbell-back-squat"],
        ["semi-tandem-stance", "tandem-stance", "tandem-walk"],
        ["heel-raises", "heel-drops"],
        ["seated-marching", "marching-on-the-spot", "brisk-walking"],
        ["seated-overhead-press", "standing-overhead-press"],
        ["wall-plank", "forearm-plank"],
        ["kettlebell-deadlift", "barbell-deadlift"],
    ],
)
def test_chains(by_key, chain):
    for easier, harder in zip(chain, chain[1:], strict=False):
        assert by_key[easier].progression == harder
        assert by_key[harder].regression == easier
        assert by_key[harder].min_level.rank >= by_key[easier].min_level.rank


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
    ("dangling regression", set_value("regression"), "levitation", "regression", "'levitation'"),
    ("dangling progression", set_value("progression"), "flying", "progression", "'flying'"),
    ("self link", set_value("progression"), "seated-knee-extension", "progression", "itself"),
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
