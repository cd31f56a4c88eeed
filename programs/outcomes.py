"""The outcome panel's figures for a class, or for the clinic over a chosen period.

Read in a fixed number of queries whatever the number of participants (pinned in tests/perf):
the participants, their assessments in force, the adherence entered at them, their events and
the attendance. The arithmetic is pure (`assessment.domain.outcomes`, `domain.classes`).

- A class: its enrolled patients; the anchor is the class's start date; each participant is
  followed from the later of the start and their enrolment to the earlier of the class's end and
  today.
- The clinic over a period: every patient with an assessment in force in the period; the anchor
  is the period's start; each is followed from their baseline to the earlier of the period's end
  and today. Attendance counts the sessions of the clinic's classes in the period.
- Adherence is the mean of the participants' adherence entries made at assessments after the
  anchor (in the period, for the clinic).
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from assessment.domain.outcomes import (
    Outcomes,
    baseline,
    participant_changes,
    rate_per_1000,
    tally,
    weeks_between,
)
from assessment.domain.serialisation import input_from_json
from assessment.models import Adherence, Assessment, PatientEvent
from assessment.selectors import IN_FORCE

from .class_selectors import registers
from .domain.classes import class_percent, summarise
from .models import Enrolment


@dataclass
class Panel:
    outcomes: Outcomes
    attendance_percent: int | None
    adherence_percent: int | None
    participant_weeks: Decimal
    falls: int
    fractures: int
    falls_rate: Decimal | None
    fractures_rate: Decimal | None


def _visits(patient_ids):
    visits = defaultdict(list)
    rows = Assessment.objects.filter(IN_FORCE, patient_id__in=list(patient_ids)).order_by(
        "assessment_date", "created_at"
    )
    for row in rows.only("id", "patient_id", "assessment_date", "inputs"):
        visits[row.patient_id].append(input_from_json(row.inputs))
    return visits


def _adherence(patient_ids, since: date, until: date | None) -> int | None:
    rows = Adherence.objects.filter(
        assessment__patient_id__in=list(patient_ids), assessment__assessment_date__gt=since
    )
    if until is not None:
        rows = rows.filter(assessment__assessment_date__lte=until)
    shares = [row.percent for row in rows if row.percent is not None]
    return round(sum(shares) / len(shares)) if shares else None


def _panel(windows: dict, anchor: date, visits, attendance, adherence) -> Panel:
    """`windows`: patient id → (followed from, followed to)."""
    per_participant = [participant_changes(visits.get(pid, []), anchor) for pid in windows]
    events = PatientEvent.objects.filter(patient_id__in=list(windows)).values_list(
        "patient_id", "kind", "date"
    )
    counts = {PatientEvent.Kind.FALL: 0, PatientEvent.Kind.FRACTURE: 0}
    for pid, kind, day in events:
        start, end = windows[pid]
        if start < day <= end:
            counts[kind] += 1
    weeks = sum((weeks_between(*w) for w in windows.values()), Decimal(0))
    return Panel(
        outcomes=tally(per_participant),
        attendance_percent=class_percent(summarise(r) for r in attendance.values()),
        adherence_percent=adherence,
        participant_weeks=weeks.quantize(Decimal("0.1")),
        falls=counts[PatientEvent.Kind.FALL],
        fractures=counts[PatientEvent.Kind.FRACTURE],
        falls_rate=rate_per_1000(counts[PatientEvent.Kind.FALL], weeks),
        fractures_rate=rate_per_1000(counts[PatientEvent.Kind.FRACTURE], weeks),
    )


def class_panel(training_class, today: date) -> Panel:
    enrolments = list(
        training_class.enrolments.only("id", "patient_id", "enrolled_on", "training_class_id")
    )
    end = min(training_class.start_date + timedelta(weeks=training_class.weeks), today)
    windows = {
        e.patient_id: (max(e.enrolled_on, training_class.start_date), end) for e in enrolments
    }
    attendance = registers(enrolments)
    visits = _visits(windows)
    adherence = _adherence(windows, training_class.start_date, None)
    return _panel(windows, training_class.start_date, visits, attendance, adherence)


def clinic_panel(clinic, start: date, end: date, today: date) -> Panel:
    patient_ids = set(
        Assessment.objects.filter(
            IN_FORCE, patient__clinic=clinic, assessment_date__range=(start, end)
        ).values_list("patient_id", flat=True)
    )
    visits = _visits(patient_ids)
    until = min(end, today)
    windows = {}
    for pid in patient_ids:
        first = baseline(visits[pid], start)
        windows[pid] = (first.assessment_date, until)
    enrolments = list(
        Enrolment.objects.filter(training_class__clinic=clinic).only(
            "id", "patient_id", "enrolled_on", "training_class_id"
        )
    )
    attendance = registers(enrolments, session__date__range=(start, end))
    adherence = _adherence(patient_ids, start, end)
    return _panel(windows, start, visits, attendance, adherence)
