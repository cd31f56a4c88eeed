"""What the generator is asked for (domain.md §5 options) and how that request is read."""

from collections.abc import Mapping
from dataclasses import dataclass

from osteoactive.domain.categories import Category
from osteoactive.domain.languages import LANGUAGES

from .spec import EQUIPMENT

SETTINGS = ("home", "gym", "supervised")
ALWAYS_AVAILABLE = frozenset({"chair", "wall", "mat"})
HOME_AVAILABLE = ALWAYS_AVAILABLE | {"bed"}
GYM_EQUIPMENT = frozenset(EQUIPMENT) - {"bed"}


class ProgramInputError(ValueError):
    """Invalid generator input; `errors` maps each bad field to one message."""

    def __init__(self, errors: Mapping[str, str]):
        self.errors = dict(errors)
        super().__init__("; ".join(f"{name}: {message}" for name, message in self.errors.items()))


@dataclass(frozen=True)
class ProgramRequest:
    """What the generator needs to know about the patient and the setting."""

    category: Category
    fall_prevention_focus: bool = False
    qualifying_vertebral_fracture: bool = False
    setting: str = "home"
    equipment: frozenset[str] = frozenset()
    language: str = "da"

    def __post_init__(self):
        errors = {}
        if not isinstance(self.category, Category):
            errors["category"] = f"must be a Category, not {self.category!r}"
        if self.setting not in SETTINGS:
            errors["setting"] = f"must be one of {', '.join(SETTINGS)}"
        if self.language not in LANGUAGES:
            errors["language"] = f"must be one of {', '.join(LANGUAGES)}"
        if not isinstance(self.equipment, frozenset) or not self.equipment <= set(EQUIPMENT):
            errors["equipment"] = "must be a frozenset of known equipment codes"
        if errors:
            raise ProgramInputError(errors)

    @property
    def supervised(self) -> bool:
        return self.setting == "supervised"

    @property
    def available_equipment(self) -> frozenset[str]:
        base = HOME_AVAILABLE if self.setting == "home" else ALWAYS_AVAILABLE | GYM_EQUIPMENT
        return base | self.equipment


def _is_bool(value) -> bool:
    return isinstance(value, bool)


def request_from_json(data: Mapping) -> ProgramRequest:
    """Read `{"result": <§5 result>, "options": {...}}`; raise ProgramInputError per bad field.

    Missing options default to a home setting, no equipment and Danish.
    `qualifying_vertebral_fracture` defaults to rule C1 having fired. C rules are not evaluated
    for `funktionsbegraenset`, but that category already excludes all loaded flexion, so the
    default loses nothing there.
    """
    if not isinstance(data, Mapping):
        raise ProgramInputError({"data": "must be a JSON object"})
    errors: dict[str, str] = {}
    result = data.get("result")
    options = data.get("options", {})
    if options is None:
        options = {}
    if not isinstance(result, Mapping):
        raise ProgramInputError({"result": "must be a categorisation result object"})
    if not isinstance(options, Mapping):
        errors["options"] = "must be an object"
        options = {}

    category = None
    raw_category = result.get("category")
    try:
        category = Category(raw_category)
    except (TypeError, ValueError):
        errors["result.category"] = (
            f"unknown category {raw_category!r}; expected one of {', '.join(Category)}"
        )

    rules = result.get("rules", [])
    if not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
        errors["result.rules"] = "must be a list of rule ids"
        rules = []

    focus = result.get("fall_prevention_focus", False)
    if not _is_bool(focus):
        errors["result.fall_prevention_focus"] = "must be true or false"

    setting = options.get("setting", "home")
    if not isinstance(setting, str) or setting not in SETTINGS:
        errors["options.setting"] = (
            f"unknown setting {setting!r}; expected one of {', '.join(SETTINGS)}"
        )

    language = options.get("language", "da")
    if not isinstance(language, str) or language not in LANGUAGES:
        errors["options.language"] = (
            f"unknown language {language!r}; expected one of {', '.join(LANGUAGES)}"
        )

    equipment = options.get("equipment", [])
    if not isinstance(equipment, list) or not all(isinstance(e, str) for e in equipment):
        errors["options.equipment"] = "must be a list of equipment codes"
        equipment = []
    unknown = sorted(set(equipment) - set(EQUIPMENT))
    if unknown:
        errors["options.equipment"] = f"unknown equipment code(s): {', '.join(unknown)}"

    fracture = options.get("qualifying_vertebral_fracture")
    if fracture is None:
        fracture = "C1" in rules
    elif not _is_bool(fracture):
        errors["options.qualifying_vertebral_fracture"] = "must be true or false"

    if errors:
        raise ProgramInputError(errors)
    return ProgramRequest(
        category=category,
        fall_prevention_focus=focus,
        qualifying_vertebral_fracture=fracture,
        setting=setting,
        equipment=frozenset(equipment),
        language=language,
    )
