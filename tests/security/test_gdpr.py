import io
import json
import zipfile

import pytest
from django.test import Client
from django.urls import reverse

from assessment.models import Assessment, Patient
from osteoactive.models import AuditEvent
from prescriptions.models import Handout, Prescription
from programs.models import LiftLoad, Program
from tests.factories import LiftLoadFactory, PatientFactory, hirit_program

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued(program, physio_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        physio_client.post(reverse("prescriptions:prescription_issue", args=[program.id]))
    return program.prescriptions.get()


@pytest.fixture
def admin(clinic_admin):
    client = Client()
    client.force_login(clinic_admin)
    return client


def test_export_holds_all_records_and_the_pdfs(admin, issued, patient):
    response = admin.get(reverse("assessment:gdpr_export", args=[patient.id]))
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    data = json.loads(archive.read("patient.json"))
    assert data["patient"]["last_name"] == patient.last_name
    assert len(data["assessments"]) == 1 and len(data["prescriptions"]) == 1
    pdfs = [name for name in archive.namelist() if name.endswith(".pdf")]
    assert len(pdfs) == 1 and archive.read(pdfs[0]).startswith(b"%PDF")
    assert AuditEvent.objects.filter(action="export", patient_id=patient.id).exists()


def test_export_holds_the_hirit_load_log(admin, clinic, physio, library):
    program = hirit_program(patient=PatientFactory(clinic=clinic), assessed_by=physio)
    LiftLoadFactory(program=program, kg=42.5)
    patient = program.assessment.patient
    response = admin.get(reverse("assessment:gdpr_export", args=[patient.id]))
    data = json.loads(zipfile.ZipFile(io.BytesIO(response.content)).read("patient.json"))
    assert [load["kg"] for load in data["programs"][0]["lift_loads"]] == ["42.5"]
    erase = reverse("assessment:gdpr_erase", args=[patient.id])
    admin.post(erase, {"confirm_name": patient.full_name})
    assert not Program.objects.exists() and not LiftLoad.objects.exists()


def test_erase_deletes_clinical_data_and_files_but_keeps_a_trace(
    admin, issued, patient, django_capture_on_commit_callbacks
):
    handout = issued.handouts.get()
    storage, name = handout.file.storage, handout.file.name
    assert storage.exists(name)
    url = reverse("assessment:gdpr_erase", args=[patient.id])
    admin.post(url, {"confirm_name": "wrong name"})
    assert Patient.objects.filter(id=patient.id).exists()
    with django_capture_on_commit_callbacks(execute=True):
        admin.post(url, {"confirm_name": patient.full_name})
    assert not Patient.objects.filter(id=patient.id).exists()
    assert not Assessment.objects.exists() and not Program.objects.exists()
    assert not Prescription.objects.exists() and not Handout.objects.exists()
    assert not storage.exists(name)
    trace = AuditEvent.objects.get(action="erase", patient_id=patient.id)
    assert patient.last_name not in trace.summary and "prescriptions=1" in trace.summary


def test_physiotherapist_cannot_export_or_erase(physio_client, patient):
    assert (
        physio_client.get(reverse("assessment:gdpr_export", args=[patient.id])).status_code == 403
    )
    assert (
        physio_client.post(reverse("assessment:gdpr_erase", args=[patient.id])).status_code == 403
    )


def test_erasure_without_the_typed_name_is_refused_by_the_service(issued, patient):
    from assessment.services import patient_erase
    from osteoactive.errors import ServiceError

    with pytest.raises(ServiceError) as refused:
        patient_erase(patient=patient, confirm_name=patient.first_name)
    assert refused.value.code == "not_confirmed"
    assert Patient.objects.filter(id=patient.id).exists() and Handout.objects.exists()


def test_erasure_takes_every_version_and_kept_draft(admin, patient, physio):
    from assessment.domain.parsing import parse_assessment
    from assessment.models import AssessmentDraft
    from assessment.services import assessment_correct, assessment_void, draft_keep
    from tests.factories import AssessmentFactory

    first = AssessmentFactory(patient=patient, assessed_by=physio)
    corrected = assessment_correct(
        assessment=first,
        corrected_by=physio,
        inputs=parse_assessment(first.inputs, today=first.assessment_date),
        reason="Rettelse",
    )
    assessment_void(assessment=corrected, voided_by=physio, reason="Forkert patient")
    draft_keep(owner=physio, patient=patient, path="/x/", data={"tug_seconds": ["9"]})
    exported = admin.get(reverse("assessment:gdpr_export", args=[patient.id]))
    data = json.loads(zipfile.ZipFile(io.BytesIO(exported.content)).read("patient.json"))
    versions = sorted(data["assessments"], key=lambda a: a["version"])
    assert [a["version"] for a in versions] == [1, 2]
    assert versions[1]["correction_reason"] == "Rettelse" and versions[1]["voided_at"]
    admin.post(
        reverse("assessment:gdpr_erase", args=[patient.id]), {"confirm_name": patient.full_name}
    )
    assert not Assessment.objects.exists() and not AssessmentDraft.objects.exists()


def test_export_and_erasure_take_events_adherence_and_classes(admin, clinic, physio, library):
    from programs.models import Attendance, Enrolment
    from tests.factories import (
        AdherenceFactory,
        AssessmentFactory,
        AttendanceFactory,
        EnrolmentFactory,
        PatientEventFactory,
        TrainingClassFactory,
    )

    assessment = AssessmentFactory(patient__clinic=clinic, assessed_by=physio)
    patient = assessment.patient
    PatientEventFactory(patient=patient, recorded_by=physio)
    AdherenceFactory(assessment=assessment)
    training_class = TrainingClassFactory(clinic=clinic, created_by=physio, weeks=2)
    AttendanceFactory(enrolment=EnrolmentFactory(training_class=training_class, patient=patient))
    response = admin.get(reverse("assessment:gdpr_export", args=[patient.id]))
    data = json.loads(zipfile.ZipFile(io.BytesIO(response.content)).read("patient.json"))
    assert len(data["events"]) == 1 and data["adherence"][0]["done_per_week"] == [3, 2, 3, 3]
    assert data["classes"][0]["attendance"][0]["present"] is True
    admin.post(
        reverse("assessment:gdpr_erase", args=[patient.id]), {"confirm_name": patient.full_name}
    )
    assert not Enrolment.objects.exists() and not Attendance.objects.exists()
    assert training_class.sessions.count() == 6
