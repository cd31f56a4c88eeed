"""Events between assessments as the next assessment reads them, and the outcome arithmetic."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from assessment.domain.events import Event, falls_last_12_months, fractures_to_add, year_before
from assessment.domain.outcomes import (
    pain_change,
    participant_changes,
    rate_per_1000,
    tally,
    weeks_between,
)
from assessment.domain.parsing import parse_assessment
from assessment.domain.vocabulary import Change
from tests.support.examples import PLAIN

pytestmark = pytest.mark.pure

ON = date(2027, 3, 1)


def test_falls_in_the_last_12_months_count_recorded_falls_in_the_window():
    events = [
        Event("fall", date(2026, 3, 1)),  # exactly a year before: outside
        Event("fall", date(2026, 3, 2), injurious=True),
        Event("fall", date(2027, 2, 1)),
        Event("fall", date(2027, 3, 2)),  # after the assessment
        Event("fracture", date(2027, 2, 1), site="wrist"),
    ]
    assert falls_last_12_months(events, ON) == (2, True)
    assert falls_last_12_months([], ON) is None
    assert year_before(date(2028, 2, 29)) == date(2027, 2, 28)


def test_recorded_fractures_are_added_once():
    existing = [{"site": "wrist", "date": date(2026, 5, 1), "low_energy": True}]
    events = [
        Event("fracture", date(2026, 5, 1), site="wrist", low_energy=True),
        Event("fracture", date(2027, 2, 1), site="vertebral", low_energy=True),
        Event("fracture", date(2027, 4, 1), site="hip", low_energy=True),
        Event("fall", date(2027, 2, 1)),
    ]
    assert fractures_to_add(events, existing, ON) == [
        {"site": "vertebral", "date": date(2027, 2, 1), "low_energy": True}
    ]


def visit(day: date, **changes):
    data = {
        **PLAIN,
        "assessment_date": day.isoformat(),
        "birth_date": "1950-03-02",
        "sex": "female",
        **changes,
    }
    return parse_assessment(data, today=day)


def test_change_at_12_weeks_and_6_months_uses_the_thresholds():
    start = date(2026, 1, 5)
    visits = [
        visit(start, tug_seconds=12.0, sts5_seconds=15.0, pain_nrs=6),
        visit(start + timedelta(days=80), tug_seconds=10.9, sts5_seconds=12.6, pain_nrs=5),
        visit(start + timedelta(days=190), tug_seconds=13.1, sts5_seconds=15.0, pain_nrs=2),
    ]
    found = participant_changes(visits, start)
    assert (
        found["12w"]["tug"] is Change.BETTER and found["12w"]["sts5"] is Change.NO_DETECTABLE_CHANGE
    )
    assert found["12w"]["pain"] is Change.NO_DETECTABLE_CHANGE
    assert found["6m"]["tug"] is Change.WORSE and found["6m"]["pain"] is Change.BETTER
    only_baseline = participant_changes(visits[:1], start)
    assert only_baseline == {"12w": {}, "6m": {}}
    outcomes = tally([found, only_baseline])
    assert outcomes.participants == 2
    tug = outcomes.tallies["12w"]["tug"]
    assert (tug.better, tug.unchanged, tug.worse, tug.not_comparable) == (1, 0, 0, 1)


def test_pain_needs_two_points():
    assert pain_change(5, 4) is Change.NO_DETECTABLE_CHANGE
    assert pain_change(5, 3) is Change.BETTER
    assert pain_change(3, 5) is Change.WORSE
    assert pain_change(None, 5) is None


def test_rates_per_1000_participant_weeks():
    weeks = weeks_between(date(2027, 1, 4), date(2027, 7, 5))  # 26 weeks
    assert weeks == 26
    assert rate_per_1000(2, weeks * 10) == Decimal("7.7")
    assert rate_per_1000(1, Decimal(0)) is None
    assert weeks_between(date(2027, 2, 1), date(2027, 1, 1)) == 0


def test_outcome_charts_are_escaped_svg_with_their_numbers():
    from assessment.domain.outcome_charts import change_bars, value_bars

    svg = change_bars("<TUG>", [("TUG & co", 3, 1, 0), ("Tandem", 0, 0, 0)], ("B", "S", "W"))
    assert svg.startswith("<svg") and "&lt;TUG&gt;" in svg and "TUG &amp; co" in svg
    assert ">3</text>" in svg and svg.count("<rect") == 3 + 2
    bars = value_bars("Rates", [("Falls", 7.7, "7,7"), ("Fractures", None, "–")], 10)
    assert "7,7" in bars and bars.count("<rect") == 1
