"""One sentence per rule that fired, in Danish and English, naming the patient's own values.

`rules` decides; this module only words its decisions. Numbers have one decimal (a decimal
comma in Danish) and dates are written as `osteoactive.domain.languages.format_date` does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from osteoactive.domain.languages import Text, format_date

from .inputs import Fracture
from .vocabulary import BoneStatus, FractureSite, RiskFactor, TScoreSite, WalkingAid, in_sentence

MISSING_TEST_NAMES = {
    "tug_seconds": ("TUG", "TUG"),
    "sts5_seconds": ("5xSTS", "5xSTS"),
    "tandem_seconds": ("tandemstand", "tandem stance"),
}


@dataclass(frozen=True)
class Criterion:
    """One B3 criterion: which, the patient's value, whether it is met, and the limit."""

    name: str
    value: Any
    met: bool
    limit: float | None = None
    age: int | None = None


def _dates(d: date) -> Text:
    return {"da": format_date(d, "da"), "en": format_date(d, "en")}


def _s(value: float) -> Text:
    """Seconds with one decimal; Danish uses a decimal comma."""
    return {"da": f"{value:.1f}".replace(".", ",") + " s", "en": f"{value:.1f} s"}


def _t(value: float) -> Text:
    return {"da": f"{value:.1f}".replace(".", ","), "en": f"{value:.1f}"}


def _join(parts: list[Text]) -> Text:
    def join(items: list[str], word: str) -> str:
        return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {word} " + items[-1]

    return {
        "da": join([p["da"] for p in parts], "og"),
        "en": join([p["en"] for p in parts], "and"),
    }


def _norm_group(age: int) -> Text:
    if age < 70:
        return {"da": "norm for under 70 år", "en": "norm for age under 70"}
    if age < 80:
        return {"da": "norm for 70–79 år", "en": "norm for age 70–79"}
    return {"da": "norm for 80 år og derover", "en": "norm for age 80 and over"}


FRACTURE_PHRASES = {
    FractureSite.VERTEBRAL: {
        "da": "lavenergibrud af en ryghvirvel",
        "en": "low-energy vertebral fracture",
    },
    FractureSite.HIP: {"da": "lavenergibrud af hoften", "en": "low-energy hip fracture"},
}


def a1(fracture: Fracture, end: date, assessed: date) -> Text:
    what, when, ends, on = (
        FRACTURE_PHRASES[fracture.site],
        _dates(fracture.date),
        _dates(end),
        _dates(assessed),
    )
    return {
        "da": f"Akutfase: {what['da']} den {when['da']}; seks måneder efter er {ends['da']}, "
        f"som ligger efter undersøgelsesdatoen {on['da']}.",
        "en": f"Acute phase: {what['en']} on {when['en']}; six months later is {ends['en']}, "
        f"which is after the assessment date {on['en']}.",
    }


def b1(aid: WalkingAid | None, adl_help: bool | None, sedentary: bool | None) -> Text:
    reasons = []
    if aid:
        reasons.append(
            {
                "da": f"bruger ganghjælpemiddel ({in_sentence(aid.label_da)})",
                "en": f"uses a walking aid ({in_sentence(aid.label_en)})",
            }
        )
    if adl_help:
        reasons.append(
            {
                "da": "har brug for hjælp til daglige aktiviteter (ADL)",
                "en": "needs help with daily activities (ADL)",
            }
        )
    if sedentary:
        reasons.append(
            {
                "da": "er meget stillesiddende på grund af kronisk sygdom",
                "en": "is very sedentary because of chronic disease",
            }
        )
    joined = _join(reasons)
    return {
        "da": f"Funktionsbegrænset, fordi patienten {joined['da']}.",
        "en": f"Functionally limited because the patient {joined['en']}.",
    }


def b2(tug_unable: bool, tug_over: float | None, tug_limit: float, sts5_unable: bool) -> Text:
    reasons = []
    if tug_unable:
        reasons.append({"da": "TUG kunne ikke gennemføres", "en": "TUG could not be completed"})
    elif tug_over is not None:
        tug, limit = _s(tug_over), _s(tug_limit)
        reasons.append(
            {"da": f"TUG {tug['da']} > {limit['da']}", "en": f"TUG {tug['en']} > {limit['en']}"}
        )
    if sts5_unable:
        reasons.append(
            {
                "da": "5xSTS kunne ikke gennemføres uden brug af armene",
                "en": "5xSTS could not be done without using the arms",
            }
        )
    joined = _join(reasons)
    return {
        "da": f"Funktionsbegrænset, fordi {joined['da']}.",
        "en": f"Functionally limited because {joined['en']}.",
    }


_TESTS = {
    "tug": ("TUG", "TUG", "≤", ">"),
    "sts5": ("5xSTS", "5xSTS", "≤", ">"),
    "tandem": ("tandemstand", "tandem stance", "≥", "<"),
}


