"""Exact decimal arithmetic on recorded numbers, and the BMI of §3.

Values are recorded as JSON numbers and held as Python floats, but §3 and §4b compare them as
the decimals that were typed: a height loss of 4.0 cm is 4.0, and a BMI of 18.95 rounds up to
19.0. `exact` recovers the typed decimal from a float (the shortest repr of a float is the
decimal it was parsed from, for anything typed with fewer than 16 significant digits), so every
threshold comparison below is made on that decimal, never on binary floating point.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext

ONE_DECIMAL = Decimal("0.1")

LOW_BMI_BELOW = Decimal("19")
"""A BMI below 19 (the shown value, one decimal) counts as the `low_bmi` risk factor."""


def exact(value: float | int | Decimal | None) -> Decimal | None:
    """The decimal a recorded number was typed as: 18.95 → Decimal("18.95"), never 18.9499…"""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise TypeError("a yes/no answer is not a number")
    return Decimal(str(value))


def one_decimal(value: Decimal) -> Decimal:
    """Rounded half up to one decimal, as the pages show it: 18.94 → 18.9, 18.95 → 19.0."""
    return value.quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def bmi(height_cm: float | None, weight_kg: float | None) -> Decimal | None:
    """weight / (height in metres)², in decimal and rounded half up to one decimal; None
    unless both are recorded.

    The quotient is taken to 50 significant digits. Height and weight have at most three
    decimals (parsing allows one and two), so an unrounded BMI that is not exactly on a
    rounding boundary (…x5) is at least 1e-12 away from it, far more than the 1e-47 the
    division can be off by: the rounding is the exact one.
    """
    height, weight = exact(height_cm), exact(weight_kg)
    if height is None or weight is None or height <= 0:
        return None
    with localcontext() as context:
        context.prec = 50
        unrounded = weight / (height / 100) ** 2
        return one_decimal(unrounded)


def is_low_bmi(value: Decimal | None) -> bool:
    """True for a (rounded) BMI below 19: 18.9 counts, 19.0 does not."""
    return value is not None and value < LOW_BMI_BELOW
