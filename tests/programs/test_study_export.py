"""The study export of the demo clinic: no name, CPR number, address or free-text note in any
cell, a codebook covering every column, files Python's csv module reads, keyed pseudonyms."""

import csv
import io
import zipfile

import pytest
from django.core.management import call_command
from django.urls import reverse

from assessment.models import Assessment, Patient
from assessment.services import patient_update
from osteoactive.models import AuditEvent, Clinic
from programs.study_export import CODEBOOK, FILES, export_zip
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

CPRS = ["020350-1234", "150442-2345", "010101-4321", "121248-5678", "300952-6789", "070745-3456", "220338-7890"]  # fmt: skip


def read(archive: bytes) -> dict[str, list[list[str]]]:
    with zipfile.ZipFile(io.BytesIO(archive)) as z:
        return {name: list(csv.reader(io.StringIO(z.read(name).decode()))) for name in z.namelist()}


@pytest.fixture
def demo(monkeypatch):
    """The demo clinic (its handouts left unrendered: the export does not read them), with a
    CPR number, an address in the contact notes and a clinical note given to every patient."""
    monkeypatch.setattr("prescriptions.rendering.handout_render", lambda handout_id: None)
    call_command("seed_demo")
    identifiers = []
    for number, patient in enumerate(Patient.objects.order_by("last_name")):
        cpr = CPRS[number % len(CPRS)]
        note = f"Bor på Knoglevej {number + 10}, 8000 Aarhus C; ring til datteren"
        patient_update(patient=patient, cpr=cpr, contact_notes=note)
        Assessment.objects.filter(patient=patient).update(
            notes=f"Fortrolig note {number}", override_reason=""
        )
        identifiers += [
            patient.first_name, patient.last_name, patient.full_name, cpr,
            cpr.replace("-", ""), f"Knoglevej {number + 10}", "ring til datteren",
            f"Fortrolig note {number}", patient.birth_date.isoformat(),
        ]  # fmt: skip
    return Clinic.objects.get(name="Demo Fysioterapi"), identifiers


def test_no_identifier_in_any_cell_and_the_codebook_covers_every_column(demo):
    clinic, identifiers = demo
    for days in (False, True):
        archive, counts = export_zip(clinic, "a long export key 2027", days_from_baseline=days)
        files = read(archive)
        assert set(files) == set(FILES) | {CODEBOOK}
        assert counts["attendance.csv"] > 0 and counts["assessments.csv"] >= 7
        assert counts["events.csv"] >= 1 and counts["sessions.csv"] == 78
        codebook = {(row[0], row[1]) for row in files[CODEBOOK][1:]}
        for name, rows in files.items():
            if name == CODEBOOK:
                continue
            header = rows[0]
            assert all((name, column) in codebook for column in header), name
            assert all(len(row) == len(header) for row in rows), name
            for row in rows:
                for cell in row:
                    for identifier in identifiers:
                        assert identifier not in cell, (name, identifier)


def test_pseudonyms_follow_the_key_and_dates_can_be_days_from_baseline(demo):
    clinic, _identifiers = demo
    first = read(export_zip(clinic, "key number one!!", days_from_baseline=False)[0])
    again = read(export_zip(clinic, "key number one!!", days_from_baseline=False)[0])
    other = read(export_zip(clinic, "key number two!!", days_from_baseline=True)[0])
    ids = lambda files: {row[0] for row in files["participants.csv"][1:]}  # noqa: E731
    assert ids(first) == ids(again) and not ids(first) & ids(other)
    baseline = {row[3] for row in other["participants.csv"][1:]}
    assert baseline == {"0"}
    assert all(row[3].lstrip("-").isdigit() for row in other["sessions.csv"][1:])


def test_only_a_clinic_admin_exports_and_the_export_is_audited(client, demo):
    clinic, _identifiers = demo
    physio = UserFactory(username="export-physio")
    MembershipFactory(user=physio, clinic=clinic, is_physiotherapist=True, is_clinic_admin=False)
    client.force_login(physio)
    url = reverse("programs:study_export")
    assert client.get(url).status_code == 403
    admin = UserFactory(username="export-admin")
    MembershipFactory(user=admin, clinic=clinic, is_physiotherapist=False, is_clinic_admin=True)
    client.force_login(admin)
    assert client.get(url).status_code == 200
    response = client.post(url, {"export_key": "short"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    response = client.post(url, {"export_key": "a long export key 2027"})
    assert response["Content-Type"] == "application/zip"
    assert read(response.content)["participants.csv"][0] == [
        c[0] for c in FILES["participants.csv"]
    ]
    event = AuditEvent.objects.filter(action="export", actor_username="export-admin").get()
    assert "participants.csv" in event.summary
