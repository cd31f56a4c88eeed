"""Validation of the assessment inputs (domain.md §3) and their JSON form (§5)."""

import json
import math
from datetime import date, datetime

import pytest

from assessment.domain.inputs import RANGES, AssessmentInput, Fracture, TScores, age_at
from assessment.domain.parsing import parse_assessment
from assessment.domain.readers import InputError
from assessment.domain.serialisation import assessment_to_json
from assessment.domain.vocabulary import FractureSite, RiskFactor, Sex, TScoreSite, WalkingAid
from tests.support.examples import SPEC_EXAMPLE

pytestmark = pytest.mark.pure

TODAY = date(2026, 11, 1)

EXAMPLE = SPEC_EXAMPLE

MINIMAL = {"assessment_date": "2026-11-01", "birth_date": "1950-03-02", "sex": "male"}


def parse(changes: dict | None = None, remove: tuple[str, ...] = ()) -> AssessmentInput:
    data = {**EXAMPLE, **(changes or {})}
    for key in remove:
        del data[key]
    return parse_assessment(data, today=TODAY)


def errors_of(changes: dict | None = None, remove: tuple[str, ...] = ()) -> dict:
    with pytest.raises(InputError) as caught:
        parse(changes, remove)
    return caught.value.errors


def test_example_parses():
    inp = parse()
    assert inp.assessment_date == date(2026, 11, 1)
    assert inp.sex is Sex.FEMALE
    assert inp.t_scores == TScores(lumbar_spine=-2.7, femoral_neck=-2.1)
    assert inp.t_scores.minimum == -2.7
    assert inp.fractures == (Fracture(FractureSite.VERTEBRAL, date(2026, 7, 1), True),)
    assert inp.walking_aid is WalkingAid.NONE
    assert inp.risk_factors == frozenset({RiskFactor.SMOKING})
    assert inp.age == 76


def test_missing_optional_fields_mean_not_recorded():
    inp = parse_assessment(MINIMAL, today=TODAY)
    assert inp.t_scores == TScores()
    assert inp.t_scores.minimum is None
    assert inp.fractures == ()
    assert inp.falls_last_12_months is None
    assert inp.regular_training is None
    assert inp.tug_seconds is None
    assert inp.tug_unable is False
    assert inp.tandem_max_seconds == 30
    assert inp.risk_factors == frozenset()
    assert inp.frax_major_percent is None


def test_null_means_not_recorded():
    inp = parse({key: None for key in EXAMPLE if key not in MINIMAL})
    assert inp == parse_assessment(MINIMAL | {"sex": "female"}, today=TODAY)


def test_unknown_keys_are_ignored():
    assert parse({"shoe_size": 39, "notes": ["x"]}) == parse()


# ---------------------------------------------------------------- rejected, with the field path

