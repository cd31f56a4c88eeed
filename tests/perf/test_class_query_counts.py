"""Queries of the class sheet and the outcome panels: pinned, and the same with 10 or 200
participants behind them (each with a baseline and a 12-week assessment, attendance taken at
three sessions, events and adherence)."""

from datetime import timedelta

import pytest
from django.urls import reverse

from assessment.domain.parsing import parse_assessment
from assessment.events import adherence_record, event_record
from assessment.services import assessment_create
from programs.services.classes import attendance_toggle, enrol
from tests.factories import PatientFactory, TrainingClassFactory

pytestmark = pytest.mark.django_db

# Session, user, then the page's own reads, and the audit row of the view.
CLASS_SHEET = 10
CLASS_OUTCOMES = 9
CLINIC_OUTCOMES = 8  # counts only: no audit row


@pytest.fixture
def count(physio_client, django_assert_max_num_queries):
    def measure(url, pinned):
        physio_client.get(url)
        with django_assert_max_num_queries(pinned) as captured:
            response = physio_client.get(url)
        assert response.status_code == 200, url
        return len(captured)

    return measure


def add_participants(
    training_class, physio, number, categories=("hverdagsaktiv", "traeningsaktiv")
):
    start = training_class.start_date
    sessions = list(training_class.sessions.all()[:3])
    for n, patient in enumerate(PatientFactory.create_batch(number, clinic=training_class.clinic)):
        for days, tug in ((-5, 12.0), (80, 10.5)):
            day = start + timedelta(days=days)
            inputs = {
                "assessment_date": day.isoformat(), "birth_date": patient.birth_date.isoformat(),
                "sex": patient.sex, "t_scores": {"lumbar_spine": -2.7 if n % 2 else -3.2},
                "tug_seconds": tug, "sts5_seconds": 11.0, "tandem_seconds": 30.0,
                "tandem_max_seconds": 30, "walking_aid": "none" if n % 3 else "rollator",
                "falls_last_12_months": n % 3, "pain_nrs": 8 if n % 4 == 0 else 2,
                "regular_training": bool(n % 2),
            }  # fmt: skip
            assessment = assessment_create(
                patient=patient, assessed_by=physio, inputs=parse_assessment(inputs, today=day)
            )
        adherence_record(
            assessment=assessment, recorded_by=physio, planned_per_week=3, done_per_week=[3, 2]
        )
        enrolment = enrol(
            training_class=training_class, patient=patient, enrolled_by=physio, on=start
        )
        for session in sessions[: n % 4]:
            attendance_toggle(session=session, enrolment=enrolment, recorded_by=physio)
        if n % 5 == 0:
            event_record(
                patient=patient,
                recorded_by=physio,
                kind="fall",
                day=start + timedelta(days=10),
                today=start + timedelta(days=100),
            )


def test_class_sheet_and_outcome_panels_stay_flat_from_10_to_200_participants(
    count, clinic, physio, library
):
    from django.utils import timezone

    training_class = TrainingClassFactory(
        clinic=clinic, created_by=physio, start_date=timezone.localdate() - timedelta(days=120)
    )
    session = training_class.sessions.all()[2]
    sheet = reverse("programs:class_sheet", args=[session.id])
    outcomes = reverse("programs:class_outcomes", args=[training_class.id])
    start = training_class.start_date - timedelta(days=30)
    clinic_url = (
        reverse("programs:clinic_outcomes")
        + f"?start={start.isoformat()}&end={timezone.localdate().isoformat()}"
    )
    add_participants(training_class, physio, 10)
    few = (
        count(sheet, CLASS_SHEET),
        count(outcomes, CLASS_OUTCOMES),
        count(clinic_url, CLINIC_OUTCOMES),
    )
    add_participants(training_class, physio, 190)
    many = (
        count(sheet, CLASS_SHEET),
        count(outcomes, CLASS_OUTCOMES),
        count(clinic_url, CLINIC_OUTCOMES),
    )
    assert few == many == (CLASS_SHEET, CLASS_OUTCOMES, CLINIC_OUTCOMES)
