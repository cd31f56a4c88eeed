"""The generator's output as the §5 JSON."""

from .dosing import dose_text
from .generation import Program, ProgramItem
from .spec import dose_json, exercise_json


def item_to_json(item: ProgramItem, language: str) -> dict:
    """One program item: the exercise (`exercise_json`), its slot, dose and phases; dose texts
    in `language`."""
    dose_type = item.exercise.dose_type
    return {
        **exercise_json(item.exercise),
        "slot": item.slot.id,
        "dose": dose_json(item.dose),
        "dose_text": dose_text(item.dose, dose_type, language),
        "days_per_week": item.days_per_week,
        "phases": [
            {
                "weeks": list(phase.weeks),
                "dose": dose_json(phase.dose),
                "dose_text": dose_text(phase.dose, dose_type, language),
                "days_per_week": phase.days_per_week,
                "instruction": dict(phase.instruction),
            }
            for phase in item.phases
        ],
        "reason": dict(item.reason),
    }


def program_to_json(program: Program) -> dict:
    """The program as plain JSON data; dose texts are in the program's language."""
    language = program.language
    return {
        "category": str(program.category),
        "language": language,
        "exercises": [item_to_json(item, language) for item in program.items],
        "unfilled": [
            {
                "slot": u.slot.id,
                "domain": str(u.slot.domain),
                "kind": str(u.slot.kind),
                "reason": dict(u.reason),
            }
            for u in program.unfilled
        ],
        "notes": [dict(note) for note in program.notes],
    }