def _criterion(criterion: Criterion) -> Text:
    if criterion.name == "training":
        if criterion.met:
            return {"da": "træner regelmæssigt", "en": "trains regularly"}
        if criterion.value is None:
            return {
                "da": "regelmæssig træning er ikke registreret",
                "en": "regular training is not recorded",
            }
        return {
            "da": "træner ikke regelmæssigt (≥ 2 gange om ugen i ≥ 3 måneder)",
            "en": "does not train regularly (≥ 2×/week for ≥ 3 months)",
        }
    if criterion.name == "fall_risk":
        if criterion.met:
            return {"da": "faldrisikoen er ikke høj", "en": "fall risk is not high"}
        return {"da": "faldrisikoen er høj", "en": "fall risk is high"}
    name_da, name_en, ok_sign, bad_sign = _TESTS[criterion.name]
    if criterion.value is None:
        return {"da": f"{name_da} er ikke registreret", "en": f"{name_en} is not recorded"}
    sign = ok_sign if criterion.met else bad_sign
    value, limit = _s(criterion.value), _s(criterion.limit)
    text = {
        "da": f"{name_da} {value['da']} {sign} {limit['da']}",
        "en": f"{name_en} {value['en']} {sign} {limit['en']}",
    }
    if criterion.age is not None:
        group = _norm_group(criterion.age)
        text = {language: f"{text[language]} ({group[language]})" for language in text}
    return text


def b3(criteria: Iterable[Criterion]) -> Text:
    joined = _join([_criterion(c) for c in criteria])
    return {
        "da": f"Træningsaktivt niveau: patienten {joined['da']}.",
        "en": f"Exercising level: the patient {joined['en']}.",
    }


def b4(criteria: Iterable[Criterion]) -> Text:
    joined = _join([_criterion(c) for c in criteria if not c.met])
    return {
        "da": "Hverdagsaktivt niveau, fordi kriterierne for træningsaktiv (B3) ikke er "
        f"opfyldt: {joined['da']}.",
        "en": "Active-in-daily-life level because the exercising criteria (B3) are not met: "
        f"{joined['en']}.",
    }


def _fracture_list(fractures: list[Fracture], with_site: bool) -> Text:
    parts = []
    for f in fractures:
        when = _dates(f.date)
        if with_site:
            when = {
                "da": f"{in_sentence(f.site.label_da)} {when['da']}",
                "en": f"{in_sentence(f.site.label_en)} {when['en']}",
            }
        parts.append(when)
    return _join(parts)


def c1_c2(site: FractureSite, fractures: list[Fracture]) -> Text:
    what, when = FRACTURE_PHRASES[site], _fracture_list(fractures, with_site=False)
    return {
        "da": f"Med hensyn: {what['da']} ({when['da']}).",
        "en": f"With precautions: {what['en']} ({when['en']}).",
    }


def c3(fractures: list[Fracture]) -> Text:
    listed = _fracture_list(fractures, with_site=True)
    return {
        "da": f"Med hensyn: {len(fractures)} lavenergibrud ({listed['da']}).",
        "en": f"With precautions: {len(fractures)} low-energy fractures ({listed['en']}).",
    }


def c4(t_min: float, site: TScoreSite, limit: float) -> Text:
    value, bound = _t(t_min), _t(limit)
    return {
        "da": f"Med hensyn: den laveste T-score, {value['da']} ved "
        f"{in_sentence(site.label_da)}, er ≤ {bound['da']}.",
        "en": f"With precautions: the lowest T-score, {value['en']} at "
        f"{in_sentence(site.label_en)}, is ≤ {bound['en']}.",
    }


def w1(age: int) -> Text:
    return {
        "da": f"Patienten er {age} år: T-score-kriterierne er valideret fra 50 år, og under "
        "50 år bruges normalt Z-score.",
        "en": f"The patient is {age}: T-score criteria are validated from age 50, and "
        "Z-scores are usual below 50.",
    }


def w2(bone: BoneStatus, risk_factors: Iterable[RiskFactor]) -> Text:
    ticked = set(risk_factors)
    listed = _join(
        [
            {"da": in_sentence(r.label_da), "en": in_sentence(r.label_en)}
            for r in RiskFactor
            if r in ticked
        ]
    )
    return {
        "da": f"Knoglestatus er {in_sentence(bone.label_da)}, og der er risikofaktorer "
        f"({listed['da']}): overvej henvisning til egen læge med henblik på "
        "osteoporoseudredning (DXA).",
        "en": f"Bone status is {in_sentence(bone.label_en)} and risk factors are ticked "
        f"({listed['en']}): consider referral to the patient's GP for an osteoporosis "
        "work-up (DXA).",
    }


def w3(missing: tuple[str, ...]) -> Text:
    names = _join(
        [{"da": MISSING_TEST_NAMES[m][0], "en": MISSING_TEST_NAMES[m][1]} for m in missing]
    )
    verb = "was" if len(missing) == 1 else "were"
    return {
        "da": f"{names['da'][0].upper() + names['da'][1:]} er ikke registreret, så kriterierne "
        "for træningsaktiv (B3) kunne ikke vurderes.",
        "en": f"{names['en'][0].upper() + names['en'][1:]} {verb} not recorded, so the "
        "exercising criteria (B3) could not be assessed.",
    }


def w4(pain: int) -> Text:
    return {
        "da": f"Smerte NRS {pain} ≥ 7: tilpas programmet og revurder.",
        "en": f"Pain NRS {pain} ≥ 7: adjust the program and reassess.",
    }