REJECTED = [
    ("assessment_date_future", {"assessment_date": "2026-11-02"}, "assessment_date"),
    ("assessment_date_not_iso", {"assessment_date": "01-11-2026"}, "assessment_date"),
    ("assessment_date_compact", {"assessment_date": "20261101"}, "assessment_date"),
    ("assessment_date_impossible", {"assessment_date": "2026-02-30"}, "assessment_date"),
    ("birth_date_age_17", {"birth_date": "2008-11-02"}, "birth_date"),
    ("birth_date_age_111", {"birth_date": "1915-11-01"}, "birth_date"),
    ("birth_date_after_assessment", {"birth_date": "2027-01-01"}, "birth_date"),
    ("sex_unknown", {"sex": "f"}, "sex"),
    ("t_score_-6.1", {"t_scores": {"lumbar_spine": -6.1}}, "t_scores.lumbar_spine"),
    ("t_score_4.1", {"t_scores": {"forearm": 4.1}}, "t_scores.forearm"),
    ("t_score_not_0.1_step", {"t_scores": {"total_hip": -2.75}}, "t_scores.total_hip"),
    ("t_score_unknown_site", {"t_scores": {"femur": -2.0}}, "t_scores.femur"),
    ("t_scores_list", {"t_scores": [-2.0]}, "t_scores"),
    ("dxa_after_assessment", {"dxa_scan_date": "2026-11-02"}, "dxa_scan_date"),
    (
        "fracture_after_assessment",
        {"fractures": [{"site": "hip", "date": "2026-11-02", "low_energy": True}]},
        "fractures[0].date",
    ),
    (
        "fracture_before_birth",
        {"fractures": [{"site": "hip", "date": "1950-03-01", "low_energy": True}]},
        "fractures[0].date",
    ),
    (
        "fracture_site_unknown",
        {"fractures": [{"site": "femur", "date": "2020-01-01", "low_energy": True}]},
        "fractures[0].site",
    ),
    (
        "fracture_low_energy_missing",
        {"fractures": [{"site": "rib", "date": "2020-01-01"}]},
        "fractures[0].low_energy",
    ),
    (
        "second_fracture_bad_date",
        {
            "fractures": [
                {"site": "rib", "date": "2020-01-01", "low_energy": True},
                {"site": "rib", "date": "2020-13-01", "low_energy": True},
            ]
        },
        "fractures[1].date",
    ),
    ("fracture_row_not_object", {"fractures": ["hip"]}, "fractures[0]"),
    ("fractures_object", {"fractures": {"site": "hip"}}, "fractures"),
    ("falls_-1", {"falls_last_12_months": -1}, "falls_last_12_months"),
    ("falls_51", {"falls_last_12_months": 51}, "falls_last_12_months"),
    ("falls_fraction", {"falls_last_12_months": 1.5}, "falls_last_12_months"),
    (
        "injurious_with_0_falls",
        {"falls_last_12_months": 0, "injurious_fall": True},
        "injurious_fall",
    ),
    (
        "injurious_with_falls_not_recorded",
        {"falls_last_12_months": None, "injurious_fall": True},
        "injurious_fall",
    ),
    ("injurious_as_text", {"injurious_fall": "yes"}, "injurious_fall"),
    ("walking_aid_unknown", {"walking_aid": "walker"}, "walking_aid"),
    ("adl_help_as_number", {"needs_adl_help": 1}, "needs_adl_help"),
    ("sedentary_as_text", {"sedentary_due_to_disease": "false"}, "sedentary_due_to_disease"),
    ("regular_training_as_list", {"regular_training": [True]}, "regular_training"),
    ("tug_2.9", {"tug_seconds": 2.9}, "tug_seconds"),
    ("tug_120.1", {"tug_seconds": 120.1}, "tug_seconds"),
    ("tug_not_0.1_step", {"tug_seconds": 9.55}, "tug_seconds"),
    ("tug_time_and_unable", {"tug_unable": True}, "tug_unable"),
    ("tug_unable_as_text", {"tug_unable": "yes", "tug_seconds": None}, "tug_unable"),
    ("sts5_2.9", {"sts5_seconds": 2.9}, "sts5_seconds"),
    ("sts5_90.1", {"sts5_seconds": 90.1}, "sts5_seconds"),
    ("sts5_time_and_unable", {"sts5_unable": True}, "sts5_unable"),
    ("tandem_-0.1", {"tandem_seconds": -0.1}, "tandem_seconds"),
    ("tandem_30.1", {"tandem_seconds": 30.1}, "tandem_seconds"),
    (
        "tandem_10.1_over_ceiling_10",
        {"tandem_seconds": 10.1, "tandem_max_seconds": 10},
        "tandem_seconds",
    ),
    ("tandem_not_0.1_step", {"tandem_seconds": 12.34}, "tandem_seconds"),
    ("tandem_ceiling_20", {"tandem_max_seconds": 20}, "tandem_max_seconds"),
    ("tandem_ceiling_text", {"tandem_max_seconds": "30"}, "tandem_max_seconds"),
    ("tandem_ceiling_true", {"tandem_max_seconds": True}, "tandem_max_seconds"),
    ("pain_-1", {"pain_nrs": -1}, "pain_nrs"),
    ("pain_11", {"pain_nrs": 11}, "pain_nrs"),
    ("pain_fraction", {"pain_nrs": 2.5}, "pain_nrs"),
    ("frax_major_-0.1", {"frax_major_percent": -0.1}, "frax_major_percent"),
    ("frax_major_100.1", {"frax_major_percent": 100.1}, "frax_major_percent"),
    ("frax_hip_101", {"frax_hip_percent": 101}, "frax_hip_percent"),
    ("risk_factor_unknown", {"risk_factors": ["smoking", "vaping"]}, "risk_factors[1]"),
    ("risk_factors_text", {"risk_factors": "smoking"}, "risk_factors"),
    ("risk_factors_object", {"risk_factors": {"smoking": True}}, "risk_factors"),
]


