import csv
import io

import pytest
from django.contrib.admin.sites import site
from django.test import Client, RequestFactory
from django.urls import reverse

from osteoactive.models import AuditEvent
from tests.factories import AuditEventFactory, PatientFactory, UserFactory
from tests.support.urls import all_patterns

pytestmark = pytest.mark.django_db


@pytest.fixture
def patient(clinic):
    return PatientFactory(clinic=clinic)


def test_viewing_a_patient_writes_one_row_with_who_when_where(physio_client, physio, patient):
    physio_client.get(
        reverse("assessment:patient_detail", args=[patient.id]), REMOTE_ADDR="10.1.2.3"
    )
    event = AuditEvent.objects.get(action="view", patient_id=patient.id)
    assert event.actor == physio and event.address == "10.1.2.3"
    assert event.object_type == "patient" and event.clinic == patient.clinic


def test_the_log_outlives_the_user_who_acted(physio_client, physio, patient):
    physio_client.get(reverse("assessment:patient_detail", args=[patient.id]))
    physio.memberships.all().delete()
    physio.delete()
    event = AuditEvent.objects.get(action="view", patient_id=patient.id)
    assert event.actor_id is None and event.actor_username == "physio"
    assert event.clinic == patient.clinic


def test_changes_record_field_names_not_values(physio_client, patient):
    physio_client.post(
        reverse("assessment:patient_edit", args=[patient.id]),
        {"first_name": "Hemmelig", "last_name": patient.last_name, "birth_date": "1950-03-02",
         "sex": "female", "handout_language": "da", "contact_notes": "Diagnose: noget privat"},
    )  # fmt: skip
    event = AuditEvent.objects.get(action="update", patient_id=patient.id)
    assert set(event.fields) == {"first_name", "contact_notes"}
    stored = f"{event.fields} {event.summary}"
    assert "Hemmelig" not in stored and "privat" not in stored


def test_failed_login_and_lockout_are_recorded(client, physio, clinic, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "physio", "password": "wrong"})
    assert (
        AuditEvent.objects.filter(action="login_failed", clinic=clinic).count()
        >= settings.AXES_FAILURE_LIMIT
    )
    assert AuditEvent.objects.filter(action="lockout", actor_username="physio").exists()


def test_the_log_cannot_be_changed_or_deleted():
    event = AuditEventFactory()
    event.summary = "changed"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().update(summary="changed")
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()


def test_the_admin_offers_no_change_add_or_delete(admin_user):
    model_admin = site._registry[AuditEvent]
    request = RequestFactory().get("/")
    request.user = admin_user
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)
    client = Client()
    client.force_login(admin_user)
    event = AuditEventFactory()
    url = reverse("admin:osteoactive_auditevent_change", args=[event.id])
    client.post(url, {"summary": "changed"})
    client.post(reverse("admin:osteoactive_auditevent_delete", args=[event.id]), {"post": "yes"})
    event.refresh_from_db()
    assert event.summary == ""


def test_no_app_view_changes_the_log():

    names = [name for name, *_ in all_patterns() if name]
    assert not [n for n in names if "audit" in n and n != "audit_log"]


def test_clinic_admin_browses_filters_and_exports_own_clinic_only(
    clinic_admin, physio_client, patient, other_clinic
):
    physio_client.get(reverse("assessment:patient_detail", args=[patient.id]))
    AuditEventFactory(clinic=other_clinic, actor=UserFactory(username="stranger"))
    admin = Client()
    admin.force_login(clinic_admin)
    page = admin.get(reverse("audit_log"), {"action": "view"})
    rows = list(page.context["page"])
    assert rows and all(event.clinic_id == patient.clinic_id for event in rows)
    exported = admin.get(reverse("audit_log"), {"format": "csv"})
    table = list(csv.reader(io.StringIO(exported.content.decode())))
    assert table[0][:3] == ["time", "user", "action"]
    assert all("stranger" not in row for row in table)


def test_physiotherapist_cannot_read_the_log(physio_client):
    assert physio_client.get(reverse("audit_log")).status_code == 403
