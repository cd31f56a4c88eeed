"""Readers of JSON-like values that collect one bilingual message per bad field.

They turn what a form or a JSON file gives into Python values, or record why not, so that a
whole assessment is checked in one pass and every problem is reported at once.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any


class InputError(ValueError):
    """Invalid assessment input: `errors` maps each bad field path to {"da": ..., "en": ...}."""

    def __init__(self, errors: Mapping[str, Mapping[str, str]]):
        self.errors = {path: dict(text) for path, text in errors.items()}
        super().__init__("; ".join(f"{path}: {text['en']}" for path, text in self.errors.items()))


NON_FIELD = "__all__"


SECONDS = ("sekunder", "seconds")
PERCENT = ("%", "%")
NO_UNIT = ("", "")

_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _num_da(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}".replace(".", ",")


def _num_en(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}"


class Invalid(Exception):
    def __init__(self, da: str, en: str):
        self.text = {"da": da, "en": en}


class Reader:
    """Collects one message per bad field, so every problem is reported at once."""

    def __init__(self) -> None:
        self.errors: dict[str, dict[str, str]] = {}

    def fail(self, path: str, da: str, en: str) -> None:
        self.errors.setdefault(path, {"da": da, "en": en})

    def ok(self, path: str) -> bool:
        return path not in self.errors

    def read(self, path: str, value: Any, convert, *args, **kwargs) -> Any:
        try:
            return convert(value, *args, **kwargs)
        except Invalid as problem:
            self.errors.setdefault(path, problem.text)
            return None


def to_date(value: Any, name: tuple[str, str]) -> date | None:
    if value is None:
        return None
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and _DATE_RE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise Invalid(
        f"{name[0]} skal være en gyldig dato på formen ÅÅÅÅ-MM-DD.",
        f"{name[1]} must be a valid date in the form YYYY-MM-DD.",
    )


def to_bool(value: Any, name: tuple[str, str]) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise Invalid(f"{name[0]} skal være ja eller nej.", f"{name[1]} must be yes or no.")


def to_choice(
    value: Any, name: tuple[str, str], enum: type[StrEnum], *, allow_none: bool = True
) -> Any:
    if value is None and allow_none:
        return None
    if isinstance(value, str) and value in enum._value2member_map_:
        return enum(value)
    allowed = ", ".join(m.value for m in enum)
    raise Invalid(
        f"{name[0]} skal være en af: {allowed}.",
        f"{name[1]} must be one of: {allowed}.",
    )


def to_number(
    value: Any,
    name: tuple[str, str],
    low: float,
    high: float,
    *,
    unit: tuple[str, str] = NO_UNIT,
    decimals: int = 1,
    integer: bool = False,
    tenths: bool = False,
    places: int | None = None,
) -> float | int | None:
    """A number within [low, high]; `integer` wants a whole number, `places` (or `tenths`,
    which is places=1) allows at most that many decimals and rounds the float to them."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise Invalid(f"{name[0]} skal være et tal.", f"{name[1]} must be a number.")
    try:
        number = float(value)
    except OverflowError:
        number = math.inf if value > 0 else -math.inf
    if math.isnan(number):
        raise Invalid(f"{name[0]} skal være et tal.", f"{name[1]} must be a number.")
    if not low <= number <= high:
        unit_da = f" {unit[0]}" if unit[0] else ""
        unit_en = f" {unit[1]}" if unit[1] else ""
        raise Invalid(
            f"{name[0]} skal være mellem {_num_da(low, decimals)} og "
            f"{_num_da(high, decimals)}{unit_da}.",
            f"{name[1]} must be between {_num_en(low, decimals)} and "
            f"{_num_en(high, decimals)}{unit_en}.",
        )
    if integer:
        if not number.is_integer():
            raise Invalid(f"{name[0]} skal være et helt tal.", f"{name[1]} must be a whole number.")
        return int(number)
    places = 1 if tenths else places
    if places is not None:
        scaled = number * 10**places
        if abs(scaled - round(scaled)) > 1e-6:
            raise Invalid(
                f"{name[0]} skal angives med højst {_PLACES_DA[places]}.",
                f"{name[1]} must be given in steps of {_num_en(10**-places, places)}.",
            )
        return round(number, places)
    return number


_PLACES_DA = {1: "én decimal", 2: "to decimaler"}
