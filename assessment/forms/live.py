"""What the assessment form shows while typing: the BMI and the Short FES-I total and level."""

from osteoactive.language import current_language

from ..domain.fes_i import ANSWERS, QUESTION_INTRO, QUESTIONS, fes_i_level
from ..domain.inputs import RANGES
from ..domain.measures import bmi
from .carry_forward import FES_I_FIELDS


class LiveFigures:
    """For AssessmentForm: the Short FES-I laid out, and the figures beside their fields."""

    def fes_i(self) -> dict:
        """The Short FES-I as the page lays it out: the intro, the four answers, and each
        question with its field, in the questionnaire's language."""
        language = current_language()
        return {
            "intro": QUESTION_INTRO[language],
            "answers": [(value, text[language]) for value, text in ANSWERS.items()],
            "questions": [
                (number, text[language], self[name])
                for number, (text, name) in enumerate(zip(QUESTIONS, FES_I_FIELDS, strict=True), 1)
            ],
        }

    def live_figures(self) -> dict:
        """The BMI and the Short FES-I total and level of what has been typed so far, shown
        beside the fields while typing (the result shows them once saved)."""
        values = self.cleaned_data if self.is_bound and hasattr(self, "cleaned_data") else {}
        if not self.is_bound:
            values = self.initial
        height, weight = values.get("height_cm"), values.get("weight_kg")
        in_range = all(
            v is not None and RANGES[k][0] <= v <= RANGES[k][1]
            for k, v in (("height_cm", height), ("weight_kg", weight))
        )
        answers = [values.get(name) for name in FES_I_FIELDS]
        total = sum(answers) if all(a is not None for a in answers) else None
        level = fes_i_level(total)
        return {
            "bmi": bmi(float(height), float(weight)) if in_range else None,
            "fes_i_total": total,
            "fes_i_level": level.label(current_language()) if level else None,
        }
