"""The six category codes (domain.md §2), used in data, URLs and the JSON interfaces."""

from .languages import Labelled


class Category(Labelled):
    AKUTFASE = "akutfase"
    FUNKTIONSBEGRAENSET = "funktionsbegraenset"
    HVERDAGSAKTIV_MED_HENSYN = "hverdagsaktiv_med_hensyn"
    HVERDAGSAKTIV = "hverdagsaktiv"
    TRAENINGSAKTIV_MED_HENSYN = "traeningsaktiv_med_hensyn"
    TRAENINGSAKTIV = "traeningsaktiv"

    __labels__ = {
        "akutfase": ("Akutfasen", "Acute phase"),
        "funktionsbegraenset": ("Funktionsbegrænset", "Functionally limited"),
        "hverdagsaktiv_med_hensyn": (
            "Hverdagsaktiv med hensyn",
            "Active in daily life, with precautions",
        ),
        "hverdagsaktiv": ("Hverdagsaktiv", "Active in daily life"),
        "traeningsaktiv_med_hensyn": ("Træningsaktiv med hensyn", "Exercising, with precautions"),
        "traeningsaktiv": ("Træningsaktiv", "Exercising"),
    }

    @property
    def has_precautions(self) -> bool:
        """True where domain.md §6 applies the precaution filters (impact ≤ low, no loaded
        flexion): the acute phase, functionally limited and both "med hensyn" categories."""
        return self not in (Category.HVERDAGSAKTIV, Category.TRAENINGSAKTIV)


CATEGORY_CHOICES = [(category.value, category.value) for category in Category]
