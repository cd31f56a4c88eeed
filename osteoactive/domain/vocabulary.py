"""Stærk, Stabil, Strakt and the four function levels (domain.md §1, §6)."""

from .languages import Labelled


class Domain(Labelled):
    """The three training domains: strong, steady, straight."""

    STAERK = "staerk"
    STABIL = "stabil"
    STRAKT = "strakt"

    __labels__ = {
        "staerk": ("Stærk", "Strong"),
        "stabil": ("Stabil", "Steady"),
        "strakt": ("Strakt", "Straight"),
    }


class Level(Labelled):
    """An exercise's minimum function level, in rising order."""

    ACUTE = "acute"
    LIMITED = "limited"
    DAILY = "daily"
    TRAINING = "training"

    __labels__ = {
        "acute": ("akutfase", "acute phase"),
        "limited": ("funktionsbegrænset", "functionally limited"),
        "daily": ("hverdagsaktiv", "active in daily life"),
        "training": ("træningsaktiv", "exercising"),
    }

    @property
    def rank(self) -> int:
        return list(Level).index(self)
