"""The warnings' sentences (§4 W1–W7), in Danish and English, naming what triggered each.

`warning_rules` decides which warnings fire; this module only words them.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from osteoactive.domain.languages import Text

from .explanations import fracture_list
from .inputs import Fracture
from .vocabulary import BoneStatus, RiskFactor, in_sentence
from .wording import join_texts, number_text

MISSING_TEST_NAMES = {
    "tug_seconds": ("TUG", "TUG"),
    "sts5_seconds": ("5xSTS", "5xSTS"),
    "tandem_seconds": ("tandemstand", "tandem stance"),
}


def w1(age: int) -> Text:
    return {
        "da": f"Patienten er {age} år: T-score-kriterierne er valideret fra 50 år, og under "
        "50 år bruges normalt Z-score.",
        "en": f"The patient is {age}: T-score criteria are validated from age 50, and "
        "Z-scores are usual below 50.",
    }


def _risk_factor(factor: RiskFactor, low_bmi: Decimal | None) -> Text:
    if factor is RiskFactor.LOW_BMI and low_bmi is not None:
        value = number_text(low_bmi)
        return {"da": f"BMI {value['da']} < 19", "en": f"BMI {value['en']} < 19"}
    return {"da": in_sentence(factor.label_da), "en": in_sentence(factor.label_en)}


def w2(
    bone: BoneStatus,
    risk_factors: Iterable[RiskFactor],
    low_bmi: Decimal | None,
    fractures_since_50: list[Fracture],
) -> Text:
    """`risk_factors` are the effective ones (ticked, plus `low_bmi` from the BMI), `low_bmi`
    the computed BMI when it is below 19, and `fractures_since_50` the low-energy fractures
    dated on or after the 50th birthday; at least one of the two lists is not empty."""
    present = set(risk_factors)
    factors = [_risk_factor(r, low_bmi) for r in RiskFactor if r in present]
    reasons = []
    if factors:
        listed = join_texts(factors)
        what_da, what_en = (
            ("en risikofaktor", "is a risk factor")
            if len(factors) == 1
            else ("risikofaktorer", "are risk factors")
        )
        reasons.append(
            {"da": f"der er {what_da} ({listed['da']})", "en": f"there {what_en} ({listed['en']})"}
        )
    if fractures_since_50:
        listed = fracture_list(fractures_since_50, with_site=True)
        one = len(fractures_since_50) == 1
        what_en = "a low-energy fracture" if one else "low-energy fractures"
        reasons.append(
            {
                "da": f"{'der er ' if not factors else ''}lavenergibrud efter det fyldte 50. år "
                f"({listed['da']})",
                "en": f"{('there is ' if one else 'there are ') if not factors else ''}"
                f"{what_en} at age 50 or over ({listed['en']})",
            }
        )
    why = {
        "da": " samt ".join(reason["da"] for reason in reasons),
        "en": " as well as ".join(reason["en"] for reason in reasons),
    }
    return {
        "da": f"Knoglestatus er {in_sentence(bone.label_da)}, og {why['da']}: overvej "
        "henvisning til egen læge med henblik på osteoporoseudredning (DXA).",
        "en": f"Bone status is {in_sentence(bone.label_en)} and {why['en']}: consider "
        "referral to the patient's GP for an osteoporosis work-up (DXA).",
    }


def w3(missing: tuple[str, ...]) -> Text:
    names = join_texts(
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
        "da": f"Smerte NRS {pain} ≥ 7: tilpas programmet og revurder inden for 4 uger.",
        "en": f"Pain NRS {pain} ≥ 7: adjust the program and reassess within 4 weeks.",
    }


def w5() -> Text:
    return {
        "da": "Antal fald de seneste 12 måneder er ikke registreret: faldrisikoen er vurderet "
        "ud fra testene alene og kan være undervurderet, og kravet i B3 om, at faldrisikoen "
        "ikke er høj, er antaget opfyldt.",
        "en": "Falls in the last 12 months were not recorded: fall risk is based on the tests "
        "alone and may be understated, and B3's requirement that fall risk is not high was "
        "assumed to be met.",
    }


def w6(suspected: bool, height_loss: Decimal | None, limit: Decimal) -> Text:
    """`height_loss` is given when it reached `limit`; `suspected` when the box was ticked."""
    reasons = []
    if suspected:
        reasons.append(
            {"da": "mistanke om nyt ryghvirvelbrud", "en": "suspected new vertebral fracture"}
        )
    if height_loss is not None:
        loss, bound = number_text(height_loss, "cm"), number_text(limit, "cm")
        reasons.append(
            {
                "da": f"højdetab på {loss['da']} ≥ {bound['da']}",
                "en": f"height loss of {loss['en']} ≥ {bound['en']}",
            }
        )
    why = join_texts(reasons)
    return {
        "da": f"Rødt flag ({why['da']}): foreslå røntgen af ryggen via egen læge, før ryggen "
        "belastes yderligere; indtil da holder programmet sig til forsigtighedsreglerne "
        "(højst let stødbelastning, ingen belastet foroverbøjning eller rotation).",
        "en": f"Red flag ({why['en']}): suggest a spinal X-ray through the patient's GP "
        "before the spine is loaded further; until then the program keeps the precaution "
        "filters (impact at most low, no loaded spinal flexion or rotation).",
    }


def w7(total: int, limit: int) -> Text:
    return {
        "da": f"Short FES-I {total} ≥ {limit} (stor bekymring for at falde): patientmaterialet "
        "får afsnittet om faldangst, og balanceøvelserne beholder støtten i alle 12 uger.",
        "en": f"Short FES-I {total} ≥ {limit} (high concern about falling): the handout adds "
        "the fear-of-falling section, and balance exercises keep their support for all "
        "12 weeks.",
    }
