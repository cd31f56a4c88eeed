"""Request size limits, `Cache-Control: no-store` on pages with health data, and the client
address behind a trusted proxy."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import reverse

from osteoactive.models import AuditEvent
from osteoactive.proxies import client_address
from tests.factories import PatientFactory

pytestmark = pytest.mark.django_db


def test_a_large_anonymous_post_is_refused_unread(client, settings):
    body = SimpleUploadedFile("big.bin", b"\0" * (settings.MAX_ANONYMOUS_REQUEST_BODY_BYTES + 1))
    response = client.post(reverse("login"), {"username": "x", "password": "y", "f": body})
    assert response.status_code == 413


def test_a_large_urlencoded_anonymous_post_is_refused(client):
    response = client.post(
        reverse("login"), "username=x&password=" + "y" * 200_000,
        content_type="application/x-www-form-urlencoded",
    )  # fmt: skip
    assert response.status_code == 413


def test_an_ordinary_login_post_passes(client, physio, password):
    response = client.post(reverse("login"), {"username": "physio", "password": password})
    assert response.status_code == 302


def test_signed_in_uploads_are_limited_too(admin_client_clinic, settings):
    settings.MAX_REQUEST_BODY_BYTES = 100_000
    upload = SimpleUploadedFile("logo.png", b"\x89PNG" + b"\0" * 200_000, "image/png")
    response = admin_client_clinic.post(reverse("clinic_settings"), {"name": "x", "logo": upload})
    assert response.status_code == 413


def test_django_limits_are_set(settings):
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 2_621_440
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= 2_621_440
    assert settings.MAX_ANONYMOUS_REQUEST_BODY_BYTES <= 64 * 1024


@pytest.mark.parametrize(
    "name", ["assessment:patient_list", "assessment:patient_create", "programs:library_list",
             "login"],
)  # fmt: skip
def test_pages_are_not_stored_by_caches(physio_client, name):
    assert "no-store" in physio_client.get(reverse(name))["Cache-Control"]


def test_patient_pages_are_not_stored_by_caches(physio_client, clinic):
    patient = PatientFactory(clinic=clinic)
    for name in ("patient_detail", "patient_edit", "assessment_create"):
        response = physio_client.get(reverse(f"assessment:{name}", args=[patient.id]))
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"], name


def test_without_a_trusted_proxy_x_forwarded_for_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6")
    assert client_address(request) == "10.0.0.2"


@pytest.mark.parametrize(
    "forwarded,expected",
    [("203.0.113.7", "203.0.113.7"), ("6.6.6.6, 203.0.113.7", "203.0.113.7"), ("", "10.0.0.2"),
     ("not-an-address", "10.0.0.2")],
)  # fmt: skip
def test_behind_one_proxy_its_entry_is_used(settings, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


def test_the_audit_log_records_the_client_behind_the_proxy(physio_client, clinic, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    patient = PatientFactory(clinic=clinic)
    physio_client.get(
        reverse("assessment:patient_detail", args=[patient.id]),
        REMOTE_ADDR="172.18.0.5", HTTP_X_FORWARDED_FOR="203.0.113.7",
    )  # fmt: skip
    assert AuditEvent.objects.get(patient_id=patient.id, action="view").address == "203.0.113.7"
