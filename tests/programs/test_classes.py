"""Group training through its services and pages: a class and its sessions, enrolment with each
participant's safe alternatives on the class sheet, attendance, events and the outcome panel."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from assessment.models import Assessment
from osteoactive.errors import ServiceError
from osteoactive.models import AuditEvent
from programs.models import Attendance, ClassSession
from programs.services.classes import attendance_toggle, class_create, enrol, session_change
from tests.factories import (
    AdherenceFactory,
    AssessmentFactory,
    EnrolmentFactory,
    PatientEventFactory,
    PatientFactory,
    ProgramTemplateFactory,
    TrainingClassFactory,
)
from tests.support.assessment_form import assessment_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def training_class(clinic, physio, library):
    return TrainingClassFactory(clinic=clinic, created_by=physio)


def test_a_26_week_class_three_times_a_week_has_78_sessions_and_a_program(training_class):
    assert training_class.sessions.count() == 78
    assert training_class.exercises.count() >= 6
    assert training_class.sessions.last().week == 26


def test_a_class_program_from_a_template_copies_its_exercises(clinic, physio, program):
    template = ProgramTemplateFactory(program=program, created_by=physio)
    made = class_create(
        clinic=clinic, created_by=physio, name="Fra skabelon", weekdays=[1],
        start_time=datetime.time(9), start_date=datetime.date(2027, 1, 5), weeks=12,
        template=template,
    )  # fmt: skip
    assert made.exercises.count() == template.items.count()
    assert made.template_name == template.name and made.sessions.count() == 12


def test_a_class_needs_one_program_source(clinic, physio):
    with pytest.raises(ServiceError):
        class_create(
            clinic=clinic, created_by=physio, name="x", weekdays=[1],
            start_time=datetime.time(9), start_date=datetime.date(2027, 1, 5),
        )  # fmt: skip


def test_enrolment_refuses_a_full_class_another_clinic_and_twice(
    training_class, physio, other_clinic
):
    training_class.capacity = 1
    training_class.save()
    patient = PatientFactory(clinic=training_class.clinic)
    enrol(
        training_class=training_class,
        patient=patient,
        enrolled_by=physio,
        on=training_class.start_date,
    )
    for other in (
        patient,
        PatientFactory(clinic=training_class.clinic),
        PatientFactory(clinic=other_clinic),
    ):
        with pytest.raises(ServiceError):
            enrol(
                training_class=training_class,
                patient=other,
                enrolled_by=physio,
                on=training_class.start_date,
            )


def test_attendance_toggles_and_a_cancelled_session_refuses(training_class, physio):
    enrolment = EnrolmentFactory(training_class=training_class)
    session = training_class.sessions.first()
    assert attendance_toggle(session=session, enrolment=enrolment, recorded_by=physio).present
    assert not attendance_toggle(session=session, enrolment=enrolment, recorded_by=physio).present
    moved = session_change(
        session=session, cancelled=True, day=session.date + datetime.timedelta(days=1)
    )
    assert moved.moved_from is not None and moved.cancelled
    with pytest.raises(ServiceError):
        attendance_toggle(session=session, enrolment=enrolment, recorded_by=physio)


def test_a_refused_tap_brings_the_whole_sheet_back_with_its_message(physio_client, training_class):
    enrolment = EnrolmentFactory(training_class=training_class)
    session = training_class.sessions.first()
    session_change(session=session, cancelled=True, day=session.date)
    toggle = reverse("programs:attendance_toggle", args=[session.id, enrolment.id])
    sheet = reverse("programs:class_sheet", args=[session.id])
    tapped = physio_client.post(toggle, HTTP_HX_REQUEST="true")
    assert tapped.status_code == 200 and tapped["HX-Redirect"] == sheet
    assert tapped.content == b""
    assert physio_client.post(toggle)["Location"] == sheet
    assert not Attendance.objects.filter(enrolment=enrolment).exists()


def enrol_categories(training_class, categories):
    found = []
    for category in categories:
        assessment = AssessmentFactory(category=category, patient__clinic=training_class.clinic)
        found.append(EnrolmentFactory(training_class=training_class, patient=assessment.patient))
    return found


def test_the_class_sheet_shows_each_participants_alternatives_and_flags(
    physio_client, training_class
):
    enrol_categories(
        training_class, ["akutfase", "funktionsbegraenset", "hverdagsaktiv", "traeningsaktiv"]
    )
    EnrolmentFactory(training_class=training_class)  # not assessed yet
    session = training_class.sessions.first()
    page = physio_client.get(reverse("programs:class_sheet", args=[session.id]))
    assert page.status_code == 200
    html = page.content.decode()
    assert html.count('data-testid="participant"') == 5
    assert 'data-how="rung"' in html or 'data-how="pattern"' in html or 'data-how="none"' in html
    assert AuditEvent.objects.filter(action="view", object_type="classsession").exists()


def test_tapping_the_register_through_htmx_redraws_the_button(physio_client, training_class):
    enrolment = EnrolmentFactory(training_class=training_class)
    session = training_class.sessions.first()
    url = reverse("programs:attendance_toggle", args=[session.id, enrolment.id])
    response = physio_client.post(url, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "btn-success" in response.content.decode()
    assert Attendance.objects.get().present


def test_three_missed_in_a_row_are_flagged_gently(physio_client, training_class, physio):
    came, _missed = (
        EnrolmentFactory(training_class=training_class),
        EnrolmentFactory(training_class=training_class),
    )
    sessions = list(training_class.sessions.all()[:3])
    for session in sessions:
        attendance_toggle(session=session, enrolment=came, recorded_by=physio)
    page = physio_client.get(
        reverse("programs:class_sheet", args=[sessions[2].id])
    ).content.decode()
    assert page.count('data-testid="missed-flag"') == 1
    detail = physio_client.get(
        reverse("programs:class_detail", args=[training_class.id])
    ).content.decode()
    assert "100 %" in detail and "0 %" in detail


def test_a_recorded_fall_and_fracture_prefill_the_reassessment(physio_client, physio, patient):
    AssessmentFactory(
        patient=patient, assessment_date=timezone.localdate() - datetime.timedelta(days=90)
    )
    today = timezone.localdate()
    physio_client.post(
        reverse("assessment:event_create", args=[patient.id]),
        {
            "kind": "fall",
            "date": (today - datetime.timedelta(days=20)).isoformat(),
            "injurious": "on",
        },
    )
    physio_client.post(
        reverse("assessment:event_create", args=[patient.id]),
        {
            "kind": "fracture",
            "date": (today - datetime.timedelta(days=15)).isoformat(),
            "site": "vertebral",
            "low_energy": "on",
        },
    )
    assert patient.events.count() == 2
    form = physio_client.get(
        reverse("assessment:assessment_create", args=[patient.id])
    ).content.decode()
    assert 'data-testid="from-events-falls_last_12_months"' in form
    assert 'data-testid="fracture-from-events"' in form
    data = assessment_form(csrf_token=None)
    del data["csrfmiddlewaretoken"]
    data.update({
        "falls_last_12_months": "1", "injurious_fall": "on",
        "fractures-TOTAL_FORMS": "1", "fractures-INITIAL_FORMS": "0",
        "fractures-0-site": "vertebral", "fractures-0-date": (today - datetime.timedelta(days=15)).isoformat(),
        "fractures-0-low_energy": "on",
    })  # fmt: skip
    physio_client.post(reverse("assessment:assessment_create", args=[patient.id]), data)
    latest = Assessment.objects.filter(patient=patient).order_by("-created_at").first()
    assert latest.final_category == "akutfase"


def test_the_event_date_cannot_be_in_the_future(physio_client, patient):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    page = physio_client.post(
        reverse("assessment:event_create", args=[patient.id]),
        {"kind": "fall", "date": tomorrow.isoformat()},
    )
    assert page.status_code == 200 and patient.events.count() == 0


def test_adherence_is_entered_and_shown_with_attendance(physio_client, patient):
    assessment = AssessmentFactory(patient=patient)
    url = reverse("assessment:adherence_edit", args=[assessment.id])
    physio_client.post(url, {"planned_per_week": "3", "done_per_week": "3, 2, 3, 1"})
    assert assessment.adherence.percent == 75
    page = physio_client.get(
        reverse("assessment:patient_detail", args=[patient.id])
    ).content.decode()
    assert "75 %" in page


def test_the_outcome_panels_count_change_and_events(physio_client, training_class):
    start = training_class.start_date
    enrolment = EnrolmentFactory(training_class=training_class)
    AssessmentFactory(
        patient=enrolment.patient,
        assessment_date=start - datetime.timedelta(days=90),
        tug_seconds=14.0,
    )
    AssessmentFactory(patient=enrolment.patient, assessment_date=start, tug_seconds=12.0)
    PatientEventFactory(patient=enrolment.patient, day=start)
    AdherenceFactory(assessment=enrolment.patient.assessments.last())
    page = physio_client.get(reverse("programs:class_outcomes", args=[training_class.id]))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'data-testid="change-table-12w"' in html and "<svg" in html
    clinic = physio_client.get(
        reverse("programs:clinic_outcomes"),
        {"start": (start - datetime.timedelta(days=100)).isoformat(), "end": start.isoformat()},
    )
    assert clinic.status_code == 200
    assert 'data-testid="participants-count">1<' in clinic.content.decode()


def test_class_pages_answer(physio_client, training_class):
    session = training_class.sessions.first()
    for url in (
        reverse("programs:class_list"), reverse("programs:class_create"),
        reverse("programs:class_detail", args=[training_class.id]),
        reverse("programs:session_edit", args=[session.id]),
    ):  # fmt: skip
        assert physio_client.get(url).status_code == 200, url
    response = physio_client.post(
        reverse("programs:class_create"),
        {"name": "Tirsdagshold", "weekdays": ["1", "3"], "start_time": "10:00",
         "start_date": "2027-01-05", "weeks": "26", "capacity": "12", "target_category": "hverdagsaktiv"},
    )  # fmt: skip
    assert response.status_code == 302
    assert ClassSession.objects.filter(training_class__name="Tirsdagshold").count() == 52


def test_a_hirit_participant_gets_the_load_log_on_a_traeningsaktiv_class(
    physio_client, clinic, physio, library
):
    from programs.models import ClassLiftLoad
    from tests.factories import hirit_program

    training_class = TrainingClassFactory(
        clinic=clinic, created_by=physio, target_category="traeningsaktiv"
    )
    program = hirit_program(patient__clinic=clinic, assessed_by=physio)
    enrolment = EnrolmentFactory(training_class=training_class, patient=program.assessment.patient)
    EnrolmentFactory(
        training_class=training_class,
        patient=AssessmentFactory(category="hverdagsaktiv", patient__clinic=clinic).patient,
    )
    session = training_class.sessions.all()[20]
    page = physio_client.get(reverse("programs:class_sheet", args=[session.id])).content.decode()
    assert page.count('data-testid="lift-log"') == 1
    heavy = next(
        row.exercise
        for row in training_class.exercises.select_related("exercise")
        if row.exercise.needs_supervision
    )
    url = reverse("programs:class_load", args=[session.id, enrolment.id])
    physio_client.post(url, {"exercise": str(heavy.id), "kg": "42.5"})
    physio_client.post(url, {"exercise": str(heavy.id), "kg": "45"})
    assert [str(load.kg) for load in ClassLiftLoad.objects.all()] == ["45.0"]
