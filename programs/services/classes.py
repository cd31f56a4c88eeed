"""Group training: a class and its program, its sessions, enrolment and attendance.

A class program is copied from a clinic template, or generated for a target category in the
supervised setting (without a patient's inputs, so from the category alone, as §5 allows). Each
participant's version of it is never stored: the class sheet adapts it to their latest
assessment whenever it is shown (programs.domain.class_sheet)."""

from datetime import date, time

from django.db import transaction
from django.utils.translation import gettext as _

from assessment.models import Patient
from osteoactive.domain.categories import Category
from osteoactive.errors import ServiceError

from ..domain.classes import session_dates
from ..domain.generation import generate_program
from ..domain.request import ProgramRequest
from ..models import (
    Attendance,
    ClassExercise,
    ClassLiftLoad,
    ClassSession,
    Enrolment,
    ProgramTemplate,
    TrainingClass,
)
from .programs import clinic_library, item_fields


def _program_rows(training_class, *, template, target_category):
    if template is not None:
        return [
            ClassExercise(
                training_class=training_class,
                exercise=row.exercise,
                position=row.position,
                domain=row.domain,
                days_per_week=row.days_per_week,
                phases=row.phases,
            )
            for row in template.items.select_related("exercise")
        ]
    exercises = clinic_library(training_class.clinic)
    request = ProgramRequest(category=Category(target_category), setting="supervised")
    generated = generate_program(request, [e.spec() for e in exercises.values()])
    rows = []
    for number, item in enumerate(generated.items):
        fields = item_fields(item)
        rows.append(
            ClassExercise(
                training_class=training_class,
                exercise=exercises[item.key],
                position=number,
                domain=fields["domain"],
                days_per_week=fields["days_per_week"],
                phases=fields["phases"],
            )
        )
    return rows


@transaction.atomic
def class_create(
    *,
    clinic,
    created_by,
    name: str,
    weekdays: list[int],
    start_time: time,
    start_date: date,
    weeks: int = 26,
    capacity: int = 12,
    place: str = "",
    instructors=(),
    template: ProgramTemplate | None = None,
    target_category: str = "",
) -> TrainingClass:
    if (template is None) == (not target_category):
        raise ServiceError(
            _("Choose either a clinic template or a target category for the class program."),
            code="program_source",
        )
    if template is not None and template.clinic_id != clinic.id:
        raise ServiceError(_("Choose one of the clinic's templates."), code="template")
    try:
        planned = session_dates(start_date, weekdays, weeks)
    except ValueError:
        raise ServiceError(_("Choose at least one weekday."), code="weekdays") from None
    training_class = TrainingClass.objects.create(
        clinic=clinic,
        created_by=created_by,
        name=" ".join(name.split()),
        weekdays=sorted(set(weekdays)),
        start_time=start_time,
        start_date=start_date,
        weeks=weeks,
        capacity=capacity,
        place=place,
        target_category=target_category if template is None else template.category,
        template_name=template.name if template is not None else "",
    )
    training_class.instructors.set(instructors)
    ClassExercise.objects.bulk_create(
        _program_rows(training_class, template=template, target_category=target_category)
    )
    ClassSession.objects.bulk_create(
        ClassSession(
            training_class=training_class,
            number=s.number,
            week=s.week,
            date=s.date,
            start_time=start_time,
        )
        for s in planned
    )
    return training_class


@transaction.atomic
def session_change(
    *, session: ClassSession, cancelled: bool, day: date | None = None, start: time | None = None
) -> ClassSession:
    """Cancel a session (or take a cancellation back), or move it to another day or time."""
    if day is not None and day != session.date:
        session.moved_from = session.moved_from or session.date
        session.date = day
    if start is not None:
        session.start_time = start
    session.cancelled = cancelled
    session.save()
    return session


@transaction.atomic
def enrol(*, training_class: TrainingClass, patient: Patient, enrolled_by, on: date) -> Enrolment:
    if patient.clinic_id != training_class.clinic_id:
        raise ServiceError(_("Choose one of the clinic's patients."), code="patient")
    if training_class.enrolments.filter(patient=patient).exists():
        raise ServiceError(_("The patient is already in this class."), code="enrolled")
    if training_class.enrolments.count() >= training_class.capacity:
        raise ServiceError(_("The class is full."), code="full")
    return Enrolment.objects.create(
        training_class=training_class, patient=patient, enrolled_on=on, enrolled_by=enrolled_by
    )


@transaction.atomic
def attendance_toggle(*, session: ClassSession, enrolment: Enrolment, recorded_by) -> Attendance:
    """A tap registers the participant as present; a second tap as absent, and so on."""
    if session.cancelled:
        raise ServiceError(_("The session is cancelled."), code="cancelled")
    if enrolment.training_class_id != session.training_class_id:
        raise ServiceError(_("The patient is not in this class."), code="not_enrolled")
    row = Attendance.objects.filter(session=session, enrolment=enrolment).first()
    if row is None:
        return Attendance.objects.create(
            session=session, enrolment=enrolment, present=True, recorded_by=recorded_by
        )
    row.present = not row.present
    row.recorded_by = recorded_by
    row.save()
    return row


@transaction.atomic
def class_lift_load_record(*, session, enrolment, exercise, kg, recorded_by) -> ClassLiftLoad:
    """One load per lift, participant and session; a second entry corrects it."""
    row, _created = ClassLiftLoad.objects.update_or_create(
        session=session,
        enrolment=enrolment,
        exercise=exercise,
        defaults={"kg": kg, "recorded_by": recorded_by},
    )
    return row
