"""The two languages and how clinical data carries them.

Pages and handouts translate their own text through gettext. Clinical data that the JSON
interfaces must carry in both languages (rule explanations, exercise texts, the labels of
codes) is stored as ``{"da": …, "en": …}``; `in_language` picks from it, and `Labelled` gives a
code its two labels.
"""

from collections.abc import Mapping
from datetime import date
from enum import StrEnum

LANGUAGES = ("da", "en")
DEFAULT_LANGUAGE = "da"

Text = dict[str, str]
"""One text in both languages: {"da": ..., "en": ...}."""


def language_code(value: str | None) -> str:
    """ "en" for any English language tag ("en", "en-gb"), else Danish, the default."""
    return "en" if str(value or "").lower().startswith("en") else DEFAULT_LANGUAGE


def bilingual(da: str, en: str) -> Text:
    return {"da": da, "en": en}


def in_language(text: Mapping | str | None, language: str) -> str:
    """A stored text in `language`, else in the other language, else ""; a plain string as is."""
    if isinstance(text, str):
        return text
    if not isinstance(text, Mapping):
        return ""
    other = "en" if language_code(language) == "da" else "da"
    return text.get(language_code(language)) or text.get(other) or ""


def format_date(day: date, language: str) -> str:
    """A date as the app writes it in running text: 01.07.2026 in Danish, 01/07/2026 in
    English (day first in both, as the clinic's staff write dates)."""
    separator = "/" if language_code(language) == "en" else "."
    return f"{day.day:02d}{separator}{day.month:02d}{separator}{day.year}"


class Labelled(StrEnum):
    """A stable code with a Danish and an English label.

    A subclass lists its labels in a `__labels__` mapping from code to (Danish, English).
    """

    __labels__: Mapping[str, tuple[str, str]] = {}

    def label(self, language: str) -> str:
        da, en = type(self).__labels__[self.value]
        return en if language_code(language) == "en" else da

    @property
    def label_da(self) -> str:
        return self.label("da")

    @property
    def label_en(self) -> str:
        return self.label("en")

    def text(self) -> Text:
        return bilingual(self.label_da, self.label_en)
