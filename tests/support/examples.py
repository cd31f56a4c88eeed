"""Assessment inputs in their §5 JSON form: the spec's example, and inputs the real
categoriser puts in each category.

`category_inputs` is what `tests.factories.AssessmentFactory(category=...)` starts from; the
factory checks that the categoriser agrees, so a test never runs on a category it did not get.
"""

from datetime import date, timedelta

# The example of domain.md §5: a recent low-energy vertebral fracture (akutfase, underlying
# traeningsaktiv_med_hensyn, rules A1 B3 C1).
SPEC_EXAMPLE = {
    "assessment_date": "2026-11-01",
    "birth_date": "1950-03-02",
    "sex": "female",
    "t_scores": {"lumbar_spine": -2.7, "femoral_neck": -2.1, "total_hip": None, "forearm": None},
    "fractures": [{"site": "vertebral", "date": "2026-07-01", "low_energy": True}],
    "falls_last_12_months": 1,
    "injurious_fall": False,
    "walking_aid": "none",
    "needs_adl_help": False,
    "sedentary_due_to_disease": False,
    "regular_training": True,
    "tug_seconds": 9.5,
    "tug_unable": False,
    "sts5_seconds": 11.0,
    "sts5_unable": False,
    "tandem_seconds": 30.0,
    "tandem_max_seconds": 30,
    "pain_nrs": 2,
    "risk_factors": ["smoking"],
}

# Osteopenia, no fracture, no fall, every test recorded and within its cut-off, no regular
# training: B4, hverdagsaktiv, low fall risk, no warning.
PLAIN = {
    "t_scores": {"lumbar_spine": -2.0, "femoral_neck": -1.8},
    "fractures": [],
    "falls_last_12_months": 0,
    "injurious_fall": False,
    "walking_aid": "none",
    "needs_adl_help": False,
    "sedentary_due_to_disease": False,
    "regular_training": False,
    "tug_seconds": 9.5,
    "tug_unable": False,
    "sts5_seconds": 11.0,
    "sts5_unable": False,
    "tandem_seconds": 30.0,
    "tandem_max_seconds": 30,
    "pain_nrs": 2,
    "risk_factors": [],
}

SEVERE_T_SCORES = {"lumbar_spine": -3.2, "femoral_neck": -2.6}  # C4: T-min <= -3.0


def recent_vertebral_fracture(assessment_date: date) -> dict:
    """Two months old, low energy: A1 (acute phase) and, underneath, C1."""
    return {
        "site": "vertebral",
        "date": (assessment_date - timedelta(days=60)).isoformat(),
        "low_energy": True,
    }


def old_vertebral_fracture() -> dict:
    """Years old, low energy: C1 (precautions) without the acute phase."""
    return {"site": "vertebral", "date": "2019-04-10", "low_energy": True}


def category_inputs(category: str | None, assessment_date: date) -> dict:
    """The PLAIN inputs changed just enough for `category` (None: PLAIN, hverdagsaktiv)."""
    changes = {
        None: {},
        "hverdagsaktiv": {},
        "hverdagsaktiv_med_hensyn": {"t_scores": SEVERE_T_SCORES},  # B4 + C4
        "traeningsaktiv": {"regular_training": True},  # B3
        "traeningsaktiv_med_hensyn": {"regular_training": True, "t_scores": SEVERE_T_SCORES},
        "funktionsbegraenset": {"walking_aid": "rollator"},  # B1
        "akutfase": {"fractures": [recent_vertebral_fracture(assessment_date)]},  # A1
    }
    if category not in changes:
        raise ValueError(f"no example inputs for the category {category!r}")
    return {**PLAIN, **changes[category]}
