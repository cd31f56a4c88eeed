"""Reading the §5 request `{"inputs", "result", "options"}` into a `ProgramRequest`.

Only the §5 JSON is read: the result's category, warnings (W4, W6, W7), fall risk, fall-prevention
focus, acute phase and underlying category, and the inputs' walking aid, 5xSTS, tandem stance,
fractures and assessment date. Every bad field is reported at once, named by its path
(`inputs.walking_aid`), and nothing is guessed from a bad value.

Choices where the spec is silent:
- Without `inputs`, a qualifying vertebral fracture is read from rule C1 in the result (C rules
  are not evaluated for `funktionsbegraenset`, which already has every precaution filter).
- A fracture is acute (P9 by site) when it is low-energy, vertebral or hip, and six calendar
  months after it are after the assessment date (rule A1); without an assessment date every such
  fracture counts.
- Unknown input fields are ignored (the inputs carry many fields the generator does not read).
"""

import calendar
from collections.abc import Mapping
from datetime import date

from osteoactive.domain.categories import Category
from osteoactive.domain.languages import LANGUAGES

from .request import FALL_RISKS, SETTINGS, WALKING_AIDS, ProgramInputError, ProgramRequest
from .spec import EQUIPMENT

ACUTE_SITES = ("vertebral", "hip")
ACUTE_MONTHS = 6


def _six_months_after(day: date) -> date:
    """The same day six calendar months later, clamped to the month's end (05-31 → 11-30)."""
    index = day.month - 1 + ACUTE_MONTHS
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class _Reader:
    def __init__(self):
        self.errors: dict[str, str] = {}

    def date(self, data: Mapping, key: str, path: str) -> date | None:
        value = data.get(key)
        if value is None:
            return None
        try:
            if isinstance(value, str):
                return date.fromisoformat(value)
        except ValueError:
            pass
        self.errors[path] = f"must be an ISO date (YYYY-MM-DD), not {value!r}"
        return None

    def number(self, data: Mapping, key: str, path: str) -> float | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.errors[path] = f"must be a number, not {value!r}"
            return None
        return float(value)

    def flag(self, data: Mapping, key: str, path: str, default: bool = False) -> bool:
        value = data.get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.errors[path] = "must be true or false"
            return default
        return value

    def choice(self, data: Mapping, key: str, path: str, allowed, default=None):
        value = data.get(key, default)
        if value is None:
            return None
        if not isinstance(value, str) or value not in allowed:
            self.errors[path] = f"unknown value {value!r}; expected one of {', '.join(allowed)}"
            return None
        return value

    def strings(self, data: Mapping, key: str, path: str) -> list[str]:
        value = data.get(key, [])
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.errors[path] = "must be a list of ids"
            return []
        return value


def request_from_json(data: Mapping) -> ProgramRequest:
    """Read `{"inputs": …, "result": …, "options": …}`; raise ProgramInputError per bad field.

    `inputs` and `options` are optional: missing options mean a home setting, no equipment and
    Danish; missing inputs mean the program is planned from the category alone.
    """
    if not isinstance(data, Mapping):
        raise ProgramInputError({"data": "must be a JSON object"})
    result = data.get("result")
    if not isinstance(result, Mapping):
        raise ProgramInputError({"result": "must be a categorisation result object"})
    read = _Reader()
    options = data.get("options")
    if options is None:
        options = {}
    if not isinstance(options, Mapping):
        read.errors["options"] = "must be an object"
        options = {}
    inputs = data.get("inputs")
    if inputs is not None and not isinstance(inputs, Mapping):
        read.errors["inputs"] = "must be an assessment inputs object"
        inputs = None

    category = read.choice(result, "category", "result.category", tuple(Category))
    if category is None and "result.category" not in read.errors:
        read.errors["result.category"] = f"missing; expected one of {', '.join(Category)}"
    underlying = read.choice(
        result, "underlying_category", "result.underlying_category", tuple(Category)
    )
    rules = read.strings(result, "rules", "result.rules")
    warnings = read.strings(result, "warnings", "result.warnings")
    focus = read.flag(result, "fall_prevention_focus", "result.fall_prevention_focus")
    fall_risk = read.choice(result, "fall_risk", "result.fall_risk", FALL_RISKS)
    acute_ends = read.date(result, "acute_phase_ends", "result.acute_phase_ends")
    due = read.date(result, "next_reassessment_due", "result.next_reassessment_due")

    setting = read.choice(options, "setting", "options.setting", SETTINGS, "home") or "home"
    language = read.choice(options, "language", "options.language", LANGUAGES, "da") or "da"
    equipment = read.strings(options, "equipment", "options.equipment")
    if "options.equipment" in read.errors:
        read.errors["options.equipment"] = "must be a list of equipment codes"
    unknown = sorted(set(equipment) - set(EQUIPMENT))
    if unknown:
        read.errors["options.equipment"] = f"unknown equipment code(s): {', '.join(unknown)}"

    facts = _facts(read, inputs, rules)
    if read.errors:
        raise ProgramInputError(read.errors)
    return ProgramRequest(
        category=Category(category),
        fall_prevention_focus=focus,
        setting=setting,
        equipment=frozenset(equipment),
        language=language,
        fall_risk=fall_risk,
        warnings=frozenset(warnings),
        underlying_category=Category(underlying) if underlying else None,
        acute_phase_ends=acute_ends,
        next_reassessment_due=due,
        **facts,
    )


def _facts(read: _Reader, inputs: Mapping | None, rules: list[str]) -> dict:
    """The individual facts from the inputs (P3, P5, P9, §7b)."""
    if inputs is None:
        return {"qualifying_vertebral_fracture": "C1" in rules, "has_inputs": False}
    assessed = read.date(inputs, "assessment_date", "inputs.assessment_date")
    fractures = inputs.get("fractures") or []
    qualifying = []
    if not isinstance(fractures, list):
        read.errors["inputs.fractures"] = "must be a list of fractures"
        fractures = []
    for index, fracture in enumerate(fractures):
        path = f"inputs.fractures[{index}]"
        if not isinstance(fracture, Mapping) or not isinstance(fracture.get("site"), str):
            read.errors[path] = "must be an object with a site, a date and low_energy"
            continue
        day = read.date(fracture, "date", f"{path}.date")
        if read.flag(fracture, "low_energy", f"{path}.low_energy"):
            qualifying.append((fracture["site"], day))
    acute = frozenset(
        site
        for site, day in qualifying
        if site in ACUTE_SITES
        and (assessed is None or day is None or _six_months_after(day) > assessed)
    )
    return {
        "qualifying_vertebral_fracture": any(site == "vertebral" for site, _ in qualifying),
        "has_inputs": True,
        "assessment_date": assessed,
        "walking_aid": read.choice(inputs, "walking_aid", "inputs.walking_aid", WALKING_AIDS),
        "sts5_seconds": read.number(inputs, "sts5_seconds", "inputs.sts5_seconds"),
        "sts5_unable": read.flag(inputs, "sts5_unable", "inputs.sts5_unable"),
        "tandem_seconds": read.number(inputs, "tandem_seconds", "inputs.tandem_seconds"),
        "acute_fracture_sites": acute,
    }
