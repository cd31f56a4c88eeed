"""The result page's offer to continue the patient's current program is kept per user by the
assessment and the patient's updated_at: a new program and a new prescription each show on the
next view, and one user's answer is never another's."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from prescriptions.services import prescription_issue
from programs import selectors
from tests.factories import (
    AssessmentFactory,
    MembershipFactory,
    PatientFactory,
    ProgramFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def offered(client, assessment):
    """The program the page offers to continue, or None."""
    response = client.get(reverse("assessment:assessment_detail", args=[assessment.id]))
    assert response.status_code == 200
    html = response.content.decode()
    if 'data-testid="continue-program"' not in html:
        return None
    form = html.split('data-testid="continue-program"')[1].split("</form>")[0]
    return re.search(r'name="program" value="([^"]+)"', form).group(1)


def reads_counted(monkeypatch):
    calls = []
    original = selectors.current_program_ref

    def counting(assessment):
        calls.append(assessment.pk)
        return original(assessment)

    monkeypatch.setattr(selectors, "current_program_ref", counting)
    return calls


@pytest.fixture
def reassessment(clinic, physio, library):
    patient = PatientFactory(clinic=clinic)
    first = AssessmentFactory(
        patient=patient,
        assessed_by=physio,
        assessment_date=timezone.localdate() - timedelta(days=90),
    )
    later = AssessmentFactory(patient=patient, assessed_by=physio)
    return first, later


def test_a_new_program_and_a_prescription_show_on_the_next_view(
    physio_client, physio, reassessment, monkeypatch
):
    first, later = reassessment
    calls = reads_counted(monkeypatch)
    assert offered(physio_client, later) is None
    assert offered(physio_client, later) is None
    assert len(calls) == 1  # the second view from the cache

    older = ProgramFactory(assessment=first, created_by=physio)
    assert offered(physio_client, later) == str(older.id)
    newer = ProgramFactory(assessment=first, created_by=physio)
    assert offered(physio_client, later) == str(newer.id)  # the newest, none prescribed

    prescription_issue(program=older, issued_by=physio)
    assert offered(physio_client, later) == str(older.id)  # the prescribed one
    prescription_issue(program=newer, issued_by=physio)  # supersedes the older's prescription
    assert offered(physio_client, later) == str(newer.id)


def test_a_colleague_never_gets_another_users_answer(
    physio_client, physio, clinic, reassessment, monkeypatch
):
    first, later = reassessment
    program = ProgramFactory(assessment=first, created_by=physio)
    calls = reads_counted(monkeypatch)
    assert offered(physio_client, later) == str(program.id)
    assert offered(physio_client, later) == str(program.id)
    assert len(calls) == 1
    colleague = Client()
    colleague.force_login(MembershipFactory(clinic=clinic, user=UserFactory()).user)
    assert offered(colleague, later) == str(program.id)
    assert len(calls) == 2  # read for the colleague, not taken from the first user's key
