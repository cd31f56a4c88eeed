"""One sentence per rule that fired (A1, B1–B4, C1–C4), in Danish and English, naming the
patient's own values.

`rules` decides; this module only words its decisions, as `wording` writes values. The
warnings' texts are in `warning_texts`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from osteoactive.domain.languages import Text

from .inputs import Fracture
from .vocabulary import FractureSite, TScoreSite, WalkingAid, in_sentence
from .wording import date_text, join_texts, number_text, seconds_text


@dataclass(frozen=True)
class Criterion:
    """One B3 criterion: which, the patient's value, whether it is met, and the limit."""

    name: str
    value: Any
    met: bool
    limit: float | None = None
    age: int | None = None


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
        date_text(fracture.date),
        date_text(end),
        date_text(assessed),
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
    joined = join_texts(reasons)
    return {
        "da": f"Funktionsbegrænset, fordi patienten {joined['da']}.",
        "en": f"Functionally limited because the patient {joined['en']}.",
    }


def b2(tug_unable: bool, tug_over: float | None, tug_limit: float, sts5_unable: bool) -> Text:
    reasons = []
    if tug_unable:
        reasons.append({"da": "TUG kunne ikke gennemføres", "en": "TUG could not be completed"})
    elif tug_over is not None:
        tug, limit = seconds_text(tug_over), seconds_text(tug_limit)
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
    joined = join_texts(reasons)
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
    value, limit = seconds_text(criterion.value), seconds_text(criterion.limit)
    text = {
        "da": f"{name_da} {value['da']} {sign} {limit['da']}",
        "en": f"{name_en} {value['en']} {sign} {limit['en']}",
    }
    if criterion.age is not None:
        group = _norm_group(criterion.age)
        text = {language: f"{text[language]} ({group[language]})" for language in text}
    return text


def b3(criteria: Iterable[Criterion]) -> Text:
    joined = join_texts([_criterion(c) for c in criteria])
    return {
        "da": f"Træningsaktivt niveau: patienten {joined['da']}.",
        "en": f"Exercising level: the patient {joined['en']}.",
    }


def b4(criteria: Iterable[Criterion]) -> Text:
    joined = join_texts([_criterion(c) for c in criteria if not c.met])
    return {
        "da": "Hverdagsaktivt niveau, fordi kriterierne for træningsaktiv (B3) ikke er "
        f"opfyldt: {joined['da']}.",
        "en": "Active-in-daily-life level because the exercising criteria (B3) are not met: "
        f"{joined['en']}.",
    }


def fracture_list(fractures: list[Fracture], with_site: bool) -> Text:
    parts = []
    for f in fractures:
        when = date_text(f.date)
        if with_site:
            when = {
                "da": f"{in_sentence(f.site.label_da)} {when['da']}",
                "en": f"{in_sentence(f.site.label_en)} {when['en']}",
            }
        parts.append(when)
    return join_texts(parts)


def c1_c2(site: FractureSite, fractures: list[Fracture]) -> Text:
    what, when = FRACTURE_PHRASES[site], fracture_list(fractures, with_site=False)
    return {
        "da": f"Med hensyn: {what['da']} ({when['da']}).",
        "en": f"With precautions: {what['en']} ({when['en']}).",
    }


def c3(fractures: list[Fracture]) -> Text:
    listed = fracture_list(fractures, with_site=True)
    return {
        "da": f"Med hensyn: {len(fractures)} lavenergibrud ({listed['da']}).",
        "en": f"With precautions: {len(fractures)} low-energy fractures ({listed['en']}).",
    }


def c4(t_min: float, site: TScoreSite, limit: float) -> Text:
    value, bound = number_text(t_min), number_text(limit)
    return {
        "da": f"Med hensyn: den laveste T-score, {value['da']} ved "
        f"{in_sentence(site.label_da)}, er ≤ {bound['da']}.",
        "en": f"With precautions: the lowest T-score, {value['en']} at "
        f"{in_sentence(site.label_en)}, is ≤ {bound['en']}.",
    }
