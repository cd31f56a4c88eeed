"""Dose families, the three phases and dose words (domain.md §5, §7, §7a P4–P10, §7b, §10)."""

import pytest

from osteoactive.domain.categories import Category
from osteoactive.domain.vocabulary import Domain
from programs.domain.dose import Dose, dose_from_json, dose_json, dose_text
from programs.domain.dosing import phases_following, prescribe
from programs.domain.request import ProgramRequest
from programs.domain.spec import DoseType, Impact, Kind, Pattern, Position
from tests.programs.exercises import BY_KEY, spec

pytestmark = pytest.mark.pure

pytestmark = pytest.mark.pure

C = Category


def doses(prescription):
    return [dose_json(p.dose) for p in prescription.phases]


def days(prescription):
    return [p.days_per_week for p in prescription.phases]


def words(prescription, language="en"):
    return [p.instruction[language] for p in prescription.phases]


@pytest.mark.parametrize(
    ("dose", "da", "en"),
    [
        (Dose(sets=2, reps=10), "2 × 10 gentagelser", "2 × 10 repetitions"),
        (Dose(reps=1), "1 gentagelse", "1 repetition"),
        (Dose(sets=1, reps=8), "8 gentagelser", "8 repetitions"),
        (Dose(sets=2, reps=10, per_side=True), "2 × 10 gentagelser pr. side",
         "2 × 10 repetitions each side"),
        (Dose(sets=3, hold_seconds=30), "3 × 30 sek.", "3 × 30 s"),
        (Dose(sets=2, hold_seconds=30, per_side=True), "2 × 30 sek. pr. side", "2 × 30 s each side"),
        (Dose(sets=2, reps=8, hold_seconds=3), "2 × 8 gentagelser, hold 3 sek.",
         "2 × 8 repetitions, hold 3 s"),
        (Dose(sets=3, minutes=10), "3 × 10 min", "3 × 10 min"),
        (Dose(minutes=20), "20 min", "20 min"),
        (Dose(flights=4), "4 trappeløb", "4 flights"),
        (Dose(flights=1), "1 trappeløb", "1 flight"),
        (Dose(technique=True), "Hver gang", "Every time"),
        (Dose(sets=3, metres=5), "3 × 5 m", "3 × 5 m"),
        (None, "Starter i uge 5", "Starts in week 5"),
        (Dose(), "—", "—"),
    ],
)  # fmt: skip
def test_dose_text(dose, da, en):
    assert dose_text(dose, None, "da") == da
    assert dose_text(dose, None, "en") == en


def test_dose_text_names_the_start_week_and_rejects_unknown_languages():
    assert dose_text(None, None, "da", start_week=9) == "Starter i uge 9"
    with pytest.raises(ValueError):
        dose_text(Dose(sets=1, reps=1), None, "de")


def test_dose_json_holds_only_the_keys_that_apply():
    assert dose_json(Dose(sets=2, reps=10)) == {"sets": 2, "reps": 10}
    assert dose_json(Dose(sets=2, hold_seconds=30, per_side=True)) == {
        "sets": 2,
        "per_side": True,
        "hold_seconds": 30,
    }
    assert dose_json(Dose(technique=True)) == {"technique": True}
    assert dose_json(None) is None
    for dose in (Dose(sets=2, reps=8, hold_seconds=3, per_side=True), Dose(flights=3)):
        assert dose_from_json(dose_json(dose)) == dose


def test_old_snapshots_stay_readable():
    """DK-2026.1 stored holds as `seconds` and distances as `metres`."""
    assert dose_from_json({"sets": 3, "seconds": 30}) == Dose(sets=3, hold_seconds=30)
    assert dose_text(dose_from_json({"sets": 3, "metres": 5}), "distance", "da") == "3 × 5 m"
    assert DoseType("distance") is DoseType.DISTANCE


def request(category=C.HVERDAGSAKTIV, **kw):
    return ProgramRequest(category, **kw)


STRENGTH = spec("squat")


@pytest.mark.parametrize(
    "category", [c for c in Category if c is not C.AKUTFASE], ids=lambda c: c.value
)
def test_strength_2x10_then_3x10_then_3x8_on_two_days(category):
    rx = prescribe(STRENGTH, request(category))
    assert doses(rx) == [{"sets": 2, "reps": 10}, {"sets": 3, "reps": 10}, {"sets": 3, "reps": 8}]
    assert days(rx) == [2, 2, 2] and rx.start_week == 1
    assert "8–12" in rx.phases[1].instruction["en"]


def test_p8_pain_strength_one_set_in_weeks_1_to_4():
    rx = prescribe(STRENGTH, request(warnings=frozenset({"W4"})))
    assert doses(rx)[0] == {"sets": 1, "reps": 10}
    assert doses(rx)[1] == {"sets": 3, "reps": 10}


