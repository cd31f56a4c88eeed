"""Validation of assessment input (domain.md §3) from its JSON form (§5).

The Django form and the command-line interface both validate through `parse_assessment`, so a
value is accepted or rejected the same way everywhere, and every problem is reported at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from .inputs import (
    DEFAULT_TANDEM_CEILING,
    RANGES,
    TANDEM_CEILINGS,
    AssessmentInput,
    Fracture,
    TScores,
    age_at,
)
from .readers import (
    NON_FIELD,
    PERCENT,
    SECONDS,
    InputError,
    Reader,
    to_bool,
    to_choice,
    to_date,
    to_number,
)
from .vocabulary import FractureSite, RiskFactor, Sex, TScoreSite, WalkingAid, in_sentence

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


def _seconds(reader: Reader, data: Mapping, key: str, high: float) -> float | None:
    low = RANGES[key][0]
    return reader.read(
        key, data.get(key), to_number, _NAMES[key], low, high, unit=SECONDS, tenths=True
    )


def _read_tandem_ceiling(reader: Reader, raw: Any) -> int:
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


def _read_t_scores(reader: Reader, raw: Any) -> TScores:
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
        values[key] = reader.read(path, value, to_number, name, low, high, tenths=True)
    return TScores(**values)


def _read_fractures(
    reader: Reader, raw: Any, assessment: date | None, birth: date | None
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
            f"{prefix}.site", row.get("site"), to_choice, _NAMES["site"], FractureSite
        )
        when = reader.read(f"{prefix}.date", row.get("date"), to_date, _NAMES["date"])
        low_energy = reader.read(
            f"{prefix}.low_energy", row.get("low_energy"), to_bool, _NAMES["low_energy"]
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


def _read_risk_factors(reader: Reader, raw: Any) -> frozenset[RiskFactor]:
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
        factor = reader.read(path, value, to_choice, name, RiskFactor, allow_none=False)
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
    r = Reader()
    names = _NAMES

    assessment = r.read(
        "assessment_date", data.get("assessment_date"), to_date, names["assessment_date"]
    )
    birth = r.read("birth_date", data.get("birth_date"), to_date, names["birth_date"])
    sex = r.read("sex", data.get("sex"), to_choice, names["sex"], Sex)
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
    dxa = r.read("dxa_scan_date", data.get("dxa_scan_date"), to_date, names["dxa_scan_date"])
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
        to_number,
        names["falls_last_12_months"],
        *RANGES["falls_last_12_months"],
        decimals=0,
        integer=True,
    )
    injurious = r.read(
        "injurious_fall", data.get("injurious_fall"), to_bool, names["injurious_fall"]
    )
    if injurious and r.ok("falls_last_12_months") and not falls:
        r.fail(
            "injurious_fall",
            "Et skadevoldende fald kræver, at antal fald de seneste 12 måneder er mindst 1.",
            "An injurious fall requires at least 1 fall in the last 12 months.",
        )

    walking_aid = r.read(
        "walking_aid", data.get("walking_aid"), to_choice, names["walking_aid"], WalkingAid
    )
    flags = {
        key: r.read(key, data.get(key), to_bool, names[key])
        for key in ("needs_adl_help", "sedentary_due_to_disease", "regular_training")
    }

    tug = _seconds(r, data, "tug_seconds", RANGES["tug_seconds"][1])
    sts5 = _seconds(r, data, "sts5_seconds", RANGES["sts5_seconds"][1])
    unable = {}
    for test, seconds in (("tug", tug), ("sts5", sts5)):
        key = f"{test}_unable"
        unable[key] = bool(r.read(key, data.get(key), to_bool, names[key]))
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
        to_number,
        names["pain_nrs"],
        *RANGES["pain_nrs"],
        decimals=0,
        integer=True,
    )
    risk_factors = _read_risk_factors(r, data.get("risk_factors"))
    frax = {
        key: r.read(
            key, data.get(key), to_number, names[key], *RANGES[key], unit=PERCENT, decimals=0
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
