"""The one description of a library exercise (domain.md §6).

Every attribute of an exercise is declared here once. The database model, the library file,
the generator's output, the issued snapshot and the handout all read an `ExerciseSpec` (or its
JSON, `exercise_json`), and `tests/programs/test_spec.py` checks the model against it.
"""

from dataclasses import dataclass, fields

from osteoactive.domain.languages import Labelled, in_language
from osteoactive.domain.vocabulary import Domain, Level


class Kind(Labelled):
    STRENGTH = "strength"
    IMPACT = "impact"
    BALANCE = "balance"
    POSTURE = "posture"  # posture / back-extensor
    MOBILITY = "mobility"  # mobility / pain relief / ergonomics
    WALKING = "walking"  # walking / aerobic

    __labels__ = {
        "strength": ("styrke", "strength"),
        "impact": ("stødbelastning", "impact"),
        "balance": ("balance", "balance"),
        "posture": ("holdning / rygstrækkere", "posture / back extensors"),
        "mobility": ("bevægelighed / smertelindring", "mobility / pain relief"),
        "walking": ("gang / kondition", "walking / aerobic"),
    }


class Impact(Labelled):
    NONE = "none"
    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"

    __labels__ = {
        "none": ("ingen", "none"),
        "low": ("lav (op til rask gang)", "low (up to brisk walking)"),
        "moderate": ("moderat", "moderate"),
        "high": ("høj (hop)", "high (jumps)"),
    }

    @property
    def rank(self) -> int:
        return list(Impact).index(self)


class DoseType(Labelled):
    REPETITIONS = "repetitions"
    HOLD_SECONDS = "hold_seconds"
    DURATION_MINUTES = "duration_minutes"
    DISTANCE = "distance"

    __labels__ = {
        "repetitions": ("gentagelser", "repetitions"),
        "hold_seconds": ("hold i sekunder", "hold in seconds"),
        "duration_minutes": ("varighed i minutter", "duration in minutes"),
        "distance": ("distance", "distance"),
    }


class Equipment(Labelled):
    CHAIR = "chair"
    WALL = "wall"
    RAIL = "rail"
    STEP = "step"
    MAT = "mat"
    BED = "bed"
    STICK = "stick"
    BAND = "band"
    ANKLE_WEIGHTS = "ankle_weights"
    DUMBBELLS = "dumbbells"
    KETTLEBELL = "kettlebell"
    BARBELL = "barbell"
    MACHINE = "machine"
    BENCH = "bench"
    LADDER = "ladder"
    PULL_UP_BAR = "pull_up_bar"

    __labels__ = {
        "chair": ("stol", "chair"),
        "wall": ("væg", "wall"),
        "rail": ("gelænder", "rail"),
        "step": ("trappetrin", "step"),
        "mat": ("måtte", "mat"),
        "bed": ("seng", "bed"),
        "stick": ("stok", "stick"),
        "band": ("elastik", "band"),
        "ankle_weights": ("ankelvægte", "ankle weights"),
        "dumbbells": ("håndvægte", "dumbbells"),
        "kettlebell": ("kettlebell", "kettlebell"),
        "barbell": ("vægtstang", "barbell"),
        "machine": ("træningsmaskine", "machine"),
        "bench": ("bænk", "bench"),
        "ladder": ("agilitystige", "agility ladder"),
        "pull_up_bar": ("pull-up-stang", "pull-up bar"),
    }


EQUIPMENT = tuple(code.value for code in Equipment)


def equipment_list(codes, language: str) -> str:
    """Equipment codes as words, in a stable order: "elastik, stol"."""
    return ", ".join(Equipment(code).label(language) for code in sorted(codes))


DEFAULT_PRIORITY = 50
"""How central an exercise is among equally suitable ones (lower first): the generator prefers
the basic movements (squat, push, pull, heel raise, back extension) before variations."""

DOSE_FIELDS = ("sets", "reps", "seconds", "minutes", "metres")

DOSE_TYPE_FIELDS: dict[DoseType, tuple[frozenset[str], frozenset[str]]] = {
    DoseType.REPETITIONS: (frozenset({"sets", "reps"}), frozenset()),
    DoseType.HOLD_SECONDS: (frozenset({"sets", "seconds"}), frozenset({"reps"})),
    DoseType.DURATION_MINUTES: (frozenset({"minutes"}), frozenset({"sets"})),
    DoseType.DISTANCE: (frozenset({"metres"}), frozenset({"sets"})),
}
"""Per dose type: the dose fields it needs, and those it may have (repeated holds, bouts)."""


@dataclass(frozen=True)
class Dose:
    """A dose; which fields are set follows the exercise's dose type."""

    sets: int | None = None
    reps: int | None = None
    seconds: int | None = None
    minutes: int | None = None
    metres: int | None = None


def dose_json(dose: Dose | None) -> dict[str, int] | None:
    """The fields of a dose that are set; None for a phase that has not started."""
    if dose is None:
        return None
    return {name: getattr(dose, name) for name in DOSE_FIELDS if getattr(dose, name) is not None}


def dose_from_json(data) -> Dose | None:
    """Read `dose_json` back; anything but the dose fields is ignored."""
    if data is None:
        return None
    return Dose(**{name: data[name] for name in DOSE_FIELDS if data.get(name) is not None})


@dataclass(frozen=True)
class ExerciseSpec:
    """An exercise: its texts in both languages, its §6 attributes and its ladder links."""

    key: str
    name_da: str
    name_en: str
    domain: Domain
    kind: Kind
    min_level: Level
    impact: Impact
    loaded_spinal_flexion: bool
    needs_supervision: bool
    dose_type: DoseType
    default_dose: Dose
    equipment: frozenset[str] = frozenset()
    secondary_domain: Domain | None = None
    regression: str | None = None
    progression: str | None = None
    priority: int = DEFAULT_PRIORITY
    instructions_da: tuple[str, ...] = ()
    instructions_en: tuple[str, ...] = ()
    safety_tip_da: str = ""
    safety_tip_en: str = ""

    def name(self, language: str) -> str:
        return in_language({"da": self.name_da, "en": self.name_en}, language)

    def instructions(self, language: str) -> tuple[str, ...]:
        return self.instructions_en if language == "en" else self.instructions_da

    def safety_tip(self, language: str) -> str:
        return in_language({"da": self.safety_tip_da, "en": self.safety_tip_en}, language)


SPEC_FIELDS = tuple(f.name for f in fields(ExerciseSpec))


def exercise_json(spec: ExerciseSpec) -> dict:
    """The exercise as the program JSON, the issued snapshot and the handout carry it."""
    return {
        "key": spec.key,
        "name": {"da": spec.name_da, "en": spec.name_en},
        "instructions": {"da": list(spec.instructions_da), "en": list(spec.instructions_en)},
        "safety_tip": {"da": spec.safety_tip_da, "en": spec.safety_tip_en},
        "domain": spec.domain.value,
        "secondary_domain": spec.secondary_domain.value if spec.secondary_domain else None,
        "kind": spec.kind.value,
        "min_level": spec.min_level.value,
        "impact": spec.impact.value,
        "loaded_spinal_flexion": spec.loaded_spinal_flexion,
        "needs_supervision": spec.needs_supervision,
        "equipment": sorted(spec.equipment),
        "dose_type": spec.dose_type.value,
    }
