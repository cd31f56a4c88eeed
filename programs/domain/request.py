"""What the generator is asked for (domain.md §5) and what follows from it for the plan (§7a).

A `ProgramRequest` holds the facts the generator reads: the categorisation result (category,
warnings, fall risk, the acute phase), the assessment inputs it individualises from (walking aid,
5xSTS, tandem stance, fractures by site) and the options (setting, equipment, language). Its
properties are the decisions §7a takes from those facts, so the generator, the progression
rules and the program editor all read them from one place. `request_json.request_from_json`
builds it from the §5 request.

Choices where the spec is silent:
- A fall risk that the result does not give is read from the fall-prevention focus (no focus =
  low; focus = intermediate, so the rules for a high fall risk do not fire on a guess).
- Without an assessment date, P9 cannot measure the days to the end of the acute phase, so the
  acute program is planned.
- Every rule reads the warnings by their ids (W4, W6, W7), never their texts.
"""

from dataclasses import dataclass
from datetime import date

from osteoactive.domain.categories import Category
from osteoactive.domain.languages import LANGUAGES

from .spec import EQUIPMENT

SETTINGS = ("home", "gym", "supervised")
ALWAYS_AVAILABLE = frozenset({"chair", "wall", "mat"})
HOME_AVAILABLE = ALWAYS_AVAILABLE | {"bed", "stick"}  # a broomstick does for the hip-hinge drill
GYM_EQUIPMENT = frozenset(EQUIPMENT) - {"bed"}
FALL_RISKS = ("low", "intermediate", "high")
WALKING_AIDS = ("none", "stick", "crutches", "rollator", "wheelchair")
AIDS_KEEPING_SUPPORT = frozenset({"stick", "crutches", "rollator"})

STS5_SLOW_ABOVE = 15.0  # §7a P3
TANDEM_POOR_BELOW = 10.0  # §7a P3
ACUTE_PLAN_UNDERLYING_WITHIN_DAYS = 14  # §7a P9
TRAINING_CATEGORIES = frozenset({Category.TRAENINGSAKTIV, Category.TRAENINGSAKTIV_MED_HENSYN})


class ProgramInputError(ValueError):
    """Invalid generator input; `errors` maps each bad field to one message."""

    def __init__(self, errors):
        self.errors = dict(errors)
        super().__init__("; ".join(f"{name}: {message}" for name, message in self.errors.items()))


