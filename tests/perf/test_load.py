"""The load test (`bench.load`) against a live gunicorn on the test PostgreSQL database.

16 clients, each logged in through the login form, for 60 seconds over the main pages (patient
list, patient detail, assessment result, program page, library, login page); any error fails.
Skipped without PostgreSQL unless REQUIRE_SERVICES=1.
"""

import os

import pytest
from django.db import connection

from bench import dataset
from bench.load import load_test, main_pages, report
from bench.server import Gunicorn
from tests.integration.processes import database_url
from tests.services import need

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

SECONDS = 60
CLIENTS = 16


@pytest.fixture
def postgres():
    need(connection.vendor == "postgresql", "the load test needs DATABASE_URL=postgres://…")


@pytest.fixture
def data(postgres, library):
    return dataset.seed(patients=300, password="Load-test-2026")


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
        patient_ids=data.assessed_patient_ids,
        assessment_ids=data.assessment_ids,
        program_ids=data.program_ids,
    )
    run = load_test(
        server.url, data.username, data.password, pages, clients=CLIENTS, seconds=SECONDS
    )
    print(report(run))
    assert {page.label for page in pages} == set(run.stats), report(run)
    assert run.errors == 0, f"{report(run)}\ngunicorn log:\n{server.log()[-3000:]}"
