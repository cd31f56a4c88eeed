"""Validation of assessment input (domain.md §3) from its JSON form (§5).

The Django form and the command-line interface both validate through `parse_assessment`, so a
value is accepted or rejected the same way everywhere, and every problem is reported at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from .field_readers import (
    CENTIMETRES,
    FIELD_NAMES,
    KILOGRAMS,
    read_date_not_after,
    read_fes_i,
    read_fractures,
    read_measure,
    read_risk_factors,
    read_seconds,
    read_t_scores,
    read_tandem_ceiling,
)
from .inputs import RANGES, AssessmentInput, age_at
from .readers import NON_FIELD, PERCENT, InputError, Reader, to_bool, to_choice, to_date, to_number
from .vocabulary import Medication, Sex, WalkingAid


def parse_assessment(data: Mapping, *, today: date) -> AssessmentInput:
    """Validate JSON-like input (§5) against the ranges of §3.

    Raises InputError with every problem at once, one message per field path
    ("tug_seconds", "t_scores.forearm", "fractures[0].date"). Unknown keys are ignored;
    missing optional fields mean "not recorded". An unknown T-score site is an error rather
    than ignored, since a mistyped site would silently drop a measurement; likewise each
    fracture row needs its site, date and low-energy answer, as the rules depend on all three.
    Whole-number floats (2.0) are accepted for counts; seconds and T-scores are snapped to 0.1.

    DK-2026.2 fields, all optional: height, height loss and occiput-to-wall distance in 0.1 cm
    steps, weight in 0.01 kg steps (§3 gives no step; these are what the instruments read);
    the Short FES-I is all seven answers or none (`fes_i_short`, or `fes_i_short[i]` for one bad
    answer); `frax_date` and `dxa_scan_date` must not lie after the assessment date. A FRAX date
    without FRAX figures is kept: it does no harm and the form may fill the two in turn.
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
    names = FIELD_NAMES

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

    t_scores = read_t_scores(r, data.get("t_scores"))
    dxa = read_date_not_after(r, data, "dxa_scan_date", assessment)
    valid_birth = birth if r.ok("birth_date") else None
    fractures = read_fractures(r, data.get("fractures"), assessment, valid_birth)

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

    tug = read_seconds(r, data, "tug_seconds", RANGES["tug_seconds"][1])
    sts5 = read_seconds(r, data, "sts5_seconds", RANGES["sts5_seconds"][1])
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

    ceiling = read_tandem_ceiling(r, data.get("tandem_max_seconds"))
    tandem = read_seconds(r, data, "tandem_seconds", ceiling)

    pain = r.read(
        "pain_nrs",
        data.get("pain_nrs"),
        to_number,
        names["pain_nrs"],
        *RANGES["pain_nrs"],
        decimals=0,
        integer=True,
    )
    risk_factors = read_risk_factors(r, data.get("risk_factors"))
    frax = {
        key: r.read(
            key, data.get(key), to_number, names[key], *RANGES[key], unit=PERCENT, decimals=0
        )
        for key in ("frax_major_percent", "frax_hip_percent")
    }
    frax_date = read_date_not_after(r, data, "frax_date", assessment)

    measures = {
        key: read_measure(r, data, key, unit)
        for key, unit in (
            ("height_cm", CENTIMETRES),
            ("weight_kg", KILOGRAMS),
            ("height_loss_cm", CENTIMETRES),
            ("occiput_wall_cm", CENTIMETRES),
        )
    }
    suspected = r.read(
        "suspected_new_vertebral_fracture",
        data.get("suspected_new_vertebral_fracture"),
        to_bool,
        names["suspected_new_vertebral_fracture"],
    )
    fes_i_short = read_fes_i(r, data.get("fes_i_short"))
    medication = r.read(
        "medication", data.get("medication"), to_choice, names["medication"], Medication
    )

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
        frax_date=frax_date,
        suspected_new_vertebral_fracture=suspected,
        fes_i_short=fes_i_short,
        medication=medication,
        **flags,
        **unable,
        **frax,
        **measures,
    )
