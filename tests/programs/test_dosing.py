"""Dose, days per week, the three phases and dose texts (domain.md §7)."""

from dataclasses import replace

import pytest

from osteoactive.domain.categories import Category
from osteoactive.domain.vocabulary import Domain, Level
from programs.domain.dosing import PHASE_WEEKS, dose_text, prescribe
from programs.domain.spec import Dose, DoseType, ExerciseSpec, Impact, Kind

pytestmark = pytest.mark.pure

C = Category
PRECAUTION_WALKING = [C.HVERDAGSAKTIV_MED_HENSYN, C.TRAENINGSAKTIV_MED_HENSYN]


def spec(kind=Kind.STRENGTH, impact=Impact.NONE, dose_type=DoseType.REPETITIONS):
    return ExerciseSpec(
        key="x",
        name_da="X",
        name_en="X",
        domain=Domain.STAERK,
        kind=kind,
        min_level=Level.LIMITED,
        impact=impact,
        loaded_spinal_flexion=False,
        needs_supervision=False,
        dose_type=dose_type,
        default_dose=Dose(),
    )


@pytest.mark.parametrize(
    ("dose", "dose_type", "da", "en"),
    [
        (Dose(sets=2, reps=10), "repetitions", "2 × 10 gentagelser", "2 × 10 repetitions"),
        (Dose(reps=1), DoseType.REPETITIONS, "1 gentagelse", "1 repetition"),
        (Dose(sets=1, reps=8), DoseType.REPETITIONS, "8 gentagelser", "8 repetitions"),
        (Dose(sets=3, seconds=30), DoseType.HOLD_SECONDS, "3 × 30 sek.", "3 × 30 s"),
        (Dose(seconds=45), DoseType.HOLD_SECONDS, "45 sek.", "45 s"),
        (
            Dose(sets=2, reps=10, seconds=5),
            DoseType.HOLD_SECONDS,
            "2 × 10 gentagelser, hold 5 sek.",
            "2 × 10 repetitions, hold 5 s",
        ),
        (Dose(minutes=10), DoseType.DURATION_MINUTES, "10 min", "10 min"),
        (Dose(sets=3, minutes=10), DoseType.DURATION_MINUTES, "3 × 10 min", "3 × 10 min"),
        (Dose(metres=500), DoseType.DISTANCE, "500 m", "500 m"),
        (Dose(sets=2, metres=20), DoseType.DISTANCE, "2 × 20 m", "2 × 20 m"),
        (None, DoseType.REPETITIONS, "Starter i uge 5", "Starts in week 5"),
        (Dose(), DoseType.DISTANCE, "—", "—"),
    ],
)
def test_dose_text(dose, dose_type, da, en):
    assert dose_text(dose, dose_type, "da") == da
    assert dose_text(dose, dose_type, "en") == en


def test_dose_text_rejects_unknown_language():
    with pytest.raises(ValueError):
        dose_text(Dose(sets=2, reps=10), DoseType.REPETITIONS, "de")


def all_prescriptions():
    for category in Category:
        for kind in Kind:
            for impact in Impact:
                for dose_type in DoseType:
                    for focus in (False, True):
                        exercise = spec(kind, impact, dose_type)
                        yield category, exercise, focus, prescribe(exercise, category, focus)


def test_every_prescription_has_three_phases_and_honours_the_dose_type():
    field = {
        DoseType.REPETITIONS: "reps",
        DoseType.HOLD_SECONDS: "seconds",
        DoseType.DURATION_MINUTES: "minutes",
        DoseType.DISTANCE: "metres",
    }
    for _category, exercise, _focus, p in all_prescriptions():
        assert tuple(phase.weeks for phase in p.phases) == PHASE_WEEKS == ((1, 4), (5, 8), (9, 12))
        for phase in p.phases:
            assert set(phase.instruction) == {"da", "en"}
            assert phase.instruction["da"] and phase.instruction["en"]
            if phase.dose is not None:
                assert getattr(phase.dose, field[exercise.dose_type])
                assert dose_text(phase.dose, exercise.dose_type, "en") != "—"
                assert 1 <= phase.days_per_week <= 7
        first = next(phase for phase in p.phases if phase.dose is not None)
        assert (p.dose, p.days_per_week) == (first.dose, first.days_per_week)


def test_moderate_and_high_impact_start_in_week_5_whatever_the_kind():
    for _category, exercise, _focus, p in all_prescriptions():
        first, second, _third = p.phases
        if exercise.impact in (Impact.MODERATE, Impact.HIGH):
            assert first.dose is None and first.days_per_week == 0
            assert "uge 5" in first.instruction["da"] and "week 5" in first.instruction["en"]
            assert p.dose == second.dose and second.days_per_week >= 2
        else:
            assert first.dose is not None and first.days_per_week >= 1


