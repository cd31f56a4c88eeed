"""The program page's header, its notes and its picker are fragments cached per user by what
they show: a change to the patient, the program or its assessment shows on the next view, the
issue button (with its CSRF token and today's date) is rendered on every view, and nothing is
shared with a colleague."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from assessment.models import Patient
from assessment.services import assessment_void, patient_update
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def page(client, program) -> str:
    response = client.get(reverse("programs:program_detail", args=[program.id]))
    assert response.status_code == 200
    return response.content.decode()


def head(text) -> str:
    return text[text.index('<nav aria-label="breadcrumb">') : text.index('id="program-editor"')]


def test_a_renamed_patient_shows_on_the_next_view(physio_client, program):
    patient = program.assessment.patient
    assert patient.full_name in head(page(physio_client, program))
    patient_update(patient=patient, first_name="Birthe")
    text = head(page(physio_client, program))
    assert "Birthe " + patient.last_name in text


def test_a_voided_assessment_flags_the_program_on_the_next_view(physio_client, physio, program):
    first = page(physio_client, program)
    assert 'data-testid="issue"' in first and 'data-testid="program-review"' not in first
    assessment_void(assessment=program.assessment, voided_by=physio, reason="Forkert patient")
    text = page(physio_client, program)
    assert 'data-testid="program-review"' in text and 'data-testid="issue"' not in text


def test_the_language_is_part_of_the_key(physio_client, program):
    assert "Tilføj en øvelse" in page(physio_client, program)
    physio_client.post(reverse("set_language"), {"language": "en", "next": "/"})
    text = page(physio_client, program)
    assert "Add an exercise" in text and "Tilføj en øvelse" not in text


def test_a_colleague_never_gets_anothers_fragment(physio_client, program, clinic):
    patient = program.assessment.patient
    before = patient.full_name
    assert before in head(page(physio_client, program))
    # A change that does not raise updated_at: only a fragment rendered anew shows it.
    Patient.objects.filter(pk=patient.pk).update(first_name="Kollegas")
    assert before in head(page(physio_client, program))  # this user's, from the cache
    colleague = Client()
    colleague.force_login(MembershipFactory(clinic=clinic, user=UserFactory()).user)
    assert "Kollegas " + patient.last_name in head(page(colleague, program))


def test_the_issue_button_posts_with_each_sessions_token(physio, program):
    """The cached header holds no token; the issue form beside it is rendered on every view."""
    for _session in range(2):
        browser = Client(enforce_csrf_checks=True)
        browser.force_login(physio)
        text = page(browser, program)
        before_issue = text[: text.index('class="issue-form"')]
        assert "csrfmiddlewaretoken" not in before_issue[before_issue.index("<main") :]
        issue = text[text.index('class="issue-form"') :]
        response = browser.post(
            reverse("prescriptions:prescription_issue", args=[program.id]),
            {"csrfmiddlewaretoken": TOKEN.search(issue)[1]},
        )
        assert response.status_code == 302
