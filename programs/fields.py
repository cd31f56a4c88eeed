"""Model fields that more than one programs model declares alike."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


def load_kg_field() -> models.DecimalField:
    """The load of a heavy lift as logged at a session, in kg with one decimal (0.5–400)."""
    return models.DecimalField(
        _("load (kg)"),
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("0.5")), MaxValueValidator(Decimal("400"))],
    )
