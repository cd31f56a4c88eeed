"""Readers of the fields of an assessment that need more than one plain value checked.

`parsing.parse_assessment` calls these with its `Reader`, so every problem of every field is
collected in one pass. `FIELD_NAMES` gives each field its name in messages, in Danish and
English.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from .fes_i import ANSWER_RANGE, QUESTION_COUNT
from .inputs import DEFAULT_TANDEM_CEILING, RANGES, TANDEM_CEILINGS, Fracture, TScores
from .readers import SECONDS, Reader, to_bool, to_choice, to_date, to_number
from .vocabulary import FractureSite, RiskFactor, TScoreSite, in_sentence

CENTIMETRES = ("cm", "cm")
KILOGRAMS = ("kg", "kg")

FIELD_NAMES: dict[str, tuple[str, str]] = {
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
    "frax_date": ("FRAX-datoen", "The FRAX date"),
    "height_cm": ("Højden", "Height"),
    "weight_kg": ("Vægten", "Weight"),
    "height_loss_cm": ("Højdetabet", "Height loss"),
    "occiput_wall_cm": ("Afstanden fra baghoved til væg", "The occiput-to-wall distance"),
    "suspected_new_vertebral_fracture": (
        "Mistanke om nyt ryghvirvelbrud",
        "Suspected new vertebral fracture",
    ),
    "fes_i_short": ("Short FES-I", "Short FES-I"),
    "medication": ("Osteoporosemedicin", "Osteoporosis medication"),
    "site": ("Brudstedet", "The fracture site"),
    "date": ("Bruddatoen", "The fracture date"),
    "low_energy": ("Lavenergi", "Low energy"),
}


def read_seconds(reader: Reader, data: Mapping, key: str, high: float) -> float | None:
    low = RANGES[key][0]
    return reader.read(
        key, data.get(key), to_number, FIELD_NAMES[key], low, high, unit=SECONDS, tenths=True
    )


def read_tandem_ceiling(reader: Reader, raw: Any) -> int:
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


def read_t_scores(reader: Reader, raw: Any) -> TScores:
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


def read_fractures(
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
            f"{prefix}.site", row.get("site"), to_choice, FIELD_NAMES["site"], FractureSite
        )
        when = reader.read(f"{prefix}.date", row.get("date"), to_date, FIELD_NAMES["date"])
        low_energy = reader.read(
            f"{prefix}.low_energy", row.get("low_energy"), to_bool, FIELD_NAMES["low_energy"]
        )
        for key, value in (("site", site), ("date", when), ("low_energy", low_energy)):
            if value is None and reader.ok(f"{prefix}.{key}"):
                da, en = FIELD_NAMES[key]
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


def read_risk_factors(reader: Reader, raw: Any) -> frozenset[RiskFactor]:
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


def read_measure(reader: Reader, data: Mapping, key: str, unit: tuple[str, str]) -> float | None:
    """A body measure of DK-2026.2 within its §3 range. Lengths are taken in 0.1 cm steps (a
    tape or a stadiometer reads to the millimetre); weight in 0.01 kg steps, since scales show
    0.1, 0.05 or 0.02 kg."""
    places = 2 if key == "weight_kg" else 1
    return reader.read(
        key, data.get(key), to_number, FIELD_NAMES[key], *RANGES[key], unit=unit, places=places
    )


def read_fes_i(reader: Reader, raw: Any) -> tuple[int, ...] | None:
    """The seven Short FES-I answers, each 1–4, all or none; an empty list means none."""
    if raw is None or (isinstance(raw, list | tuple) and not raw):
        return None
    if not isinstance(raw, list | tuple) or len(raw) != QUESTION_COUNT:
        reader.fail(
            "fes_i_short",
            f"Short FES-I skal have svar på alle {QUESTION_COUNT} spørgsmål eller stå tomt.",
            f"The Short FES-I needs answers to all {QUESTION_COUNT} questions, or none.",
        )
        return None
    low, high = ANSWER_RANGE
    answers = []
    for index, value in enumerate(raw):
        name = (f"Svar {index + 1} i Short FES-I", f"Short FES-I answer {index + 1}")
        if value is None:
            reader.fail(f"fes_i_short[{index}]", f"{name[0]} mangler.", f"{name[1]} is missing.")
            answers.append(None)
            continue
        answers.append(
            reader.read(
                f"fes_i_short[{index}]",
                value,
                to_number,
                name,
                low,
                high,
                decimals=0,
                integer=True,
            )
        )
    if any(answer is None for answer in answers):
        return None
    return tuple(answers)


def read_date_not_after(
    reader: Reader, data: Mapping, key: str, assessment: date | None
) -> date | None:
    """An optional date (DXA scan, FRAX) that must not lie after the assessment date."""
    value = reader.read(key, data.get(key), to_date, FIELD_NAMES[key])
    if value is not None and assessment is not None and value > assessment:
        name_da, name_en = FIELD_NAMES[key]
        reader.fail(
            key,
            f"{name_da} må ikke ligge efter undersøgelsesdatoen.",
            f"{name_en} must not be after the assessment date.",
        )
    return value
