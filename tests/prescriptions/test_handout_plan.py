"""The fridge sheet's week plan and dates (prescriptions.handout_plan)."""

from datetime import date

import pytest

from prescriptions.handout_plan import group_of, number_ranges, plan_dates, plan_rows


def exercise(number, kind, domain, days, start_week=1, later_days=None, technique=False):
    phases = []
    for index, weeks in enumerate(((1, 4), (5, 8), (9, 12))):
        started = weeks[0] >= start_week
        phase_days = (later_days if later_days and index == 2 else days) if started else 0
        phases.append({"weeks": list(weeks), "started": started, "days": phase_days})
    dose = {"technique": True} if technique else {"sets": 2, "reps": 10}
    return {"number": number, "kind": kind, "domain": domain, "phases": phases,
            "start_week": start_week, "dose": dose}  # fmt: skip


@pytest.mark.parametrize(
    ("numbers", "text"),
    [([1], "1"), ([1, 2], "1, 2"), ([1, 2, 3], "1–3"), ([5, 1, 2, 3, 9, 10], "1–3, 5, 9, 10")],
)
def test_number_ranges(numbers, text):
    assert number_ranges(numbers) == text


@pytest.mark.parametrize(
    ("kind", "domain", "start_week", "group"),
    [
        ("strength", "staerk", 1, "strength"),
        ("impact", "staerk", 5, "impact"),
        ("impact", "staerk", 1, "strength"),  # low impact, from the start
        ("walking", "staerk", 1, "walking"),
        ("balance", "stabil", 1, "balance"),
        ("back_extensor", "strakt", 1, "back"),
        ("pain_relief", "strakt", 1, "relief"),
    ],
)
def test_groups(kind, domain, start_week, group):
    assert group_of(exercise(1, kind, domain, 2, start_week)) == group


def test_a_technique_is_done_every_time_not_on_days():
    assert group_of(exercise(1, "technique", "strakt", 7, technique=True)) is None


def test_rows_by_group_and_days_with_rest_days_between_strength_days():
    exercises = [
        exercise(1, "strength", "staerk", 2),
        exercise(2, "strength", "staerk", 2),
        exercise(3, "impact", "staerk", 2, start_week=5, later_days=3),
        exercise(4, "balance", "stabil", 7),
        exercise(5, "posture", "strakt", 7),
        exercise(6, "back_extensor", "strakt", 3),
        exercise(7, "technique", "strakt", 7, technique=True),
    ]
    minutes = {"staerk": [20, 30], "stabil": [10, 15], "strakt": [5, 8]}
    rows = plan_rows(exercises, minutes)
    assert [(r.group, r.numbers, r.days) for r in rows] == [
        ("strength", [1, 2], 2),
        ("impact", [3], 2),
        ("balance", [4], 7),
        ("back", [5], 7),
        ("back", [6], 3),
    ]
    strength, impact, balance, daily_back, back = rows
    assert strength.weekdays == [True, False, False, True, False, False, False]
    assert back.weekdays == [True, False, True, False, True, False, False]
    assert balance.every_day and all(balance.weekdays)
    assert impact.start_week == 5 and impact.later == [(9, 3)]
    # Minutes per session are the domain's, in one cell beside all the rows of the domain.
    assert [r.minutes for r in rows] == [(20, 30), None, (10, 15), (5, 8), None]
    assert [r.span for r in rows] == [2, 0, 1, 2, 0]


def test_dates_of_weeks_1_5_9_and_the_reassessment():
    dates = plan_dates(date(2026, 11, 30), date(2027, 2, 22))
    assert dates == {
        "week_1": date(2026, 11, 30),
        "week_5": date(2026, 12, 28),
        "week_9": date(2027, 1, 25),
        "reassessment": date(2027, 2, 22),
        "week_13": date(2027, 2, 22),
    }
