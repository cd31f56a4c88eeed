"""The two languages of the app; clinical texts are stored as {"da": …, "en": …}."""

from django.utils.translation import get_language


def current_language() -> str:
    """'en' when the active Django language is English, else 'da' (the default)."""
    return "en" if (get_language() or "da").startswith("en") else "da"
