"""Dose, days per week and the three 12-week phases for one exercise (domain.md §7).

An exercise is dosed by its own kind (how it is performed), not by the slot that chose it, and the
dose always uses the exercise's dose type, so a balance exercise counted in steps gets steps and a
held one gets seconds. The guideline dose replaces the library's `default_dose`, so every generated
program follows §7; the physiotherapist can still edit it.

Fixed by §7 and pinned by the tests: strength 2 days/week, 2 × 10 easy → 3 × 10 moderate → 3 × 8
hard; balance 30–60 s per exercise (3 × 30 → 45 → 60 s), with support in phase 1, 4 days/week or
daily with fall-prevention focus; impact 3–5 sets of 10 from week 5 for moderate and high impact
(phase 1 says it has not started); back extensors holds of 3–5 s, daily; walking in 10-minute
bouts for `funktionsbegraenset`, about 20 minutes a day of brisk walking for the precaution
categories; `akutfase` daily short sessions.

Choices where the spec is silent:
- Strength 2 days/week (the minimum §7 sets; more is the physiotherapist's call).
- Phase 2 strength is 3 × 10 (inside 2–3 × 8–12); the instruction states the 8–12 range.
- Impact: 2 days/week in phase 2, then 5 × 10 (about 50 impacts) on 4 days in phase 3 ("most days").
  Low-impact impact exercises start in week 1 like any other exercise.
- Any exercise with moderate or high impact starts in week 5, whatever its kind (e.g. jogging).
- `akutfase`: every exercise daily; strength stays light (2 × 8 → 2 × 10 → 2 × 12) and never
  reaches the hard phase: progression is decided when the acute phase ends and is reassessed.
- Walking: `akutfase` 3 × 5 → 3 × 8 → 3 × 10 min daily; `funktionsbegraenset` 1 → 2 → 3 bouts of
  10 min daily; precaution categories 2 × 10 min → 20 min → 20 min brisk daily; the other
  categories 2 × 10 → 3 × 10 → 30 min, 5 days/week.
- Mobility / pain relief: daily, gentle, pain-free. Doses for dose types §7 gives no number for
  (e.g. a strength exercise dosed in metres) are written in the tables below.
"""

from dataclasses import dataclass, field

from osteoactive.domain.categories import Category
from osteoactive.domain.languages import LANGUAGES

from .spec import Dose, DoseType, ExerciseSpec, Impact, Kind

PHASE_WEEKS: tuple[tuple[int, int], ...] = ((1, 4), (5, 8), (9, 12))
BALANCE_DAYS = 4
DAILY = 7
PRECAUTION_WALKING = frozenset(
    {Category.HVERDAGSAKTIV_MED_HENSYN, Category.TRAENINGSAKTIV_MED_HENSYN}
)


@dataclass(frozen=True)
class Phase:
    """One block of weeks; dose None and 0 days mean the exercise has not started yet."""

    weeks: tuple[int, int]
    dose: Dose | None
    days_per_week: int
    instruction: dict[str, str] = field(hash=False)


@dataclass(frozen=True)
class Prescription:
    """The starting dose (first phase the exercise is done in) and all three phases."""

    dose: Dose
    days_per_week: int
    phases: tuple[Phase, ...]


@dataclass(frozen=True)
class _Step:
    days: int
    instruction: dict[str, str] = field(hash=False)
    doses: dict[DoseType, Dose] = field(hash=False)


def _step(days, da, en, reps, hold, minutes, metres) -> _Step:
    """A phase template; `hold` is (sets, seconds) or (sets, reps, seconds) for repeated holds."""
    hold_dose = (
        Dose(sets=hold[0], seconds=hold[1])
        if len(hold) == 2
        else Dose(sets=hold[0], reps=hold[1], seconds=hold[2])
    )
    return _Step(
        days,
        {"da": da, "en": en},
        {
            DoseType.REPETITIONS: Dose(sets=reps[0], reps=reps[1]),
            DoseType.HOLD_SECONDS: hold_dose,
            DoseType.DURATION_MINUTES: Dose(sets=_bouts(minutes[0]), minutes=minutes[1]),
            DoseType.DISTANCE: Dose(sets=_bouts(metres[0]), metres=metres[1]),
        },
    )


