"""The class sheet and the outcome panel as the pages show them: names, doses and flags in
the active language, and each chart with the table of its numbers."""

from django.core.cache import caches
from django.utils.translation import gettext as _

from assessment.domain.outcome_charts import change_bars, value_bars
from assessment.domain.outcomes import FOLLOW_UPS, MEASURES
from osteoactive.domain.categories import Category
from osteoactive.language import current_language

from .domain.class_sheet import NONE, PATTERN, RUNG, SAME
from .domain.classes import class_week_phase
from .domain.dose import dose_text
from .domain.program_json import phase_from_json

CACHE_SECONDS = 600


def flag_labels() -> dict[str, str]:
    return {
        "W6": _("W6 red flag: no spinal loading until X-ray"),
        "fall_risk_high": _("High fall risk"),
        "W7": _("W7 fear of falling: keep support"),
        "W4": _("Pain 7 or more"),
    }


def _words() -> dict[str, str]:
    return {
        SAME: _("as the class"),
        RUNG: _("another rung"),
        PATTERN: _("same movement"),
        NONE: _("Sits this one out"),
    }


def _line(line, language, words):
    """One row of a participant's table: what they do instead, and why, as plain text."""
    exercise = line.exercise
    why = " ".join(v.message[language] for v in line.breaks)
    if line.how == SAME:
        does, note = words[SAME], ""
    elif exercise is not None:
        does = exercise.name(language)
        note = f"({words[line.how]}: {why})" if why else f"({words[line.how]})"
    else:
        does, note = words[NONE], f"({why})" if why else ""
    return {
        "planned": line.planned.name(language),
        "does": does,
        "note": note,
        "rung": exercise.rung if exercise else "–",
        "dose": dose_text(line.phase.dose, None, language, line.phase.weeks[0])
        if line.phase is not None
        else "–",
        "how": line.how,
        "marked": line.how != SAME,
    }


def _participant_version(p, language, words) -> dict:
    """What the sheet shows of one participant's version of the program, as plain data."""
    return {
        "flags": p.flags,
        "lines": [_line(line, language, words) for line in p.lines],
        "heavy": p.heavy_lifts(language),
    }


def sheet_view(sheet, user_pk) -> dict:
    """Each participant's lines are kept per user in the in_process cache by what they are
    computed from (the assessment in force, the class program, the library, the phase); the
    template keeps each card by `card`, that key and everything else the card shows."""
    language = current_language()
    labels = flag_labels()
    words = _words()
    keys = {
        p.enrolment.id: f"class-sheet:{user_pk}:{language}:{sheet.version}:{p.version}"
        for p in sheet.participants
    }
    kept = caches["in_process"].get_many(list(keys.values()))
    sheet.read_assessments(p for p in sheet.participants if keys[p.enrolment.id] not in kept)
    made = {}
    participants = []
    for p in sheet.participants:
        key = keys[p.enrolment.id]
        shown = kept.get(key)
        if shown is None:
            shown = made[key] = _participant_version(p, language, words)
        category = p.assessment.final_category if p.assessment else ""
        participants.append(
            {
                "key": key,
                "card": _card_key(key, p, sheet.session),
                "enrolment": p.enrolment,
                "patient": p.enrolment.patient,
                "category": Category(category).label(language) if category else "",
                "flags": [(code, labels[code]) for code in shown["flags"]],
                "lines": shown["lines"],
                "attendance": p.attendance,
                "present": p.present,
                "lifts": p.lifts_of(shown["heavy"]),
            }
        )
    if made:
        caches["in_process"].set_many(made, CACHE_SECONDS)
    phase = class_week_phase(sheet.session.week)
    return {
        "training_class": sheet.training_class,
        "session": sheet.session,
        "phase_weeks": ("1–4", "5–8", "9–12+")[phase],
        "items": [
            {
                "name": row.exercise.name(language),
                "rung": row.exercise.rung,
                "dose": _phase_dose(row.phases, phase, language),
            }
            for row in sheet.items
        ],
        "participants": participants,
        "attendance_percent": sheet.attendance_percent,
    }


def _card_key(key, p, session) -> str:
    """Everything a participant's card shows besides their lines (`key`): the patient row
    (name), attendance here and in the class, and the session (its button, or none)."""
    a = p.attendance
    return (
        f"{key}:{p.enrolment.id}:{p.enrolment.patient.updated_at.timestamp()}:{p.present}:"
        f"{a.taken}.{a.present}.{a.missed_in_a_row}:{session.id}:{session.cancelled}"
    )


def _phase_dose(phases, index, language):
    if index >= len(phases):
        return ""
    phase = phase_from_json(phases[index])
    return dose_text(phase.dose, None, language, phase.weeks[0])


def measure_labels() -> dict[str, str]:
    return {
        "tug": "TUG",
        "sts5": _("5× sit-to-stand"),
        "tandem": _("Tandem stance"),
        "fes_i": "Short FES-I",
        "pain": _("Pain (NRS)"),
    }


def _number(value) -> str:
    return "–" if value is None else str(value)


def outcome_view(panel) -> dict:
    names = measure_labels()
    legend = (_("Better"), _("No detectable change"), _("Worse"))
    titles = {
        "12w": _("Change from baseline to 12 weeks"),
        "6m": _("Change from baseline to 6 months"),
    }
    changes = []
    for target in FOLLOW_UPS:
        tallies = panel.outcomes.tallies[target]
        rows = [
            (names[m], tallies[m].better, tallies[m].unchanged, tallies[m].worse) for m in MEASURES
        ]
        changes.append(
            {
                "key": target,
                "title": titles[target],
                "svg": change_bars(titles[target], rows, legend),
                "rows": [(names[m], tallies[m]) for m in MEASURES],
            }
        )
    per = _("per 1,000 participant-weeks")
    rates = [
        (_("Falls"), panel.falls, panel.falls_rate),
        (_("Fractures"), panel.fractures, panel.fractures_rate),
    ]
    top = max([float(r) for _n, _c, r in rates if r is not None] + [1.0])
    rate_title = _("Events %(per)s") % {"per": per}
    shares = [
        (_("Attendance"), panel.attendance_percent),
        (_("Adherence (home sessions)"), panel.adherence_percent),
    ]
    share_title = _("Attendance and adherence (%)")
    return {
        "panel": panel,
        "changes": changes,
        "rates": rates,
        "rates_title": rate_title,
        "rates_svg": value_bars(
            rate_title,
            [(n, float(r) if r is not None else None, _number(r)) for n, _c, r in rates],
            top,
        ),
        "shares": shares,
        "shares_title": share_title,
        "shares_svg": value_bars(
            share_title,
            [(n, v, "–" if v is None else f"{v} %") for n, v in shares],
            100,
        ),
    }
