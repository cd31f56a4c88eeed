"""Hypothesis strategies for the program properties: random §5 assessments categorised by the
real categoriser (sometimes overridden), requests built from them, hostile clinic exercises
joining the default ladders, and an independent reading of the filters (`breaks_by_spec`)."""

from datetime import date, timedelta

from hypothesis import strategies as st

from assessment.domain.parsing import parse_assessment
from assessment.domain.rules import categorise
from assessment.domain.serialisation import result_to_json
from osteoactive.domain.categories import Category
from osteoactive.domain.vocabulary import Domain, Level
from programs.domain.request_json import request_from_json
from programs.domain.spec import (
    EQUIPMENT,
    Dose,
    DoseType,
    ExerciseSpec,
    Impact,
    Kind,
    Pattern,
    Position,
)
from tests.programs.exercises import LIBRARY

TODAY = date(2026, 11, 1)
C = Category
MAX_LEVEL = {C.AKUTFASE: 1, C.FUNKTIONSBEGRAENSET: 1, C.HVERDAGSAKTIV_MED_HENSYN: 2,
             C.HVERDAGSAKTIV: 2, C.TRAENINGSAKTIV_MED_HENSYN: 3, C.TRAENINGSAKTIV: 3}  # fmt: skip


def seconds(low, high):
    return st.integers(low * 10, high * 10).map(lambda n: n / 10)


@st.composite
def assessments(draw):
    """Random §5 inputs in the §3 ranges (and the DK-2026.2 fields the generator may see)."""
    age = draw(st.integers(50, 95))
    days = draw(st.integers(1, 365 * 3))
    fractures = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "site": st.sampled_from(["vertebral", "hip", "wrist", "humerus", "other"]),
                    "date": st.integers(1, days * 2).map(
                        lambda d: (TODAY - timedelta(days=d)).isoformat()
                    ),
                    "low_energy": st.booleans(),
                }
            ),
            max_size=3,
        )
    )
    falls = draw(st.integers(0, 4))
    data = {
        "assessment_date": TODAY.isoformat(),
        "birth_date": date(TODAY.year - age, 3, 2).isoformat(),
        "sex": "female",
        "t_scores": {"lumbar_spine": draw(st.integers(-45, 10).map(lambda n: n / 10))},
        "fractures": fractures,
        "falls_last_12_months": falls,
        "injurious_fall": draw(st.booleans()) if falls else False,
        "walking_aid": draw(st.sampled_from(["none", "none", "stick", "rollator", "wheelchair"])),
        "needs_adl_help": draw(st.booleans()),
        "regular_training": draw(st.booleans()),
        "tandem_max_seconds": 30,
        "tandem_seconds": draw(st.none() | seconds(0, 30)),
        "pain_nrs": draw(st.integers(0, 10)),
        "suspected_new_vertebral_fracture": draw(st.booleans()),
        "height_loss_cm": draw(st.none() | seconds(0, 8)),
        "fes_i_short": draw(st.none() | st.lists(st.integers(1, 4), min_size=7, max_size=7)),
    }
    for test, high in (("tug", 40), ("sts5", 40)):
        if draw(st.integers(0, 5)) == 0:
            data[f"{test}_unable"] = True
        else:
            data[f"{test}_seconds"] = draw(st.none() | seconds(3, high))
    return data


def dk_2026_2_warnings(inputs: dict) -> list[str]:
    found = []
    if inputs.get("suspected_new_vertebral_fracture") or (inputs.get("height_loss_cm") or 0) >= 4:
        found.append("W6")
    if inputs.get("fes_i_short") and sum(inputs["fes_i_short"]) >= 14:
        found.append("W7")
    return found


@st.composite
def requests(draw):
    inputs = draw(assessments())
    result = result_to_json(categorise(parse_assessment(inputs, today=TODAY)))
    result["warnings"] += [w for w in dk_2026_2_warnings(inputs) if w not in result["warnings"]]
    if draw(st.integers(0, 4)) == 0:
        result["category"] = draw(st.sampled_from(list(Category))).value  # an override
    options = {
        "setting": draw(st.sampled_from(["home", "gym", "supervised"])),
        "equipment": draw(st.lists(st.sampled_from(EQUIPMENT), unique=True, max_size=4)),
        "language": draw(st.sampled_from(["da", "en"])),
    }
    with_inputs = draw(st.integers(0, 5)) > 0
    data = {"result": result, "options": options}
    if with_inputs:
        data["inputs"] = inputs
    return request_from_json(data)


GROUPS = sorted({s.variant_group for s in LIBRARY})


def enum(e):
    return st.sampled_from(list(e))


hostile = st.builds(
    ExerciseSpec,
    key=st.integers(0, 10_000).map(lambda n: f"clinic-x-{n:05d}"),
    name_da=st.just("Egen øvelse"),
    name_en=st.just("Own exercise"),
    domain=enum(Domain),
    kind=enum(Kind),
    pattern=enum(Pattern),
    variant_group=st.sampled_from(GROUPS) | st.just("own"),
    rung=st.integers(1, 5),
    position=enum(Position),
    min_level=enum(Level),
    impact=enum(Impact),
    loaded_spinal_flexion=st.booleans(),
    needs_supervision=st.booleans(),
    dose_type=st.sampled_from([DoseType.REPETITIONS, DoseType.HOLD_SECONDS]),
    default_dose=st.just(Dose(sets=2, reps=10, hold_seconds=20)),
    equipment=st.frozensets(st.sampled_from(EQUIPMENT), max_size=2),
    secondary_domain=st.none() | enum(Domain),
    priority=st.integers(1, 99),
)
libraries = st.lists(hostile, max_size=12, unique_by=lambda e: e.key).flatmap(
    lambda extra: st.permutations(list(LIBRARY) + extra)
)


def breaks_by_spec(e: ExerciseSpec, r) -> bool:
    """An independent reading of §6 and §7a's filters, so a bug in `rules` cannot hide."""
    category = r.planned_category
    precautions = category not in (C.HVERDAGSAKTIV, C.TRAENINGSAKTIV) or "W6" in r.warnings
    moderate_up = e.impact in (Impact.MODERATE, Impact.HIGH)
    return (
        e.min_level.rank > MAX_LEVEL[category]
        or (precautions and moderate_up)
        or e.loaded_spinal_flexion
        or (e.needs_supervision and not r.hirit)
        or (e.needs_supervision and (r.setting != "supervised" or category is not C.TRAENINGSAKTIV))
        or (r.walking_aid == "wheelchair" and e.position is Position.STANDING)
        or (r.walking_aid == "wheelchair" and e.pattern in (Pattern.WALKING, Pattern.STAIRS))
        or (moderate_up and ("W4" in r.warnings or r.fall_risk == "high"))
        or (e.impact is Impact.HIGH and (category is not C.TRAENINGSAKTIV or r.fall_risk != "low"))
    )