def _bouts(n: int) -> int | None:
    return n if n > 1 else None


_GENTLE_DA = "Blidt og smertefrit – stop, hvis smerten øges."
_GENTLE_EN = "Gentle and pain-free – stop if the pain increases."

_FAMILIES: dict[str, tuple[_Step, _Step, _Step]] = {
    "strength": (
        _step(
            2,
            "Let – du kan tale og kunne tage mange flere. Lær teknikken, sænk langsomt.",
            "Light – you can talk and could do many more. Learn the technique, lower slowly.",
            (2, 10), (2, 20), (1, 5), (2, 20),
        ),
        _step(
            2,
            "Moderat – en belastning, du kan løfte 8–12 gange; de sidste gentagelser er hårde.",
            "Moderate – a load you can lift 8–12 times; the last repetitions are hard.",
            (3, 10), (3, 30), (1, 10), (3, 20),
        ),
        _step(
            2,
            "Hårdt – en belastning, du kun kan løfte ca. 8 gange, eller den sværere variant.",
            "Hard – a load you can lift only about 8 times, or the harder variant.",
            (3, 8), (3, 45), (1, 15), (3, 30),
        ),
    ),
    "strength_acute": (
        _step(
            DAILY,
            "Meget let og kort – du kan tale hele tiden. Stop, hvis smerten øges.",
            "Very light and short – you can talk throughout. Stop if the pain increases.",
            (2, 8), (2, 10), (1, 5), (1, 10),
        ),
        _step(
            DAILY,
            "Let – du kan tale og kunne tage flere. Stop, hvis smerten øges.",
            "Light – you can talk and could do more. Stop if the pain increases.",
            (2, 10), (2, 15), (1, 5), (2, 10),
        ),
        _step(
            DAILY,
            "Let til moderat – mere først, når fysioterapeuten har revurderet dig.",
            "Light to moderate – more only after the physiotherapist has reassessed you.",
            (2, 12), (2, 20), (1, 10), (2, 20),
        ),
    ),
    "impact": (
        _step(
            2,
            "Let – lær at lande blødt med let bøjede knæ.",
            "Light – learn to land softly with slightly bent knees.",
            (2, 10), (2, 30), (1, 5), (1, 200),
        ),
        _step(
            2,
            "Moderat – faste, kontrollerede stød; land blødt.",
            "Moderate – firm, controlled impacts; land softly.",
            (3, 10), (3, 30), (1, 10), (1, 500),
        ),
        _step(
            4,
            "Hårdt – byg op til ca. 50 stød de fleste dage.",
            "Hard – build up to about 50 impacts on most days.",
            (5, 10), (5, 30), (1, 20), (1, 1000),
        ),
    ),
    "balance": (
        _step(
            BALANCE_DAYS,
            "Med støtte – hold let fast i et gelænder eller en stabil stol. "
            "Det skal udfordre, men føles sikkert.",
            "With support – hold a rail or a stable chair lightly. "
            "It should challenge you but feel safe.",
            (2, 10), (3, 30), (1, 5), (2, 5),
        ),
        _step(
            BALANCE_DAYS,
            "Mindre støtte – slip støtten, når øvelsen sidder sikkert; "
            "hav den inden for rækkevidde.",
            "Less support – let go when the exercise feels secure; keep the support within reach.",
            (3, 10), (3, 45), (1, 10), (3, 5),
        ),
        _step(
            BALANCE_DAYS,
            "Udfordrende – uden støtte eller en sværere variant (fx lukkede øjne); "
            "støtten inden for rækkevidde.",
            "Challenging – without support or a harder variant (e.g. eyes closed); "
            "support within reach.",
            (3, 15), (3, 60), (1, 15), (3, 10),
        ),
    ),
    "posture": (
        _step(
            DAILY,
            "Let – hold 3 sek. i slutstillingen, og træk vejret roligt.",
            "Light – hold 3 s at the end position and breathe calmly.",
            (2, 8), (2, 8, 3), (1, 5), (1, 10),
        ),
        _step(
            DAILY,
            "Moderat – hold 5 sek.; det må føles som arbejde i ryggen, ikke som smerte.",
            "Moderate – hold 5 s; it may feel like work in the back, not like pain.",
            (2, 10), (2, 10, 5), (1, 5), (2, 10),
        ),
        _step(
            DAILY,
            "Hårdere – hold 5 sek., flere sæt eller den sværere variant.",
            "Harder – hold 5 s, more sets or the harder variant.",
            (3, 10), (3, 10, 5), (1, 10), (3, 10),
        ),
    ),
    "mobility": (
        _step(DAILY, _GENTLE_DA, _GENTLE_EN, (2, 5), (3, 20), (1, 5), (1, 10)),
        _step(DAILY, _GENTLE_DA, _GENTLE_EN, (2, 8), (3, 30), (1, 5), (1, 10)),
        _step(DAILY, _GENTLE_DA, _GENTLE_EN, (2, 10), (3, 30), (1, 10), (1, 10)),
    ),
    "walking_acute": (
        _step(
            DAILY,
            "Rolig gang i korte ture – hellere flere korte ture end én lang. Undgå sengeleje.",
            "Easy walking in short bouts – several short walks rather than one long one. "
            "Avoid bed rest.",
            (2, 20), (3, 30), (3, 5), (3, 300),
        ),
        _step(
            DAILY,
            "Lidt længere ture i roligt tempo – du kan tale hele vejen.",
            "Slightly longer walks at an easy pace – you can talk all the way.",
            (3, 20), (3, 30), (3, 8), (3, 500),
        ),
        _step(
            DAILY,
            "Ture på 10 minutter i et tempo, hvor du stadig kan tale.",
            "Walks of 10 minutes at a pace where you can still talk.",
            (3, 30), (3, 30), (3, 10), (3, 700),
        ),
    ),
    "walking_bouts": (
        _step(
            DAILY,
            "Let – én tur på 10 minutter om dagen; du kan tale undervejs.",
            "Light – one 10-minute walk a day; you can talk while walking.",
            (2, 20), (3, 30), (1, 10), (1, 600),
        ),
        _step(
            DAILY,
            "To ture på 10 minutter om dagen.",
            "Two 10-minute walks a day.",
            (3, 20), (3, 30), (2, 10), (2, 600),
        ),
        _step(
            DAILY,
            "Tre ture på 10 minutter om dagen – i alt 30 minutter.",
            "Three 10-minute walks a day – 30 minutes in all.",
            (3, 30), (3, 30), (3, 10), (3, 600),
        ),
    ),
    "walking_brisk": (
        _step(
            DAILY,
            "Rask gang – du kan tale, men ikke synge. Gerne i to ture.",
            "Brisk walking – you can talk but not sing. Two walks are fine.",
            (3, 20), (3, 30), (2, 10), (2, 800),
        ),
        _step(
            DAILY,
            "Rask gang i ca. 20 minutter om dagen.",
            "Brisk walking for about 20 minutes a day.",
            (3, 30), (3, 30), (1, 20), (1, 1600),
        ),
        _step(
            DAILY,
            "Rask gang i ca. 20 minutter om dagen, gerne i let kuperet terræn.",
            "Brisk walking for about 20 minutes a day, on gently hilly ground if you like.",
            (3, 30), (3, 30), (1, 20), (1, 2000),
        ),
    ),
    "walking": (
        _step(
            5,
            "Rask gang – du kan tale, men ikke synge.",
            "Brisk walking – you can talk but not sing.",
            (3, 20), (3, 30), (2, 10), (2, 800),
        ),
        _step(
            5,
            "Rask gang, tre ture på 10 minutter.",
            "Brisk walking, three 10-minute walks.",
            (3, 30), (3, 30), (3, 10), (3, 800),
        ),
        _step(
            5,
            "Rask gang i 30 minutter.",
            "Brisk walking for 30 minutes.",
            (3, 30), (3, 30), (1, 30), (1, 2500),
        ),
    ),
}  # fmt: skip

