"""Assessment inputs (domain.md §3) and their JSON form (§5).

Pure code: no Django, no database, no clock. The Django form and the command-line interface
both validate through `parse_assessment`, so a value is accepted or rejected the same way
everywhere, and the ranges live in one place (`RANGES`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any


class _Labelled(StrEnum):
    """A code with a Danish and an English label, because the UI shows both languages."""

    @property
    def label_da(self) -> str:
        return LABELS[type(self)][self][0]

    @property
    def label_en(self) -> str:
        return LABELS[type(self)][self][1]

    def label(self, language: str) -> str:
        return self.label_en if language == "en" else self.label_da


class Sex(_Labelled):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"


class FractureSite(_Labelled):
    VERTEBRAL = "vertebral"
    HIP = "hip"
    WRIST = "wrist"
    HUMERUS = "humerus"
    PELVIS = "pelvis"
    RIB = "rib"
    ANKLE = "ankle"
    OTHER = "other"


class WalkingAid(_Labelled):
    NONE = "none"
    STICK = "stick"
    CRUTCHES = "crutches"
    ROLLATOR = "rollator"
    WHEELCHAIR = "wheelchair"


class TScoreSite(_Labelled):
    LUMBAR_SPINE = "lumbar_spine"
    FEMORAL_NECK = "femoral_neck"
    TOTAL_HIP = "total_hip"
    FOREARM = "forearm"


class RiskFactor(_Labelled):
    PARENT_HIP_FRACTURE = "parent_hip_fracture"
    EARLY_MENOPAUSE = "early_menopause"
    LOW_BMI = "low_bmi"
    GLUCOCORTICOIDS = "glucocorticoids"
    HORMONE_THERAPY = "hormone_therapy"
    SMOKING = "smoking"
    HIGH_ALCOHOL = "high_alcohol"
    LOW_CALCIUM_VITAMIN_D = "low_calcium_vitamin_d"
    PHYSICAL_INACTIVITY = "physical_inactivity"
    SECONDARY_OSTEOPOROSIS_DISEASE = "secondary_osteoporosis_disease"


LABELS: dict[type[StrEnum], dict[Any, tuple[str, str]]] = {
    Sex: {
        Sex.FEMALE: ("Kvinde", "Female"),
        Sex.MALE: ("Mand", "Male"),
        Sex.OTHER: ("Andet", "Other"),
    },
    FractureSite: {
        FractureSite.VERTEBRAL: ("Ryghvirvel", "Vertebra"),
        FractureSite.HIP: ("Hofte", "Hip"),
        FractureSite.WRIST: ("Håndled", "Wrist"),
        FractureSite.HUMERUS: ("Overarm (humerus)", "Upper arm (humerus)"),
        FractureSite.PELVIS: ("Bækken", "Pelvis"),
        FractureSite.RIB: ("Ribben", "Rib"),
        FractureSite.ANKLE: ("Ankel", "Ankle"),
        FractureSite.OTHER: ("Andet sted", "Other site"),
    },
    WalkingAid: {
        WalkingAid.NONE: ("Ingen", "None"),
        WalkingAid.STICK: ("Stok", "Walking stick"),
        WalkingAid.CRUTCHES: ("Albuestokke", "Crutches"),
        WalkingAid.ROLLATOR: ("Rollator", "Rollator"),
        WalkingAid.WHEELCHAIR: ("Kørestol", "Wheelchair"),
    },
    TScoreSite: {
        TScoreSite.LUMBAR_SPINE: ("Lænderyg (L1–L4)", "Lumbar spine (L1–L4)"),
        TScoreSite.FEMORAL_NECK: ("Lårbenshals", "Femoral neck"),
        TScoreSite.TOTAL_HIP: ("Hele hoften", "Total hip"),
        TScoreSite.FOREARM: ("Underarm (33 % radius)", "Forearm (33 % radius)"),
    },
    RiskFactor: {
        RiskFactor.PARENT_HIP_FRACTURE: ("Forælder med hoftebrud", "Parent with a hip fracture"),
        RiskFactor.EARLY_MENOPAUSE: ("Tidlig overgangsalder (< 45 år)", "Early menopause (< 45)"),
        RiskFactor.LOW_BMI: ("BMI < 19 / lav vægt", "BMI < 19 / low weight"),
        RiskFactor.GLUCOCORTICOIDS: (
            "Binyrebarkhormon (≥ 5 mg prednisolon i ≥ 3 måneder)",
            "Glucocorticoids (≥ 5 mg prednisolone for ≥ 3 months)",
        ),
        RiskFactor.HORMONE_THERAPY: (
            "Aromatasehæmmer / hormonbehandling",
            "Aromatase inhibitor / hormone therapy",
        ),
        RiskFactor.SMOKING: ("Rygning", "Smoking"),
        RiskFactor.HIGH_ALCOHOL: ("Højt alkoholforbrug", "High alcohol intake"),
        RiskFactor.LOW_CALCIUM_VITAMIN_D: (
            "Lavt indtag af kalk / D-vitamin",
            "Low calcium / vitamin D",
        ),
        RiskFactor.PHYSICAL_INACTIVITY: ("Fysisk inaktivitet", "Physical inactivity"),
        RiskFactor.SECONDARY_OSTEOPOROSIS_DISEASE: (
            "Leddegigt eller anden sygdom, der giver sekundær osteoporose",
            "Rheumatoid arthritis or other secondary-osteoporosis disease",
        ),
    },
}


def in_sentence(label: str) -> str:
    """A label as it reads mid-sentence: "Lænderyg (L1–L4)" → "lænderyg (L1–L4)"; "BMI" stays."""
    if len(label) > 1 and label[1].islower():
        return label[0].lower() + label[1:]
    return label


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


class InputError(ValueError):
    """Invalid assessment input: `errors` maps each bad field path to {"da": ..., "en": ...}."""

    def __init__(self, errors: Mapping[str, Mapping[str, str]]):
        self.errors = {path: dict(text) for path, text in errors.items()}
        super().__init__("; ".join(f"{path}: {text['en']}" for path, text in self.errors.items()))


NON_FIELD = "__all__"

_NAMES: dict[str, tuple[str, str]] = {
    "assessment_date": ("Undersøgelsesdatoen", "The assessment date"),
    "birth_date": ("Fødselsdatoen", "The birth date"),
    "sex": ("Køn", "Sex"),
    "dxa_scan_date": ("DXA-scanningsdatoen", "The DXA scan date"),
    "falls_last_12_months": (
        "Antal fald de seneste 12 måneder",
        "The number of falls in the last 12 months",
    ),
    "injurious_fall": ("Skadevoldende fald", "Injurious fall"),
    "walking_aid": ("Ganghjælpemiddel", "Walking aid"),
    "needs_adl_help": ("Behov for hjælp til ADL", "Needs help with ADL"),
    "sedentary_due_to_disease": (
        "Stillesiddende pga. kronisk sygdom",
        "Sedentary because of chronic disease",
    ),
    "regular_training": ("Regelmæssig træning", "Regular training"),
    "tug_seconds": ("TUG", "TUG"),
    "tug_unable": ("TUG «kan ikke»", "TUG 'unable'"),
    "sts5_seconds": ("5xSTS", "5xSTS"),
    "sts5_unable": ("5xSTS «kan ikke»", "5xSTS 'unable'"),
    "tandem_seconds": ("Tandemstand", "Tandem stance"),
    "tandem_max_seconds": ("Loftet for tandemstand", "The tandem stance ceiling"),
    "pain_nrs": ("Smerte (NRS)", "Pain (NRS)"),
    "frax_major_percent": (
        "FRAX for større osteoporotiske brud",
        "FRAX for major osteoporotic fracture",
    ),
    "frax_hip_percent": ("FRAX for hoftebrud", "FRAX for hip fracture"),
    "site": ("Brudstedet", "The fracture site"),
    "date": ("Bruddatoen", "The fracture date"),
    "low_energy": ("Lavenergi", "Low energy"),
}

_SECONDS = ("sekunder", "seconds")
_PERCENT = ("%", "%")
_NO_UNIT = ("", "")

_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _num_da(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}".replace(".", ",")


def _num_en(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}"


class _Invalid(Exception):
    def __init__(self, da: str, en: str):
        self.text = {"da": da, "en": en}


class _Reader:
    """Collects one message per bad field, so every problem is reported at once."""

    def __init__(self) -> None:
        self.errors: dict[str, dict[str, str]] = {}

    def fail(self, path: str, da: str, en: str) -> None:
        self.errors.setdefault(path, {"da": da, "en": en})

    def ok(self, path: str) -> bool:
        return path not in self.errors

    def read(self, path: str, value: Any, convert, *args, **kwargs) -> Any:
        try:
            return convert(value, *args, **kwargs)
        except _Invalid as problem:
            self.errors.setdefault(path, problem.text)
            return None


def _to_date(value: Any, name: tuple[str, str]) -> date | None:
    if value is None:
        return None
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and _DATE_RE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise _Invalid(
        f"{name[0]} skal være en gyldig dato på formen ÅÅÅÅ-MM-DD.",
        f"{name[1]} must be a valid date in the form YYYY-MM-DD.",
    )


def _to_bool(value: Any, name: tuple[str, str]) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise _Invalid(f"{name[0]} skal være ja eller nej.", f"{name[1]} must be yes or no.")


def _to_choice(
    value: Any, name: tuple[str, str], enum: type[StrEnum], *, allow_none: bool = True
) -> Any:
    if value is None and allow_none:
        return None
    if isinstance(value, str) and value in enum._value2member_map_:
        return enum(value)
    allowed = ", ".join(m.value for m in enum)
    raise _Invalid(
        f"{name[0]} skal være en af: {allowed}.",
        f"{name[1]} must be one of: {allowed}.",
    )


def _to_number(
    value: Any,
    name: tuple[str, str],
    low: float,
    high: float,
    *,
    unit: tuple[str, str] = _NO_UNIT,
    decimals: int = 1,
    integer: bool = False,
    tenths: bool = False,
) -> float | int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise _Invalid(f"{name[0]} skal være et tal.", f"{name[1]} must be a number.")
    try:
        number = float(value)
    except OverflowError:
        number = math.inf if value > 0 else -math.inf
    if math.isnan(number):
        raise _Invalid(f"{name[0]} skal være et tal.", f"{name[1]} must be a number.")
    if not low <= number <= high:
        unit_da = f" {unit[0]}" if unit[0] else ""
        unit_en = f" {unit[1]}" if unit[1] else ""
        raise _Invalid(
            f"{name[0]} skal være mellem {_num_da(low, decimals)} og "
            f"{_num_da(high, decimals)}{unit_da}.",
            f"{name[1]} must be between {_num_en(low, decimals)} and "
            f"{_num_en(high, decimals)}{unit_en}.",
        )
    if integer:
        if not number.is_integer():
            raise _Invalid(
                f"{name[0]} skal være et helt tal.", f"{name[1]} must be a whole number."
            )
        return int(number)
    if tenths:
        if abs(number * 10 - round(number * 10)) > 1e-6:
            raise _Invalid(
                f"{name[0]} skal angives med højst én decimal.",
                f"{name[1]} must be given in steps of 0.1.",
            )
        return round(number, 1)
    return number


def _seconds(reader: _Reader, data: Mapping, key: str, high: float) -> float | None:
    low = RANGES[key][0]
    return reader.read(
        key, data.get(key), _to_number, _NAMES[key], low, high, unit=_SECONDS, tenths=True
    )


def _read_tandem_ceiling(reader: _Reader, raw: Any) -> int:
    """Missing means the 30 s protocol, the wider one, so no recorded time is cut off."""
    if raw is None:
        return DEFAULT_TANDEM_CEILING
    if (
        not isinstance(raw, bool)
        and isinstance(raw, int | float | Decimal)
        and raw in TANDEM_CEILINGS
    ):
        return int(raw)
    reader.fail(
        "tandem_max_seconds",
        "Loftet for tandemstand skal være 10 eller 30 sekunder.",
        "The tandem stance ceiling must be 10 or 30 seconds.",
    )
    return DEFAULT_TANDEM_CEILING


def _read_t_scores(reader: _Reader, raw: Any) -> TScores:
    if raw is None:
        return TScores()
    if not isinstance(raw, Mapping):
        reader.fail(
            "t_scores",
            "T-scores skal angives med én værdi pr. målested.",
            "T-scores must be given as one value per measurement site.",
        )
        return TScores()
    low, high = RANGES["t_scores"]
    values: dict[str, float | None] = {}
    for key, value in raw.items():
        path = f"t_scores.{key}"
        if not isinstance(key, str) or key not in TScoreSite._value2member_map_:
            allowed = ", ".join(s.value for s in TScoreSite)
            reader.fail(
                path,
                f"Ukendt målested for T-score; brug en af: {allowed}.",
                f"Unknown T-score site; use one of: {allowed}.",
            )
            continue
        site = TScoreSite(key)
        name = (
            f"T-score for {in_sentence(site.label_da)}",
            f"The T-score for {in_sentence(site.label_en)}",
        )
        values[key] = reader.read(path, value, _to_number, name, low, high, tenths=True)
    return TScores(**values)


def _read_fractures(
    reader: _Reader, raw: Any, assessment: date | None, birth: date | None
) -> tuple[Fracture, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list | tuple):
        reader.fail(
            "fractures", "Brudlisten skal være en liste.", "The fracture list must be a list."
        )
        return ()
    fractures = []
    for index, row in enumerate(raw):
        prefix = f"fractures[{index}]"
        if not isinstance(row, Mapping):
            reader.fail(
                prefix,
                "Hvert brud skal have sted, dato og lavenergi (ja/nej).",
                "Each fracture must have a site, a date and low energy (yes/no).",
            )
            continue
        site = reader.read(
            f"{prefix}.site", row.get("site"), _to_choice, _NAMES["site"], FractureSite
        )
        when = reader.read(f"{prefix}.date", row.get("date"), _to_date, _NAMES["date"])
        low_energy = reader.read(
            f"{prefix}.low_energy", row.get("low_energy"), _to_bool, _NAMES["low_energy"]
        )
        for key, value in (("site", site), ("date", when), ("low_energy", low_energy)):
            if value is None and reader.ok(f"{prefix}.{key}"):
                da, en = _NAMES[key]
                reader.fail(f"{prefix}.{key}", f"{da} skal udfyldes.", f"{en} is required.")
        if when is not None and assessment is not None and when > assessment:
            reader.fail(
                f"{prefix}.date",
                "Bruddatoen må ikke ligge efter undersøgelsesdatoen.",
                "The fracture date must not be after the assessment date.",
            )
        elif when is not None and birth is not None and when < birth:
            reader.fail(
                f"{prefix}.date",
                "Bruddatoen må ikke ligge før fødselsdatoen.",
                "The fracture date must not be before the birth date.",
            )
        if site is not None and when is not None and low_energy is not None:
            fractures.append(Fracture(site, when, low_energy))
    return tuple(fractures)


def _read_risk_factors(reader: _Reader, raw: Any) -> frozenset[RiskFactor]:
    if raw is None:
        return frozenset()
    if not isinstance(raw, list | tuple | set | frozenset):
        reader.fail(
            "risk_factors",
            "Risikofaktorerne skal angives som en liste.",
            "The risk factors must be given as a list.",
        )
        return frozenset()
    found = set()
    for index, value in enumerate(raw):
        name = ("Risikofaktoren", "The risk factor")
        path = f"risk_factors[{index}]"
        factor = reader.read(path, value, _to_choice, name, RiskFactor, allow_none=False)
        if factor is not None:
            found.add(factor)
    return frozenset(found)


def parse_assessment(data: Mapping, *, today: date) -> AssessmentInput:
    """Validate JSON-like input (§5) against the ranges of §3.

    Raises InputError with every problem at once, one message per field path
    ("tug_seconds", "t_scores.forearm", "fractures[0].date"). Unknown keys are ignored;
    missing optional fields mean "not recorded". An unknown T-score site is an error rather
    than ignored, since a mistyped site would silently drop a measurement; likewise each
    fracture row needs its site, date and low-energy answer, as the rules depend on all three.
    Whole-number floats (2.0) are accepted for counts; seconds and T-scores are snapped to 0.1.
    """
    if not isinstance(data, Mapping):
        raise InputError(
            {
                NON_FIELD: {
                    "da": "Undersøgelsen skal angives som et JSON-objekt.",
                    "en": "The assessment must be given as a JSON object.",
                }
            }
        )
    r = _Reader()
    names = _NAMES

    assessment = r.read(
        "assessment_date", data.get("assessment_date"), _to_date, names["assessment_date"]
    )
    birth = r.read("birth_date", data.get("birth_date"), _to_date, names["birth_date"])
    sex = r.read("sex", data.get("sex"), _to_choice, names["sex"], Sex)
    for key, value in (("assessment_date", assessment), ("birth_date", birth), ("sex", sex)):
        if value is None and r.ok(key):
            r.fail(key, f"{names[key][0]} skal udfyldes.", f"{names[key][1]} is required.")

    if assessment is not None and assessment > today:
        r.fail(
            "assessment_date",
            "Undersøgelsesdatoen må ikke ligge i fremtiden.",
            "The assessment date must not be in the future.",
        )
    if assessment is not None and birth is not None:
        age = age_at(birth, assessment)
        low, high = RANGES["age"]
        if not low <= age <= high:
            r.fail(
                "birth_date",
                f"Patienten skal være mellem {low} og {high} år på undersøgelsesdatoen "
                f"(fødselsdatoen giver {age} år).",
                f"The patient must be {low} to {high} years old on the assessment date "
                f"(the birth date gives {age}).",
            )

    t_scores = _read_t_scores(r, data.get("t_scores"))
    dxa = r.read("dxa_scan_date", data.get("dxa_scan_date"), _to_date, names["dxa_scan_date"])
    if dxa is not None and assessment is not None and dxa > assessment:
        r.fail(
            "dxa_scan_date",
            "DXA-scanningsdatoen må ikke ligge efter undersøgelsesdatoen.",
            "The DXA scan date must not be after the assessment date.",
        )
    valid_birth = birth if r.ok("birth_date") else None
    fractures = _read_fractures(r, data.get("fractures"), assessment, valid_birth)

    falls = r.read(
        "falls_last_12_months",
        data.get("falls_last_12_months"),
        _to_number,
        names["falls_last_12_months"],
        *RANGES["falls_last_12_months"],
        decimals=0,
        integer=True,
    )
    injurious = r.read(
        "injurious_fall", data.get("injurious_fall"), _to_bool, names["injurious_fall"]
    )
    if injurious and r.ok("falls_last_12_months") and not falls:
        r.fail(
            "injurious_fall",
            "Et skadevoldende fald kræver, at antal fald de seneste 12 måneder er mindst 1.",
            "An injurious fall requires at least 1 fall in the last 12 months.",
        )

    walking_aid = r.read(
        "walking_aid", data.get("walking_aid"), _to_choice, names["walking_aid"], WalkingAid
    )
    flags = {
        key: r.read(key, data.get(key), _to_bool, names[key])
        for key in ("needs_adl_help", "sedentary_due_to_disease", "regular_training")
    }

    tug = _seconds(r, data, "tug_seconds", RANGES["tug_seconds"][1])
    sts5 = _seconds(r, data, "sts5_seconds", RANGES["sts5_seconds"][1])
    unable = {}
    for test, seconds in (("tug", tug), ("sts5", sts5)):
        key = f"{test}_unable"
        unable[key] = bool(r.read(key, data.get(key), _to_bool, names[key]))
        if unable[key] and seconds is not None:
            test_name = names[f"{test}_seconds"]
            r.fail(
                key,
                f"Angiv enten en tid for {test_name[0]} eller «kan ikke», ikke begge.",
                f"Give either a {test_name[1]} time or 'unable', not both.",
            )

    ceiling = _read_tandem_ceiling(r, data.get("tandem_max_seconds"))
    tandem = _seconds(r, data, "tandem_seconds", ceiling)

    pain = r.read(
        "pain_nrs",
        data.get("pain_nrs"),
        _to_number,
        names["pain_nrs"],
        *RANGES["pain_nrs"],
        decimals=0,
        integer=True,
    )
    risk_factors = _read_risk_factors(r, data.get("risk_factors"))
    frax = {
        key: r.read(
            key, data.get(key), _to_number, names[key], *RANGES[key], unit=_PERCENT, decimals=0
        )
        for key in ("frax_major_percent", "frax_hip_percent")
    }

    if r.errors:
        raise InputError(r.errors)
    return AssessmentInput(
        assessment_date=assessment,
        birth_date=birth,
        sex=sex,
        t_scores=t_scores,
        dxa_scan_date=dxa,
        fractures=fractures,
        falls_last_12_months=falls,
        injurious_fall=injurious,
        walking_aid=walking_aid,
        tug_seconds=tug,
        sts5_seconds=sts5,
        tandem_seconds=tandem,
        tandem_max_seconds=ceiling,
        pain_nrs=pain,
        risk_factors=risk_factors,
        **flags,
        **unable,
        **frax,
    )


def assessment_to_json(inp: AssessmentInput) -> dict[str, Any]:
    """The §5 JSON of an input; `parse_assessment` reads it back to an equal value."""
    data: dict[str, Any] = {}
    for f in fields(inp):
        value = getattr(inp, f.name)
        if isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, StrEnum):
            value = value.value
        data[f.name] = value
    data["t_scores"] = {site.value: inp.t_scores.get(site) for site in TScoreSite}
    data["fractures"] = [
        {"site": f.site.value, "date": f.date.isoformat(), "low_energy": f.low_energy}
        for f in inp.fractures
    ]
    data["risk_factors"] = [r.value for r in RiskFactor if r in inp.risk_factors]
    return data
