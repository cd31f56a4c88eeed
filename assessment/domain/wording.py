"""How the explanations and warnings write values: in both languages, one decimal with a
decimal comma in Danish, dates as `osteoactive.domain.languages.format_date` writes them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from osteoactive.domain.languages import Text, format_date


def date_text(d: date) -> Text:
    return {"da": format_date(d, "da"), "en": format_date(d, "en")}


def seconds_text(value: float) -> Text:
    """Seconds with one decimal; Danish uses a decimal comma."""
    return {"da": f"{value:.1f}".replace(".", ",") + " s", "en": f"{value:.1f} s"}


def number_text(value: float | Decimal, unit: str = "") -> Text:
    """One decimal, then the unit if any: 4,0 cm / 4.0 cm."""
    suffix = f" {unit}" if unit else ""
    return {"da": f"{value:.1f}".replace(".", ",") + suffix, "en": f"{value:.1f}{suffix}"}


def join_texts(parts: list[Text]) -> Text:
    """Parts joined as "a, b og c" in Danish and "a, b and c" in English."""

    def join(items: list[str], word: str) -> str:
        return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {word} " + items[-1]

    return {
        "da": join([p["da"] for p in parts], "og"),
        "en": join([p["en"] for p in parts], "and"),
    }
