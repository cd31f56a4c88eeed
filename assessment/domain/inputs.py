"""An assessment as recorded (domain.md §3): frozen values, None where not recorded."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .vocabulary import FractureSite, RiskFactor, Sex, TScoreSite, WalkingAid

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
}
"""Accepted ranges, inclusive. The tandem maximum is further capped by `tandem_max_seconds`."""

TANDEM_CEILINGS = (10, 30)
"""The tandem stance protocols in use: the test stops at 10 s or at 30 s."""

DEFAULT_TANDEM_CEILING = 30


def age_at(birth_date: date, on: date) -> int:
    """Whole years on a day; someone born on 29 February turns a year older on 1 March."""
    return on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))


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

    Lists given to the constructor are turned into a tuple (fractures) and a frozenset
    (risk factors), so the value stays immutable and hashable.
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

    def __post_init__(self) -> None:
        object.__setattr__(self, "fractures", tuple(self.fractures))
        object.__setattr__(
            self, "risk_factors", frozenset(RiskFactor(r) for r in self.risk_factors)
        )

    @property
    def age(self) -> int:
        return age_at(self.birth_date, self.assessment_date)
