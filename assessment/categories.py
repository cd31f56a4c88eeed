"""The category codes of ruleset DK-2026.1 (domain.md §2), shared by every clinical module."""

from enum import StrEnum

RULESET = "DK-2026.1"


class Category(StrEnum):
    AKUTFASE = "akutfase"
    FUNKTIONSBEGRAENSET = "funktionsbegraenset"
    HVERDAGSAKTIV_MED_HENSYN = "hverdagsaktiv_med_hensyn"
    HVERDAGSAKTIV = "hverdagsaktiv"
    TRAENINGSAKTIV_MED_HENSYN = "traeningsaktiv_med_hensyn"
    TRAENINGSAKTIV = "traeningsaktiv"

    @property
    def label_da(self) -> str:
        return LABELS[self][0]

    @property
    def label_en(self) -> str:
        return LABELS[self][1]

    def label(self, language: str) -> str:
        return self.label_en if language == "en" else self.label_da

    @property
    def has_precautions(self) -> bool:
        """True where domain.md §6 applies the precaution filters (impact ≤ low, no loaded flexion)."""
        return self not in (Category.HVERDAGSAKTIV, Category.TRAENINGSAKTIV)


LABELS = {
    Category.AKUTFASE: ("Akutfasen", "Acute phase"),
    Category.FUNKTIONSBEGRAENSET: ("Funktionsbegrænset", "Functionally limited"),
    Category.HVERDAGSAKTIV_MED_HENSYN: (
        "Hverdagsaktiv med hensyn",
        "Active in daily life, with precautions",
    ),
    Category.HVERDAGSAKTIV: ("Hverdagsaktiv", "Active in daily life"),
    Category.TRAENINGSAKTIV_MED_HENSYN: (
        "Træningsaktiv med hensyn",
        "Exercising, with precautions",
    ),
    Category.TRAENINGSAKTIV: ("Træningsaktiv", "Exercising"),
}
