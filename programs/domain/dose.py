"""A dose and its dose type (domain.md §5, §6, §7a P10), with its JSON and its words.

The §5 dose holds only the keys that apply among `sets`, `reps`, `per_side` (true, or left out),
`hold_seconds`, `minutes` and `flights` (whole numbers), or is `{"technique": true}` for the
techniques that are used every time and have no sets (log-roll, safe lifting).

Older data (DK-2026.1) stored holds as `seconds` and walked distances as `metres`; `dose_from_json`
still reads both, so an issued handout stays readable. `seconds` means exactly `hold_seconds`;
`metres` is kept as a legacy field that nothing generates any more and that the words still show.
"""

from dataclasses import dataclass, fields

from osteoactive.domain.languages import LANGUAGES, Labelled


class DoseType(Labelled):
    REPETITIONS = "repetitions"
    HOLD_SECONDS = "hold_seconds"
    DURATION_MINUTES = "duration_minutes"
    FLIGHTS = "flights"
    TECHNIQUE = "technique"
    HEAVY = "heavy"
    DISTANCE = "distance"  # DK-2026.1 only: read from old snapshots, never chosen again

    __labels__ = {
        "repetitions": ("gentagelser", "repetitions"),
        "hold_seconds": ("hold i sekunder", "hold in seconds"),
        "duration_minutes": ("varighed i minutter", "duration in minutes"),
        "flights": ("trappeløb", "flights of stairs"),
        "technique": ("teknik – hver gang, uden sæt", "technique – every time, no sets"),
        "heavy": ("tung styrketræning (HiRIT)", "heavy resistance (HiRIT)"),
        "distance": ("distance", "distance"),
    }


LEGACY_DOSE_TYPES = frozenset({DoseType.DISTANCE})
DOSE_TYPES = tuple(t for t in DoseType if t not in LEGACY_DOSE_TYPES)
"""The dose types a library exercise may have."""

DOSE_KEYS = ("sets", "reps", "per_side", "hold_seconds", "minutes", "flights", "technique")
NUMBER_KEYS = ("sets", "reps", "hold_seconds", "minutes", "flights")

DOSE_TYPE_FIELDS: dict[DoseType, tuple[frozenset[str], frozenset[str]]] = {
    DoseType.REPETITIONS: (frozenset({"sets", "reps"}), frozenset({"per_side", "hold_seconds"})),
    DoseType.HOLD_SECONDS: (frozenset({"sets", "hold_seconds"}), frozenset({"per_side", "reps"})),
    DoseType.DURATION_MINUTES: (frozenset({"minutes"}), frozenset({"sets"})),
    DoseType.FLIGHTS: (frozenset({"flights"}), frozenset()),
    DoseType.TECHNIQUE: (frozenset({"technique"}), frozenset()),
    DoseType.HEAVY: (frozenset({"sets", "reps"}), frozenset()),
}
"""Per dose type: the dose keys it needs, and those it may have (repeated holds, bouts, sides)."""


@dataclass(frozen=True)
class Dose:
    """A dose; which fields are set follows the exercise's dose type."""

    sets: int | None = None
    reps: int | None = None
    per_side: bool = False
    hold_seconds: int | None = None
    minutes: int | None = None
    flights: int | None = None
    technique: bool = False
    metres: int | None = None  # legacy (DK-2026.1 distances), read only

    def replace(self, **changes) -> "Dose":
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        return Dose(**{**values, **changes})


TECHNIQUE_DOSE = Dose(technique=True)


def dose_json(dose: Dose | None) -> dict | None:
    """The keys of a dose that apply; None for a phase that has not started."""
    if dose is None:
        return None
    data: dict = {}
    for name in DOSE_KEYS:
        value = getattr(dose, name)
        if name in ("per_side", "technique"):
            if value:
                data[name] = True
        elif value is not None:
            data[name] = value
    if dose.metres is not None:
        data["metres"] = dose.metres
    return data


def dose_from_json(data) -> Dose | None:
    """Read `dose_json` back, old snapshots' `seconds` and `metres` included."""
    if data is None:
        return None
    values = {name: data[name] for name in NUMBER_KEYS if data.get(name) is not None}
    if "hold_seconds" not in values and data.get("seconds") is not None:
        values["hold_seconds"] = data["seconds"]
    if data.get("metres") is not None:
        values["metres"] = data["metres"]
    return Dose(
        **values, per_side=bool(data.get("per_side")), technique=bool(data.get("technique"))
    )


_UNITS = {
    "da": {
        "rep": ("gentagelse", "gentagelser"),
        "s": "sek.",
        "hold": "hold",
        "side": "pr. side",
        "flight": ("trappeløb", "trappeløb"),
        "every_time": "Hver gang",
        "not_started": "Starter i uge {week}",
    },
    "en": {
        "rep": ("repetition", "repetitions"),
        "s": "s",
        "hold": "hold",
        "side": "each side",
        "flight": ("flight", "flights"),
        "every_time": "Every time",
        "not_started": "Starts in week {week}",
    },
}


def dose_text(dose: Dose | None, dose_type=None, language: str = "da", start_week: int = 5) -> str:
    """A dose in words ("2 × 10 gentagelser pr. side", "3 × 30 s", "10 min", "Hver gang").

    The words follow the keys the dose holds, so an edited or old dose always reads right;
    `dose_type` is accepted for the callers that pass it. "—" if there is nothing to say.
    """
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    units = _UNITS[language]
    if dose is None:
        return units["not_started"].format(week=start_week)
    if dose.technique:
        return units["every_time"]
    sets = f"{dose.sets} × " if dose.sets and dose.sets > 1 else ""
    side = f" {units['side']}" if dose.per_side else ""
    if dose.reps:
        text = f"{sets}{dose.reps} {units['rep'][dose.reps != 1]}{side}"
        return (
            f"{text}, {units['hold']} {dose.hold_seconds} {units['s']}"
            if dose.hold_seconds
            else text
        )
    if dose.hold_seconds:
        return f"{sets}{dose.hold_seconds} {units['s']}{side}"
    if dose.minutes:
        return f"{sets}{dose.minutes} min"
    if dose.flights:
        return f"{dose.flights} {units['flight'][dose.flights != 1]}"
    if dose.metres:
        return f"{sets}{dose.metres} m"
    return "—"
