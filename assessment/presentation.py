"""A categorisation result as the pages show it, in the reader's language."""

from dataclasses import replace
from datetime import date

from django.utils.translation import gettext as _

from osteoactive.domain.categories import Category

from .domain.follow_up import next_reassessment_due
from .domain.result import CategorisationResult
from .domain.serialisation import result_from_json

GP_LETTER_WARNINGS = ("W2", "W6")
"""Warnings that suggest writing to the patient's GP: a DXA work-up (W2) or a spinal X-ray (W6)."""


def stored_result(assessment) -> CategorisationResult:
    """The result saved with an assessment, with its display details."""
    details = assessment.result_details or {}
    return replace(
        result_from_json(assessment.result),
        warning_texts=details.get("warning_texts", {}),
        age=details.get("age"),
        missing_tests=tuple(details.get("missing_tests", ())),
    )


def result_view(
    result: CategorisationResult,
    language: str,
    *,
    assessment_date: date | None = None,
    fes_i_total: int | None = None,
) -> dict:
    """`language` is "da" or "en" (osteoactive.language.current_language). A result without
    a next reassessment date (a DK-2026.1 result) gets the one §4b gives, when the
    assessment date is known."""
    due = result.next_reassessment_due
    if due is None and assessment_date is not None:
        due = next_reassessment_due(
            assessment_date, acute_phase_ends=result.acute_phase_ends, warnings=result.warnings
        )
    texts = {
        warning: result.warning_texts.get(warning, {}).get(language, "")
        for warning in result.warnings
    }
    return {
        "category": result.category.value,
        "category_label": result.category.label(language),
        "category_label_da": result.category.label_da,
        "category_label_en": result.category.label_en,
        "underlying_category_label": (
            result.underlying_category.label(language) if result.underlying_category else None
        ),
        "acute_phase_ends": result.acute_phase_ends,
        "rules": [
            (rule, result.explanations.get(rule, {}).get(language, "")) for rule in result.rules
        ],
        "bone_status": result.bone_status.label(language),
        "fall_risk": result.fall_risk.label(language),
        "fall_risk_code": result.fall_risk.value,
        "fall_prevention_focus": result.fall_prevention_focus,
        "red_flags": [(w, texts[w]) for w in result.red_flags],
        "warnings": [(w, texts[w]) for w in result.warnings if w not in result.red_flags],
        "gp_letter": any(w in GP_LETTER_WARNINGS for w in result.warnings),
        "bmi": result.bmi,
        "fes_i_level": result.fes_i_level.label(language) if result.fes_i_level else None,
        "fes_i_total": fes_i_total,
        "next_reassessment_due": due,
        "ruleset": result.ruleset,
    }


def category_choices(assessment, language: str) -> list[tuple[str, str, bool]]:
    """(code, label, chosen) for the category select, the suggestion marked in its label."""
    suggested = _("suggested")
    return [
        (
            category.value,
            category.label(language)
            + (f" ({suggested})" if category == assessment.suggested_category else ""),
            category == assessment.final_category,
        )
        for category in Category
    ]


def red_flag_texts(assessment, language: str) -> list[tuple[str, str]]:
    """The red-flag warnings of a stored assessment with their texts, for the top of a page."""
    texts = (assessment.result_details or {}).get("warning_texts", {})
    return [(w, texts.get(w, {}).get(language, "")) for w in assessment.red_flags]
