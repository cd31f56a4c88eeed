"""Reads of classes, scoped to the acting membership's clinic, and the instructor's class sheet.

The class sheet is assembled in a fixed number of queries whatever the number of participants
(pinned in tests/perf): the class program, the clinic's library, the enrolments with their
patients, their latest assessments in force, the attendance of the class and the session's lift
loads. Showing the sheet writes one audit row for the class, not one per participant (like the
patient list)."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count
from django.shortcuts import get_object_or_404

from assessment.models import Assessment
from assessment.selectors import IN_FORCE

from .domain.class_sheet import ClassItem, SheetLine, flags, participant_sheet
from .domain.classes import AttendanceSummary, class_percent, class_week_phase, summarise
from .domain.program_json import phase_from_json
from .domain.request_json import request_from_json
from .models import Attendance, ClassLiftLoad, ClassSession, Enrolment, TrainingClass
from .services.programs import clinic_library, request_data

CLASS_SETTING = "supervised"


def classes_for(membership):
    return (
        TrainingClass.objects.filter(clinic=membership.clinic)
        .annotate(participants=Count("enrolments", distinct=True))
        .order_by("-start_date", "name")
    )


def class_get(membership, class_id) -> TrainingClass:
    return get_object_or_404(TrainingClass, id=class_id, clinic=membership.clinic)


def session_get(membership, session_id) -> ClassSession:
    return get_object_or_404(
        ClassSession.objects.select_related("training_class"),
        id=session_id,
        training_class__clinic=membership.clinic,
    )


def enrolment_get(membership, enrolment_id) -> Enrolment:
    return get_object_or_404(
        Enrolment.objects.select_related("patient", "training_class"),
        id=enrolment_id,
        training_class__clinic=membership.clinic,
    )


def latest_assessments(patient_ids) -> dict:
    """Each patient's latest assessment in force, in one query."""
    latest = {}
    rows = Assessment.objects.filter(IN_FORCE, patient_id__in=list(patient_ids)).order_by(
        "assessment_date", "created_at"
    )
    for row in rows.only(
        "id", "patient_id", "assessment_date", "inputs", "result", "final_category"
    ):
        latest[row.patient_id] = row
    return latest


def participant_request(assessment):
    if assessment is None:
        return None
    return request_from_json(
        request_data(assessment, setting=CLASS_SETTING, equipment=[], language="da")
    )


def registers(enrolments, **session_filter) -> dict:
    """Per enrolment, present or not at each session of its class whose attendance was taken
    (from the day of enrolment, and any earlier one they were registered at), in date order;
    one query for any number of classes."""
    class_ids = {e.training_class_id for e in enrolments}
    rows = list(
        Attendance.objects.filter(session__training_class_id__in=class_ids, **session_filter)
        .order_by("session__date", "session__start_time", "session__number")
        .values_list(
            "session_id", "session__training_class_id", "enrolment_id", "present", "session__date"
        )
    )
    taken = defaultdict(dict)
    for session_id, class_id, _enrolment, _present, day in rows:
        taken[class_id][session_id] = day
    present = {(s, e): p for s, _c, e, p, _day in rows}
    return {
        e.id: [
            present.get((s, e.id), False)
            for s, day in taken[e.training_class_id].items()
            if day >= e.enrolled_on or (s, e.id) in present
        ]
        for e in enrolments
    }


@dataclass
class Participant:
    enrolment: Enrolment
    assessment: Assessment | None
    flags: tuple[str, ...]
    lines: tuple[SheetLine, ...]
    attendance: AttendanceSummary
    present: bool | None
    lifts: list = field(default_factory=list)
    """(exercise row, kg recorded at this session or None) of each heavy lift (§7b)."""


@dataclass
class Sheet:
    training_class: TrainingClass
    session: ClassSession
    items: list
    participants: list[Participant]
    attendance_percent: int | None


def class_sheet(training_class: TrainingClass, session: ClassSession) -> Sheet:
    rows = list(training_class.exercises.select_related("exercise"))
    exercises = clinic_library(training_class.clinic)
    for row in rows:
        exercises.setdefault(row.exercise.stable_key, row.exercise)
    library = [e.spec() for e in exercises.values()]
    items = [
        ClassItem(row.exercise.spec(), tuple(phase_from_json(p) for p in row.phases))
        for row in rows
    ]
    enrolments = list(
        training_class.enrolments.select_related("patient").order_by(
            "patient__last_name", "patient__first_name", "id"
        )
    )
    latest = latest_assessments(e.patient_id for e in enrolments)
    history = registers(enrolments)
    present = dict(
        Attendance.objects.filter(session=session).values_list("enrolment_id", "present")
    )
    loads = {}
    for load in ClassLiftLoad.objects.filter(session=session):
        loads.setdefault(load.enrolment_id, {})[load.exercise_id] = load.kg
    phase = class_week_phase(session.week)
    participants = []
    for enrolment in enrolments:
        assessment = latest.get(enrolment.patient_id)
        request = participant_request(assessment)
        participants.append(
            Participant(
                enrolment=enrolment,
                assessment=assessment,
                flags=flags(request),
                lines=participant_sheet(items, request, library, phase),
                attendance=summarise(history.get(enrolment.id, [])),
                present=present.get(enrolment.id),
            )
        )
        lines = participants[-1].lines
        recorded = loads.get(enrolment.id, {})
        participants[-1].lifts = [
            (exercises[line.exercise.key], recorded.get(exercises[line.exercise.key].id))
            for line in lines
            if line.heavy and request is not None and request.hirit
        ]
    return Sheet(
        training_class=training_class,
        session=session,
        items=rows,
        participants=participants,
        attendance_percent=class_percent(p.attendance for p in participants),
    )


def sessions_of(training_class):
    return training_class.sessions.all()