@pytest.mark.parametrize("category", [c for c in Category if c is not C.AKUTFASE])
def test_strength_phases(category):
    p = prescribe(spec(), category)
    assert [ph.dose for ph in p.phases] == [
        Dose(sets=2, reps=10),
        Dose(sets=3, reps=10),
        Dose(sets=3, reps=8),
    ]
    assert all(ph.days_per_week >= 2 for ph in p.phases)
    assert "Let" in p.phases[0].instruction["da"]
    assert "8–12" in p.phases[1].instruction["en"]


def test_akutfase_is_daily_and_strength_stays_light():
    p = prescribe(spec(), C.AKUTFASE)
    assert [ph.days_per_week for ph in p.phases] == [7, 7, 7]
    assert all(ph.dose.sets == 2 for ph in p.phases)
    for category, _exercise, _focus, p in all_prescriptions():
        if category is C.AKUTFASE:
            assert all(ph.days_per_week == 7 for ph in p.phases if ph.dose is not None)


@pytest.mark.parametrize("impact", [Impact.MODERATE, Impact.HIGH])
def test_impact_dose(impact):
    p = prescribe(spec(Kind.IMPACT, impact), C.TRAENINGSAKTIV)
    for phase in p.phases[1:]:
        assert 3 <= phase.dose.sets <= 5 and phase.dose.reps == 10
        assert phase.days_per_week >= 2
    assert p.phases[2].dose == Dose(sets=5, reps=10)  # about 50 impacts


def test_low_impact_exercise_starts_in_week_1():
    p = prescribe(spec(Kind.IMPACT, Impact.LOW), C.HVERDAGSAKTIV_MED_HENSYN)
    assert p.phases[0].dose == Dose(sets=2, reps=10)


@pytest.mark.parametrize("category", [c for c in Category if c is not C.AKUTFASE])
@pytest.mark.parametrize(("focus", "days"), [(False, 4), (True, 7)])
def test_balance(category, focus, days):
    p = prescribe(spec(Kind.BALANCE, dose_type=DoseType.HOLD_SECONDS), category, focus)
    assert [ph.dose.seconds for ph in p.phases] == [30, 45, 60]
    assert all(30 <= ph.dose.seconds <= 60 for ph in p.phases)
    assert all(ph.days_per_week == days for ph in p.phases)
    assert "støtte" in p.phases[0].instruction["da"].lower()
    assert "support" in p.phases[0].instruction["en"].lower()


def test_back_extensor_holds_3_to_5_seconds_daily():
    p = prescribe(spec(Kind.POSTURE, dose_type=DoseType.HOLD_SECONDS), C.HVERDAGSAKTIV)
    assert all(3 <= ph.dose.seconds <= 5 and ph.dose.reps for ph in p.phases)
    assert all(ph.days_per_week == 7 for ph in p.phases)
    reps = prescribe(spec(Kind.POSTURE), C.HVERDAGSAKTIV)
    assert "3 s" in reps.phases[0].instruction["en"]


def test_walking_in_10_minute_bouts_for_functionally_limited():
    p = prescribe(spec(Kind.WALKING, Impact.LOW, DoseType.DURATION_MINUTES), C.FUNKTIONSBEGRAENSET)
    assert all(ph.dose.minutes == 10 for ph in p.phases)
    assert [ph.dose.sets for ph in p.phases] == [None, 2, 3]
    assert dose_text(p.phases[0].dose, DoseType.DURATION_MINUTES, "da") == "10 min"


@pytest.mark.parametrize("category", PRECAUTION_WALKING)
def test_brisk_walking_about_20_minutes_a_day_with_precautions(category):
    p = prescribe(spec(Kind.WALKING, Impact.LOW, DoseType.DURATION_MINUTES), category)
    assert all(ph.days_per_week == 7 for ph in p.phases)
    assert [(ph.dose.sets or 1) * ph.dose.minutes for ph in p.phases] == [20, 20, 20]


def test_akutfase_walking_in_short_bouts():
    p = prescribe(spec(Kind.WALKING, Impact.LOW, DoseType.DURATION_MINUTES), C.AKUTFASE)
    assert all(ph.dose.minutes <= 10 and ph.days_per_week == 7 for ph in p.phases)


def test_dose_type_decides_the_shape():
    p = prescribe(replace(spec(), dose_type=DoseType.DISTANCE), C.HVERDAGSAKTIV)
    assert p.dose.metres and p.dose.reps is None
