"""A handout snapshot built without a database, for the PDF tests and the bench's render timing.

It has the shape `prescriptions.snapshot.build_snapshot` freezes at issue (schema 2), made from
the default library file with the real dosing, the real ladders (the easier and harder versions
the plan's rules allow) and the real illustrations, and a PNG logo.
"""

import base64
import io
from datetime import date

from PIL import Image, ImageDraw

from osteoactive.domain.categories import Category
from programs.domain.dosing import prescribe
from programs.domain.ladders import rung_neighbours
from programs.domain.library_file import load_library_file
from programs.domain.request import ProgramRequest
from programs.domain.spec import dose_json

PATIENT = "Karen Ærø Østergård"

PRECAUTION_KEYS = (
    "sit-to-stand",
    "squat-to-chair",
    "heel-raises",
    "wall-push-up",
    "band-row",
    "step-up",
    "brisk-walking",
    "semi-tandem-stance",
    "single-leg-stance",
    "tandem-walk",
    "prone-head-shoulder-lift",
    "hip-hinge-stick",
)
ACTIVE_KEYS = (
    "sit-to-stand",
    "heel-raises",
    "step-up",
    "heel-drops",
    "stamping",
    "single-leg-stance",
    "clock-stepping",
    "wall-back-extension",
)
PATIENT_NOTE = "Træn balance ved køkkenbordet, når kaffen løber igennem."
CLINICAL_NOTE = {"da": "Revurdér senest 1. marts 2027.", "en": "Reassess by 1 March 2027."}


def data_uri(content_type: str, data: bytes) -> str:
    return f"data:{content_type};base64,{base64.b64encode(data).decode('ascii')}"


def png_logo() -> str:
    image = Image.new("RGB", (360, 120), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((4, 4, 355, 115), outline="black", width=6)
    draw.ellipse((20, 20, 100, 100), fill="black")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return data_uri("image/png", buffer.getvalue())


def _rung(spec) -> dict | None:
    return {"key": spec.key, "name": spec.names()} if spec else None


def _exercise(entry, number: int, request: ProgramRequest, library) -> dict:
    spec = entry.spec
    neighbours = rung_neighbours(spec, [e.spec for e in library.values()], request)
    rx = prescribe(spec, request, neighbours.progression)
    return {
        "number": number,
        "key": spec.key,
        "domain": spec.domain.value,
        "kind": spec.kind.value,
        "pattern": spec.pattern.value,
        "position": spec.position.value,
        "impact": spec.impact.value,
        "name": spec.names(),
        "instructions": {"da": list(spec.instructions_da), "en": list(spec.instructions_en)},
        "safety_tip": {"da": spec.safety_tip_da, "en": spec.safety_tip_en},
        "illustration": data_uri("image/svg+xml", entry.render_illustration().encode()),
        "illustration_alt": {"da": spec.illustration_alt_da, "en": spec.illustration_alt_en},
        "equipment": sorted(spec.equipment),
        "dose_type": spec.dose_type.value,
        "dose": dose_json(rx.first.dose),
        "days_per_week": rx.first.days_per_week,
        "start_week": rx.start_week,
        "phases": [
            {
                "weeks": list(phase.weeks),
                "dose": dose_json(phase.dose),
                "days_per_week": phase.days_per_week,
                "instruction": dict(phase.instruction),
            }
            for phase in rx.phases
        ],
        "progression": _rung(neighbours.progression),
        "regression": _rung(neighbours.regression),
        "added_by_hand": False,
    }


def make_snapshot(
    category: str = "hverdagsaktiv_med_hensyn",
    keys: tuple[str, ...] = PRECAUTION_KEYS,
    *,
    logo: bool = True,
    fall_prevention_focus: bool = True,
    patient: str = PATIENT,
) -> dict:
    """A snapshot of the exercises `keys` of the default library, dosed for `category`."""
    library = load_library_file().by_key()
    acute = category == "akutfase"
    request = ProgramRequest(Category(category), fall_prevention_focus=fall_prevention_focus)
    return {
        "schema": 2,
        "version": 2,
        "issued_at": "2026-11-21",
        "start_date": "2026-11-23",
        "reassessment_due": "2027-02-13",
        "language": "da",
        "patient": {"name": patient, "walking_aid": "none"},
        "physiotherapist": {"name": "Freja Fysioterapeut"},
        "clinic": {
            "name": "Demo Fysioterapi",
            "address": "Søndergade 12, 8000 Aarhus C",
            "phone": "86 12 34 56",
            "contact_line": {"da": "Ring hverdage kl. 8–15", "en": "Call on weekdays 8–15"},
            "opening_hours": {"da": "", "en": ""},
            "footer": {"da": "Demo Fysioterapi · Søndergade 12", "en": ""},
            "logo": png_logo() if logo else None,
        },
        "category": {
            "code": category,
            "underlying": "hverdagsaktiv_med_hensyn" if acute else None,
            "acute_phase_ends": "2027-01-01" if acute else None,
            "planned_from": None,
            "valid_until": "2027-01-01" if acute else None,
        },
        "fall_risk": "intermediate" if fall_prevention_focus else "low",
        "fall_prevention_focus": fall_prevention_focus,
        "fear_of_falling": False,
        "vertebral_fracture": category != "hverdagsaktiv",
        "minutes_per_session": {"staerk": [20, 30], "stabil": [10, 15], "strakt": [5, 8]},
        "patient_note": {"language": "da", "text": PATIENT_NOTE},
        "clinical_notes": [CLINICAL_NOTE],
        "exercises": [
            _exercise(library[key], number, request, library)
            for number, key in enumerate(keys, start=1)
        ],
    }


def start_date(snapshot: dict) -> date:
    return date.fromisoformat(snapshot["start_date"])


def as_schema_1(snapshot: dict) -> dict:
    """The snapshot as a prescription issued before DK-2026.2 froze it (schema 1): clinic texts
    in Danish only, the generator's notes as `notes`, no start date, start weeks, ladders,
    minutes, walking aid, note for the patient or drawing descriptions."""
    clinic = snapshot["clinic"]
    return {
        "schema": 1,
        "version": snapshot["version"],
        "issued_at": snapshot["issued_at"],
        "patient": {"name": snapshot["patient"]["name"]},
        "physiotherapist": snapshot["physiotherapist"],
        "clinic": {
            **{key: clinic[key] for key in ("name", "address", "phone", "logo")},
            "contact_line": clinic["contact_line"]["da"],
            "footer": clinic["footer"]["da"],
        },
        "category": {
            key: snapshot["category"][key] for key in ("code", "underlying", "acute_phase_ends")
        },
        "fall_prevention_focus": snapshot["fall_prevention_focus"],
        "vertebral_fracture": snapshot["vertebral_fracture"],
        "notes": snapshot["clinical_notes"],
        "exercises": [
            {
                key: exercise[key]
                for key in (
                    "key",
                    "domain",
                    "kind",
                    "name",
                    "instructions",
                    "safety_tip",
                    "illustration",
                    "equipment",
                    "dose_type",
                    "dose",
                    "days_per_week",
                    "phases",
                )
            }  # fmt: skip
            for exercise in snapshot["exercises"]
        ],
    }
