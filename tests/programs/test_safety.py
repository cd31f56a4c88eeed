"""The §6 safety filters, rule by rule, with their boundaries."""

from dataclasses import replace

import pytest

from osteoactive.domain.categories import Category
from osteoactive.domain.vocabulary import Level
from programs.domain.safety import CATEGORY_MAX_LEVEL, is_allowed, max_level, violations
from programs.domain.spec import Impact
from tests.programs.exercises import spec

pytestmark = pytest.mark.pure

pytestmark = pytest.mark.pure

C = Category
PRECAUTION = [
    C.AKUTFASE,
    C.FUNKTIONSBEGRAENSET,
    C.HVERDAGSAKTIV_MED_HENSYN,
    C.TRAENINGSAKTIV_MED_HENSYN,
]
NO_PRECAUTION = [C.HVERDAGSAKTIV, C.TRAENINGSAKTIV]

BASE = spec("plain", level=Level.ACUTE)


def codes(exercise, category, fracture=False, supervised=False):
    return [v.code for v in violations(exercise, category, fracture, supervised)]


def test_plain_exercise_is_allowed_everywhere():
    for category in Category:
        for fracture in (False, True):
            for supervised in (False, True):
                assert codes(BASE, category, fracture, supervised) == []
                assert is_allowed(BASE, category, fracture, supervised)


@pytest.mark.parametrize(
    ("category", "level", "allowed"),
    [
        (C.AKUTFASE, Level.ACUTE, True),
        (C.AKUTFASE, Level.LIMITED, True),
        (C.AKUTFASE, Level.DAILY, False),
        (C.FUNKTIONSBEGRAENSET, Level.LIMITED, True),
        (C.FUNKTIONSBEGRAENSET, Level.DAILY, False),
        (C.HVERDAGSAKTIV_MED_HENSYN, Level.DAILY, True),
        (C.HVERDAGSAKTIV_MED_HENSYN, Level.TRAINING, False),
        (C.HVERDAGSAKTIV, Level.DAILY, True),
        (C.HVERDAGSAKTIV, Level.TRAINING, False),
        (C.TRAENINGSAKTIV_MED_HENSYN, Level.TRAINING, True),
        (C.TRAENINGSAKTIV, Level.TRAINING, True),
    ],
)
def test_level_limit(category, level, allowed):
    found = codes(replace(BASE, min_level=level), category)
    assert (found == []) is allowed
    assert ("level_above_category" in found) is not allowed


def test_max_level_map():
    assert CATEGORY_MAX_LEVEL == {
        C.AKUTFASE: Level.LIMITED,
        C.FUNKTIONSBEGRAENSET: Level.LIMITED,
        C.HVERDAGSAKTIV_MED_HENSYN: Level.DAILY,
        C.HVERDAGSAKTIV: Level.DAILY,
        C.TRAENINGSAKTIV_MED_HENSYN: Level.TRAINING,
        C.TRAENINGSAKTIV: Level.TRAINING,
    }
    assert max_level("hverdagsaktiv") is Level.DAILY


@pytest.mark.parametrize("category", list(Category))
@pytest.mark.parametrize("impact", list(Impact))
def test_impact_limit_for_precaution_categories(category, impact):
    # The boundary: low (brisk walking) passes, moderate does not.
    exercise = replace(BASE, impact=impact)
    blocked = category in PRECAUTION and impact in (Impact.MODERATE, Impact.HIGH)
    assert codes(exercise, category) == (["impact_above_low"] if blocked else [])


@pytest.mark.parametrize("category", PRECAUTION)
def test_loaded_flexion_excluded_with_precautions(category):
    crunch = replace(BASE, loaded_spinal_flexion=True)
    assert codes(crunch, category) == ["loaded_spinal_flexion"]


@pytest.mark.parametrize("category", NO_PRECAUTION)
def test_loaded_flexion_allowed_without_precautions_or_fracture(category):
    crunch = replace(BASE, loaded_spinal_flexion=True)
    assert codes(crunch, category) == []


@pytest.mark.parametrize("category", list(Category))
def test_vertebral_fracture_excludes_loaded_flexion_in_every_category(category):
    crunch = replace(BASE, loaded_spinal_flexion=True)
    found = codes(crunch, category, fracture=True)
    assert "vertebral_fracture_flexion" in found
    assert not is_allowed(crunch, category, True, True)
    # A fracture alone does not block exercises without loaded flexion.
    assert codes(BASE, category, fracture=True) == []


@pytest.mark.parametrize(
    ("category", "supervised", "expected"),
    [
        (C.AKUTFASE, False, ["supervision_not_for_category"]),
        (C.AKUTFASE, True, ["supervision_not_for_category"]),
        (C.FUNKTIONSBEGRAENSET, False, ["supervision_not_for_category"]),
        (C.FUNKTIONSBEGRAENSET, True, ["supervision_not_for_category"]),
        (C.HVERDAGSAKTIV_MED_HENSYN, False, ["needs_supervision"]),
        (C.HVERDAGSAKTIV_MED_HENSYN, True, []),
        (C.HVERDAGSAKTIV, False, ["needs_supervision"]),
        (C.HVERDAGSAKTIV, True, []),
        (C.TRAENINGSAKTIV_MED_HENSYN, False, ["needs_supervision"]),
        (C.TRAENINGSAKTIV_MED_HENSYN, True, []),
        (C.TRAENINGSAKTIV, False, ["needs_supervision"]),
        (C.TRAENINGSAKTIV, True, []),
    ],
)
def test_supervision(category, supervised, expected):
    lift = replace(BASE, needs_supervision=True)
    assert codes(lift, category, supervised=supervised) == expected


def test_all_rules_reported_with_bilingual_messages():
    worst = replace(
        BASE,
        min_level=Level.TRAINING,
        impact=Impact.HIGH,
        loaded_spinal_flexion=True,
        needs_supervision=True,
    )
    found = violations(worst, C.AKUTFASE, True, False)
    assert [v.code for v in found] == [
        "level_above_category",
        "impact_above_low",
        "loaded_spinal_flexion",
        "vertebral_fracture_flexion",
        "supervision_not_for_category",
    ]
    for v in found:
        assert set(v.message) == {"da", "en"}
        assert v.message["da"] and v.message["en"]
        assert v.message["da"] != v.message["en"]
    assert "Akutfasen" in found[0].message["da"]
    assert "Acute phase" in found[0].message["en"]
    assert len({hash(v) for v in found}) == len(found)  # frozen and hashable


@pytest.mark.parametrize("category", NO_PRECAUTION)
def test_red_flag_applies_the_precaution_filters_whatever_the_category(category):
    """§7a P13: W6 keeps impact at low and rules out loaded flexion, until a new assessment."""
    jumps = replace(BASE, impact=Impact.MODERATE)
    crunch = replace(BASE, loaded_spinal_flexion=True)
    assert [v.code for v in violations(jumps, category, red_flag=True)] == ["red_flag_impact"]
    assert [v.code for v in violations(crunch, category, red_flag=True)] == ["red_flag_flexion"]
    assert is_allowed(replace(BASE, impact=Impact.LOW), category, red_flag=True)
    assert is_allowed(jumps, category, red_flag=False)


@pytest.mark.parametrize("category", PRECAUTION)
def test_red_flag_adds_nothing_where_the_precautions_already_apply(category):
    jumps = replace(BASE, impact=Impact.HIGH)
    assert "red_flag_impact" not in [v.code for v in violations(jumps, category, red_flag=True)]
