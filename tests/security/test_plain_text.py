"""Control characters (NUL first of all) in any text are a field error, never a 500: PostgreSQL
refuses NUL in text, so on it they used to end the request."""

import importlib
import inspect

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.urls import reverse

from assessment.models import Assessment
from tests.factories import PatientFactory

pytestmark = pytest.mark.django_db

FORM_MODULES = ["assessment.forms", "programs.forms", "osteoactive.forms"]


def app_forms():
    for name in FORM_MODULES:
        module = importlib.import_module(name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__:
                yield cls


@pytest.mark.parametrize("form_class", list(app_forms()), ids=lambda cls: cls.__name__)
def test_every_form_of_the_app_refuses_control_characters(form_class):
    from osteoactive.plain_text import PlainTextFields

    assert issubclass(form_class, PlainTextFields)


@pytest.mark.parametrize("text", ["a\x00b", "bell\x07", "escape\x1b[31m", "c1\x85c1"])
def test_patient_search_with_control_characters_is_a_field_error(physio_client, clinic, text):
    PatientFactory(clinic=clinic, last_name="Holm")
    response = physio_client.post(reverse("assessment:patient_list"), {"q": text})
    assert response.status_code == 200
    assert response.context["search_form"].errors["q"]


def test_gdpr_search_with_nul_is_a_field_error(admin_client_clinic):
    response = admin_client_clinic.post(reverse("assessment:gdpr_patients"), {"q": "x\x00"})
    assert response.status_code == 200
    assert response.context["search_form"].errors["q"]


def test_library_search_with_nul_is_a_field_error(physio_client, library):
    response = physio_client.get(reverse("programs:library_list"), {"q": "squat\x00"})
    assert response.status_code == 200
    assert response.context["search_form"].errors["q"]


def test_override_reason_with_nul_is_refused(physio_client, patient, physio):
    assessment = Assessment.objects.create(
        patient=patient, assessed_by=physio, assessment_date="2026-11-01", inputs={},
        result={}, ruleset="DK-2026.1", suggested_category="hverdagsaktiv",
        final_category="hverdagsaktiv",
    )  # fmt: skip
    response = physio_client.post(
        reverse("assessment:assessment_override", args=[assessment.id]),
        {"category": "traeningsaktiv", "reason": "reason\x00"},
    )
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.final_category == "hverdagsaktiv" and assessment.override_reason == ""
    assert [m.level_tag for m in get_messages(response.wsgi_request)] == ["error"]


def test_patient_notes_with_a_control_character_are_a_field_error(physio_client):
    response = physio_client.post(
        reverse("assessment:patient_create"),
        {"first_name": "Ole", "last_name": "Bjerg", "birth_date": "1950-01-01", "sex": "male",
         "handout_language": "da", "contact_notes": "ring efter kl. 10\x1b"},
    )  # fmt: skip
    assert response.status_code == 200
    assert response.context["form"].errors["contact_notes"]


def test_tabs_and_line_breaks_are_plain_text(physio_client):
    response = physio_client.post(
        reverse("assessment:patient_create"),
        {"first_name": "Ole", "last_name": "Bjerg", "birth_date": "1950-01-01", "sex": "male",
         "handout_language": "da", "contact_notes": "linje 1\r\nlinje 2\tog tab"},
    )  # fmt: skip
    assert response.status_code == 302
