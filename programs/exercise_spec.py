"""What the program generator knows about a library exercise (domain.md §6), free of Django."""

from dataclasses import dataclass
from enum import StrEnum


class Domain(StrEnum):
    STAERK = "staerk"
    STABIL = "stabil"
    STRAKT = "strakt"


class Kind(StrEnum):
    STRENGTH = "strength"
    IMPACT = "impact"
    BALANCE = "balance"
    POSTURE = "posture"  # posture / back-extensor
    MOBILITY = "mobility"  # mobility / pain relief / ergonomics
    WALKING = "walking"  # walking / aerobic


class Level(StrEnum):
    ACUTE = "acute"
    LIMITED = "limited"
    DAILY = "daily"
    TRAINING = "training"

    @property
    def rank(self) -> int:
        return list(Level).index(self)


class Impact(StrEnum):
    NONE = "none"
    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"

    @property
    def rank(self) -> int:
        return list(Impact).index(self)


class DoseType(StrEnum):
    REPETITIONS = "repetitions"
    HOLD_SECONDS = "hold_seconds"
    DURATION_MINUTES = "duration_minutes"
    DISTANCE = "distance"


EQUIPMENT = (
    "chair",
    "wall",
    "rail",
    "step",
    "mat",
    "bed",
    "stick",
    "band",
    "ankle_weights",
    "dumbbells",
    "kettlebell",
    "barbell",
    "machine",
    "bench",
    "ladder",
    "pull_up_bar",
)


DEFAULT_PRIORITY = 50
"""How central an exercise is among equally suitable ones (lower first): the generator prefers
the basic movements (squat, push, pull, heel raise, back extension) before variations."""


@dataclass(frozen=True)
class Dose:
    """A dose; which fields are set follows the exercise's dose type."""

    sets: int | None = None
    reps: int | None = None
    seconds: int | None = None
    minutes: int | None = None
    metres: int | None = None


@dataclass(frozen=True)
class ExerciseSpec:
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
