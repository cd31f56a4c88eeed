import re
from datetime import date, timedelta
from urllib.parse import urljoin

import pytest
from django.urls import reverse
from django.utils import timezone

from assessment.models import Assessment, Patient
from osteoactive.models import AuditEvent
from tests.factories import PatientFactory
from tests.support.assessment_form import create_url, valid_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def patient(clinic):
    return PatientFactory(clinic=clinic, birth_date=date(1950, 3, 2))


def test_valid_assessment_is_saved_with_inputs_result_and_choice(physio_client, patient):
    response = physio_client.post(create_url(patient), valid_post())
    assert response.status_code == 302
    assessment = Assessment.objects.get()
    assert assessment.suggested_category == "akutfase"
    assert assessment.final_category == "akutfase"
    assert assessment.result["underlying_category"] == "traeningsaktiv_med_hensyn"
    assert assessment.result["rules"] == ["A1", "B3", "C1"]
    assert assessment.ruleset == "DK-2026.2"
    assert assessment.inputs["t_scores"]["lumbar_spine"] == -2.7
    assert assessment.inputs["fractures"][0]["site"] == "vertebral"
    assert float(assessment.tug_seconds) == 9.5
    page = physio_client.get(response["Location"]).content.decode()
    assert "Akutfasen" in page and "Træningsaktiv med hensyn" in page


@pytest.mark.parametrize(
    "field,value,message_part",
    [
        ("t_lumbar_spine", "-6,1", "T-score"),
        ("t_femoral_neck", "4,1", "T-score"),
        ("tug_seconds", "2,9", "TUG"),
        ("tug_seconds", "120,1", "TUG"),
        ("sts5_seconds", "90,1", "5xSTS"),
        ("tandem_seconds", "30,1", "andem"),
        ("falls_last_12_months", "51", "fald"),
        ("pain_nrs", "11", "NRS"),
        ("frax_hip_percent", "100,5", "FRAX"),
        ("assessment_date", (date.today() + timedelta(days=2)).isoformat(), "dato"),
    ],
)
def test_out_of_range_field_is_refused_next_to_the_field(
    physio_client, patient, field, value, message_part
):
    response = physio_client.post(create_url(patient), valid_post(**{field: value}))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors, errors
    assert message_part.lower() in " ".join(errors[field]).lower()
    assert Assessment.objects.count() == 0


def test_tandem_over_a_ten_second_ceiling_is_refused(physio_client, patient):
    response = physio_client.post(
        create_url(patient), valid_post(tandem_seconds="12", tandem_max_seconds="10")
    )
    assert "tandem_seconds" in response.context["form"].errors
    assert Assessment.objects.count() == 0


def test_fracture_row_error_is_shown_on_the_row(physio_client, patient):
    future = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = physio_client.post(create_url(patient), valid_post(**{"fractures-0-date": future}))
    form = response.context["form"]
    assert form.fractures.forms[0].errors["date"]
    assert Assessment.objects.count() == 0


def test_injurious_fall_needs_a_fall(physio_client, patient):
    response = physio_client.post(
        create_url(patient), valid_post(falls_last_12_months="0", injurious_fall="on")
    )
    assert response.context["form"].errors
    assert Assessment.objects.count() == 0


def test_several_errors_are_reported_at_once(physio_client, patient):
    response = physio_client.post(
        create_url(patient), valid_post(tug_seconds="999", pain_nrs="12", t_forearm="-9")
    )
    errors = response.context["form"].errors
    assert {"tug_seconds", "pain_nrs", "t_forearm"} <= set(errors)


def test_override_without_reason_is_refused(physio_client, patient):
    response = physio_client.post(create_url(patient), valid_post(final_category="hverdagsaktiv"))
    assert "override_reason" in response.context["form"].errors
    assert Assessment.objects.count() == 0


def test_override_with_reason_stores_both(physio_client, patient):
    physio_client.post(
        create_url(patient),
        valid_post(final_category="funktionsbegraenset", override_reason="Nyopereret, meget træt"),
    )
    assessment = Assessment.objects.get()
    assert assessment.suggested_category == "akutfase"
    assert assessment.final_category == "funktionsbegraenset"
    page = physio_client.get(reverse("assessment:assessment_detail", args=[assessment.id]))
    assert "Nyopereret, meget træt" in page.content.decode()


