"""A categorisation result as the pages show it, in the reader's language."""

from dataclasses import replace

from django.utils.translation import gettext as _

from osteoactive.domain.categories import Category

from .domain.result import CategorisationResult
from .domain.serialisation import result_from_json


def stored_result(assessment) -> CategorisationResult:
    """The result saved with an assessment, with its display details."""
    details = assessment.result_details or {}
    return replace(
        result_from_json(assessment.result),
        warning_texts=details.get("warning_texts", {}),
        age=details.get("age"),
        missing_tests=tuple(details.get("missing_tests", ())),
    )


def result_view(result: CategorisationResult, language: str) -> dict:
    """`language` is "da" or "en" (osteoactive.language.current_language)."""
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
        "warnings": [
            (warning, result.warning_texts.get(warning, {}).get(language, ""))
            for warning in result.warnings
        ],
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
