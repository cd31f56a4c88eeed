"""Audit by construction: every URL that names one of a patient's records is fetched, and
each GET that answers with a page must have written an audit row about that patient.

A new patient-scoped URL is walked without being listed; one that shows no patient data is
listed below with the reason."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from assessment.models import Assessment
from osteoactive.models import AuditEvent
from prescriptions.models import Handout
from tests.factories import MembershipFactory, PatientFactory, UserFactory
from tests.support.assessment_form import assessment_form
from tests.support.urls import all_patterns

pytestmark = pytest.mark.django_db

PATIENT_KWARGS = {
    "patient_id", "assessment_id", "program_id", "item_id", "prescription_id", "handout_id",
}  # fmt: skip
PATTERNS = [p for p in all_patterns() if p[0] and set(p[2]) & PATIENT_KWARGS]
SHOW_NO_PATIENT_DATA = {
    "prescriptions:handout_status": "the handouts' languages and states, polled while rendering",
}
# Pages that must be among those answering a GET, so the walk cannot pass by answering none.
SURELY_SHOWN = {
    "assessment:patient_detail", "assessment:patient_edit", "assessment:assessment_create",
    "assessment:assessment_detail", "programs:program_detail", "programs:item_swap",
    "programs:item_dose", "prescriptions:prescription_detail", "assessment:gdpr_erase",
    "assessment:gp_letter", "assessment:gp_letter_pdf",
}  # fmt: skip


@pytest.fixture
def insider(client, clinic):
    """Both roles in the first clinic, so every page is open to them."""
    user = UserFactory(username="both-roles")
    MembershipFactory(user=user, clinic=clinic, is_physiotherapist=True, is_clinic_admin=True)
    client.force_login(user)
    return client


@pytest.fixture
def records(insider, clinic, library):
    """One record of each kind for one patient, made through the app's own pages."""
    patient = PatientFactory(clinic=clinic)
    form = assessment_form(csrf_token=None)
    del form["csrfmiddlewaretoken"]
    form["suspected_new_vertebral_fracture"] = "on"  # W6, so the GP letter pages exist too
    insider.post(reverse("assessment:assessment_create", args=[patient.id]), form)
    assessment = Assessment.objects.get(patient=patient)
    insider.post(reverse("programs:program_generate", args=[assessment.id]), {"setting": "home"})
    program = assessment.programs.get()
    insider.post(reverse("prescriptions:prescription_issue", args=[program.id]))
    prescription = program.prescriptions.get()
    handout = Handout.objects.create(
        prescription=prescription, language="da", status=Handout.Status.READY,
        file=ContentFile(b"%PDF-1.4\n%test\n", name="handout.pdf"),
    )  # fmt: skip
    ids = {
        "patient_id": patient.id, "assessment_id": assessment.id, "program_id": program.id,
        "item_id": program.items.first().id, "prescription_id": prescription.id,
        "handout_id": handout.id,
    }  # fmt: skip
    return patient, ids


def test_the_walk_covers_the_pages_that_surely_show_patient_data():
    assert {name for name, *_ in PATTERNS} >= SURELY_SHOWN


def test_every_get_that_shows_patient_data_is_audited(insider, records):
    patient, ids = records
    answered = set()
    for name, _route, converters in PATTERNS:
        url = reverse(name, kwargs={key: ids[key] for key in converters})
        before = AuditEvent.objects.filter(patient_id=patient.id).count()
        response = insider.get(url)
        written = AuditEvent.objects.filter(patient_id=patient.id).count() - before
        if not 200 <= response.status_code < 300:
            assert response.status_code in (302, 405), f"GET {name} gave {response.status_code}"
            continue
        answered.add(name)
        if name in SHOW_NO_PATIENT_DATA:
            continue
        assert written >= 1, f"GET {name} showed patient data without an audit row"
        latest = AuditEvent.objects.filter(patient_id=patient.id).latest("id")
        assert latest.actor_username == "both-roles" and latest.clinic_id == patient.clinic_id
    assert answered >= SURELY_SHOWN


def test_a_view_is_one_row_and_a_download_is_not_also_a_view(insider, records):
    patient, ids = records
    before = set(AuditEvent.objects.values_list("id", flat=True))
    insider.get(reverse("assessment:patient_edit", args=[patient.id]))
    insider.get(reverse("prescriptions:handout_download", args=[ids["handout_id"]]))
    new = AuditEvent.objects.exclude(id__in=before).order_by("id")
    assert [(e.action, e.object_type) for e in new] == [
        ("view", "patient"), ("download", "handout"),
    ]  # fmt: skip


def test_a_refused_or_missing_page_writes_no_view_row(insider, records, other_clinic):
    patient, _ids = records
    stranger = PatientFactory(clinic=other_clinic)
    before = AuditEvent.objects.count()
    assert insider.get(reverse("assessment:patient_detail", args=[stranger.id])).status_code == 404
    assert AuditEvent.objects.count() == before