def test_override_after_saving_needs_a_reason(physio_client, patient):
    physio_client.post(create_url(patient), valid_post())
    assessment = Assessment.objects.get()
    url = reverse("assessment:assessment_override", args=[assessment.id])
    physio_client.post(url, {"category": "hverdagsaktiv", "reason": " "})
    assessment.refresh_from_db()
    assert assessment.final_category == "akutfase"
    physio_client.post(url, {"category": "hverdagsaktiv", "reason": "Klinisk vurdering"})
    assessment.refresh_from_db()
    assert assessment.final_category == "hverdagsaktiv"
    assert assessment.override_reason == "Klinisk vurdering"


def test_live_preview_categorises_without_saving(physio_client, patient):
    url = reverse("assessment:assessment_preview", args=[patient.id])
    response = physio_client.post(url, valid_post(**{"fractures-TOTAL_FORMS": "0"}))
    page = response.content.decode()
    assert "Træningsaktiv" in page and "B3" in page
    slower = physio_client.post(
        url, valid_post(**{"fractures-TOTAL_FORMS": "0", "tug_seconds": "12,1"})
    ).content.decode()
    assert "Hverdagsaktiv" in slower and "B4" in slower
    assert Assessment.objects.count() == 0


def test_missing_tests_still_save_and_warn(physio_client, patient):
    response = physio_client.post(
        create_url(patient), valid_post(tug_seconds=None, sts5_seconds=None, tandem_seconds=None)
    )
    assert response.status_code == 302
    page = physio_client.get(response["Location"]).content.decode()
    assert "W3" in page


def test_another_clinics_patient_is_a_404(physio_client, other_clinic):
    stranger = PatientFactory(clinic=other_clinic)
    for name in ["patient_detail", "patient_edit", "assessment_create"]:
        url = reverse(f"assessment:{name}", args=[stranger.id])
        assert physio_client.get(url).status_code == 404
    assert physio_client.post(create_url(stranger), valid_post()).status_code == 404
    assert Assessment.objects.count() == 0


def test_patient_list_search_and_masked_cpr(physio_client, clinic, other_clinic):
    PatientFactory(clinic=clinic, first_name="Inger", last_name="Holm", cpr="020350-1234")
    PatientFactory(clinic=clinic, first_name="Bent", last_name="Lund")
    PatientFactory(clinic=other_clinic, first_name="Inger", last_name="Fremmed")
    url = reverse("assessment:patient_list")
    page = physio_client.post(url, {"q": "inger"}, follow=True).content.decode()
    assert "Holm" in page and "Lund" not in page and "Fremmed" not in page
    assert "020350-XXXX" in page and "1234" not in page
    by_cpr = physio_client.post(url, {"q": "0203501234"}, follow=True)
    assert "Holm" in by_cpr.content.decode()


def test_the_search_never_stands_in_a_url(physio_client, clinic):
    """Posted, kept in the session and shown again, so no access log or history holds it."""
    PatientFactory(clinic=clinic, first_name="Inger", last_name="Holm", cpr="020350-1234")
    PatientFactory(clinic=clinic, first_name="Bent", last_name="Lund")
    url = reverse("assessment:patient_list")
    posted = physio_client.post(url, {"q": "0203501234"})
    assert posted.status_code == 302 and posted["Location"] == url
    again = physio_client.get(url).content.decode()
    assert "Holm" in again and "Lund" not in again and 'value="0203501234"' in again
    assert "0203501234" not in "".join(re.findall(r'href="([^"]*)"', again))
    cleared = physio_client.post(url, {"clear": "1"}, follow=True).content.decode()
    assert "Holm" in cleared and "Lund" in cleared


def test_patient_list_paginates(physio_client, clinic):
    PatientFactory.create_batch(30, clinic=clinic)
    first = physio_client.get(reverse("assessment:patient_list"))
    assert len(first.context["page"].object_list) == 25
    second = physio_client.get(reverse("assessment:patient_list"), {"page": 2})
    assert len(second.context["page"].object_list) == 5


def test_patient_list_rows_link_to_the_patient(physio_client, clinic):
    patient = PatientFactory(clinic=clinic, first_name="Inger", last_name="Holm")
    list_url = reverse("assessment:patient_list")
    physio_client.post(list_url, {"q": "holm"})
    page = physio_client.get(list_url, {"page": "1"}).content.decode()
    href = re.search(r'<a href="([^"]+)">Holm, Inger</a>', page)[1]
    assert urljoin(f"http://testserver{list_url}?page=1", href) == (
        "http://testserver" + reverse("assessment:patient_detail", args=[patient.id])
    )


