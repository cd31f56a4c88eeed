"""The patient handout: from an issued prescription's snapshot to the HTML WeasyPrint prints.

`handout_context` turns the frozen snapshot (see `prescriptions.snapshot`) into plain values in
one language; `handout_html` renders `templates/handouts/handout.html` with them. All stored text
is passed as plain strings and escaped by the template; nothing from the snapshot is marked safe.
Images are accepted only as base64 data URIs of PNG, JPEG or SVG and are used only as
``<img src>``; anything else is left out (the handout is still printed, without that picture).

Choices where the spec is silent:
- In the plan table, days per week are shown once under the exercise's name when they are the
  same in every phase it is done in (shorter rows), otherwise in each phase's cell.
- The dose line is the starting dose (the first phase the exercise is done in) and its days per
  week; "How it should feel" is that phase's instruction. The plan table shows all three phases.
- 7 days a week reads "every day"; a phase that has not started reads "starts in week N".
- A text missing in the handout's language falls back to the other language rather than
  leaving a gap.
- The "impact starts in week 5" note is shown only when some exercise does start later.
"""

import re
from datetime import date

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import date_format

from osteoactive.domain.categories import Category
from osteoactive.domain.languages import LANGUAGES, in_language
from osteoactive.domain.vocabulary import Domain
from programs.domain.dosing import dose_text
from programs.domain.spec import DoseType, Equipment, dose_from_json

from . import handout_text as T

TEMPLATE = "handouts/handout.html"
DAILY = 7
DOMAIN_ORDER = (Domain.STAERK, Domain.STABIL, Domain.STRAKT)
_IMAGE_URI = re.compile(r"data:image/(?:png|jpeg|svg\+xml);base64,[A-Za-z0-9+/=\s]+")


