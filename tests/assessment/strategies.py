"""Hypothesis strategies for valid DK-2026.2 assessment inputs (every §3 field, DK-2026.2
fields included), shared by the property tests of the assessment domain."""

from datetime import date, timedelta

from hypothesis import assume
from hypothesis import strategies as st

from assessment.domain.inputs import AssessmentInput, Fracture, TScores, age_at
from assessment.domain.rules import add_months
from assessment.domain.vocabulary import FractureSite, Medication, RiskFactor, Sex, WalkingAid

TODAY = date(2026, 11, 21)


def tenths(low: float, high: float):
    return st.integers(round(low * 10), round(high * 10)).map(lambda n: n / 10)


def hundredths(low: float, high: float):
    return st.integers(round(low * 100), round(high * 100)).map(lambda n: n / 100)


fes_i_answers = st.none() | st.lists(st.integers(1, 4), min_size=7, max_size=7).map(tuple)


@st.composite
def assessments(draw) -> AssessmentInput:
    """Any input `parse_assessment` accepts, as the value it returns."""
    assessed = draw(st.dates(date(2000, 1, 1), TODAY))
    birth = draw(
        st.dates(
            add_months(assessed, -111 * 12) + timedelta(days=1), add_months(assessed, -18 * 12)
        )
    )
    assume(18 <= age_at(birth, assessed) <= 110)
    falls = draw(st.none() | st.integers(0, 50))
    injurious = draw(st.none() | st.booleans()) if falls else draw(st.none() | st.just(False))
    tug_unable, sts5_unable = draw(st.booleans()), draw(st.booleans())
    ceiling = draw(st.sampled_from([10, 30]))
    t_score = st.none() | tenths(-6.0, 4.0)
    return AssessmentInput(
        assessment_date=assessed,
        birth_date=birth,
        sex=draw(st.sampled_from(Sex)),
        t_scores=TScores(draw(t_score), draw(t_score), draw(t_score), draw(t_score)),
        dxa_scan_date=draw(st.none() | st.dates(birth, assessed)),
        fractures=draw(
            st.lists(
                st.builds(
                    Fracture,
                    st.sampled_from(FractureSite),
                    st.dates(birth, assessed),
                    st.booleans(),
                ),
                max_size=4,
            )
        ),
        falls_last_12_months=falls,
        injurious_fall=injurious,
        walking_aid=draw(st.none() | st.sampled_from(WalkingAid)),
        needs_adl_help=draw(st.none() | st.booleans()),
        sedentary_due_to_disease=draw(st.none() | st.booleans()),
        regular_training=draw(st.none() | st.booleans()),
        tug_seconds=None if tug_unable else draw(st.none() | tenths(3.0, 120.0)),
        tug_unable=tug_unable,
        sts5_seconds=None if sts5_unable else draw(st.none() | tenths(3.0, 90.0)),
        sts5_unable=sts5_unable,
        tandem_seconds=draw(st.none() | tenths(0.0, ceiling)),
        tandem_max_seconds=ceiling,
        pain_nrs=draw(st.none() | st.integers(0, 10)),
        risk_factors=draw(st.frozensets(st.sampled_from(RiskFactor))),
        frax_major_percent=draw(st.none() | st.floats(0, 100)),
        frax_hip_percent=draw(st.none() | st.floats(0, 100)),
        frax_date=draw(st.none() | st.dates(birth, assessed)),
        height_cm=draw(st.none() | tenths(120.0, 220.0)),
        weight_kg=draw(st.none() | hundredths(30.0, 250.0)),
        height_loss_cm=draw(st.none() | tenths(0.0, 30.0)),
        occiput_wall_cm=draw(st.none() | tenths(0.0, 30.0)),
        suspected_new_vertebral_fracture=draw(st.none() | st.booleans()),
        fes_i_short=draw(fes_i_answers),
        medication=draw(st.none() | st.sampled_from(Medication)),
    )
