"""The active language as the clinical data names it ("da" or "en"), for views and forms."""

from django.utils.translation import get_language

from osteoactive.domain.languages import language_code


def current_language() -> str:
    """'en' when the active Django language is English, else 'da' (the default)."""
    return language_code(get_language())


def labelled_choices(codes) -> list[tuple[str, str]]:
    """(code, label) pairs of a `Labelled` enum (or some of its members) in the active
    language, for a form field's choices."""
    language = current_language()
    return [(code.value, code.label(language)) for code in codes]
