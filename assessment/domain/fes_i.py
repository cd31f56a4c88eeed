"""The Short Falls Efficacy Scale – International (Short FES-I; Kempen et al. 2008), as data.

Seven activities, each answered 1–4 (not at all … very concerned about falling); the total is
7–28. Levels after Delbaere et al. 2010: 7–8 low, 9–13 moderate, 14–28 high concern (§4 W7).

The form shows `QUESTION_INTRO`, then each of `QUESTIONS` with the four `ANSWERS`. The Danish
wording is the project's own, written to be plain for patients aged 65–85; a clinic that uses
the validated Danish translation of the questionnaire on paper records the same seven answers
in the same order.
"""

from __future__ import annotations

from collections.abc import Sequence

from osteoactive.domain.languages import Text

from .vocabulary import FesILevel

QUESTION_COUNT = 7
ANSWER_RANGE = (1, 4)
TOTAL_RANGE = (7, 28)

HIGH_CONCERN_FROM = 14
"""W7 fires from this total (Delbaere et al. 2010: 14–28 is high concern)."""

MODERATE_CONCERN_FROM = 9

QUESTION_INTRO: Text = {
    "da": "Hvor bekymret er du for at falde, når du …",
    "en": "How concerned are you about the possibility of falling when you …",
}

QUESTIONS: tuple[Text, ...] = (
    {"da": "tager tøj på eller af?", "en": "get dressed or undressed?"},
    {"da": "går i bad eller under bruseren?", "en": "take a bath or shower?"},
    {"da": "sætter dig på eller rejser dig fra en stol?", "en": "get in or out of a chair?"},
    {"da": "går op eller ned ad trapper?", "en": "go up or down stairs?"},
    {
        "da": "rækker op over hovedet eller ned mod gulvet efter noget?",
        "en": "reach for something above your head or on the ground?",
    },
    {"da": "går op eller ned ad en skråning?", "en": "walk up or down a slope?"},
    {
        "da": "går ud til et socialt arrangement (fx gudstjeneste, familiesammenkomst eller "
        "foreningsmøde)?",
        "en": "go out to a social event (e.g. a religious service, a family gathering or a "
        "club meeting)?",
    },
)
"""The seven activities, in the questionnaire's order (answer i belongs to question i)."""

ANSWERS: dict[int, Text] = {
    1: {"da": "Slet ikke bekymret", "en": "Not at all concerned"},
    2: {"da": "Lidt bekymret", "en": "Somewhat concerned"},
    3: {"da": "Ret bekymret", "en": "Fairly concerned"},
    4: {"da": "Meget bekymret", "en": "Very concerned"},
}


def fes_i_total(answers: Sequence[int] | None) -> int | None:
    """The sum of the seven answers (7–28), None when the questionnaire was not recorded."""
    return sum(answers) if answers else None


def fes_i_level(total: int | None) -> FesILevel | None:
    """7–8 low, 9–13 moderate, 14–28 high; None when not recorded."""
    if total is None:
        return None
    if total >= HIGH_CONCERN_FROM:
        return FesILevel.HIGH
    if total >= MODERATE_CONCERN_FROM:
        return FesILevel.MODERATE
    return FesILevel.LOW