def test_p8_pain_holds_in_the_acute_phase_too():
    rx = prescribe(STRENGTH, request(C.AKUTFASE, warnings=frozenset({"W4"})))
    assert doses(rx)[0] == {"sets": 1, "reps": 8}
    assert doses(rx)[1] == {"sets": 2, "reps": 10}


def test_akutfase_is_daily_and_strength_stays_light():
    rx = prescribe(STRENGTH, request(C.AKUTFASE))
    assert doses(rx) == [{"sets": 2, "reps": 8}, {"sets": 2, "reps": 10}, {"sets": 2, "reps": 12}]
    assert days(rx) == [7, 7, 7]
    assert "Hard" not in " ".join(words(rx))


def test_p4_weeks_9_to_12_name_the_progression():
    harder = spec("harder", name="Goblet squat")
    rx = prescribe(STRENGTH, request(), harder)
    assert rx.phases[2].instruction["en"].endswith("or move on to Goblet squat.")
    assert "gå videre til Goblet squat" in rx.phases[2].instruction["da"]
    plain = prescribe(STRENGTH, request())
    assert "move on" not in plain.phases[2].instruction["en"]
    assert "harder variant" not in " ".join(words(plain) + words(rx))


def test_p7_moderate_impact_starts_in_week_5_high_impact_in_week_9():
    moderate = spec("drops", kind=Kind.IMPACT, pattern=Pattern.IMPACT, impact=Impact.MODERATE)
    high = spec("jumps", kind=Kind.IMPACT, pattern=Pattern.IMPACT, impact=Impact.HIGH)
    rx = prescribe(moderate, request(C.TRAENINGSAKTIV))
    assert doses(rx) == [None, {"sets": 3, "reps": 10}, {"sets": 5, "reps": 10}]
    assert rx.start_week == 5 and days(rx)[0] == 0
    assert rx.phases[0].instruction["en"].startswith("Starts in week 5")
    rx = prescribe(high, request(C.TRAENINGSAKTIV))
    assert doses(rx) == [None, None, {"sets": 3, "reps": 10}]
    assert rx.start_week == 9
    assert all(p.instruction["da"].startswith("Starter i uge 9") for p in rx.phases[:2])


def test_moderate_impact_starts_in_week_5_whatever_its_kind():
    jogging = BY_KEY["jogging"]
    rx = prescribe(jogging, request())
    assert rx.start_week == 5 and doses(rx)[1] == {"minutes": 10}
    strength_kind = spec("odd", impact=Impact.MODERATE)
    assert prescribe(strength_kind, request()).start_week == 5


def test_7b_heavy_lifts_familiarisation_then_5x5_and_drop_landings_from_week_5():
    rx = prescribe(BY_KEY["barbell-back-squat"], request(C.TRAENINGSAKTIV, setting="supervised"))
    assert doses(rx) == [{"sets": 2, "reps": 10}, {"sets": 5, "reps": 5}, {"sets": 5, "reps": 5}]
    assert days(rx) == [2, 2, 2]
    assert "80–85 % of 1RM" in rx.phases[1].instruction["en"]
    assert "80–85 % af 1RM" in rx.phases[2].instruction["da"]
    chin = prescribe(BY_KEY["jumping-chin-up"], request(C.TRAENINGSAKTIV, setting="supervised"))
    assert doses(chin) == [None, {"sets": 5, "reps": 5}, {"sets": 5, "reps": 5}]


def test_an_exercise_needing_supervision_is_done_in_the_two_supervised_sessions():
    supervised = request(C.TRAENINGSAKTIV, setting="supervised", fall_prevention_focus=True)
    rx = prescribe(BY_KEY["step-reactions"], supervised)
    assert days(rx) == [2, 2, 2]
    assert days(prescribe(BY_KEY["quick-steps"], supervised)) == [7, 7, 7]


@pytest.mark.parametrize(
    ("key", "text"),
    [("log-roll", "Every time you get out of bed"), ("safe-lifting", "Every time you lift")],
)
def test_p10_techniques_every_time_without_sets(key, text):
    rx = prescribe(BY_KEY[key], request(C.AKUTFASE))
    assert doses(rx) == [{"technique": True}] * 3
    assert days(rx) == [7, 7, 7]
    assert all(w.startswith(text) for w in words(rx))


def test_p10_stairs_in_flights_with_the_rail():
    rx = prescribe(BY_KEY["stair-climbing"], request(C.HVERDAGSAKTIV_MED_HENSYN))
    assert doses(rx) == [{"flights": 2}, {"flights": 4}, {"flights": 6}]
    assert all("handrail" in w for w in words(rx))