def test_create_patient_validates_cpr_against_birth_date(physio_client, clinic):
    data = {
        "first_name": "Ole",
        "last_name": "Bjerg",
        "birth_date": "1948-07-15",
        "sex": "male",
        "cpr": "150749-1111",
        "handout_language": "da",
    }
    response = physio_client.post(reverse("assessment:patient_create"), data)
    assert "cpr" in response.context["form"].errors
    data["cpr"] = "1507481111"
    response = physio_client.post(reverse("assessment:patient_create"), data)
    assert response.status_code == 302
    assert Patient.objects.get().cpr == "150748-1111"


def test_cpr_century_digit_must_agree_with_the_birth_date(physio_client, clinic):
    data = {
        "first_name": "Ole", "last_name": "Bjerg", "birth_date": "1950-01-01", "sex": "male",
        "cpr": "010150-5123", "handout_language": "da",
    }  # fmt: skip
    response = physio_client.post(reverse("assessment:patient_create"), data)
    assert "cpr" in response.context["form"].errors, "5 in 1950 means 2050"
    data["cpr"] = "010150-3123"
    assert physio_client.post(reverse("assessment:patient_create"), data).status_code == 302


def test_archive_hides_patient_from_list(physio_client, patient):
    physio_client.post(reverse("assessment:patient_archive", args=[patient.id]))
    page = physio_client.get(reverse("assessment:patient_list")).content.decode()
    assert patient.last_name not in page
    archived = physio_client.get(reverse("assessment:patient_list"), {"archived": "1"})
    assert patient.last_name in archived.content.decode()


def test_viewing_a_patient_writes_one_audit_row(physio_client, patient):
    physio_client.get(reverse("assessment:patient_detail", args=[patient.id]))
    events = AuditEvent.objects.filter(patient_id=patient.id, action="view")
    assert events.count() == 1
    assert events.get().actor_username == "physio"


def test_progress_charts_show_cut_offs(physio_client, patient):
    physio_client.post(create_url(patient), valid_post())
    physio_client.post(create_url(patient), valid_post(tug_seconds="14,0"))
    page = physio_client.get(reverse("assessment:patient_detail", args=[patient.id]))
    charts = page.context["charts"]
    assert [c["title"] for c in charts] == [
        "Timed Up and Go", "5 × rejse-sætte-sig", "Tandemstand", "Short FES-I", "Laveste T-score"
    ]  # fmt: skip
    tug = charts[0]["svg"]
    assert "<svg" in tug and "13,5 faldrisiko" in tug and ">20 " in tug


def test_choosing_the_suggested_category_needs_no_reason(physio_client, patient):
    response = physio_client.post(create_url(patient), valid_post(final_category="akutfase"))
    assert response.status_code == 302
    assert Assessment.objects.get().override_reason == ""


def test_a_huge_page_number_is_not_an_error(physio_client):
    response = physio_client.get(reverse("assessment:patient_list"), {"page": "9" * 30})
    assert response.status_code == 200


def test_the_override_rule_is_kept_by_the_services(physio_client, physio, patient):
    from assessment import services
    from assessment.domain.parsing import parse_assessment
    from osteoactive.errors import ServiceError

    physio_client.post(create_url(patient), valid_post())
    assessment = Assessment.objects.get()
    inputs = parse_assessment(assessment.inputs, today=assessment.assessment_date)
    with pytest.raises(ServiceError) as refused:
        services.assessment_create(
            patient=patient, assessed_by=physio, inputs=inputs, final_category="hverdagsaktiv"
        )
    assert refused.value.code == "override_needs_reason"
    for category, reason, code in [
        ("hverdagsaktiv", "  ", "override_needs_reason"),
        ("no-such-category", "Klinisk vurdering", "unknown_category"),
    ]:
        with pytest.raises(ServiceError) as refused:
            services.assessment_choose_category(
                assessment=assessment, category=category, reason=reason
            )
        assert refused.value.code == code
    services.assessment_choose_category(assessment=assessment, category="akutfase", reason=" x ")
    assessment.refresh_from_db()
    assert assessment.final_category == "akutfase" and assessment.override_reason == ""
    assert Assessment.objects.count() == 1


def test_a_refused_override_says_why(physio_client, patient):
    physio_client.post(create_url(patient), valid_post())
    assessment = Assessment.objects.get()
    url = reverse("assessment:assessment_override", args=[assessment.id])
    response = physio_client.post(url, {"category": "hverdagsaktiv", "reason": ""}, follow=True)
    assert [str(m) for m in response.context["messages"]][-1] == (
        "Angiv begrundelsen for at vælge en anden kategori end forslaget."
    )
