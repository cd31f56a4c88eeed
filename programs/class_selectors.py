"""Reads of classes, scoped to the acting membership's clinic, and the instructor's class sheet.

The class sheet is assembled in a fixed number of queries whatever the number of participants
(pinned in tests/perf): the class program, the clinic's library, the enrolments with their
patients, their latest assessments in force, the attendance of the class and the session's lift
loads. Showing the sheet writes one audit row for the class, not one per participant (like the
patient list)."""

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Count
from django.shortcuts import get_object_or_404

from assessment.models import Assessment
from assessment.selectors import IN_FORCE

from .domain.class_sheet import ClassItem, SheetLine, flags, participant_sheet
from .domain.classes import AttendanceSummary, class_percent, class_week_phase, summarise
from .domain.program_json import phase_from_json
from .domain.request_json import request_from_json
from .models import Attendance, ClassLiftLoad, ClassSession, Enrolment, TrainingClass
from .selectors import library_for
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


ASSESSMENT_FIELDS = ("id", "patient_id", "assessment_date", "final_category", "updated_at")


def latest_assessments(patient_ids, fields=(*ASSESSMENT_FIELDS, "inputs", "result")) -> dict:
    """Each patient's latest assessment in force, in one query."""
    latest = {}
    rows = Assessment.objects.filter(IN_FORCE, patient_id__in=list(patient_ids)).order_by(
        "assessment_date", "created_at"
    )
    for row in rows.only(*fields):
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
    return _registers(_attendance_rows(enrolments, **session_filter), enrolments)


def _attendance_rows(enrolments, **session_filter) -> list[tuple]:
    """(session id, class id, enrolment id, present, session date) of each attendance row of
    these enrolments' classes, in session order."""
    class_ids = {e.training_class_id for e in enrolments}
    return list(
        Attendance.objects.filter(session__training_class_id__in=class_ids, **session_filter)
        .order_by("session__date", "session__start_time", "session__number")
        .values_list(
            "session_id", "session__training_class_id", "enrolment_id", "present", "session__date"
        )
    )


def _registers(rows, enrolments) -> dict:
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


def _digest(*parts) -> str:
    return hashlib.blake2b(repr(parts).encode(), digest_size=12).hexdigest()


@dataclass
class Participant:
    """One participant of a class sheet. Their version of the program (`request`, `flags`,
    `lines`) is worked out only when asked for: the page keeps it by `version`."""

    sheet: "Sheet" = field(repr=False)
    enrolment: Enrolment
    assessment: Assessment | None
    attendance: AttendanceSummary
    present: bool | None
    loads: dict = field(default_factory=dict)
    """kg recorded at this session, by exercise id."""

    @property
    def version(self) -> str:
        """What the participant's lines are computed from: their assessment in force."""
        a = self.assessment
        return "none" if a is None else f"{a.pk.hex}.{a.updated_at.timestamp()}"

    @cached_property
    def request(self):
        return participant_request(self.assessment)

    @cached_property
    def flags(self) -> tuple[str, ...]:
        return flags(self.request)

    @cached_property
    def lines(self) -> tuple[SheetLine, ...]:
        sheet = self.sheet
        return participant_sheet(sheet.class_items, self.request, sheet.library, sheet.phase)

    def heavy_lifts(self, language) -> list[tuple]:
        """(exercise id, name) of each heavy lift whose load is logged: where §7b applies."""
        if self.request is None or not self.request.hirit:
            return []
        rows = [self.sheet.exercises[line.exercise.key] for line in self.lines if line.heavy]
        return [(row.id, row.name(language)) for row in rows]

    def lifts_of(self, heavy) -> list:
        """(exercise id, name, kg recorded at this session or None) of each (id, name)."""
        return [(pk, name, self.loads.get(pk)) for pk, name in heavy]


@dataclass
class Sheet:
    training_class: TrainingClass
    session: ClassSession
    items: list
    library_rows: list
    """(id, updated_at) of each exercise of the clinic's library."""
    phase: int
    participants: list[Participant] = field(default_factory=list)
    attendance_percent: int | None = None

    @cached_property
    def version(self) -> str:
        """What every participant's lines depend on besides their assessment: the class
        program, the clinic's library and the dose phase of the session's week."""
        program = [(r.exercise_id, r.exercise.updated_at, r.position, r.phases) for r in self.items]
        return _digest(program, sorted(self.library_rows), self.phase)

    @cached_property
    def exercises(self) -> dict:
        """The library's exercises by stable key, read only when some lines are worked out."""
        exercises = clinic_library(self.training_class.clinic)
        for row in self.items:
            exercises.setdefault(row.exercise.stable_key, row.exercise)
        return exercises

    def read_assessments(self, participants) -> None:
        """Reads the inputs and results of these participants' assessments in one query."""
        wanted = {p.assessment.pk: p.assessment for p in participants if p.assessment}
        if not wanted:
            return
        rows = Assessment.objects.filter(pk__in=list(wanted)).values_list("id", "inputs", "result")
        for pk, inputs, result in rows:
            wanted[pk].inputs, wanted[pk].result = inputs, result

    @cached_property
    def library(self) -> list:
        return [e.spec() for e in self.exercises.values()]

    @cached_property
    def class_items(self) -> list[ClassItem]:
        return [
            ClassItem(row.exercise.spec(), tuple(phase_from_json(p) for p in row.phases))
            for row in self.items
        ]


ENROLMENT_FIELDS = (
    "id",
    "training_class_id",
    "patient_id",
    "enrolled_on",
    "patient__id",
    "patient__first_name",
    "patient__last_name",
    "patient__updated_at",
)
"""What the class sheet shows of an enrolment and its patient: the name, and the time of the
patient row's last change that the kept cards are keyed by."""


def class_sheet(training_class: TrainingClass, session: ClassSession) -> Sheet:
    rows = list(training_class.exercises.select_related("exercise"))
    library = list(library_for(training_class.clinic).order_by().values_list("id", "updated_at"))
    enrolments = list(
        training_class.enrolments.select_related("patient")
        .only(*ENROLMENT_FIELDS)
        .order_by("patient__last_name", "patient__first_name", "id")
    )
    latest = latest_assessments((e.patient_id for e in enrolments), ASSESSMENT_FIELDS)
    attendance = _attendance_rows(enrolments)
    history = _registers(attendance, enrolments)
    present = {e: p for s, _c, e, p, _day in attendance if s == session.id}
    loads = {}
    rows_of_loads = ClassLiftLoad.objects.filter(session=session)
    for enrolment_id, exercise_id, kg in rows_of_loads.values_list(
        "enrolment_id", "exercise_id", "kg"
    ):
        loads.setdefault(enrolment_id, {})[exercise_id] = kg
    sheet = Sheet(training_class, session, rows, library, class_week_phase(session.week))
    sheet.participants = [
        Participant(
            sheet=sheet,
            enrolment=enrolment,
            assessment=latest.get(enrolment.patient_id),
            attendance=summarise(history.get(enrolment.id, [])),
            present=present.get(enrolment.id),
            loads=loads.get(enrolment.id, {}),
        )
        for enrolment in enrolments
    ]
    sheet.attendance_percent = class_percent(p.attendance for p in sheet.participants)
    return sheet


def sessions_of(training_class):
    return training_class.sessions.all()
