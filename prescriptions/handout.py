"""The patient handout: from an issued prescription's snapshot to the HTML WeasyPrint prints.

`handout_context` turns the frozen snapshot (see `prescriptions.snapshot`; schema 1 is read
through `handout_legacy`) into plain values for one language; `handout_html` renders
`templates/handouts/handout.html` with them under that language, so every fixed text comes from
the templates and the gettext catalogues. Stored text is passed as plain strings and escaped by
the template; nothing from the snapshot is marked safe. Images are accepted only as base64 data
URIs of PNG, JPEG or SVG and are used only as ``<img src>``; anything else is left out (the
handout is still printed, without that picture).

The layout is domain.md §10: the fridge sheet, two exercises a page, the back page, the advice
(one page, or two when the page limit leaves room: at most 10 pages for up to 12 exercises, 12
for up to 16), the log. Choices where the spec is silent:
- The exercises keep their program order and number everywhere; pages follow that order.
- "How it should feel" is the instruction of the first phase the exercise is done in; the
  advice page's effort scale says how the three phases feel, fitted to the category.
- A text missing in the handout's language falls back to the other language rather than
  leaving a gap; the physiotherapist's note is printed in the language it was written in.
"""

import base64
import re
from datetime import date
from functools import cache

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.timezone import localdate

from osteoactive.domain.categories import Category
from osteoactive.domain.languages import LANGUAGES, in_language
from programs.domain.dose import dose_from_json, dose_json
from programs.domain.illustration import render_illustration
from programs.domain.illustration.advice import ADVICE_DRAWINGS

from .handout_legacy import upgraded
from .handout_plan import group_of, plan_dates, plan_rows

TEMPLATE = "handouts/handout.html"
DAILY = 7
FIXED_PAGES = 3  # the fridge sheet, the back page and the log
LOG_TABLE_MM = 120  # the height the log's table may fill on its landscape page
_IMAGE_URI = re.compile(r"data:image/(?:png|jpeg|svg\+xml);base64,[A-Za-z0-9+/=\s]+")
_VIEWBOX = re.compile(rb'viewBox="0 0 ([\d.]+) ([\d.]+)"')
SIDE_MM, STACKED_MM = 63, 62  # the exercise page's picture column; a stacked drawing's height
AIDS_WITH_WHEELS = frozenset({"rollator", "wheelchair"})


