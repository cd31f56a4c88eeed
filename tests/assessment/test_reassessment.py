"""A reassessment starts from the latest assessment (domain.md §4b): what is carried forward is
pre-filled and marked "fra <dato>", what is measured anew is empty with the previous value
beside it, and a T-score is never lost by leaving a field alone."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from assessment.models import Assessment
from tests.factories import AssessmentFactory, PatientFactory
from tests.support.html_form import posted_form

pytestmark = pytest.mark.django_db

TWELVE_WEEKS = timedelta(days=84)


def danish(iso: str) -> str:
    """A date as the form shows it in Danish (osteoactive/date_input.py)."""
    return date.fromisoformat(iso).strftime("%d.%m.%Y")


@pytest.fixture
def patient(clinic):
    return PatientFactory(clinic=clinic)


@pytest.fixture
def first_visit(patient, physio):
    """T −3.2 on the lumbar spine, regular training, good tests: "Træningsaktiv med hensyn"
    by C4, twelve weeks ago, with a scan date, a fracture, risk factors, medication and FRAX."""
    day = timezone.localdate() - TWELVE_WEEKS
    return AssessmentFactory(
        patient=patient,
        assessed_by=physio,
        category="traeningsaktiv_med_hensyn",
        assessment_date=day,
        t_scores={"lumbar_spine": -3.2, "femoral_neck": -2.6},
        dxa_scan_date=(day - timedelta(days=20)).isoformat(),
        fractures=[{"site": "wrist", "date": "2015-02-01", "low_energy": False}],
        risk_factors=["smoking", "early_menopause"],
        medication="denosumab",
        frax_major_percent=22.0,
        frax_hip_percent=6.5,
        frax_date=(day - timedelta(days=20)).isoformat(),
        tug_seconds=9.4,
        height_cm=164.0,
        weight_kg=58.5,
        fes_i_short=[2, 2, 1, 2, 2, 1, 1],
        falls_last_12_months=0,
        pain_nrs=3,
    )


def form_page(client, patient):
    response = client.get(reverse("assessment:assessment_create", args=[patient.id]))
    assert response.status_code == 200
    return response


def new_test_values(data, **changes):
    """The page's form as posted with only this visit's tests typed in, as is usual at 12
    weeks (no new DXA)."""
    data = dict(data)
    data.update(
        {
            "tug_seconds": "8,9",
            "sts5_seconds": "10,8",
            "tandem_seconds": "30",
            "falls_last_12_months": "0",
            "pain_nrs": "2",
        }
    )
    data.update(changes)
    return data


def test_the_form_is_a_reassessment_prefilled_from_the_latest(physio_client, patient, first_visit):
    response = form_page(physio_client, patient)
    page = response.content.decode()
    assert '<h1 class="h3 mb-2">Genundersøgelse:' in page
    data = posted_form(page, "assessment-form")
    assert data["t_lumbar_spine"] == "-3,2" and data["t_femoral_neck"] == "-2,6"
    assert data["dxa_scan_date"] == danish(first_visit.inputs["dxa_scan_date"])
    assert data["fractures-0-site"] == "wrist" and data["fractures-0-date"] == "01.02.2015"
    assert "fractures-0-low_energy" not in data
    assert sorted(data["risk_factors"]) == ["early_menopause", "smoking"]
    assert data["regular_training"] == "on" and data["walking_aid"] == "none"
    assert data["medication"] == "denosumab"
    assert data["frax_major_percent"] == "22,0" and data["frax_hip_percent"] == "6,5"
    assert data["frax_date"] == danish(first_visit.inputs["frax_date"])


def test_carried_values_are_marked_from_their_date(physio_client, patient, first_visit):
    page = form_page(physio_client, patient).content.decode()
    shown = first_visit.assessment_date.strftime("%d.%m.%Y")
    for name in ("t_lumbar_spine", "dxa_scan_date", "risk_factors", "medication", "frax_date"):
        assert f'data-testid="carried-{name}"' in page, name
    assert page.count(f"fra {shown}") >= 10
    assert 'data-testid="carried-fracture"' in page
    assert 'data-testid="carried-t_total_hip"' not in page  # not measured, so not carried


def test_measured_anew_fields_are_empty_with_the_previous_value(
    physio_client, patient, first_visit
):
    page = form_page(physio_client, patient).content.decode()
    data = posted_form(page, "assessment-form")
    for name in ("tug_seconds", "falls_last_12_months", "pain_nrs", "height_cm", "weight_kg"):
        assert data[name] == "", name
    assert not any(name.startswith("fes_i_") for name in data)
    shown = first_visit.assessment_date.strftime("%d.%m.%Y")
    assert f"Sidst: 9,4 s ({shown})" in page
    assert f"Sidst: 164,0 cm ({shown})" in page and f"Sidst: 58,5 kg ({shown})" in page
    assert f"Sidst: 11 (moderat) ({shown})" in page
    assert f"Sidst: 3 ({shown})" in page  # pain


def test_the_safety_defect_a_reassessment_keeps_t_scores_and_precautions(
    physio_client, patient, first_visit
):
    """The issue's defect: T −3.2, C4, reassessed at 12 weeks with only new test values."""
    data = new_test_values(
        posted_form(form_page(physio_client, patient).content.decode(), "assessment-form")
    )
    response = physio_client.post(reverse("assessment:assessment_create", args=[patient.id]), data)
    assert response.status_code == 302, response.context["form"].error_summary()
    reassessment = Assessment.objects.exclude(pk=first_visit.pk).get()
    assert reassessment.inputs["t_scores"]["lumbar_spine"] == -3.2
    assert reassessment.final_category == "traeningsaktiv_med_hensyn"
    assert "C4" in reassessment.result["rules"]
    assert reassessment.result["bone_status"] == "osteoporosis"
    assert reassessment.inputs["medication"] == "denosumab"
    assert reassessment.inputs["frax_date"] == first_visit.inputs["frax_date"]


