"""The generator's output as the §5 JSON.

Top level: `category`, `planned_from`, `valid_until`, `minutes_per_session`, `exercises`,
`unfilled` and `notes`; no time stamp or random id. Each exercise: its texts, the §5 attribute
fields, `start_week`, `progression` and `regression` (attribute fields and name, or null), the
slot it fills, its starting dose, three `phases` and its `reason`. Dose texts are added in the
request's language for people reading the JSON (`dose_text`).
"""

from .dose import dose_from_json, dose_json, dose_text
from .dosing import Phase
from .generation import Program, ProgramItem
from .spec import attributes_json, exercise_json


def phase_json(phase, language: str, start_week: int) -> dict:
    return {
        "weeks": list(phase.weeks),
        "dose": dose_json(phase.dose),
        "dose_text": dose_text(phase.dose, None, language, start_week),
        "days_per_week": phase.days_per_week,
        "instruction": dict(phase.instruction),
    }


def phase_from_json(data: dict) -> Phase:
    """A phase as stored (`phase_json` without its words), read back."""
    return Phase(
        tuple(data["weeks"]),
        dose_from_json(data.get("dose")),
        data.get("days_per_week") or 0,
        dict(data.get("instruction") or {}),
    )


def item_to_json(item: ProgramItem, language: str) -> dict:
    """One program item: the exercise, its place in the program, its dose and phases."""
    start = item.start_week
    return {
        **exercise_json(item.exercise),
        "domain": item.domain.value,
        "start_week": start,
        "progression": attributes_json(item.progression) if item.progression else None,
        "regression": attributes_json(item.regression) if item.regression else None,
        "slot": item.slot.id if item.slot else None,
        "dose": dose_json(item.dose),
        "dose_text": dose_text(item.dose, None, language, start),
        "days_per_week": item.days_per_week,
        "phases": [phase_json(phase, language, start) for phase in item.phases],
        "reason": dict(item.reason),
    }


def program_to_json(program: Program) -> dict:
    """The program as plain JSON data; dose texts are in the program's language."""
    return {
        "category": program.category.value,
        "planned_from": program.planned_from.value if program.planned_from else None,
        "valid_until": program.valid_until.isoformat() if program.valid_until else None,
        "minutes_per_session": {k: list(v) for k, v in program.minutes_per_session.items()},
        "exercises": [item_to_json(item, program.language) for item in program.items],
        "unfilled": [{"slot": u.slot.id, "reason": dict(u.reason)} for u in program.unfilled],
        "notes": [dict(note) for note in program.notes],
    }