def page_limit(exercise_count: int) -> int:
    """§10: at most 10 pages for up to 12 exercises, 12 for up to 16 (and 2 per 4 beyond)."""
    if exercise_count <= 12:
        return 10
    return 12 + 2 * max(0, -(-(exercise_count - 16) // 4))


def handout_context(snapshot: dict, language: str) -> dict:
    """Everything the handout template shows, as plain (unescaped) values for `language`."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    data = upgraded(snapshot)
    clinic = data.get("clinic") or {}
    category = Category(data["category"]["code"])
    underlying = data["category"].get("underlying")
    exercises = [_exercise(item, language) for item in data.get("exercises") or []]
    exercise_pages = -(-len(exercises) // 2)
    advice_pages = 2 if FIXED_PAGES + exercise_pages + 2 <= page_limit(len(exercises)) else 1
    start = _date(data.get("start_date")) or _date(data.get("issued_at")) or localdate()
    walking_aid = (data.get("patient") or {}).get("walking_aid") or "none"
    note = data.get("patient_note") or None
    plan = plan_rows(exercises, data.get("minutes_per_session") or {})
    return {
        "lang": language,
        "patient_name": (data.get("patient") or {}).get("name", ""),
        "version": data.get("version"),
        "issued_at": _date(data.get("issued_at")),
        "physiotherapist": (data.get("physiotherapist") or {}).get("name", ""),
        "clinic": {
            "name": clinic.get("name") or "",
            "address": clinic.get("address") or "",
            "phone": clinic.get("phone") or "",
            "contact_line": _own_language(clinic.get("contact_line"), language),
            "opening_hours": _own_language(clinic.get("opening_hours"), language),
            "contact_parts": [
                part
                for part in (
                    _own_language(clinic.get("opening_hours"), language),
                    _own_language(clinic.get("contact_line"), language),
                )
                if part
            ],
            "footer": _own_language(clinic.get("footer"), language),
            "logo": _image(clinic.get("logo")),
        },
        "category": {
            "code": category.value,
            "label": category.label(language),
            "is_acute": category is Category.AKUTFASE,
            "precautions": category.has_precautions,
            "underlying_label": Category(underlying).label(language) if underlying else "",
            "acute_phase_ends": _date(data["category"].get("acute_phase_ends")),
            "valid_until": _date(data["category"].get("valid_until")),
            "planned_from_acute": data["category"].get("planned_from") == Category.AKUTFASE.value,
        },
        "fall_prevention_focus": bool(data.get("fall_prevention_focus")),
        "fear_of_falling": bool(data.get("fear_of_falling")),
        "fall_risk_high": data.get("fall_risk") == "high",
        "vertebral_fracture": bool(data.get("vertebral_fracture")),
        "walking_aid": walking_aid,
        "wheels": walking_aid in AIDS_WITH_WHEELS,
        "seated_only": walking_aid == "wheelchair",
        "dates": plan_dates(start, _date(data.get("reassessment_due"))),
        "plan": plan,
        "rest_days": any(row.group == "strength" and not row.every_day for row in plan),
        "techniques": [e for e in exercises if e["technique"]],
        "exercises": exercises,
        "pages": [exercises[i : i + 2] for i in range(0, len(exercises), 2)],
        "has_impact": any(e["group"] == "impact" for e in exercises),
        "has_balance": any(e["domain"] == "stabil" for e in exercises),
        "has_walking": any(e["kind"] == "walking" for e in exercises),
        "advice_pages": advice_pages,
        "drawings": _advice_drawings(),
        "patient_note": (
            {"text": note.get("text", ""), "lang": note.get("language") or language}
            if isinstance(note, dict) and note.get("text")
            else None
        ),
        "weeks": list(range(1, 13)),
        "log_row": _log_row_height(len(exercises)),
    }


def handout_html(snapshot: dict, language: str) -> str:
    """The handout as one self-contained HTML document for WeasyPrint, in `language`."""
    context = handout_context(snapshot, language)
    with translation.override(language):
        return render_to_string(TEMPLATE, context)


# --- helpers ----------------------------------------------------------------------------------


def _exercise(item: dict, language: str) -> dict:
    phases = [_phase(phase) for phase in item.get("phases") or []]
    started = [p for p in phases if p["started"]]
    first = started[0] if started else None
    start_week = item.get("start_week") or (first["weeks"][0] if first else 1)
    for phase in phases:
        phase["starts"] = start_week
    illustration = _image(item.get("illustration"))
    steps = _steps(item.get("instructions"), language)
    dose = dose_json(dose_from_json(item.get("dose"))) or {}
    exercise = {
        "number": item["number"],
        "key": item.get("key", ""),
        "domain": item.get("domain", ""),
        "kind": item.get("kind", ""),
        "name": in_language(item.get("name"), language),
        "steps": steps,
        "safety_tip": in_language(item.get("safety_tip"), language),
        "illustration": illustration,
        "frames": _frames(illustration)[0],
        "picture_width": _frames(illustration)[1],
        "alt": in_language(item.get("illustration_alt"), language),
        "first_step": steps[0] if steps else "",
        "last_step": steps[-1] if len(steps) > 1 else "",
        "phases": phases,
        "first": first,
        "start_week": start_week,
        "feel": in_language(first["instruction"], language) if first else "",
        "easier": _rung_name(item.get("regression"), language),
        "harder": _rung_name(item.get("progression"), language),
        "technique": bool(dose.get("technique")),
        "same_days": len({p["days"] for p in started}) == 1,
    }
    exercise["group"] = group_of({**item, "start_week": start_week, "dose": dose})
    return exercise


def _phase(phase: dict) -> dict:
    dose = dose_from_json(phase.get("dose"))
    return {
        "weeks": list(phase.get("weeks") or [0, 0]),
        "started": dose is not None,
        "dose": dose_json(dose) if dose is not None else None,
        "days": phase.get("days_per_week") or 0,
        "daily": (phase.get("days_per_week") or 0) >= DAILY,
        "instruction": phase.get("instruction") or {},
    }


def _log_row_height(exercise_count: int) -> str:
    """The log's rows share the landscape page: taller when there are few, for more room to
    write (the exercises, a header and the two rows for effort and pain)."""
    return f"{min(12.0, max(7.2, LOG_TABLE_MM / (exercise_count + 3))):.1f}mm"


def _rung_name(rung, language: str) -> str:
    return in_language((rung or {}).get("name"), language) if isinstance(rung, dict) else ""


def _steps(value, language: str) -> list[str]:
    if isinstance(value, dict):
        other = "da" if language == "en" else "en"
        value = value.get(language) or value.get(other) or []
    if isinstance(value, str):
        value = value.splitlines()
    return [str(line).strip() for line in value if str(line).strip()]


def _own_language(value, language: str) -> str:
    """A clinic text in the handout's language only: a Danish contact line is not printed on
    an English handout (the phone number is, on every handout)."""
    if isinstance(value, dict):
        return (value.get(language) or "").strip()
    return (value or "").strip() if language == "da" else ""


def _image(uri) -> str | None:
    """A data URI of a PNG, JPEG or SVG image, or None: nothing else goes into an <img>."""
    if isinstance(uri, str) and _IMAGE_URI.fullmatch(uri):
        return uri
    return None


def _frames(uri: str | None) -> tuple[str, str]:
    """How a drawing's frames are laid out, read from its SVG's viewBox: "row" (two side by
    side), "wide" (three) or "stacked" (one above the other: a figure lying down), and for a
    stacked one the width that keeps it at most STACKED_MM tall (else "")."""
    if not uri or not uri.startswith("data:image/svg+xml;base64,"):
        return "row", ""
    head = base64.b64decode(uri.split(",", 1)[1][:400])
    found = _VIEWBOX.search(head)
    width, height = (float(found.group(1)), float(found.group(2))) if found else (0.0, 1.0)
    if width > 600:
        return "wide", ""
    if width < 200:
        return "stacked", f"{min(SIDE_MM, STACKED_MM * width / height):.1f}mm"
    return "row", ""


def _date(value) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@cache
def _advice_drawings() -> dict[str, str]:
    """The back page's drawings as data URIs (drawn once per process: they never change)."""
    return {
        name: "data:image/svg+xml;base64,"
        + base64.b64encode(render_illustration(pose).encode()).decode("ascii")
        for name, pose in ADVICE_DRAWINGS.items()
    }
