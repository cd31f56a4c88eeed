"""The load test (`tests.support.loadtest`) against a live gunicorn on the test PostgreSQL database.

16 clients, each logged in through the login form, for 20 seconds over the main pages (patient
list, patient detail, assessment result, program page, library, login page); any error fails.
Skipped without PostgreSQL unless REQUIRE_SERVICES=1. `python -m bench.load` runs the same test
on a bench database with 10,000 patients.
"""

import os
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.db import connection
from django.utils import timezone

from osteoactive.domain.categories import Category
from tests.factories import (
    PASSWORD,
    AssessmentFactory,
    ClinicFactory,
    MembershipFactory,
    PatientFactory,
    ProgramFactory,
    UserFactory,
)
from tests.integration.processes import database_url
from tests.services import need
from tests.support.gunicorn import Gunicorn
from tests.support.loadtest import load_test, main_pages, report

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

SECONDS = 20
CLIENTS = 16


@pytest.fixture
def postgres():
    need(connection.vendor == "postgresql", "the load test needs DATABASE_URL=postgres://…")


@pytest.fixture
def data(postgres, library):
    """300 patients; 12 of them with three assessments four months apart (every category
    among them), the latest six with a program."""
    clinic = ClinicFactory(name="Last Fysioterapi")
    user = MembershipFactory(clinic=clinic, user=UserFactory(username="load-fysio")).user
    patients = PatientFactory.create_batch(300, clinic=clinic)
    categories = [category.value for category in Category]
    today = timezone.localdate()
    latest = []
    for number, patient in enumerate(patients[:12]):
        for step in range(3):
            assessment = AssessmentFactory(
                patient=patient,
                assessed_by=user,
                assessment_date=today - timedelta(days=120 * (2 - step)),
                category=categories[(number + step) % len(categories)],
            )
        latest.append(assessment)
    programs = [
        ProgramFactory(assessment=assessment, equipment=["band", "dumbbells"])
        for assessment in latest[:6]
    ]
    return SimpleNamespace(
        username=user.username,
        password=PASSWORD,
        patient_ids=[patient.pk for patient in patients[:12]],
        assessment_ids=[assessment.pk for assessment in latest],
        program_ids=[program.pk for program in programs],
    )


@pytest.fixture
def server(data, settings, tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("CELERY_BROKER_URL", "REDIS_URL")},
        "DJANGO_SETTINGS_MODULE": "osteoactive.settings.test",
        "DJANGO_DEBUG": "false",
        "DATABASE_URL": database_url(),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    with Gunicorn(env=env, log_path=tmp_path / "gunicorn.log", workers=3) as running:
        yield running


def test_main_pages_under_load_give_no_errors(server, data):
    pages = main_pages(
        patient_ids=data.patient_ids,
        assessment_ids=data.assessment_ids,
        program_ids=data.program_ids,
    )
    run = load_test(
        server.url, data.username, data.password, pages, clients=CLIENTS, seconds=SECONDS
    )
    print(report(run))
    assert {page.label for page in pages} == set(run.stats), report(run)
    assert run.errors == 0, f"{report(run)}\ngunicorn log:\n{server.log()[-3000:]}"
