"""Session volume (§7a P6, P7): the minutes formula, the balance minimum and the impact caps."""

import pytest

from programs.domain.dose import Dose
from programs.domain.dosing import Phase
from programs.domain.spec import Impact, Kind, Pattern
from programs.domain.volume import (
    cap_impacts,
    dose_seconds,
    fit_balance,
    minutes_per_session,
    whole_minutes,
)
from tests.programs.exercises import spec

pytestmark = pytest.mark.pure


@pytest.mark.parametrize(
    ("dose", "expected"),
    [
        (Dose(sets=3, hold_seconds=30, per_side=True), 3 * 30 * 2 + 2 * 15),
        (Dose(sets=2, reps=10), 2 * 10 * 3 + 15),
        (Dose(sets=2, reps=10, per_side=True), 2 * 10 * 3 * 2 + 15),
        (Dose(sets=2, reps=8, hold_seconds=5), 2 * 8 * 5 + 15),
        (Dose(sets=3, minutes=10), 3 * 600 + 2 * 15),
        (Dose(minutes=20), 1200),
        (Dose(hold_seconds=45), 45),
        (Dose(flights=4), 120),
        (Dose(technique=True), 0),
        (None, 0),
    ],
)
def test_p6_formula(dose, expected):
    """sets × (hold seconds, or 3 s per repetition, or its minutes) × 2 per side, plus 15 s rest
    between sets."""
    assert dose_seconds(dose) == expected


def test_whole_minutes_round_half_up():
    assert [whole_minutes(s) for s in (29, 30, 89, 90, 599, 600)] == [0, 1, 1, 2, 10, 10]


def phases(*doses):
    return tuple(Phase((1 + 4 * n, 4 + 4 * n), d, 4 if d else 0, {}) for n, d in enumerate(doses))


def test_minutes_per_session_per_domain_weeks_1_to_4_and_9_to_12():
    from osteoactive.domain.vocabulary import Domain

    items = [
        (
            Domain.STABIL,
            phases(Dose(sets=3, hold_seconds=30, per_side=True), None, Dose(minutes=15)),
        ),
        (Domain.STAERK, phases(None, Dose(sets=3, reps=10), Dose(sets=5, reps=10))),
    ]
    assert minutes_per_session(items) == {"staerk": [0, 4], "stabil": [4, 15], "strakt": [0, 0]}


BALANCE = spec("b", kind=Kind.BALANCE, pattern=Pattern.BALANCE_STATIC)


@pytest.mark.parametrize(
    ("acute", "targets", "sets"),
    [
        (False, (600, 750, 900), [(3, 3, 3), (3, 3, 2), (3, 2, 2)]),
        (True, (300, 450, 600), [(2, 2, 2), (2, 2, 2), (2, 2, 2)]),
    ],
    ids=["10 / 12.5 / 15 minutes", "akutfase 5 / 7.5 / 10"],
)
def test_p6_balance_sets_are_added_until_each_phase_has_its_minutes(acute, targets, sets):
    hold = phases(*(Dose(sets=2, hold_seconds=s, per_side=True) for s in (30, 45, 60)))
    fitted = fit_balance([(BALANCE, hold)] * 3, acute)
    for index, target in enumerate(targets):
        assert sum(dose_seconds(p[index].dose) for p in fitted) >= target
        assert tuple(p[index].dose.sets for p in fitted) == sets[index]


def test_p6_balance_sets_stop_at_six():
    tiny = phases(*(Dose(sets=1, reps=1) for _ in range(3)))
    fitted = fit_balance([(BALANCE, tiny)], False)
    assert [p.dose.sets for p in fitted[0]] == [6, 6, 6]


def impact_item(impact, sets, reps, per_side=False):
    exercise = spec("i", kind=Kind.IMPACT, pattern=Pattern.IMPACT, impact=impact)
    return exercise, phases(None, Dose(sets=sets, reps=reps, per_side=per_side), None)


@pytest.mark.parametrize(
    ("items", "after"),
    [
        ([(Impact.HIGH, 5, 10), (Impact.MODERATE, 5, 10)], [(5, 10), (5, 10)]),  # 100 / 50
        ([(Impact.HIGH, 5, 10), (Impact.HIGH, 1, 1)], [(4, 10), (1, 1)]),  # 51 high → 41
        ([(Impact.MODERATE, 5, 10), (Impact.MODERATE, 5, 10), (Impact.MODERATE, 1, 1)],
         [(5, 10), (4, 10), (1, 1)]),  # 101 → 91
        ([(Impact.HIGH, 1, 60)], [(1, 50)]),  # one set: repetitions go
        ([(Impact.LOW, 20, 10)], [(20, 10)]),  # low impact is not counted
    ],
    ids=["100 and 50 stay", "51 high", "101 in all", "one set", "low not counted"],
)  # fmt: skip
def test_p7_impact_caps(items, after):
    planned = [impact_item(*i) for i in items]
    capped = cap_impacts(planned)
    assert [(p[1].dose.sets, p[1].dose.reps) for p in capped] == after