@pytest.mark.parametrize(
    ("changes", "path"), [r[1:] for r in REJECTED], ids=[r[0] for r in REJECTED]
)
def test_rejected_with_field_path(changes, path):
    errors = errors_of(changes)
    assert list(errors) == [path]
    message = errors[path]
    assert set(message) == {"da", "en"}
    assert message["da"].endswith(".") and message["en"].endswith(".")


@pytest.mark.parametrize("key", ["assessment_date", "birth_date", "sex"])
def test_required_fields(key):
    errors = errors_of(remove=(key,))
    assert list(errors) == [key]
    assert "required" in errors[key]["en"]


def test_tug_message_text():
    assert errors_of({"tug_seconds": 120.1})["tug_seconds"] == {
        "da": "TUG skal være mellem 3,0 og 120,0 sekunder.",
        "en": "TUG must be between 3.0 and 120.0 seconds.",
    }


def test_every_error_is_reported_at_once():
    errors = errors_of(
        {
            "assessment_date": "2027-01-01",
            "sex": "x",
            "t_scores": {"lumbar_spine": -7.0, "forearm": "low"},
            "fractures": [{"site": "hip", "date": "1900-01-01", "low_energy": True}, 3],
            "falls_last_12_months": 99,
            "walking_aid": "skateboard",
            "tug_seconds": 1.0,
            "sts5_seconds": "abc",
            "tandem_seconds": 31,
            "pain_nrs": 12,
            "risk_factors": ["smoking", 7],
            "frax_hip_percent": math.nan,
        }
    )
    assert set(errors) == {
        "assessment_date",
        "sex",
        "t_scores.lumbar_spine",
        "t_scores.forearm",
        "fractures[0].date",
        "fractures[1]",
        "falls_last_12_months",
        "walking_aid",
        "tug_seconds",
        "sts5_seconds",
        "tandem_seconds",
        "pain_nrs",
        "risk_factors[1]",
        "frax_hip_percent",
    }


def test_input_error_is_a_value_error_naming_the_paths():
    with pytest.raises(ValueError, match="tug_seconds"):
        parse({"tug_seconds": 0})


# ---------------------------------------------------------------- boundaries accepted

ACCEPTED = [
    ("assessment_today", {"assessment_date": "2026-11-01"}),
    ("age_18", {"birth_date": "2008-11-01"}),
    ("age_110", {"birth_date": "1916-11-01"}),
    ("t_score_-6.0", {"t_scores": {"lumbar_spine": -6.0}}),
    ("t_score_4.0", {"t_scores": {"forearm": 4.0}}),
    ("t_score_integer", {"t_scores": {"total_hip": -2}}),
    ("dxa_on_assessment_day", {"dxa_scan_date": "2026-11-01"}),
    (
        "fracture_on_assessment_day",
        {"fractures": [{"site": "rib", "date": "2026-11-01", "low_energy": False}]},
    ),
    (
        "fracture_on_birth_day",
        {"fractures": [{"site": "other", "date": "1950-03-02", "low_energy": False}]},
    ),
    ("no_fractures", {"fractures": []}),
    ("falls_0", {"falls_last_12_months": 0, "injurious_fall": False}),
    ("falls_50", {"falls_last_12_months": 50}),
    ("falls_integral_float", {"falls_last_12_months": 2.0}),
    ("injurious_with_1_fall", {"falls_last_12_months": 1, "injurious_fall": True}),
    ("tug_3.0", {"tug_seconds": 3.0}),
    ("tug_120.0", {"tug_seconds": 120.0}),
    ("tug_integer", {"tug_seconds": 12}),
    ("tug_unable_alone", {"tug_seconds": None, "tug_unable": True}),
    ("sts5_3.0", {"sts5_seconds": 3.0}),
    ("sts5_90.0", {"sts5_seconds": 90.0}),
    ("sts5_unable_alone", {"sts5_seconds": None, "sts5_unable": True}),
    ("tandem_0.0", {"tandem_seconds": 0.0}),
    ("tandem_30.0", {"tandem_seconds": 30.0}),
    ("tandem_10.0_ceiling_10", {"tandem_seconds": 10.0, "tandem_max_seconds": 10}),
    ("tandem_ceiling_missing", {"tandem_seconds": 25.0, "tandem_max_seconds": None}),
    ("pain_0", {"pain_nrs": 0}),
    ("pain_10", {"pain_nrs": 10}),
    ("frax_0", {"frax_major_percent": 0, "frax_hip_percent": 0.0}),
    ("frax_100", {"frax_major_percent": 100, "frax_hip_percent": 100.0}),
    ("frax_decimals", {"frax_major_percent": 12.35, "frax_hip_percent": 3.1}),
    ("every_risk_factor", {"risk_factors": [r.value for r in RiskFactor]}),
    ("every_walking_aid_stick", {"walking_aid": "wheelchair"}),
    ("sex_other", {"sex": "other"}),
]