_NOT_STARTED = {
    "da": "Starter i uge 5: musklerne bygges op, før knoglerne belastes med stød.",
    "en": "Starts in week 5: muscles are built up before bones are loaded with impact.",
}


def _family(kind: Kind, category: Category) -> str:
    if kind is Kind.WALKING:
        if category is Category.AKUTFASE:
            return "walking_acute"
        if category is Category.FUNKTIONSBEGRAENSET:
            return "walking_bouts"
        return "walking_brisk" if category in PRECAUTION_WALKING else "walking"
    if kind is Kind.STRENGTH and category is Category.AKUTFASE:
        return "strength_acute"
    return {
        Kind.STRENGTH: "strength",
        Kind.IMPACT: "impact",
        Kind.BALANCE: "balance",
        Kind.POSTURE: "posture",
        Kind.MOBILITY: "mobility",
    }[kind]


def prescribe(
    exercise: ExerciseSpec, category: Category, fall_prevention_focus: bool = False
) -> Prescription:
    """The §7 dose of this exercise for this category, phase by phase."""
    category = Category(category)
    delayed = exercise.impact.rank >= Impact.MODERATE.rank
    phases = []
    for number, (weeks, step) in enumerate(
        zip(PHASE_WEEKS, _FAMILIES[_family(exercise.kind, category)], strict=True), start=1
    ):
        if delayed and number == 1:
            phases.append(Phase(weeks, None, 0, dict(_NOT_STARTED)))
            continue
        days = step.days
        if category is Category.AKUTFASE or (
            exercise.kind is Kind.BALANCE and fall_prevention_focus
        ):
            days = DAILY
        phases.append(Phase(weeks, step.doses[exercise.dose_type], days, dict(step.instruction)))
    first = next(p for p in phases if p.dose is not None)
    return Prescription(first.dose, first.days_per_week, tuple(phases))