def test_p10_tai_chi_is_a_class_or_video_of_at_least_15_minutes():
    rx = prescribe(BY_KEY["tai-chi"], request())
    assert [d["minutes"] for d in doses(rx)] == [15, 20, 30]
    assert days(rx) == [2, 2, 2]


BALANCE = spec(
    "stance",
    domain=Domain.STABIL,
    kind=Kind.BALANCE,
    pattern=Pattern.BALANCE_STATIC,
    dose_type=DoseType.HOLD_SECONDS,
    dose=Dose(sets=2, hold_seconds=30, per_side=True),
)


def test_p6_support_goes_when_you_can_stand_safely_never_on_a_date():
    rx = prescribe(BALANCE, request())
    assert doses(rx)[0] == {"sets": 2, "per_side": True, "hold_seconds": 30}
    assert rx.phases[0].instruction["en"].startswith("With support")
    assert "when you can stand safely without it" in rx.phases[1].instruction["en"]
    assert "når du kan stå sikkert uden den" in rx.phases[1].instruction["da"]
    for text in words(rx) + words(rx, "da"):
        assert "eyes closed" not in text and "lukkede øjne" not in text
        assert "week" not in text.lower() and "uge" not in text.lower()


@pytest.mark.parametrize(
    "kw",
    [
        {"fall_risk": "high"},
        {"warnings": frozenset({"W7"})},
        {"walking_aid": "stick"},
        {"walking_aid": "crutches"},
        {"walking_aid": "rollator"},
    ],
    ids=["fall-risk-high", "W7", "stick", "crutches", "rollator"],
)
def test_p5_p6_support_stays_all_12_weeks(kw):
    rx = prescribe(BALANCE, request(**kw), spec("harder", name="Tandem"))
    assert all("support" in w for w in words(rx))
    assert not any("let go" in w.lower() for w in words(rx))
    assert "or move on to Tandem – also with support" in rx.phases[2].instruction["en"]


def test_seated_balance_has_no_support_to_remove():
    seated = spec("reach", kind=Kind.BALANCE, pattern=Pattern.BALANCE_STATIC,
                  position=Position.SEATED)  # fmt: skip
    assert all("firm chair" in w or "Reach" in w for w in words(prescribe(seated, request())))


@pytest.mark.parametrize(("focus", "expected"), [(False, 4), (True, 7)])
def test_balance_days(focus, expected):
    assert days(prescribe(BALANCE, request(fall_prevention_focus=focus))) == [expected] * 3


def test_back_extensor_holds_3_to_5_seconds():
    rx = prescribe(BY_KEY["prone-head-shoulder-lift"], request())
    assert [d["hold_seconds"] for d in doses(rx)] == [3, 5, 5]
    assert days(rx) == [3, 3, 3]


def test_walking_families():
    walk = BY_KEY["brisk-walking"]
    assert doses(prescribe(walk, request(C.FUNKTIONSBEGRAENSET))) == [
        {"minutes": 10},
        {"sets": 2, "minutes": 10},
        {"sets": 3, "minutes": 10},
    ]
    precaution = prescribe(walk, request(C.HVERDAGSAKTIV_MED_HENSYN))
    assert doses(precaution)[1:] == [{"minutes": 20}] * 2
    assert days(precaution) == [7, 7, 7]
    acute = prescribe(walk, request(C.AKUTFASE))
    assert doses(acute)[0] == {"sets": 3, "minutes": 5}


def test_p5_walking_with_the_walking_aid():
    rx = prescribe(BY_KEY["brisk-walking"], request(C.FUNKTIONSBEGRAENSET, walking_aid="rollator"))
    assert all(w.endswith("Walk with your rollator.") for w in words(rx))
    assert all(w.endswith("Gå med din rollator.") for w in words(rx, "da"))
    plain = prescribe(BY_KEY["brisk-walking"], request(C.FUNKTIONSBEGRAENSET, walking_aid="none"))
    assert not any("rollator" in w for w in words(plain))


def test_dose_edits_keep_the_plan():
    """§10: the physiotherapist's weeks 1–4 dose, the later phases by the family's own steps."""
    phases = phases_following(STRENGTH, request(), Dose(sets=1, reps=12))
    assert [dose_json(p.dose) for p in phases] == [
        {"sets": 1, "reps": 12},
        {"sets": 2, "reps": 12},
        {"sets": 2, "reps": 10},
    ]
    impact = spec("drops", kind=Kind.IMPACT, pattern=Pattern.IMPACT, impact=Impact.MODERATE)
    phases = phases_following(impact, request(C.TRAENINGSAKTIV), Dose(sets=2, reps=8))
    assert [dose_json(p.dose) for p in phases] == [
        None,
        {"sets": 2, "reps": 8},
        {"sets": 4, "reps": 8},
    ]
