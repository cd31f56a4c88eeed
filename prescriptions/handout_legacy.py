"""Reading a schema 1 snapshot (issued before DK-2026.2) in the shape of schema 2.

A handout already given to a patient must still print. What schema 1 did not freeze is filled
in as the old handout knew it, or left out:
- the start date is the issue date, and there is no reassessment date (the sheet then names the
  start of week 13);
- the start week is the first phase with a dose; easier and harder versions are not named;
- the clinic's contact line and footer were Danish only, so an English handout leaves them out;
- the program's notes were the generator's clinical notes: they are kept as clinical notes and
  never printed;
- the drawing's description is made from the exercise's name and steps by the template.
"""

SCHEMA = 1


def upgraded(snapshot: dict) -> dict:
    """The snapshot in the schema 2 shape; a schema 2 snapshot is returned as it is."""
    if (snapshot.get("schema") or SCHEMA) >= 2:
        return snapshot
    clinic = snapshot.get("clinic") or {}
    category = snapshot.get("category") or {}
    return {
        **snapshot,
        "schema": 2,
        "start_date": snapshot.get("issued_at"),
        "reassessment_due": None,
        "language": None,
        "patient": {"walking_aid": "none", **(snapshot.get("patient") or {})},
        "clinic": {
            **clinic,
            "contact_line": {"da": clinic.get("contact_line") or "", "en": ""},
            "opening_hours": {"da": "", "en": ""},
            "footer": {"da": clinic.get("footer") or "", "en": ""},
        },
        "category": {"planned_from": None, "valid_until": None, **category},
        "fall_risk": None,
        "fear_of_falling": False,
        "minutes_per_session": {},
        "patient_note": None,
        "clinical_notes": list(snapshot.get("notes") or []),
        "exercises": [
            _exercise(exercise, number)
            for number, exercise in enumerate(snapshot.get("exercises") or [], start=1)
        ],
    }


def _exercise(exercise: dict, number: int) -> dict:
    phases = exercise.get("phases") or []
    first = next((p for p in phases if p.get("dose") is not None and p.get("weeks")), None)
    return {
        "number": number,
        "start_week": first["weeks"][0] if first else 1,
        "progression": None,
        "regression": None,
        "illustration_alt": {},
        "added_by_hand": False,
        **exercise,
    }
