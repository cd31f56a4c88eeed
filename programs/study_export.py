"""The study export: the clinic's data as pseudonymised CSV files with a codebook, in a zip.

Nothing that names or contacts a person leaves: no name, CPR number, birth date, contact note,
clinical note or any other free text (override, correction and void reasons). Every id becomes
a pseudonym, HMAC-SHA256 of the id under the export key the clinic admin types (never stored),
so the same key gives the same pseudonyms and exports made with it can be linked, and without
the key a pseudonym cannot be traced back. Dates are ISO dates, or, when asked, days from the
participant's first assessment (the class's first day for sessions). The columns of each file
are declared once (`FILES`); the writer and the codebook both read that declaration.
"""

import csv
import hashlib
import hmac
import io
import json
import zipfile
from datetime import date

from assessment.domain.vocabulary import TScoreSite
from assessment.models import Adherence, Assessment, Patient, PatientEvent

from .models import Attendance, ClassSession, ProgramItem

D = "date (ISO 8601) or, in a days-from-baseline export, whole days from the participant's first assessment"
YN = "1 = yes, 0 = no, empty = not recorded"
CATS = "akutfase, funktionsbegraenset, hverdagsaktiv_med_hensyn, hverdagsaktiv, traeningsaktiv_med_hensyn, traeningsaktiv"
SITES = "vertebral, hip, wrist, humerus, pelvis, rib, ankle, other"
P = ("participant", "the participant's pseudonym (keyed hash)", "", "")

INPUT_COLUMNS = [
    ("assessment_date", "assessment date", "", D),
    *[(f"t_{s.value}", f"DXA T-score, {s.value.replace('_', ' ')}", "SD", "") for s in TScoreSite],
    ("dxa_scan_date", "DXA scan date", "", D),
    ("falls_last_12_months", "falls in the last 12 months", "count", ""),
    ("injurious_fall", "an injurious fall in the last 12 months", "", YN),
    ("walking_aid", "walking aid", "", "none, stick, crutches, rollator, wheelchair"),
    ("needs_adl_help", "needs help with daily activities", "", YN),
    ("sedentary_due_to_disease", "very sedentary because of chronic disease", "", YN),
    ("regular_training", "regular structured training", "", YN),
    ("tug_seconds", "Timed Up and Go (LOINC 89423-8)", "s", ""),
    ("tug_unable", "unable to do TUG", "", YN),
    ("sts5_seconds", "5x sit-to-stand (local code)", "s", ""),
    ("sts5_unable", "unable to do 5xSTS or used arms", "", YN),
    ("tandem_seconds", "tandem stance (local code)", "s", ""),
    ("tandem_max_seconds", "tandem stance protocol ceiling", "s", "10 or 30"),
    ("pain_nrs", "pain, numeric rating scale", "0-10", ""),
    ("risk_factors", "risk factors ticked", "", "semicolon-separated codes of domain.md §5"),
    ("frax_major_percent", "FRAX major osteoporotic fracture", "%", ""),
    ("frax_hip_percent", "FRAX hip fracture", "%", ""),
    ("frax_date", "FRAX calculated on", "", D),
    ("height_cm", "height", "cm", ""),
    ("weight_kg", "weight", "kg", ""),
    ("height_loss_cm", "height loss since early adulthood", "cm", ""),
    ("occiput_wall_cm", "occiput-to-wall distance", "cm", ""),
    ("suspected_new_vertebral_fracture", "suspected new vertebral fracture", "", YN),
    *[
        (f"fes_i_{n}", f"Short FES-I answer {n}", "1-4", "1 not at all … 4 very concerned")
        for n in range(1, 8)
    ],
    (
        "medication",
        "osteoporosis medication",
        "",
        "none, bisphosphonate, denosumab, teriparatide, romosozumab, menopausal_hormone_therapy, other",
    ),
]
RESULT_COLUMNS = [
    ("ruleset", "ruleset of the result", "", "DK-2026.1, DK-2026.2"),
    ("suggested_category", "category the rules suggested", "", CATS),
    ("final_category", "category chosen", "", CATS),
    ("overridden", "the physiotherapist chose another category", "", YN),
    ("underlying_category", "underlying category in the acute phase", "", CATS),
    ("acute_phase_ends", "end of the acute phase", "", D),
    ("rules", "rules that fired", "", "semicolon-separated rule ids (A1, B1–B4, C1–C4)"),
    ("fall_risk", "fall risk", "", "low, intermediate, high"),
    ("fall_prevention_focus", "fall-prevention focus", "", YN),
    (
        "bone_status",
        "bone status (WHO)",
        "",
        "normal, osteopenia, osteoporosis, severe_osteoporosis, unknown",
    ),
    ("warnings", "warnings", "", "semicolon-separated W1–W7"),
    ("bmi", "body mass index", "kg/m²", ""),
    ("fes_i_level", "Short FES-I level", "", "low, moderate, high"),
    ("next_reassessment_due", "next reassessment due", "", D),
]
FILES = {
    "participants.csv": [
        P,
        ("sex", "sex", "", "female, male, other"),
        ("age_at_baseline", "age at the first assessment", "years", ""),
        ("baseline_date", "first assessment", "", D),
    ],
    "assessments.csv": [
        P,
        ("assessment", "the assessment's pseudonym", "", ""),
        ("version", "version (a correction is a new version)", "", ""),
        ("in_force", "counts (neither corrected nor entered in error)", "", YN),
        *INPUT_COLUMNS,
        *RESULT_COLUMNS,
    ],
    "fractures.csv": [
        P,
        ("assessment", "the assessment's pseudonym", "", ""),
        ("site", "fracture site", "", SITES),
        ("date", "fracture date", "", D),
        ("low_energy", "low-energy fracture", "", YN),
    ],
    "events.csv": [
        P,
        ("event", "event reported between assessments", "", "fall, fracture"),
        ("date", "event date", "", D),
        ("injurious", "injurious fall", "", YN),
        ("site", "fracture site", "", SITES + "; empty for a fall"),
        ("low_energy", "low-energy fracture", "", YN),
    ],
    "adherence.csv": [
        P,
        ("assessment", "the assessment at which the log was returned", "", ""),
        ("planned_per_week", "planned home sessions per week", "sessions", ""),
        ("week", "week of the log", "week number", "1 = first week"),
        ("done", "home sessions done that week", "sessions", ""),
    ],
    "sessions.csv": [
        ("class", "the class's pseudonym", "", ""),
        ("session", "session number in the class", "", ""),
        ("week", "class week", "week number", "1 = first week"),
        (
            "date",
            "session date",
            "",
            "date (ISO 8601) or, in a days-from-baseline export, days from the class's first day",
        ),
        ("cancelled", "session cancelled", "", YN),
        ("moved", "session moved from its planned day", "", YN),
    ],
    "attendance.csv": [
        ("class", "the class's pseudonym", "", ""),
        ("session", "session number in the class", "", ""),
        P,
        ("present", "present at the session", "", "1 = present, 0 = registered absent"),
    ],
    "programs.csv": [
        P,
        ("assessment", "the assessment the program is based on", "", ""),
        ("program", "the program's pseudonym", "", ""),
        ("category", "category the program was planned for", "", CATS),
        ("setting", "setting", "", "home, gym, supervised"),
        ("position", "exercise's place in the program", "", "0 = first"),
        ("exercise", "exercise key in the library", "", "library key"),
        ("domain", "domain", "", "staerk, stabil, strakt"),
        ("pattern", "movement pattern", "", "domain.md §6"),
        ("rung", "rung on its ladder", "", "1 = easiest"),
        ("phases", "dose per phase", "", "JSON list of {weeks, dose, days_per_week}"),
    ],
}
CODEBOOK = "codebook.csv"


