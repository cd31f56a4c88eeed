"""The patient page's progress panel (the last two assessments compared, §4b) and the letter to
the GP when W2 or W6 fired."""

import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from assessment import services
from osteoactive.models import AuditEvent
from tests.factories import AssessmentFactory, PatientFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def patient(clinic):
    return PatientFactory(clinic=clinic, first_name="Inger", last_name="Dahl", cpr="020350-1234")


def two_visits(patient, physio, before, after):
    day = timezone.localdate()
    first = AssessmentFactory(
        patient=patient, assessed_by=physio, assessment_date=day - timedelta(days=84), **before
    )
    second = AssessmentFactory(patient=patient, assessed_by=physio, **after)
    return first, second


def comparison_of(client, patient):
    page = client.get(reverse("assessment:patient_detail", args=[patient.id]))
    return page.context["comparison"], page.content.decode()


def test_the_last_two_are_compared_with_meaningful_change(physio_client, patient, physio):
    two_visits(
        patient,
        physio,
        {"tug_seconds": 12.0, "sts5_seconds": 14.0, "tandem_seconds": 8.0,
         "fes_i_short": [2, 2, 2, 2, 2, 2, 2]},
        {"tug_seconds": 10.9, "sts5_seconds": 12.0, "tandem_seconds": 9.9,
         "fes_i_short": [1, 1, 2, 2, 1, 1, 1]},
    )  # fmt: skip
    comparison, page = comparison_of(physio_client, patient)
    verdicts = [row["verdict"] for row in comparison["rows"]]
    assert verdicts == ["better", "no_detectable_change", "no_detectable_change", "better"]
    assert "Bedre" in page and "Uændret — ingen påviselig ændring" in page
    assert "12,0 s" in page and "10,9 s" in page and "14 (høj)" in page and "9 (moderat)" in page


def test_just_under_the_minimal_detectable_change_is_unchanged(physio_client, patient, physio):
    two_visits(patient, physio, {"tug_seconds": 12.0}, {"tug_seconds": 11.0})
    comparison, _page = comparison_of(physio_client, patient)
    assert comparison["rows"][0]["verdict"] == "no_detectable_change"


def test_worse_and_unable(physio_client, patient, physio):
    two_visits(
        patient, physio, {"tug_seconds": 10.0, "sts5_seconds": 12.0},
        {"tug_seconds": 11.1, "sts5_seconds": None, "sts5_unable": True},
    )  # fmt: skip
    comparison, page = comparison_of(physio_client, patient)
    assert [row["verdict"] for row in comparison["rows"][:2]] == ["worse", "worse"]
    assert "Dårligere" in page and "kan ikke" in page


def test_a_measure_missing_once_is_not_compared(physio_client, patient, physio):
    two_visits(patient, physio, {}, {"fes_i_short": [1] * 7})
    comparison, page = comparison_of(physio_client, patient)
    assert comparison["rows"][3]["verdict"] == ""
    assert "ikke sammenlignet" in page


def test_the_comparison_skips_a_voided_assessment(physio_client, patient, physio):
    first, second = two_visits(patient, physio, {"tug_seconds": 12.0}, {"tug_seconds": 9.0})
    services.assessment_void(assessment=second, voided_by=physio, reason="Forkert patient")
    comparison, _page = comparison_of(physio_client, patient)
    assert comparison is None


def test_each_chart_has_its_values_as_a_table(physio_client, patient, physio):
    two_visits(patient, physio, {"fes_i_short": [2] * 7}, {"fes_i_short": [1] * 7})
    page = physio_client.get(reverse("assessment:patient_detail", args=[patient.id]))
    charts = page.context["charts"]
    fes_i = next(chart for chart in charts if chart["title"] == "Short FES-I")
    assert [value for _day, value in fes_i["rows"]] == ["14 (høj)", "7 (lav)"]
    html = page.content.decode()
    assert html.count('class="table table-sm chart-data') == len(charts)
    assert html.count('role="img"') == len(charts)


# --- the letter to the GP -------------------------------------------------------------------------


@pytest.fixture
def w2(patient, physio):
    """Osteopenia, a parent's hip fracture and a low-energy wrist fracture after 50: W2."""
    return AssessmentFactory(
        patient=patient,
        assessed_by=physio,
        t_scores={"lumbar_spine": -1.8},
        risk_factors=["parent_hip_fracture"],
        fractures=[{"site": "wrist", "date": "2024-01-20", "low_energy": True}],
    )


def test_a_w2_letter_suggests_a_dxa_scan(physio_client, w2, physio, clinic):
    assert "W2" in w2.result["warnings"]
    detail = physio_client.get(reverse("assessment:assessment_detail", args=[w2.id]))
    assert 'data-testid="gp-letter"' in detail.content.decode()
    page = physio_client.get(reverse("assessment:gp_letter", args=[w2.id]))
    assert page["Cache-Control"] == "private, no-store"
    text = page.context["text"]
    assert text.startswith("Til patientens egen læge")
    assert "Vedr. Inger Dahl, CPR-nr. 020350-1234" in text
    assert "DXA-scanning" in text and "-1,8 (osteopeni)" in text
    assert "forælder med hoftebrud" in text and "håndled 20.01.2024" in text
    assert clinic.name in text and physio.get_full_name() in text
    assert "røntgen" not in text
    assert AuditEvent.objects.filter(action="view", object_id=str(w2.id), summary="gp letter")


def test_a_w6_letter_suggests_a_spinal_x_ray(physio_client, patient, physio):
    assessment = AssessmentFactory(
        patient=patient, assessed_by=physio, height_loss_cm=4.5, occiput_wall_cm=3.0,
        suspected_new_vertebral_fracture=True,
    )  # fmt: skip
    text = physio_client.get(reverse("assessment:gp_letter", args=[assessment.id])).context["text"]
    assert "røntgen af columna thoracalis og lumbalis" in text
    assert "højdetab på 4,5 cm" in text and "mistanke om et nyt ryghvirvelbrud" in text
    assert "baghoved til væg: 3,0 cm" in text


def test_the_letter_is_danish_in_english_too(physio_client, w2):
    physio_client.cookies["django_language"] = "en"
    page = physio_client.get(reverse("assessment:gp_letter", args=[w2.id]))
    assert "Letter to the GP" in page.content.decode()
    assert page.context["text"].startswith("Til patientens egen læge")


def test_the_pdf_is_one_page_with_the_letter(physio_client, w2):
    response = physio_client.get(reverse("assessment:gp_letter_pdf", args=[w2.id]))
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Inger Dahl" in text and "020350-1234" in text and "DXA-scanning" in text
    assert AuditEvent.objects.filter(action="download", object_id=str(w2.id)).exists()


def test_no_letter_without_w2_or_w6_or_for_a_voided_assessment(physio_client, patient, physio, w2):
    plain = AssessmentFactory(
        patient=PatientFactory(clinic=patient.clinic), category="hverdagsaktiv"
    )
    for name in ("gp_letter", "gp_letter_pdf"):
        assert physio_client.get(reverse(f"assessment:{name}", args=[plain.id])).status_code == 404
    services.assessment_void(assessment=w2, voided_by=physio, reason="Forkert patient")
    for name in ("gp_letter", "gp_letter_pdf"):
        assert physio_client.get(reverse(f"assessment:{name}", args=[w2.id])).status_code == 404
