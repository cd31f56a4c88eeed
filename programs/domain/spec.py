"""The one description of a library exercise (domain.md §6).

Every attribute of an exercise is declared here once. The database model, the library file,
the generator's output, the issued snapshot and the handout all read an `ExerciseSpec` (or its
JSON, `exercise_json`), and a test checks the model against `SPEC_FIELDS`.
"""

from dataclasses import dataclass, fields

from osteoactive.domain.languages import Labelled, in_language
from osteoactive.domain.vocabulary import Domain, Level

from .dose import (  # the dose is part of the spec; its module is re-exported here
    DOSE_TYPE_FIELDS,
    DOSE_TYPES,
    Dose,
    DoseType,
    dose_from_json,
    dose_json,
)

__all__ = [
    "DOSE_TYPES",
    "DOSE_TYPE_FIELDS",
    "EQUIPMENT",
    "SPEC_FIELDS",
    "Dose",
    "DoseType",
    "Equipment",
    "ExerciseSpec",
    "Impact",
    "Kind",
    "Pattern",
    "Position",
    "attributes_json",
    "dose_from_json",
    "dose_json",
    "equipment_list",
    "exercise_json",
]


class Kind(Labelled):
    """What an exercise trains; it chooses the dose family (§7, §7a P10)."""

    STRENGTH = "strength"
    IMPACT = "impact"
    BALANCE = "balance"
    CORE = "core"
    BACK_EXTENSOR = "back_extensor"
    POSTURE = "posture"
    MOBILITY = "mobility"
    PAIN_RELIEF = "pain_relief"
    TECHNIQUE = "technique"
    WALKING = "walking"

    __labels__ = {
        "strength": ("styrke", "strength"),
        "impact": ("stødbelastning", "impact"),
        "balance": ("balance", "balance"),
        "core": ("mave og ryg (core)", "core"),
        "back_extensor": ("rygstrækkere", "back extensors"),
        "posture": ("holdning", "posture"),
        "mobility": ("bevægelighed", "mobility"),
        "pain_relief": ("smertelindring", "pain relief"),
        "technique": ("teknik (forflytning, løft)", "technique (transfers, lifting)"),
        "walking": ("gang / kondition", "walking / aerobic"),
    }


class Pattern(Labelled):
    """The movement an exercise trains (§6, DK-2026.2); §7a P1 asks for some in every program."""

    SQUAT = "squat"
    HINGE = "hinge"
    PUSH = "push"
    PULL = "pull"
    CALF = "calf"
    HIP = "hip"
    CARRY = "carry"
    EXTENSION = "extension"
    POSTURE = "posture"
    BALANCE_STATIC = "balance_static"
    BALANCE_DYNAMIC = "balance_dynamic"
    BALANCE_REACTIVE = "balance_reactive"
    IMPACT = "impact"
    WALKING = "walking"
    STAIRS = "stairs"
    MOBILITY = "mobility"
    PAIN_RELIEF = "pain_relief"
    TECHNIQUE = "technique"
    BREATHING = "breathing"

    __labels__ = {
        "squat": ("knæbøjning (squat)", "squat"),
        "hinge": ("hoftebøjning (hinge)", "hip hinge"),
        "push": ("skub", "push"),
        "pull": ("træk", "pull"),
        "calf": ("læg", "calf"),
        "hip": ("hofte (sideløft)", "hip (abduction)"),
        "carry": ("bære", "carry"),
        "extension": ("rygstræk", "back extension"),
        "posture": ("holdning", "posture"),
        "balance_static": ("statisk balance", "static balance"),
        "balance_dynamic": ("dynamisk balance", "dynamic balance"),
        "balance_reactive": ("reaktiv balance", "reactive balance"),
        "impact": ("stød", "impact"),
        "walking": ("gang", "walking"),
        "stairs": ("trapper", "stairs"),
        "mobility": ("bevægelighed", "mobility"),
        "pain_relief": ("smertelindring", "pain relief"),
        "technique": ("teknik", "technique"),
        "breathing": ("vejrtrækning", "breathing"),
    }


BALANCE_PATTERNS = frozenset(
    {Pattern.BALANCE_STATIC, Pattern.BALANCE_DYNAMIC, Pattern.BALANCE_REACTIVE}
)


