"""The safety filters of domain.md §6, as data the generator and the app share.

The generator never selects an exercise with a violation; the app shows the same violations as
warnings when a physiotherapist adds a filtered exercise by hand, so each rule has a stable code
and a plain-language message in Danish and English.

Choices where the spec is silent:
- Every rule that applies is reported, even if two say similar things (a "med hensyn" patient
  with a vertebral fracture gets both `loaded_spinal_flexion` and `vertebral_fracture_flexion`):
  each names a different reason, and the warning should name all of them.
- For `akutfase` and `funktionsbegraenset` a supervised exercise gets only
  `supervision_not_for_category` (a supervised setting does not lift it), never `needs_supervision`.
"""

from dataclasses import dataclass, field

from osteoactive.domain.categories import Category
from osteoactive.domain.vocabulary import Level

from .spec import ExerciseSpec, Impact

CATEGORY_MAX_LEVEL: dict[Category, Level] = {
    Category.AKUTFASE: Level.LIMITED,
    Category.FUNKTIONSBEGRAENSET: Level.LIMITED,
    Category.HVERDAGSAKTIV_MED_HENSYN: Level.DAILY,
    Category.HVERDAGSAKTIV: Level.DAILY,
    Category.TRAENINGSAKTIV_MED_HENSYN: Level.TRAINING,
    Category.TRAENINGSAKTIV: Level.TRAINING,
}

# Categories that never get exercises needing supervision, whatever the setting.
NO_SUPERVISED_EXERCISES = frozenset({Category.AKUTFASE, Category.FUNKTIONSBEGRAENSET})


@dataclass(frozen=True)
class Violation:
    """One broken safety rule: a stable code for data and tests, a message for people."""

    code: str
    message: dict[str, str] = field(hash=False)


def max_level(category: Category) -> Level:
    """The highest minimum function level an exercise may have in this category."""
    return CATEGORY_MAX_LEVEL[Category(category)]


def violations(
    exercise: ExerciseSpec,
    category: Category,
    qualifying_vertebral_fracture: bool = False,
    supervised_setting: bool = False,
    red_flag: bool = False,
) -> list[Violation]:
    """Every §6 rule this exercise breaks for this patient, in a fixed order (empty = allowed).

    `red_flag` (W6, §7a P13) applies the precaution filters whatever the category."""
    category = Category(category)
    cat_da, cat_en = category.label_da, category.label_en
    found: list[Violation] = []

    limit = CATEGORY_MAX_LEVEL[category]
    if exercise.min_level.rank > limit.rank:
        need, allowed = exercise.min_level.text(), limit.text()
        found.append(
            Violation(
                "level_above_category",
                {
                    "da": f"Øvelsen kræver funktionsniveauet »{need['da']}«; kategorien "
                    f"{cat_da} tillader højst »{allowed['da']}«.",
                    "en": f"The exercise needs the function level '{need['en']}'; the category "
                    f"{cat_en} allows at most '{allowed['en']}'.",
                },
            )
        )

    if category.has_precautions and exercise.impact.rank > Impact.LOW.rank:
        found.append(
            Violation(
                "impact_above_low",
                {
                    "da": "Stødbelastning ud over rask gang er ikke tilladt i kategorien "
                    f"{cat_da}.",
                    "en": f"Impact beyond brisk walking is not allowed in the category {cat_en}.",
                },
            )
        )

    if category.has_precautions and exercise.loaded_spinal_flexion:
        found.append(
            Violation(
                "loaded_spinal_flexion",
                {
                    "da": "Belastet foroverbøjning eller rotation af ryggen er ikke tilladt i "
                    f"kategorien {cat_da}.",
                    "en": "Loaded forward bending or twisting of the spine is not allowed in the "
                    f"category {cat_en}.",
                },
            )
        )

    if red_flag and not category.has_precautions:
        found.extend(_red_flag_violations(exercise))

    if qualifying_vertebral_fracture and exercise.loaded_spinal_flexion:
        found.append(
            Violation(
                "vertebral_fracture_flexion",
                {
                    "da": "Ingen belastet foroverbøjning eller rotation af ryggen efter et "
                    "lavenergibrud i ryggen.",
                    "en": "No loaded forward bending or twisting of the spine after a "
                    "low-energy vertebral fracture.",
                },
            )
        )

    if exercise.needs_supervision:
        if category in NO_SUPERVISED_EXERCISES:
            found.append(
                Violation(
                    "supervision_not_for_category",
                    {
                        "da": "Øvelser, der kræver supervision, bruges aldrig i kategorien "
                        f"{cat_da}.",
                        "en": "Exercises that need supervision are never used in the category "
                        f"{cat_en}.",
                    },
                )
            )
        elif not supervised_setting:
            found.append(
                Violation(
                    "needs_supervision",
                    {
                        "da": "Øvelsen kræver supervision, og fysioterapeuten har ikke "
                        "bekræftet, at træningen foregår under supervision.",
                        "en": "The exercise needs supervision, and the physiotherapist has not "
                        "confirmed a supervised setting.",
                    },
                )
            )
    return found


def _red_flag_violations(exercise: ExerciseSpec) -> list[Violation]:
    found = []
    if exercise.impact.rank > Impact.LOW.rank:
        found.append(
            Violation(
                "red_flag_impact",
                {
                    "da": "Mistanke om nyt brud i ryggen (W6): stødbelastning ud over rask gang "
                    "venter, til en ny vurdering er uden W6.",
                    "en": "Suspected new vertebral fracture (W6): impact beyond brisk walking "
                    "waits until a new assessment without W6.",
                },
            )
        )
    if exercise.loaded_spinal_flexion:
        found.append(
            Violation(
                "red_flag_flexion",
                {
                    "da": "Mistanke om nyt brud i ryggen (W6): ingen belastet foroverbøjning "
                    "eller rotation af ryggen.",
                    "en": "Suspected new vertebral fracture (W6): no loaded forward bending or "
                    "twisting of the spine.",
                },
            )
        )
    return found


def is_allowed(
    exercise: ExerciseSpec,
    category: Category,
    qualifying_vertebral_fracture: bool = False,
    supervised_setting: bool = False,
    red_flag: bool = False,
) -> bool:
    """True when the exercise breaks none of the §6 rules for this patient."""
    return not violations(
        exercise, category, qualifying_vertebral_fracture, supervised_setting, red_flag
    )
