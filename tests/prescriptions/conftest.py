import pytest
from django.urls import reverse

from assessment.models import Assessment
from programs.library import load_default_library
from programs.models import Program
from tests.factories import PatientFactory


@pytest.fixture
def library(db):
    load_default_library()


@pytest.fixture
def patient(clinic):
    return PatientFactory(clinic=clinic, first_name="Åse", last_name="Ørbæk")


@pytest.fixture
def program(physio, patient, library):
    from programs.services import program_generate

    assessment = Assessment.objects.create(
        patient=patient,
        assessed_by=physio,
        assessment_date="2026-11-01",
        inputs={"fractures": []},
        result={
            "fall_prevention_focus": False,
            "underlying_category": None,
            "acute_phase_ends": None,
        },
        ruleset="DK-2026.1",
        suggested_category="hverdagsaktiv_med_hensyn",
        final_category="hverdagsaktiv_med_hensyn",
    )
    return program_generate(assessment=assessment, created_by=physio, setting="home", equipment=[])


@pytest.fixture
def issue(physio_client, django_capture_on_commit_callbacks):
    """Issues the program through the view; handout tasks run when `render` is true."""

    def run(program: Program, render=True):
        with django_capture_on_commit_callbacks(execute=render) as callbacks:
            response = physio_client.post(
                reverse("prescriptions:prescription_issue", args=[program.id])
            )
        assert response.status_code == 302
        return program.prescriptions.order_by("-version").first(), callbacks

    return run
