"""Reading the values of pose data; anything that cannot be drawn raises IllustrationError."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from .geometry import Point


class IllustrationError(ValueError):
    """The pose data cannot be drawn; the message names the part that is wrong."""


def number(value: object, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise IllustrationError(f"{where}: expected a number, got {value!r}")
    if not math.isfinite(value):
        raise IllustrationError(f"{where}: expected a finite number")
    return float(value)


def field(spec: Mapping, name: str, default: float, where: str) -> float:
    return number(spec.get(name, default), f"{where}.{name}")


def literal_point(value: object, where: str) -> Point:
    if (
        isinstance(value, Sequence)
        and not isinstance(value, str)
        and len(value) == 2
        and all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
    ):
        return (float(value[0]), float(value[1]))
    raise IllustrationError(f"{where}: expected a point [x, height], got {value!r}")


def sequence(value: object, where: str) -> Sequence:
    if value is None:
        return ()
    if isinstance(value, Sequence) and not isinstance(value, str):
        return value
    raise IllustrationError(f"{where}: expected a list")