def pseudonym(key: str, kind: str, value) -> str:
    digest = hmac.new(key.encode(), f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()
    return f"{kind[0].upper()}-{digest[:16]}"


def _flag(value) -> str:
    return "" if value is None else ("1" if value else "0")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _flag(value)
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return str(value)


class _Dates:
    def __init__(self, relative: bool):
        self.relative = relative

    def __call__(self, value, origin: date | None) -> str:
        if not value:
            return ""
        day = value if isinstance(value, date) else date.fromisoformat(value)
        if self.relative and origin is not None:
            return str((day - origin).days)
        return day.isoformat()


def _age(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _assessment_row(a, who, key, when, origin):
    inputs, result = a.inputs, a.result
    row = {
        "participant": who,
        "assessment": pseudonym(key, "assessment", a.id),
        "version": a.version,
    }
    row["in_force"] = _flag(a.is_in_force)
    for column, *_ in INPUT_COLUMNS:
        if column.startswith("t_"):
            value = (inputs.get("t_scores") or {}).get(column[2:])
        elif column.startswith("fes_i_"):
            answers = inputs.get("fes_i_short") or []
            number = int(column.rsplit("_", 1)[1])
            value = answers[number - 1] if answers else None
        else:
            value = inputs.get(column)
        row[column] = when(value, origin) if column.endswith("_date") else _cell(value)
    for column, *_ in RESULT_COLUMNS:
        if column in ("suggested_category", "final_category"):
            value = getattr(a, column)
        elif column == "overridden":
            value = a.is_overridden
        else:
            value = result.get(column)
        dated = column in ("acute_phase_ends", "next_reassessment_due")
        row[column] = when(value, origin) if dated else _cell(value)
    return row


def export_rows(clinic, key: str, *, days_from_baseline: bool) -> dict[str, list[dict]]:
    when = _Dates(days_from_baseline)
    patients = list(Patient.objects.filter(clinic=clinic).order_by("id"))
    assessments = list(
        Assessment.objects.filter(patient__clinic=clinic).order_by("assessment_date", "created_at")
    )
    baseline = {}
    for a in assessments:
        if a.is_in_force:
            baseline.setdefault(a.patient_id, a.assessment_date)
    who = {p.id: pseudonym(key, "participant", p.id) for p in patients}
    rows = {name: [] for name in FILES}
    for p in patients:
        start = baseline.get(p.id)
        rows["participants.csv"].append(
            {
                "participant": who[p.id],
                "sex": p.sex,
                "age_at_baseline": _age(p.birth_date, start) if start else "",
                "baseline_date": when(start, start),
            }
        )
    for a in assessments:
        origin = baseline.get(a.patient_id)
        rows["assessments.csv"].append(_assessment_row(a, who[a.patient_id], key, when, origin))
        for fracture in a.inputs.get("fractures") or []:
            rows["fractures.csv"].append(
                {
                    "participant": who[a.patient_id],
                    "assessment": pseudonym(key, "assessment", a.id),
                    "site": fracture["site"],
                    "date": when(fracture["date"], origin),
                    "low_energy": _flag(fracture["low_energy"]),
                }
            )
    for e in PatientEvent.objects.filter(patient__clinic=clinic).order_by("date", "id"):
        rows["events.csv"].append(
            {
                "participant": who[e.patient_id],
                "event": e.kind,
                "date": when(e.date, baseline.get(e.patient_id)),
                "injurious": _flag(e.injurious) if e.kind == "fall" else "",
                "site": e.site,
                "low_energy": _flag(e.low_energy) if e.kind == "fracture" else "",
            }
        )
    for row in Adherence.objects.filter(assessment__patient__clinic=clinic).select_related(
        "assessment"
    ):
        for week, done in enumerate(row.done_per_week, start=1):
            rows["adherence.csv"].append(
                {
                    "participant": who[row.assessment.patient_id],
                    "assessment": pseudonym(key, "assessment", row.assessment_id),
                    "planned_per_week": row.planned_per_week,
                    "week": week,
                    "done": done,
                }
            )
    sessions = ClassSession.objects.filter(training_class__clinic=clinic).select_related(
        "training_class"
    )
    for s in sessions.order_by("training_class_id", "number"):
        rows["sessions.csv"].append(
            {
                "class": pseudonym(key, "class", s.training_class_id),
                "session": s.number,
                "week": s.week,
                "date": when(s.date, s.training_class.start_date),
                "cancelled": _flag(s.cancelled),
                "moved": _flag(s.moved_from is not None),
            }
        )
    attendance = Attendance.objects.filter(session__training_class__clinic=clinic).values_list(
        "session__training_class_id", "session__number", "enrolment__patient_id", "present"
    )
    for class_id, number, patient_id, present in attendance.order_by(
        "session__training_class_id", "session__number"
    ):
        rows["attendance.csv"].append(
            {
                "class": pseudonym(key, "class", class_id),
                "session": number,
                "participant": who[patient_id],
                "present": _flag(present),
            }
        )
    items = ProgramItem.objects.filter(program__assessment__patient__clinic=clinic).select_related(
        "exercise", "program__assessment"
    )
    for item in items.order_by("program_id", "position"):
        program = item.program
        rows["programs.csv"].append(
            {
                "participant": who[program.assessment.patient_id],
                "assessment": pseudonym(key, "assessment", program.assessment_id),
                "program": pseudonym(key, "program", program.id),
                "category": program.category,
                "setting": program.setting,
                "position": item.position,
                "exercise": item.exercise.stable_key,
                "domain": item.domain,
                "pattern": item.exercise.pattern,
                "rung": item.exercise.rung,
                "phases": json.dumps(
                    [
                        {k: ph.get(k) for k in ("weeks", "dose", "days_per_week")}
                        for ph in item.phases
                    ],
                    sort_keys=True,
                ),
            }
        )
    return rows


def _csv(columns, rows) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def export_zip(clinic, key: str, *, days_from_baseline: bool) -> tuple[bytes, dict[str, int]]:
    """The zip's bytes, and the number of rows in each file (for the audit row)."""
    rows = export_rows(clinic, key, days_from_baseline=days_from_baseline)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, columns in FILES.items():
            archive.writestr(name, _csv([c[0] for c in columns], rows[name]))
        codebook = [
            {"file": name, "column": column, "meaning": meaning, "unit": unit, "codes": codes}
            for name, columns in FILES.items()
            for column, meaning, unit, codes in columns
        ]
        archive.writestr(CODEBOOK, _csv(["file", "column", "meaning", "unit", "codes"], codebook))
    return buffer.getvalue(), {name: len(r) for name, r in rows.items()}