@pytest.mark.parametrize("changes", [a[1] for a in ACCEPTED], ids=[a[0] for a in ACCEPTED])
def test_boundaries_accepted(changes):
    assert isinstance(parse(changes), AssessmentInput)


def test_integral_values_become_ints_and_seconds_floats():
    inp = parse({"falls_last_12_months": 2.0, "tug_seconds": 12, "pain_nrs": 3})
    assert inp.falls_last_12_months == 2 and isinstance(inp.falls_last_12_months, int)
    assert inp.tug_seconds == 12.0 and isinstance(inp.tug_seconds, float)


def test_python_dates_are_accepted_but_not_datetimes():
    assert parse({"assessment_date": date(2026, 10, 1)}).assessment_date == date(2026, 10, 1)
    assert "assessment_date" in errors_of({"assessment_date": datetime(2026, 10, 1, 12, 0)})


# ---------------------------------------------------------------- hostile values

HOSTILE_NUMBERS = [
    ("nan", math.nan),
    ("infinity", math.inf),
    ("minus_infinity", -math.inf),
    ("text", "abc"),
    ("numeric_text", "9.5"),
    ("huge_float", 1e308),
    ("huge_negative", -1e308),
    ("huge_int", 10**400),
    ("true", True),
    ("false", False),
    ("list", [1]),
    ("object", {"value": 1}),
]

NUMBER_FIELDS = [
    "falls_last_12_months",
    "tug_seconds",
    "sts5_seconds",
    "tandem_seconds",
    "pain_nrs",
    "frax_major_percent",
    "frax_hip_percent",
]


def _number_change(field: str, value) -> tuple[dict, str]:
    if field == "t_scores":
        return {"t_scores": {"femoral_neck": value}}, "t_scores.femoral_neck"
    changes = {field: value}
    if field == "tug_seconds":
        changes["tug_unable"] = False
    return changes, field


@pytest.mark.parametrize("field", [*NUMBER_FIELDS, "t_scores"])
@pytest.mark.parametrize(
    "value", [h[1] for h in HOSTILE_NUMBERS], ids=[h[0] for h in HOSTILE_NUMBERS]
)
def test_hostile_numbers_rejected(field, value):
    changes, path = _number_change(field, value)
    errors = errors_of(changes)
    assert path in errors


HOSTILE_OTHER = [
    ("date_number", "assessment_date", 20261101),
    ("date_true", "birth_date", True),
    ("date_list", "birth_date", [1950, 3, 2]),
    ("date_garbage", "dxa_scan_date", "yesterday"),
    ("date_month_13", "dxa_scan_date", "2026-13-01"),
    ("sex_number", "sex", 1),
    ("sex_list", "sex", ["female"]),
    ("sex_object", "sex", {"female": True}),
    ("walking_aid_true", "walking_aid", True),
    ("walking_aid_capitals", "walking_aid", "NONE"),
    ("boolean_nan", "needs_adl_help", math.nan),
    ("boolean_zero", "regular_training", 0),
    ("t_scores_text", "t_scores", "normal"),
    ("t_scores_number", "t_scores", -2.5),
    ("fractures_text", "fractures", "hip"),
    ("fractures_number", "fractures", 2),
    (
        "fracture_site_list",
        "fractures",
        [{"site": ["hip"], "date": "2020-01-01", "low_energy": True}],
    ),
    ("fracture_date_number", "fractures", [{"site": "hip", "date": 2020, "low_energy": True}]),
    (
        "fracture_low_energy_text",
        "fractures",
        [{"site": "hip", "date": "2020-01-01", "low_energy": "y"}],
    ),
    ("risk_factor_null_item", "risk_factors", [None]),
    ("risk_factor_nested_list", "risk_factors", [["smoking"]]),
]


