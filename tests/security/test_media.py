"""Handout PDFs and pictures are served only by views that check the clinic; nothing under
MEDIA_ROOT has a URL of its own, with DEBUG on (as `make run` starts the app) or off."""

import importlib
import io

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import clear_url_caches, reverse
from PIL import Image

from assessment.models import Assessment
from prescriptions.models import Handout, Prescription
from programs.models import Program
from tests.factories import PatientFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def debug_urls(settings):
    """The URL configuration as `make run` builds it (DJANGO_DEBUG=true)."""
    import osteoactive.urls

    settings.DEBUG = True
    importlib.reload(osteoactive.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(osteoactive.urls)
    clear_url_caches()


@pytest.fixture
def other_clinics_handout(other_clinic, other_physio):
    patient = PatientFactory(clinic=other_clinic)
    assessment = Assessment.objects.create(
        patient=patient, assessed_by=other_physio, assessment_date="2026-11-01", inputs={},
        result={}, ruleset="DK-2026.1", suggested_category="hverdagsaktiv",
        final_category="hverdagsaktiv",
    )  # fmt: skip
    program = Program.objects.create(
        assessment=assessment, created_by=other_physio, category="hverdagsaktiv", setting="home"
    )
    prescription = Prescription.objects.create(
        patient=patient, program=program, version=1, issued_by=other_physio,
        issued_at="2026-11-01T10:00:00Z", start_date="2026-11-01", snapshot={},
    )  # fmt: skip
    return Handout.objects.create(
        prescription=prescription, language="da", status=Handout.Status.READY,
        file=ContentFile(b"%PDF-1.4\n% another clinic's patient\n", name="handout.pdf"),
    )  # fmt: skip


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (20, 10), "red").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("debug", [True, False], ids=["debug", "production"])
def test_another_clinics_handout_has_no_media_url(
    request, physio_client, other_clinics_handout, other_physio, debug
):
    if debug:
        request.getfixturevalue("debug_urls")
    path = "/media/" + other_clinics_handout.file.name
    assert other_clinics_handout.file.storage.exists(other_clinics_handout.file.name)
    assert physio_client.get(path).status_code == 404
    download = reverse("prescriptions:handout_download", args=[other_clinics_handout.id])
    assert physio_client.get(download).status_code == 404
    owner = Client()
    owner.force_login(other_physio)
    assert owner.get(path).status_code == 404, "not even its own clinic gets a /media/ URL"
    served = owner.get(download)
    assert served.status_code == 200
    assert b"".join(served.streaming_content).startswith(b"%PDF")


def test_logo_is_served_to_its_own_clinic_only(debug_urls, clinic, other_clinic, physio_client):
    other_clinic.logo.save("logo.png", ContentFile(png()))
    assert physio_client.get("/media/" + other_clinic.logo.name).status_code == 404
    assert physio_client.get(reverse("clinic_logo")).status_code == 404, "own clinic has none"
    clinic.logo.save("own.png", ContentFile(png()))
    served = physio_client.get(reverse("clinic_logo"))
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == clinic.logo.open("rb").read()


def test_settings_page_links_the_logo_through_the_view(admin_client_clinic, clinic):
    clinic.logo.save("own.png", ContentFile(png()))
    page = admin_client_clinic.get(reverse("clinic_settings")).content.decode()
    assert f'href="{reverse("clinic_logo")}"' in page
    assert "/media/" not in page


def test_exercise_form_links_the_picture_through_the_view(admin_client_clinic, clinic):
    from tests.factories import ExerciseFactory

    exercise = ExerciseFactory(clinic=clinic)
    page = admin_client_clinic.get(reverse("programs:exercise_edit", args=[exercise.id]))
    url = reverse("programs:exercise_illustration", args=[exercise.id])
    assert f'href="{url}"' in page.content.decode()
    assert "/media/" not in page.content.decode()