@dataclass(frozen=True)
class ProgramRequest:
    """The patient, the result and the setting, as far as the generator needs them."""

    category: Category
    fall_prevention_focus: bool = False
    qualifying_vertebral_fracture: bool = False
    setting: str = "home"
    equipment: frozenset[str] = frozenset()
    language: str = "da"
    fall_risk: str | None = None
    warnings: frozenset[str] = frozenset()
    underlying_category: Category | None = None
    acute_phase_ends: date | None = None
    next_reassessment_due: date | None = None
    assessment_date: date | None = None
    has_inputs: bool = False
    walking_aid: str | None = None
    sts5_seconds: float | None = None
    sts5_unable: bool = False
    tandem_seconds: float | None = None
    acute_fracture_sites: frozenset[str] = frozenset()

    def __post_init__(self):
        errors = {}
        if not isinstance(self.category, Category):
            errors["category"] = f"must be a Category, not {self.category!r}"
        if self.setting not in SETTINGS:
            errors["setting"] = f"must be one of {', '.join(SETTINGS)}"
        if self.language not in LANGUAGES:
            errors["language"] = f"must be one of {', '.join(LANGUAGES)}"
        if not isinstance(self.equipment, frozenset) or not self.equipment <= set(EQUIPMENT):
            errors["equipment"] = "must be a frozenset of known equipment codes"
        if self.fall_risk is not None and self.fall_risk not in FALL_RISKS:
            errors["fall_risk"] = f"must be one of {', '.join(FALL_RISKS)}"
        if self.walking_aid is not None and self.walking_aid not in WALKING_AIDS:
            errors["walking_aid"] = f"must be one of {', '.join(WALKING_AIDS)}"
        if errors:
            raise ProgramInputError(errors)

    # --- setting and equipment (§7a P11) ---------------------------------------------------

    @property
    def supervised(self) -> bool:
        return self.setting == "supervised"

    @property
    def available_equipment(self) -> frozenset[str]:
        base = HOME_AVAILABLE if self.setting == "home" else ALWAYS_AVAILABLE | GYM_EQUIPMENT
        return base | self.equipment

    # --- the category planned for (§7a P9) -------------------------------------------------

    @property
    def days_to_acute_end(self) -> int | None:
        if self.acute_phase_ends is None or self.assessment_date is None:
            return None
        return (self.acute_phase_ends - self.assessment_date).days

    @property
    def plans_underlying(self) -> bool:
        """P9: the acute phase ends within 14 days, so the program after it is planned."""
        days = self.days_to_acute_end
        return (
            self.category is Category.AKUTFASE
            and self.underlying_category is not None
            and days is not None
            and days <= ACUTE_PLAN_UNDERLYING_WITHIN_DAYS
        )

    @property
    def planned_category(self) -> Category:
        return self.underlying_category if self.plans_underlying else self.category

    @property
    def planned_from(self) -> Category | None:
        return Category.AKUTFASE if self.plans_underlying else None

    @property
    def acute_program(self) -> bool:
        return self.planned_category is Category.AKUTFASE

    @property
    def valid_until(self) -> date | None:
        return self.acute_phase_ends if self.acute_program else None

    # --- warnings and fall risk ---------------------------------------------------------------

    @property
    def pain(self) -> bool:
        """W4, pain NRS ≥ 7 (§7a P8)."""
        return "W4" in self.warnings

    @property
    def red_flag(self) -> bool:
        """W6, a suspected new vertebral fracture or height loss ≥ 4 cm (§7a P13)."""
        return "W6" in self.warnings

    @property
    def fear_of_falling(self) -> bool:
        """W7, Short FES-I ≥ 14."""
        return "W7" in self.warnings

    @property
    def effective_fall_risk(self) -> str:
        if self.fall_risk is not None:
            return self.fall_risk
        return "intermediate" if self.fall_prevention_focus else "low"

    @property
    def fall_risk_high(self) -> bool:
        return self.effective_fall_risk == "high"

    @property
    def precautions(self) -> bool:
        """The §6 precaution filters apply: a precaution category, or W6 whatever the category."""
        return self.planned_category.has_precautions or self.red_flag

    # --- the patient's function (§7a P3, P5) ---------------------------------------------------

    @property
    def wheelchair(self) -> bool:
        return self.walking_aid == "wheelchair"

    @property
    def walks_with_aid(self) -> bool:
        return self.walking_aid in AIDS_KEEPING_SUPPORT

    @property
    def keeps_support(self) -> bool:
        """Standing balance keeps its support all 12 weeks: fall risk high or W7 (P6), or a
        stick, crutches or a rollator (P5)."""
        return self.fall_risk_high or self.fear_of_falling or self.walks_with_aid

    @property
    def slow_sit_to_stand(self) -> bool:
        return self.sts5_unable or (
            self.sts5_seconds is not None and self.sts5_seconds > STS5_SLOW_ABOVE
        )

    @property
    def poor_tandem(self) -> bool:
        return self.tandem_seconds is not None and self.tandem_seconds < TANDEM_POOR_BELOW

    @property
    def acute_vertebral(self) -> bool:
        """An acute vertebral fracture, or an acute phase whose site is not known."""
        return self.acute_program and (
            "vertebral" in self.acute_fracture_sites or not self.acute_fracture_sites
        )

    @property
    def acute_hip(self) -> bool:
        return self.acute_program and "hip" in self.acute_fracture_sites

    # --- impact and heavy lifting (§7a P7, P8, P13; §7b) ---------------------------------------

    @property
    def hirit(self) -> bool:
        """§7b applies: supervised træningsaktiv, fall risk low, no qualifying vertebral fracture
        at any date, and neither W4 nor W6."""
        return (
            self.planned_category is Category.TRAENINGSAKTIV
            and self.supervised
            and self.effective_fall_risk == "low"
            and not self.qualifying_vertebral_fracture
            and not self.pain
            and not self.red_flag
        )

    @property
    def moderate_impact_allowed(self) -> bool:
        return not (self.precautions or self.pain or self.fall_risk_high)

    @property
    def high_impact_allowed(self) -> bool:
        return (
            self.moderate_impact_allowed
            and self.planned_category is Category.TRAENINGSAKTIV
            and self.effective_fall_risk == "low"
        )

    @property
    def training_level(self) -> bool:
        return self.planned_category in TRAINING_CATEGORIES