def test_an_emptied_t_score_is_refused_unless_removed(physio_client, patient, first_visit):
    data = posted_form(form_page(physio_client, patient).content.decode(), "assessment-form")
    url = reverse("assessment:assessment_create", args=[patient.id])
    emptied = physio_client.post(url, new_test_values(data, t_lumbar_spine=""))
    assert emptied.status_code == 200
    errors = emptied.context["form"].errors["t_lumbar_spine"]
    assert "−3,2" in errors[0] or "-3,2" in errors[0]
    assert Assessment.objects.count() == 1
    removed = physio_client.post(
        url, new_test_values(data, t_lumbar_spine="", remove_t_lumbar_spine="on")
    )
    assert removed.status_code == 302
    saved = Assessment.objects.exclude(pk=first_visit.pk).get()
    assert saved.inputs["t_scores"]["lumbar_spine"] is None
    assert saved.inputs["t_scores"]["femoral_neck"] == -2.6


def test_remove_wins_over_a_value_left_in_the_field(physio_client, patient, first_visit):
    """Without script the Remove button is a checkbox beside a filled field: it is obeyed."""
    data = posted_form(form_page(physio_client, patient).content.decode(), "assessment-form")
    url = reverse("assessment:assessment_create", args=[patient.id])
    physio_client.post(url, new_test_values(data, remove_frax_hip_percent="on"))
    saved = Assessment.objects.exclude(pk=first_visit.pk).get()
    assert saved.inputs["frax_hip_percent"] is None and saved.inputs["frax_major_percent"] == 22.0


def test_a_removed_fracture_row_is_gone_and_the_rest_stay(physio_client, patient, first_visit):
    data = posted_form(form_page(physio_client, patient).content.decode(), "assessment-form")
    url = reverse("assessment:assessment_create", args=[patient.id])
    physio_client.post(url, new_test_values(data, **{"fractures-0-DELETE": "on"}))
    assert Assessment.objects.exclude(pk=first_visit.pk).get().inputs["fractures"] == []


def test_the_reassessment_starts_from_the_latest_in_force(physio_client, patient, physio):
    old = timezone.localdate() - timedelta(days=200)
    AssessmentFactory(
        patient=patient, assessed_by=physio, assessment_date=old, t_scores={"forearm": -1.0}
    )
    recent = AssessmentFactory(
        patient=patient,
        assessed_by=physio,
        assessment_date=old + timedelta(days=100),
        t_scores={"forearm": -2.2},
    )
    from assessment.services import assessment_void

    data = posted_form(form_page(physio_client, patient).content.decode(), "assessment-form")
    assert data["t_forearm"] == "-2,2"
    assessment_void(assessment=recent, voided_by=physio, reason="Forkert patient")
    data = posted_form(form_page(physio_client, patient).content.decode(), "assessment-form")
    assert data["t_forearm"] == "-1,0"


def test_a_first_assessment_is_not_a_reassessment(physio_client, patient):
    page = form_page(physio_client, patient).content.decode()
    assert "Ny undersøgelse:" in page and "Genundersøgelse" not in page
    assert 'data-testid="carried-' not in page and "Sidst:" not in page


def test_the_preview_keeps_the_carried_check(physio_client, patient, first_visit):
    data = posted_form(form_page(physio_client, patient).content.decode(), "assessment-form")
    url = reverse("assessment:assessment_preview", args=[patient.id])
    shown = physio_client.post(url, new_test_values(data)).content.decode()
    assert "Træningsaktiv med hensyn" in shown and "C4" in shown
    emptied = physio_client.post(url, new_test_values(data, t_lumbar_spine="")).content.decode()
    assert "Forslaget vises" in emptied
