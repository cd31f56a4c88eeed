"""The warnings of §4 (W1–W7): shown with the result, never changing the category.

Choices where §4 is silent:
- W2 counts `low_bmi` when the BMI shown (rounded half up to one decimal) is below 19, also
  when its box was not ticked; its text shows that BMI ("BMI 18,9 < 19"). A fracture counts
  for W2 when it is low-energy and dated on or after the 50th birthday (`inputs.birthday`: 1
  March in a non-leap year for someone born on 29 February), at any site.
- W3 fires whenever a test is missing, also when B1 or B2 already decided the level: the tests
  are still needed for fall risk and for follow-up.
- W5 fires when the number of falls is not recorded, whatever the other answers (an injurious
  fall cannot be recorded without a count).
- W6 compares the height loss as the decimal typed: 3.9 cm does not fire, 4.0 cm does. Its
  text names every trigger that fired.
"""

from __future__ import annotations

from decimal import Decimal

from osteoactive.domain.languages import Text

from . import warning_texts as text
from .fes_i import HIGH_CONCERN_FROM
from .inputs import AssessmentInput, Fracture, birthday
from .measures import exact, is_low_bmi
from .vocabulary import BoneStatus, RiskFactor

T_SCORE_VALIDATED_FROM_AGE = 50
PAIN_WARNING_FROM = 7
W2_FRACTURES_FROM_AGE = 50
W2_BONE_STATUSES = (BoneStatus.UNKNOWN, BoneStatus.NORMAL, BoneStatus.OSTEOPENIA)
HEIGHT_LOSS_RED_FLAG_FROM = Decimal("4.0")
"""W6: a height loss of 4.0 cm or more (Danish regional guidance: about 4 cm)."""


def fractures_since_age(inp: AssessmentInput, years: int) -> list[Fracture]:
    """The low-energy fractures dated on or after the patient's birthday at `years`, oldest
    first."""
    since = birthday(inp.birth_date, years)
    return sorted(
        (f for f in inp.fractures if f.qualifying and f.date >= since), key=lambda f: f.date
    )


def height_loss_red_flag(inp: AssessmentInput) -> Decimal | None:
    """The height loss when it is 4.0 cm or more (compared in decimal), else None."""
    loss = exact(inp.height_loss_cm)
    return loss if loss is not None and loss >= HEIGHT_LOSS_RED_FLAG_FROM else None


def warnings(
    inp: AssessmentInput, age: int, bone: BoneStatus, missing: tuple[str, ...]
) -> dict[str, Text]:
    """W1–W7, each that fires with its text, in the order of their ids."""
    texts = {}
    if age < T_SCORE_VALIDATED_FROM_AGE:
        texts["W1"] = text.w1(age)
    if bone in W2_BONE_STATUSES:
        factors = inp.effective_risk_factors
        fractures = fractures_since_age(inp, W2_FRACTURES_FROM_AGE)
        if factors or fractures:
            low_bmi = inp.bmi if RiskFactor.LOW_BMI in factors and is_low_bmi(inp.bmi) else None
            texts["W2"] = text.w2(bone, factors, low_bmi, fractures)
    if missing:
        texts["W3"] = text.w3(missing)
    if inp.pain_nrs is not None and inp.pain_nrs >= PAIN_WARNING_FROM:
        texts["W4"] = text.w4(inp.pain_nrs)
    if inp.falls_last_12_months is None:
        texts["W5"] = text.w5()
    loss = height_loss_red_flag(inp)
    if inp.suspected_new_vertebral_fracture or loss is not None:
        texts["W6"] = text.w6(
            bool(inp.suspected_new_vertebral_fracture), loss, HEIGHT_LOSS_RED_FLAG_FROM
        )
    total = inp.fes_i_total
    if total is not None and total >= HIGH_CONCERN_FROM:
        texts["W7"] = text.w7(total, HIGH_CONCERN_FROM)
    return texts