@pytest.mark.parametrize(
    ("field", "value"), [h[1:] for h in HOSTILE_OTHER], ids=[h[0] for h in HOSTILE_OTHER]
)
def test_hostile_values_rejected(field, value):
    errors = errors_of({field: value})
    assert any(
        path == field or path.startswith(f"{field}[") or path.startswith(f"{field}.")
        for path in errors
    )


@pytest.mark.parametrize(
    "data",
    [[], "assessment", None, 42, [EXAMPLE]],
    ids=["list", "text", "null", "number", "wrapped"],
)
def test_non_object_input_rejected(data):
    with pytest.raises(InputError) as caught:
        parse_assessment(data, today=TODAY)
    assert list(caught.value.errors) == ["__all__"]


# ---------------------------------------------------------------- round trip and constants


@pytest.mark.parametrize(
    "data",
    [
        EXAMPLE,
        MINIMAL,
        {
            **EXAMPLE,
            "t_scores": {"forearm": 4.0},
            "dxa_scan_date": "2025-01-31",
            "fractures": [
                {"site": "hip", "date": "2001-05-31", "low_energy": False},
                {"site": "wrist", "date": "1999-12-31", "low_energy": True},
            ],
            "walking_aid": "rollator",
            "tug_seconds": None,
            "tug_unable": True,
            "tandem_seconds": 7.3,
            "tandem_max_seconds": 10,
            "risk_factors": ["smoking", "parent_hip_fracture", "smoking"],
            "frax_major_percent": 23.5,
            "frax_hip_percent": 8,
        },
    ],
    ids=["spec_example", "minimal", "varied"],
)
def test_round_trip(data):
    inp = parse_assessment(data, today=TODAY)
    encoded = json.loads(json.dumps(assessment_to_json(inp)))
    assert parse_assessment(encoded, today=TODAY) == inp
    assert assessment_to_json(parse_assessment(encoded, today=TODAY)) == encoded


def test_json_uses_the_spec_field_names():
    encoded = assessment_to_json(parse())
    assert set(EXAMPLE) <= set(encoded)
    assert encoded["t_scores"] == EXAMPLE["t_scores"]
    assert encoded["fractures"] == EXAMPLE["fractures"]


def test_ranges_are_those_of_the_spec():
    assert RANGES == {
        "age": (18, 110),
        "t_scores": (-6.0, 4.0),
        "falls_last_12_months": (0, 50),
        "tug_seconds": (3.0, 120.0),
        "sts5_seconds": (3.0, 90.0),
        "tandem_seconds": (0.0, 30.0),
        "pain_nrs": (0, 10),
        "frax_major_percent": (0.0, 100.0),
        "frax_hip_percent": (0.0, 100.0),
        "height_cm": (120.0, 220.0),
        "weight_kg": (30.0, 250.0),
        "height_loss_cm": (0.0, 30.0),
        "occiput_wall_cm": (0.0, 30.0),
    }


@pytest.mark.parametrize(
    ("birth", "on", "age"),
    [
        (date(1960, 6, 15), date(2026, 6, 14), 65),
        (date(1960, 6, 15), date(2026, 6, 15), 66),
        (date(1960, 2, 29), date(2027, 2, 28), 66),
        (date(1960, 2, 29), date(2027, 3, 1), 67),
    ],
    ids=["day_before_birthday", "on_birthday", "leap_born_feb_28", "leap_born_mar_1"],
)
def test_age_in_whole_years(birth, on, age):
    assert age_at(birth, on) == age


@pytest.mark.parametrize(
    "enum", [Sex, FractureSite, WalkingAid, TScoreSite, RiskFactor], ids=lambda e: e.__name__
)
def test_every_code_has_danish_and_english_labels(enum):
    for member in enum:
        assert member.label_da and member.label_en
        assert member.label("en") == member.label_en
        assert member.label("da") == member.label_da
