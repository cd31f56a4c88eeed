"""The result page caches its summary and program list; every change they show is seen at once."""

import re

import pytest
from django.urls import reverse

from assessment.models import Assessment
from tests.factories import PatientFactory
from tests.support.assessment_form import create_url, valid_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def assessment(physio_client, clinic, library):
    patient = PatientFactory(clinic=clinic, first_name="Inger", last_name="Holm")
    physio_client.post(create_url(patient), valid_post())
    return Assessment.objects.get(patient=patient)


def page(client, assessment):
    return client.get(
        reverse("assessment:assessment_detail", args=[assessment.id])
    ).content.decode()


def without_csrf_tokens(html):
    """Each response masks the CSRF token anew."""
    return re.sub(r'(csrfmiddlewaretoken" value=|X-CSRFToken": )"[^"]+"', r"\1", html)


def test_second_view_reads_no_programs_and_shows_the_same(
    physio_client, assessment, django_assert_num_queries
):
    page(physio_client, assessment)  # shows and so ends the "saved" message
    first = page(physio_client, assessment)
    # session, user, assessment, audit row (the program a reassessment would continue is kept
    # by the patient's updated_at, which every change of the patient's assessments, programs
    # and prescriptions raises)
    with django_assert_num_queries(4):
        second = page(physio_client, assessment)
    assert without_csrf_tokens(second) == without_csrf_tokens(first)


def test_a_new_program_is_listed_at_once(physio_client, assessment):
    assert "/programs/" not in page(physio_client, assessment)
    response = physio_client.post(
        reverse("programs:program_generate", args=[assessment.id]), {"setting": "home"}
    )
    program_url = response["Location"]
    assert program_url.startswith("/programs/")
    assert program_url in page(physio_client, assessment)


def test_override_and_renamed_patient_show_at_once(physio_client, assessment):
    assert "Holm, Inger" not in page(physio_client, assessment)
    assert "Inger Holm" in page(physio_client, assessment)
    physio_client.post(
        reverse("assessment:assessment_override", args=[assessment.id]),
        {"category": "hverdagsaktiv", "reason": "Klinisk vurdering"},
    )
    patient = assessment.patient
    patient.first_name = "Ingrid"
    patient.save()
    shown = page(physio_client, assessment)
    assert "Ingrid Holm" in shown and "Inger Holm" not in shown
    assert 'data-testid="final-category">Hverdagsaktiv<' in shown
    assert "Klinisk vurdering" in shown


def test_each_language_has_its_own_summary(physio_client, assessment):
    danish = page(physio_client, assessment)
    physio_client.cookies["django_language"] = "en"
    english = page(physio_client, assessment)
    assert "Foreslået kategori" in danish and "Suggested category" in english
    assert "Suggested category" not in danish
    assert "(foreslået)</option>" in danish and "(suggested)</option>" in english