_UNITS = {
    "da": {"rep": ("gentagelse", "gentagelser"), "s": "sek.", "hold": "hold"},
    "en": {"rep": ("repetition", "repetitions"), "s": "s", "hold": "hold"},
}


def dose_text(dose: Dose | None, dose_type: DoseType, language: str) -> str:
    """A dose in words, e.g. "2 × 10 gentagelser", "3 × 30 s", "10 min"; "—" if nothing to say."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    dose_type = DoseType(dose_type)
    if dose is None:
        return "Starter i uge 5" if language == "da" else "Starts in week 5"
    units = _UNITS[language]
    sets = f"{dose.sets} × " if dose.sets and dose.sets > 1 else ""

    def reps_text() -> str:
        return f"{sets}{dose.reps} {units['rep'][dose.reps != 1]}"

    if dose_type is DoseType.REPETITIONS and dose.reps:
        text = reps_text()
        return f"{text}, {units['hold']} {dose.seconds} {units['s']}" if dose.seconds else text
    if dose_type is DoseType.HOLD_SECONDS and dose.seconds:
        if dose.reps:
            return f"{reps_text()}, {units['hold']} {dose.seconds} {units['s']}"
        return f"{sets}{dose.seconds} {units['s']}"
    if dose_type is DoseType.DURATION_MINUTES and dose.minutes:
        return f"{sets}{dose.minutes} min"
    if dose_type is DoseType.DISTANCE and dose.metres:
        return f"{sets}{dose.metres} m"
    return "—"
