"""Corrections and "entered in error" (domain.md §4b): a saved assessment is never edited in
place; the history stays readable; what was made from it is flagged for review."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from assessment import selectors, services
from assessment.domain.parsing import parse_assessment
from assessment.models import Assessment
from osteoactive.errors import ServiceError
from osteoactive.models import AuditEvent
from prescriptions.models import Prescription
from programs.models import Program
from tests.factories import AssessmentFactory, PatientFactory, PrescriptionFactory, ProgramFactory
from tests.support.html_form import posted_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def patient(clinic):
    return PatientFactory(clinic=clinic)


@pytest.fixture
def assessment(patient, physio):
    return AssessmentFactory(patient=patient, assessed_by=physio, category="hverdagsaktiv")


def corrected_inputs(assessment, **changes):
    data = {**assessment.inputs, **changes}
    return parse_assessment(data, today=timezone.localdate())


def correction_form(client, assessment):
    url = reverse("assessment:assessment_correct", args=[assessment.id])
    return url, posted_form(client.get(url).content.decode(), "assessment-form")


# --- the service ----------------------------------------------------------------------------------


def test_a_correction_is_a_new_version_and_the_old_one_stays_as_saved(assessment, physio):
    stored_result, stored_inputs = dict(assessment.result), dict(assessment.inputs)
    corrected = services.assessment_correct(
        assessment=assessment,
        corrected_by=physio,
        inputs=corrected_inputs(assessment, regular_training=True),
        reason="Træner fast to gange om ugen",
    )
    assessment.refresh_from_db()
    assert corrected.pk != assessment.pk
    assert corrected.version == 2 and corrected.supersedes == assessment
    assert corrected.original_id == assessment.pk and corrected.corrected_by == physio
    assert assessment.superseded_by == corrected and assessment.is_superseded
    assert assessment.result == stored_result and assessment.inputs == stored_inputs
    assert corrected.final_category == "traeningsaktiv" and corrected.ruleset == "DK-2026.2"
    assert selectors.latest_assessment(assessment.patient) == corrected
    assert [v.version for v in selectors.assessment_versions(assessment)] == [1, 2]
    assert selectors.assessment_versions(corrected) == selectors.assessment_versions(assessment)


def test_a_dk_2026_1_record_keeps_its_ruleset_and_the_correction_is_dk_2026_2(patient, physio):
    old = Assessment.objects.create(
        patient=patient,
        assessed_by=physio,
        assessment_date=timezone.localdate() - timedelta(days=30),
        inputs={
            "assessment_date": (timezone.localdate() - timedelta(days=30)).isoformat(),
            "birth_date": patient.birth_date.isoformat(),
            "sex": "female",
            "tug_seconds": 9.0,
            "sts5_seconds": 10.0,
            "tandem_seconds": 30.0,
            "falls_last_12_months": 0,
        },
        result={
            "ruleset": "DK-2026.1", "category": "hverdagsaktiv", "underlying_category": None,
            "acute_phase_ends": None, "rules": ["B4"], "explanations": {},
            "fall_risk": "low", "fall_prevention_focus": False, "bone_status": "unknown",
            "warnings": [],
        },
        ruleset="DK-2026.1",
        suggested_category="hverdagsaktiv",
        final_category="hverdagsaktiv",
    )  # fmt: skip
    corrected = services.assessment_correct(
        assessment=old,
        corrected_by=physio,
        inputs=corrected_inputs(old, tug_seconds=9.5),
        reason="TUG var tastet forkert",
    )
    old.refresh_from_db()
    assert old.ruleset == "DK-2026.1" and "bmi" not in old.result
    assert corrected.ruleset == "DK-2026.2" and "next_reassessment_due" in corrected.result


def test_a_correction_needs_a_reason_and_the_version_in_force(assessment, physio):
    with pytest.raises(ServiceError) as refused:
        services.assessment_correct(
            assessment=assessment, corrected_by=physio, inputs=corrected_inputs(assessment),
            reason="  ",
        )  # fmt: skip
    assert refused.value.code == "correction_needs_reason"
    services.assessment_correct(
        assessment=assessment, corrected_by=physio, inputs=corrected_inputs(assessment),
        reason="Første rettelse",
    )  # fmt: skip
    with pytest.raises(ServiceError) as again:
        services.assessment_correct(
            assessment=assessment, corrected_by=physio, inputs=corrected_inputs(assessment),
            reason="Anden rettelse af samme version",
        )  # fmt: skip
    assert again.value.code == "not_in_force"
    assert Assessment.objects.count() == 2


def test_a_void_needs_a_reason_and_leaves_latest_but_not_the_history(patient, physio):
    earlier = AssessmentFactory(
        patient=patient,
        assessed_by=physio,
        assessment_date=timezone.localdate() - timedelta(days=90),
        category="hverdagsaktiv_med_hensyn",
    )
    wrong = AssessmentFactory(patient=patient, assessed_by=physio, category="traeningsaktiv")
    with pytest.raises(ServiceError):
        services.assessment_void(assessment=wrong, voided_by=physio, reason="")
    services.assessment_void(assessment=wrong, voided_by=physio, reason="Forkert patient")
    wrong.refresh_from_db()
    assert wrong.is_voided and wrong.voided_by == physio and wrong.void_reason == "Forkert patient"
    assert selectors.latest_assessment(patient) == earlier
    assert set(selectors.assessments_of(patient)) == {earlier, wrong}
    patient.refresh_from_db()
    assert patient.latest_category == "hverdagsaktiv_med_hensyn"
    assert patient.latest_assessment_date == earlier.assessment_date
    with pytest.raises(ServiceError):
        services.assessment_void(assessment=wrong, voided_by=physio, reason="Igen")


def test_a_voided_patients_worklist_columns_empty_when_nothing_is_left(assessment, physio):
    services.assessment_void(assessment=assessment, voided_by=physio, reason="Forkert patient")
    patient = assessment.patient
    patient.refresh_from_db()
    assert patient.latest_assessment_date is None and patient.latest_category == ""
    assert patient.next_reassessment_due is None


def test_programs_and_prescriptions_made_from_it_are_flagged(assessment, physio, library):
    program = ProgramFactory(assessment=assessment)
    prescription = PrescriptionFactory(program=program)
    services.assessment_correct(
        assessment=assessment, corrected_by=physio, inputs=corrected_inputs(assessment),
        reason="Rettelse",
    )  # fmt: skip
    program.refresh_from_db()
    prescription.refresh_from_db()
    assert program.review_reasons == ["assessment_corrected"]
    assert prescription.review_reasons == ["assessment_corrected"]
    patient = assessment.patient
    patient.refresh_from_db()
    assert patient.prescription_review == ["assessment_corrected"]


def test_nothing_new_is_made_from_a_corrected_or_voided_assessment(assessment, physio, library):
    from prescriptions.services import prescription_issue
    from programs.services import program_generate

    program = ProgramFactory(assessment=assessment)
    services.assessment_void(assessment=assessment, voided_by=physio, reason="Forkert patient")
    assessment.refresh_from_db()
    with pytest.raises(ServiceError):
        program_generate(assessment=assessment, created_by=physio, setting="home", equipment=[])
    program.refresh_from_db()
    with pytest.raises(ServiceError) as refused:
        prescription_issue(program=program, issued_by=physio)
    assert refused.value.code == "assessment_not_in_force"
    assert not Prescription.objects.exists()


# --- category changes -----------------------------------------------------------------------------


@pytest.fixture
def issued(patient, physio, library):
    """A prescription issued from a first assessment twelve weeks ago (hverdagsaktiv)."""
    first = AssessmentFactory(
        patient=patient,
        assessed_by=physio,
        assessment_date=timezone.localdate() - timedelta(days=84),
        category="hverdagsaktiv",
    )
    return PrescriptionFactory(program=ProgramFactory(assessment=first))


def test_a_new_category_flags_the_current_prescription_until_a_new_one(
    physio_client, patient, physio, issued
):
    later = AssessmentFactory(patient=patient, assessed_by=physio, category="traeningsaktiv")
    issued.refresh_from_db()
    assert issued.review_reasons == ["category_changed"]
    patient_page = physio_client.get(reverse("assessment:patient_detail", args=[patient.id]))
    assert "Kategori ændret: gennemse" in patient_page.content.decode()
    assert 'data-testid="current"' not in patient_page.content.decode()
    page = physio_client.get(reverse("prescriptions:prescription_detail", args=[issued.id]))
    assert "Kategori ændret: gennemse" in page.content.decode()
    assert "gældende" not in page.content.decode()
    renewed = PrescriptionFactory(program=ProgramFactory(assessment=later))
    patient.refresh_from_db()
    assert patient.prescription_review == [] and renewed.review_reasons == []
    patient_page = physio_client.get(reverse("assessment:patient_detail", args=[patient.id]))
    assert 'data-testid="current"' in patient_page.content.decode()


def test_the_same_category_again_flags_nothing(patient, physio, issued):
    AssessmentFactory(patient=patient, assessed_by=physio, category="hverdagsaktiv")
    issued.refresh_from_db()
    assert issued.review_reasons == []


def test_med_hensyn_added_is_a_change(patient, physio, issued):
    AssessmentFactory(patient=patient, assessed_by=physio, category="hverdagsaktiv_med_hensyn")
    issued.refresh_from_db()
    assert issued.review_reasons == ["category_changed"]


def test_a_new_underlying_category_is_a_change(patient, physio, library):
    day = timezone.localdate() - timedelta(days=30)
    fracture = {"site": "vertebral", "date": (day - timedelta(days=20)).isoformat(),
                "low_energy": True}  # fmt: skip
    first = AssessmentFactory(
        patient=patient, assessed_by=physio, assessment_date=day, fractures=[fracture]
    )
    assert first.result["underlying_category"] == "hverdagsaktiv_med_hensyn"
    prescription = PrescriptionFactory(program=ProgramFactory(assessment=first))
    AssessmentFactory(
        patient=patient, assessed_by=physio, fractures=[fracture], regular_training=True
    )
    prescription.refresh_from_db()
    assert prescription.review_reasons == ["category_changed"]


def test_choosing_another_category_is_a_change(patient, physio, issued):
    latest = AssessmentFactory(patient=patient, assessed_by=physio, category="hverdagsaktiv")
    services.assessment_choose_category(
        assessment=latest, category="funktionsbegraenset", reason="Meget træt efter operation"
    )
    issued.refresh_from_db()
    assert issued.review_reasons == ["category_changed"]


def test_an_older_assessment_entered_late_changes_nothing(patient, physio, issued):
    AssessmentFactory(
        patient=patient,
        assessed_by=physio,
        assessment_date=timezone.localdate() - timedelta(days=200),
        category="funktionsbegraenset",
    )
    issued.refresh_from_db()
    assert issued.review_reasons == []


# --- the pages ------------------------------------------------------------------------------------


def test_the_correction_form_holds_every_input_and_needs_a_reason(physio_client, assessment):
    url, data = correction_form(physio_client, assessment)
    assert data["assessment_date"] == assessment.assessment_date.strftime("%d.%m.%Y")
    assert data["tug_seconds"] == "9,5" and data["t_lumbar_spine"] == "-2,0"
    assert data["form_kind"] == "correction"
    refused = physio_client.post(url, {**data, "correction_reason": ""})
    assert refused.status_code == 200 and "correction_reason" in refused.context["form"].errors
    assert Assessment.objects.count() == 1
    saved = physio_client.post(
        url, {**data, "tug_seconds": "9,9", "correction_reason": "TUG var tastet forkert"}
    )
    corrected = Assessment.objects.get(version=2)
    assert saved["Location"] == reverse("assessment:assessment_detail", args=[corrected.id])
    assert corrected.inputs["tug_seconds"] == 9.9


def test_a_correction_is_audited_with_field_names_only(physio_client, assessment):
    url, data = correction_form(physio_client, assessment)
    assert AuditEvent.objects.filter(action="view", object_id=str(assessment.id)).exists()
    physio_client.post(url, {**data, "correction_reason": "Hemmelig grund"})
    corrected = Assessment.objects.get(version=2)
    created = AuditEvent.objects.get(action="create", object_id=str(corrected.id))
    updated = AuditEvent.objects.get(action="update", object_id=str(assessment.id))
    assert "tug_seconds" in created.fields and updated.fields == ["superseded_at"]
    assert "Hemmelig" not in f"{created.summary} {updated.summary} {created.fields}"


def test_the_history_is_shown_on_the_assessment_and_patient_pages(
    physio_client, assessment, physio
):
    corrected = services.assessment_correct(
        assessment=assessment, corrected_by=physio,
        inputs=corrected_inputs(assessment, tug_seconds=9.9), reason="TUG var tastet forkert",
    )  # fmt: skip
    old_page = physio_client.get(reverse("assessment:assessment_detail", args=[assessment.id]))
    shown = old_page.content.decode()
    assert 'data-testid="superseded"' in shown and 'data-testid="history"' in shown
    assert reverse("assessment:assessment_detail", args=[corrected.id]) in shown
    assert "TUG var tastet forkert" in shown
    assert 'data-testid="correct"' not in shown and 'data-testid="generate"' not in shown
    new_page = physio_client.get(reverse("assessment:assessment_detail", args=[corrected.id]))
    assert "Version 1" in new_page.content.decode() and 'data-testid="correct"' in (
        new_page.content.decode()
    )
    patient_page = physio_client.get(
        reverse("assessment:patient_detail", args=[assessment.patient_id])
    ).content.decode()
    assert patient_page.count('data-testid="assessment-row"') == 2
    assert "version 1, rettet" in patient_page


def test_a_superseded_version_cannot_be_corrected_or_voided_from_its_page(
    physio_client, assessment, physio
):
    services.assessment_correct(
        assessment=assessment, corrected_by=physio, inputs=corrected_inputs(assessment),
        reason="Rettelse",
    )  # fmt: skip
    for name in ("assessment_correct", "assessment_void"):
        response = physio_client.get(reverse(f"assessment:{name}", args=[assessment.id]))
        assert response.status_code == 302
    response = physio_client.post(
        reverse("assessment:assessment_void", args=[assessment.id]), {"reason": "Igen"}
    )
    assessment.refresh_from_db()
    assert not assessment.is_voided


def test_the_void_page_asks_for_a_reason_and_keeps_the_history(physio_client, assessment):
    url = reverse("assessment:assessment_void", args=[assessment.id])
    page = physio_client.get(url)
    assert page.status_code == 200 and "indtastet ved en fejl" in page.content.decode()
    refused = physio_client.post(url, {"reason": ""})
    assert refused.status_code == 200 and refused.context["form"].errors
    done = physio_client.post(url, {"reason": "Registreret på forkert patient"})
    assert done["Location"] == reverse("assessment:patient_detail", args=[assessment.patient_id])
    assessment.refresh_from_db()
    assert assessment.is_voided
    detail = physio_client.get(reverse("assessment:assessment_detail", args=[assessment.id]))
    shown = detail.content.decode()
    assert 'data-testid="voided"' in shown and "Registreret på forkert patient" in shown
    event = AuditEvent.objects.get(action="update", object_id=str(assessment.id))
    assert set(event.fields) == {"voided_at", "voided_by", "void_reason"}


def test_voided_and_superseded_leave_the_charts_and_the_comparison(physio_client, patient, physio):
    day = timezone.localdate()
    AssessmentFactory(
        patient=patient, assessed_by=physio, assessment_date=day - timedelta(days=84),
        tug_seconds=12.0,
    )  # fmt: skip
    wrong = AssessmentFactory(patient=patient, assessed_by=physio, tug_seconds=30.0)
    services.assessment_void(assessment=wrong, voided_by=physio, reason="Forkert patient")
    page = physio_client.get(reverse("assessment:patient_detail", args=[patient.id]))
    assert page.context["comparison"] is None
    tug = page.context["charts"][0]
    assert [value for _day, value in tug["rows"]] == ["12,0 s"]
    assert "30" not in tug["svg"]


def test_program_made_from_a_corrected_assessment_shows_the_flag(
    physio_client, assessment, physio, library
):
    program = ProgramFactory(assessment=assessment)
    services.assessment_correct(
        assessment=assessment, corrected_by=physio, inputs=corrected_inputs(assessment),
        reason="Rettelse",
    )  # fmt: skip
    page = physio_client.get(reverse("programs:program_detail", args=[program.id]))
    assert "Bygger på en rettet undersøgelse: gennemse" in page.content.decode()
    assert Program.objects.get().review_reasons == ["assessment_corrected"]
