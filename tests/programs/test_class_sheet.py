"""The class schedule, attendance streaks and each participant's adapted class program."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from osteoactive.domain.categories import Category
from programs.domain.class_sheet import (
    NONE,
    PATTERN,
    RUNG,
    SAME,
    ClassItem,
    flags,
    participant_sheet,
)
from programs.domain.classes import class_percent, class_week_phase, session_dates, summarise
from programs.domain.dosing import Phase
from programs.domain.request import ProgramRequest
from programs.domain.rules import rule_breaks
from tests.programs.exercises import BY_KEY, LIBRARY
from tests.support.program_properties import breaks_by_spec, libraries, requests

pytestmark = pytest.mark.pure

TEXT = {"da": "", "en": ""}
PHASES = tuple(Phase((a, b), None, 2, TEXT) for a, b in ((1, 4), (5, 8), (9, 12)))


def item(spec):
    return ClassItem(spec, PHASES)


def test_26_weeks_three_times_a_week_is_78_sessions_numbered_in_date_order():
    sessions = session_dates(date(2027, 1, 4), [0, 2, 4], 26)
    assert len(sessions) == 78
    assert [s.number for s in sessions] == list(range(1, 79))
    assert sessions[0].date == date(2027, 1, 4) and sessions[-1].week == 26
    assert {s.date.weekday() for s in sessions} == {0, 2, 4}


def test_a_weekday_before_the_start_day_belongs_to_the_first_class_week():
    sessions = session_dates(date(2027, 1, 6), [0, 2], 1)  # a Wednesday start
    assert [(s.date, s.week) for s in sessions] == [(date(2027, 1, 6), 1), (date(2027, 1, 11), 1)]


@pytest.mark.parametrize("weekdays,weeks", [([], 26), ([7], 26), ([0], 0), ([0], 105)])
def test_a_schedule_out_of_range_is_refused(weekdays, weeks):
    with pytest.raises(ValueError):
        session_dates(date(2027, 1, 4), weekdays, weeks)


@pytest.mark.parametrize("week,phase", [(1, 0), (4, 0), (5, 1), (8, 1), (9, 2), (26, 2)])
def test_class_weeks_after_12_keep_the_last_phase(week, phase):
    assert class_week_phase(week) == phase


def test_three_missed_in_a_row_raise_the_flag_and_a_visit_clears_it():
    assert summarise([True, False, False, False]).flagged
    assert not summarise([False, False, False, True]).flagged
    summary = summarise([True, True, False, True])
    assert (summary.taken, summary.present, summary.percent) == (4, 3, 75)
    assert summarise([]).percent is None
    assert class_percent([summarise([True, False]), summarise([True, True])]) == 75


def acute_vertebral():
    return ProgramRequest(
        category=Category.AKUTFASE, setting="supervised", qualifying_vertebral_fracture=True
    )


def test_an_excluded_exercise_gets_the_nearest_allowed_rung_of_its_ladder():
    request = ProgramRequest(category=Category.FUNKTIONSBEGRAENSET, setting="supervised")
    training_squat = max(
        (s for s in LIBRARY if s.variant_group == BY_KEY["sit-to-stand"].variant_group),
        key=lambda s: s.rung,
    )
    [line] = participant_sheet([item(training_squat)], request, LIBRARY, 0)
    assert line.how == RUNG and line.exercise.variant_group == training_squat.variant_group
    assert rule_breaks(line.exercise, request) == [] and line.breaks
    assert line.phase is not None and line.phase.dose is not None


def test_an_allowed_exercise_keeps_the_class_dose_and_no_assessment_sits_everything_out():
    spec = BY_KEY["sit-to-stand"]
    request = ProgramRequest(category=Category.HVERDAGSAKTIV, setting="supervised")
    [line] = participant_sheet([item(spec)], request, LIBRARY, 1)
    assert (line.how, line.exercise, line.phase) == (SAME, spec, PHASES[1])
    [line] = participant_sheet([item(spec)], None, LIBRARY, 1)
    assert (line.how, line.exercise) == (NONE, None)


def test_flags_name_w6_high_fall_risk_w7_and_pain():
    request = ProgramRequest(
        category=Category.HVERDAGSAKTIV, fall_risk="high", warnings=frozenset({"W4", "W6", "W7"})
    )
    assert flags(request) == ("W6", "fall_risk_high", "W7", "W4")
    assert flags(ProgramRequest(category=Category.HVERDAGSAKTIV)) == ()


@settings(max_examples=150, deadline=None)
@given(request=requests(), library=libraries, data=st.data())
def test_no_participant_sheet_holds_an_exercise_their_filters_exclude(request, library, data):
    """Whatever the assessment (categorised by the real categoriser, sometimes overridden) and
    whatever the class program (any exercises, hostile clinic ones included)."""
    chosen = data.draw(st.lists(st.sampled_from(library), min_size=1, max_size=10))
    week = data.draw(st.integers(1, 26))
    lines = participant_sheet([item(s) for s in chosen], request, library, class_week_phase(week))
    assert len(lines) == len(chosen)
    for line in lines:
        if line.exercise is None:
            assert line.how == NONE
            continue
        assert rule_breaks(line.exercise, request) == []
        assert not breaks_by_spec(line.exercise, request), line.exercise.key
        if line.how == PATTERN:
            assert line.exercise.pattern is line.planned.pattern
        if line.how == RUNG:
            assert line.exercise.variant_group == line.planned.variant_group