def handout_context(snapshot: dict, language: str) -> dict:
    """Everything the handout template shows, as plain (unescaped) values in `language`."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    lang = language

    def tr(entry):
        return T.text(entry, lang)

    clinic = snapshot.get("clinic") or {}
    category = Category(snapshot["category"]["code"])
    underlying = snapshot["category"].get("underlying")
    underlying = Category(underlying) if underlying else None
    exercises = _exercises(snapshot.get("exercises") or [], lang)
    notes = [in_language(note, lang) for note in snapshot.get("notes") or []]

    groups = []
    for domain in DOMAIN_ORDER:
        members = [e for e in exercises if e["domain"] == domain]
        if members:
            groups.append({**_domain(domain, lang), "exercises": members})

    return {
        "lang": lang,
        "patient_name": (snapshot.get("patient") or {}).get("name", ""),
        "issued_at": _date_text(snapshot.get("issued_at"), lang),
        "version": snapshot.get("version"),
        "physiotherapist": (snapshot.get("physiotherapist") or {}).get("name", ""),
        "clinic": {
            "name": clinic.get("name") or "",
            "address": clinic.get("address") or "",
            "phone": clinic.get("phone") or "",
            "contact_line": clinic.get("contact_line") or "",
            "footer": clinic.get("footer") or "",
            "logo": _image(clinic.get("logo")),
        },
        "category": {
            "code": category.value,
            "label": category.label(lang),
            "meaning": tr(T.CATEGORY_MEANING[category]),
            "underlying_label": underlying.label(lang) if underlying else "",
            "underlying_meaning": tr(T.CATEGORY_MEANING[underlying]) if underlying else "",
            "acute_phase_ends": _date_text(snapshot["category"].get("acute_phase_ends"), lang),
            "is_acute": category is Category.AKUTFASE,
        },
        "precautions": category.has_precautions,
        "fall_prevention_focus": bool(snapshot.get("fall_prevention_focus")),
        "vertebral_fracture": bool(snapshot.get("vertebral_fracture")),
        "domains": [_domain(domain, lang) for domain in DOMAIN_ORDER],
        "groups": groups,
        "exercises": exercises,
        "plan": {
            "phases": [
                {"title": tr(phase)[0], "text": tr(phase)[1]}
                for phase in (
                    T.PLAN_PHASES_ACUTE if category is Category.AKUTFASE else T.PLAN_PHASES
                )
            ],
            "columns": _plan_columns(snapshot.get("exercises") or [], lang),
            "impact_later": any(e["starts_later"] for e in exercises),
            "has_balance": any(e["kind"] == "balance" for e in exercises),
        },
        "notes": [note for note in notes if note],
        "log": {
            "days": tr(T.LOG["days"]),
            "days_long": tr(T.LOG["days_long"]),
            "weeks": [{"number": n, "new_phase": n in (5, 9)} for n in range(1, 13)],
        },
        "t": _texts(lang),
    }


def handout_html(snapshot: dict, language: str) -> str:
    """The handout as one self-contained HTML document for WeasyPrint."""
    return render_to_string(TEMPLATE, handout_context(snapshot, language))


# --- helpers ----------------------------------------------------------------------------------


def _texts(lang: str) -> dict:
    """The fixed texts in one language, flattened for the template."""

    def pick(mapping):
        return {key: T.text(value, lang) for key, value in mapping.items()}

    return {
        "h": pick(T.HEADINGS),
        "cover": pick(T.COVER),
        "how_to_use": T.text(T.HOW_TO_USE, lang),
        "extra": pick(T.CATEGORY_EXTRA),
        "reassurance": T.text(T.REASSURANCE, lang),
        "effort_intro": T.text(T.EFFORT_INTRO, lang),
        "effort_head": T.text(T.EFFORT_SCALE_HEAD, lang),
        "effort_scale": [(number, T.text(words, lang)) for number, words in T.EFFORT_SCALE],
        "effort_guide": T.text(T.EFFORT_GUIDE, lang),
        "pain": T.text(T.PAIN, lang),
        "pain_stop": T.text(T.PAIN_STOP, lang),
        "ex": pick(T.EXERCISE),
        "domain_intro": T.text(T.DOMAIN_INTRO, lang),
        "exercises_intro": T.text(T.EXERCISES_INTRO, lang),
        "plan_intro": T.text(T.PLAN_INTRO, lang),
        "plan_impact": T.text(T.PLAN_IMPACT, lang),
        "plan_balance": T.text(T.PLAN_BALANCE, lang),
        "plan_acute": T.text(T.PLAN_ACUTE, lang),
        "plan_reassess": T.text(T.PLAN_REASSESS, lang),
        "plan_exercise": T.text(T.PLAN_TABLE["exercise"], lang),
        "avoid_intro": T.text(T.AVOID_INTRO, lang),
        "avoid": T.text(T.AVOID, lang),
        "lift_intro": T.text(T.LIFT_INTRO, lang),
        "lift_steps": T.text(T.LIFT_STEPS, lang),
        "lift_tip": T.text(T.LIFT_TIP, lang),
        "acute": T.text(T.ACUTE, lang),
        "everyday_intro": T.text(T.EVERYDAY_INTRO, lang),
        "everyday": [
            {"title": T.text(item, lang)[0], "text": T.text(item, lang)[1]} for item in T.EVERYDAY
        ],
        "everyday_circuit": T.text(T.EVERYDAY_CIRCUIT, lang),
        "bone_health": [_split_lead(item) for item in T.text(T.BONE_HEALTH, lang)],
        "surroundings": T.text(T.SURROUNDINGS, lang),
        "contact_intro": T.text(T.CONTACT_INTRO, lang),
        "contact": T.text(T.CONTACT, lang),
        "contact_phone": T.text(T.CONTACT_PHONE, lang),
        "emergency": T.text(T.EMERGENCY, lang),
        "notes_intro": T.text(T.NOTES_INTRO, lang),
        "log_intro": T.text(T.LOG["intro"], lang),
        "log_week": T.text(T.LOG["week"], lang),
        "log_phase_line": T.text(T.LOG["phase_line"], lang),
        "page": T.text(T.FOOTER["page"], lang),
        "of": T.text(T.FOOTER["of"], lang),
    }


def _split_lead(item: str) -> dict:
    """'Calcium: eat …' → a bold lead word and the rest."""
    lead, _, rest = item.partition(": ")
    if not rest:
        return {"lead": "", "text": item}
    return {"lead": lead, "text": rest[0].upper() + rest[1:]}


def _stored_list(value, lang: str) -> list[str]:
    if isinstance(value, dict):
        other = "da" if lang == "en" else "en"
        value = value.get(lang) or value.get(other) or []
    if isinstance(value, str):
        value = value.splitlines()
    return [str(line).strip() for line in value if str(line).strip()]


def _image(uri) -> str | None:
    """A data URI of a PNG, JPEG or SVG image, or None: nothing else goes into an <img>."""
    if isinstance(uri, str) and _IMAGE_URI.fullmatch(uri):
        return uri
    return None


def _date_text(value, lang: str) -> str:
    if not value:
        return ""
    try:
        day = date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)
    with translation.override(lang):
        return date_format(day, "j. F Y" if lang == "da" else "j F Y")


def _domain(domain: Domain, lang: str) -> dict:
    return {
        "code": domain.value,
        "label": domain.label(lang),
        "symbol": T.DOMAIN_SYMBOLS[domain.value],
        "meaning": T.text(T.DOMAIN_MEANING[domain.value], lang),
    }


def _days_text(days, lang: str) -> str:
    if not days:
        return ""
    if days >= DAILY:
        return T.text(T.EXERCISE["every_day"], lang)
    if days == 1:
        return T.text(T.EXERCISE["day_per_week"], lang)
    return T.text(T.EXERCISE["days_per_week"], lang).format(n=days)


def _glue_last_words(text: str) -> str:
    """Join the last two words with a no-break space, so a narrow table cell never wraps a
    lone "5" or "ugen" onto a line of its own."""
    head, space, tail = text.rpartition(" ")
    return f"{head}\u00a0{tail}" if space else text


def _phases(item: dict, dose_type: DoseType, lang: str) -> list[dict]:
    """The three phases with their dose text; a phase not started says when it starts."""
    raw = item.get("phases") or []
    phases = []
    for index, phase in enumerate(raw):
        dose = dose_from_json(phase.get("dose"))
        weeks = phase.get("weeks") or [None, None]
        if dose is None:
            start = next(
                (p["weeks"][0] for p in raw[index + 1 :] if p.get("dose") and p.get("weeks")),
                (weeks[1] or 0) + 1,
            )
            phases.append(
                {
                    "weeks": weeks,
                    "started": False,
                    "dose": "",
                    "days": "",
                    "text": _glue_last_words(
                        T.text(T.EXERCISE["not_started"], lang).format(week=start)
                    ),
                    "instruction": in_language(phase.get("instruction"), lang),
                }
            )
            continue
        phases.append(
            {
                "weeks": weeks,
                "started": True,
                "dose": dose_text(dose, dose_type, lang),
                "days": _glue_last_words(_days_text(phase.get("days_per_week"), lang)),
                "text": "",
                "instruction": in_language(phase.get("instruction"), lang),
            }
        )
    return phases


def _exercises(items: list, lang: str) -> list[dict]:
    out = []
    for number, item in enumerate(items, start=1):
        dose_type = DoseType(item["dose_type"])
        phases = _phases(item, dose_type, lang)
        first = next((p for p in phases if p["started"]), None)
        dose = dose_text(dose_from_json(item.get("dose")), dose_type, lang)
        days = _days_text(item.get("days_per_week"), lang)
        name = in_language(item.get("name"), lang)
        domain = Domain(item["domain"])
        out.append(
            {
                "number": number,
                "key": item.get("key", ""),
                "domain": domain,
                "domain_label": domain.label(lang),
                "symbol": T.DOMAIN_SYMBOLS[domain.value],
                "kind": item.get("kind", ""),
                "name": name,
                "steps": _stored_list(item.get("instructions"), lang),
                "safety_tip": in_language(item.get("safety_tip"), lang),
                "illustration": _image(item.get("illustration")),
                "illustration_alt": f"{T.text(T.EXERCISE['illustration_alt'], lang)}: {name}",
                "equipment": ", ".join(
                    Equipment(code).label(lang) for code in item.get("equipment") or []
                ),
                "dose_line": " · ".join(part for part in (dose, days) if part),
                "feel": first["instruction"] if first else "",
                "phases": phases,
                "plan_days": _common_days(phases),
                "starts_later": bool(phases) and not phases[0]["started"],
            }
        )
    return out


def _common_days(phases: list[dict]) -> str:
    """The days text when every phase the exercise is done in has the same days, else ""."""
    days = {p["days"] for p in phases if p["started"]}
    return days.pop() if len(days) == 1 else ""


def _plan_columns(items: list, lang: str) -> list[str]:
    """Column headings of the plan table, from the first exercise's phase weeks."""
    template = T.text(T.PLAN_TABLE["weeks"], lang)
    for item in items:
        weeks = [p.get("weeks") for p in item.get("phases") or []]
        if weeks and all(w and len(w) == 2 for w in weeks):
            return [template.format(start=w[0], end=w[1]) for w in weeks]
    return [template.format(start=a, end=b) for a, b in ((1, 4), (5, 8), (9, 12))]
