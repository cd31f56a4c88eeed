"""An assessment as recorded (domain.md §3): frozen values, None where not recorded.

DK-2026.2 adds height, weight, height loss, occiput-to-wall distance, the suspected-fracture
question, the Short FES-I answers and medication, and `frax_date`: §4b carries "FRAX (with its
date)" forward, so the date the FRAX figures were calculated is recorded beside them, named
like `dxa_scan_date` after what it dates, and like it not after the assessment date.
The derived values (`bmi`, `fes_i_total`, `fes_i_level`, `effective_risk_factors`) are
computed here, never stored: the stored inputs keep what was typed.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from .fes_i import fes_i_level, fes_i_total
from .measures import bmi, is_low_bmi
from .vocabulary import (
    FesILevel,
    FractureSite,
    Medication,
    RiskFactor,
    Sex,
    TScoreSite,
    WalkingAid,
)

RANGES: dict[str, tuple[float, float]] = {
    "age": (18, 110),
    "t_scores": (-6.0, 4.0),
    "falls_last_12_months": (0, 50),
    "tug_seconds": (3.0, 120.0),
    "sts5_seconds": (3.0, 90.0),
    "tandem_seconds": (0.0, 30.0),
    "pain_nrs": (0, 10),
    "frax_major_percent": (0.0, 100.0),
    "frax_hip_percent": (0.0, 100.0),
    "height_cm": (120.0, 220.0),
    "weight_kg": (30.0, 250.0),
    "height_loss_cm": (0.0, 30.0),
    "occiput_wall_cm": (0.0, 30.0),
}
"""Accepted ranges, inclusive. The tandem maximum is further capped by `tandem_max_seconds`."""

TANDEM_CEILINGS = (10, 30)
"""The tandem stance protocols in use: the test stops at 10 s or at 30 s."""

DEFAULT_TANDEM_CEILING = 30


def age_at(birth_date: date, on: date) -> int:
    """Whole years on a day; someone born on 29 February turns a year older on 1 March."""
    return on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))


def birthday(birth_date: date, years: int) -> date:
    """The day someone turns `years`, as `age_at` counts: 1 March in a non-leap year for
    someone born on 29 February."""
    year = birth_date.year + years
    if (birth_date.month, birth_date.day) == (2, 29) and not calendar.isleap(year):
        return date(year, 3, 1)
    return birth_date.replace(year=year)


@dataclass(frozen=True)
class TScores:
    """DXA T-scores per site; None where the site was not measured."""

    lumbar_spine: float | None = None
    femoral_neck: float | None = None
    total_hip: float | None = None
    forearm: float | None = None

    def get(self, site: TScoreSite) -> float | None:
        return getattr(self, site.value)

    def recorded(self) -> tuple[tuple[TScoreSite, float], ...]:
        return tuple((site, v) for site in TScoreSite if (v := self.get(site)) is not None)

    @property
    def minimum(self) -> float | None:
        """T-min of §4: the lowest recorded T-score, None when nothing is recorded."""
        values = [v for _, v in self.recorded()]
        return min(values) if values else None


@dataclass(frozen=True)
class Fracture:
    site: FractureSite
    date: date
    low_energy: bool

    @property
    def qualifying(self) -> bool:
        """Only a low-energy fracture counts in the rules of §4."""
        return self.low_energy


@dataclass(frozen=True)
class AssessmentInput:
    """One assessment as the physiotherapist recorded it; None means "not recorded".

    Lists given to the constructor are turned into tuples (fractures, Short FES-I answers)
    and a frozenset (risk factors), so the value stays immutable and hashable.
    """

    assessment_date: date
    birth_date: date
    sex: Sex
    t_scores: TScores = field(default_factory=TScores)
    dxa_scan_date: date | None = None
    fractures: tuple[Fracture, ...] = ()
    falls_last_12_months: int | None = None
    injurious_fall: bool | None = None
    walking_aid: WalkingAid | None = None
    needs_adl_help: bool | None = None
    sedentary_due_to_disease: bool | None = None
    regular_training: bool | None = None
    tug_seconds: float | None = None
    tug_unable: bool = False
    sts5_seconds: float | None = None
    sts5_unable: bool = False
    tandem_seconds: float | None = None
    tandem_max_seconds: int = DEFAULT_TANDEM_CEILING
    pain_nrs: int | None = None
    risk_factors: frozenset[RiskFactor] = frozenset()
    frax_major_percent: float | None = None
    frax_hip_percent: float | None = None
    frax_date: date | None = None
    height_cm: float | None = None
    weight_kg: float | None = None
    height_loss_cm: float | None = None
    occiput_wall_cm: float | None = None
    suspected_new_vertebral_fracture: bool | None = None
    fes_i_short: tuple[int, ...] | None = None
    medication: Medication | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "fractures", tuple(self.fractures))
        object.__setattr__(
            self, "risk_factors", frozenset(RiskFactor(r) for r in self.risk_factors)
        )
        if self.fes_i_short is not None:
            object.__setattr__(self, "fes_i_short", tuple(self.fes_i_short))

    @property
    def age(self) -> int:
        return age_at(self.birth_date, self.assessment_date)

    @property
    def bmi(self) -> Decimal | None:
        """BMI rounded half up to one decimal, None unless height and weight are recorded."""
        return bmi(self.height_cm, self.weight_kg)

    @property
    def fes_i_total(self) -> int | None:
        return fes_i_total(self.fes_i_short)

    @property
    def fes_i_level(self) -> FesILevel | None:
        return fes_i_level(self.fes_i_total)

    @property
    def effective_risk_factors(self) -> frozenset[RiskFactor]:
        """The ticked risk factors, plus `low_bmi` when the BMI shown is below 19 (§3), also
        when its box was not ticked. The rules use these; the stored inputs keep the ticks."""
        if is_low_bmi(self.bmi):
            return self.risk_factors | {RiskFactor.LOW_BMI}
        return self.risk_factors