class Position(Labelled):
    """How the exercise is done, to plan for wheelchair users (§7a P5). Lying means on a bed or
    the floor, and includes four-point kneeling and planks."""

    SEATED = "seated"
    STANDING = "standing"
    LYING = "lying"

    __labels__ = {
        "seated": ("siddende", "seated"),
        "standing": ("stående", "standing"),
        "lying": ("liggende", "lying"),
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
    BALL = "ball"

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
        "ball": ("bold", "ball"),
    }


EQUIPMENT = tuple(code.value for code in Equipment)


def equipment_list(codes, language: str) -> str:
    """Equipment codes as words, in a stable order: "elastik, stol"."""
    return ", ".join(Equipment(code).label(language) for code in sorted(codes))


DEFAULT_PRIORITY = 50
"""How central an exercise is among equally suitable ones (lower first): the generator prefers
the basic movements (squat, push, pull, heel raise, back extension) before variations."""


@dataclass(frozen=True)
class ExerciseSpec:
    """An exercise: its texts in both languages, its §6 attributes and its place on a ladder.

    `variant_group` names the ladder (easier and harder versions of one movement) and `rung` its
    step, 1 the easiest; an exercise without variants is a ladder of one. Progression and
    regression follow the ladder (see `ladders`), so there are no separate links.
    """

    key: str
    name_da: str
    name_en: str
    domain: Domain
    kind: Kind
    pattern: Pattern
    variant_group: str
    rung: int
    position: Position
    min_level: Level
    impact: Impact
    loaded_spinal_flexion: bool
    needs_supervision: bool
    dose_type: DoseType
    default_dose: Dose
    equipment: frozenset[str] = frozenset()
    secondary_domain: Domain | None = None
    priority: int = DEFAULT_PRIORITY
    instructions_da: tuple[str, ...] = ()
    instructions_en: tuple[str, ...] = ()
    safety_tip_da: str = ""
    safety_tip_en: str = ""
    illustration_alt_da: str = ""
    illustration_alt_en: str = ""

    def name(self, language: str) -> str:
        return in_language({"da": self.name_da, "en": self.name_en}, language)

    def names(self) -> dict[str, str]:
        return {"da": self.name_da, "en": self.name_en}

    def instructions(self, language: str) -> tuple[str, ...]:
        return self.instructions_en if language == "en" else self.instructions_da

    def safety_tip(self, language: str) -> str:
        return in_language({"da": self.safety_tip_da, "en": self.safety_tip_en}, language)

    def illustration_alt(self, language: str) -> str:
        """What the drawing shows (start and end), for the PDF's alt text; "" if not written."""
        return in_language(
            {"da": self.illustration_alt_da, "en": self.illustration_alt_en}, language
        )

    @property
    def per_side(self) -> bool:
        return self.default_dose.per_side


SPEC_FIELDS = tuple(f.name for f in fields(ExerciseSpec))


def attribute_values(spec: ExerciseSpec) -> dict:
    """The §5 attributes the safety filters and the generator read, as stored and as sent."""
    return {
        "domain": spec.domain.value,
        "kind": spec.kind.value,
        "pattern": spec.pattern.value,
        "variant_group": spec.variant_group,
        "rung": spec.rung,
        "position": spec.position.value,
        "min_level": spec.min_level.value,
        "impact": spec.impact.value,
        "loaded_spinal_flexion": spec.loaded_spinal_flexion,
        "needs_supervision": spec.needs_supervision,
    }


def attributes_json(spec: ExerciseSpec) -> dict:
    """The §5 attribute fields of an exercise with its name: how a progression or a regression
    is shown."""
    return {"key": spec.key, "name": spec.names(), **attribute_values(spec)}


def exercise_json(spec: ExerciseSpec) -> dict:
    """The exercise as the program JSON, the issued snapshot and the handout carry it."""
    return {
        **attributes_json(spec),
        "instructions": {"da": list(spec.instructions_da), "en": list(spec.instructions_en)},
        "safety_tip": {"da": spec.safety_tip_da, "en": spec.safety_tip_en},
        "secondary_domain": spec.secondary_domain.value if spec.secondary_domain else None,
        "equipment": sorted(spec.equipment),
        "dose_type": spec.dose_type.value,
    }
