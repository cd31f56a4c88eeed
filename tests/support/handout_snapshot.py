"""A handout snapshot built without a database, for the PDF tests and the bench's render timing.

It has the shape `prescriptions.snapshot.build_snapshot` freezes at issue, made from the default
library file with the real dosing and the real illustrations, and a PNG logo.
"""

import base64
import io

from PIL import Image, ImageDraw

from osteoactive.domain.categories import Category
from programs.domain.dosing import prescribe
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


def _exercise(entry, category: Category, fall_prevention_focus: bool) -> dict:
    spec = entry.spec
    rx = prescribe(
        spec, ProgramRequest(Category(category), fall_prevention_focus=fall_prevention_focus)
    )
    return {
        "key": spec.key,
        "domain": spec.domain.value,
        "kind": spec.kind.value,
        "name": {"da": spec.name_da, "en": spec.name_en},
        "instructions": {"da": list(spec.instructions_da), "en": list(spec.instructions_en)},
        "safety_tip": {"da": spec.safety_tip_da, "en": spec.safety_tip_en},
        "illustration": data_uri("image/svg+xml", entry.render_illustration().encode()),
        "equipment": sorted(spec.equipment),
        "dose_type": spec.dose_type.value,
        "dose": dose_json(rx.first.dose),
        "days_per_week": rx.first.days_per_week,
        "phases": [
            {
                "weeks": list(phase.weeks),
                "dose": dose_json(phase.dose),
                "days_per_week": phase.days_per_week,
                "instruction": dict(phase.instruction),
            }
            for phase in rx.phases
        ],
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
    return {
        "schema": 1,
        "version": 2,
        "issued_at": "2026-11-21",
        "patient": {"name": patient},
        "physiotherapist": {"name": "Freja Fysioterapeut"},
        "clinic": {
            "name": "Demo Fysioterapi",
            "address": "Søndergade 12, 8000 Aarhus C",
            "phone": "86 12 34 56",
            "contact_line": "Ring hverdage kl. 8–15, eller skriv via sundhed.dk",
            "footer": "Demo Fysioterapi · Søndergade 12 · 8000 Aarhus C",
            "logo": png_logo() if logo else None,
        },
        "category": {
            "code": category,
            "underlying": "hverdagsaktiv_med_hensyn" if acute else None,
            "acute_phase_ends": "2027-01-01" if acute else None,
        },
        "fall_prevention_focus": fall_prevention_focus,
        "vertebral_fracture": category != "hverdagsaktiv",
        "notes": [
            {
                "da": "Husk at træne balance hver dag – også på dage uden styrketræning.",
                "en": "Remember to train balance every day – also on days without strength work.",
            }
        ],
        "exercises": [
            _exercise(library[key], Category(category), fall_prevention_focus) for key in keys
        ],
    }
