"""The patient list as a worklist: category, last assessment, next reassessment and flags per
patient; due this week, overdue and red-flag filters; sorting by due date or name."""

import importlib
from datetime import timedelta

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from assessment.models import Assessment, Patient
from assessment.services import worklist_refresh
from tests.factories import AssessmentFactory, PatientFactory, PrescriptionFactory, ProgramFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def visit(clinic, physio, last_name, days_ago, **inputs):
    patient = PatientFactory(clinic=clinic, last_name=last_name)
    AssessmentFactory(
        patient=patient,
        assessed_by=physio,
        assessment_date=TODAY() - timedelta(days=days_ago),
        **inputs,
    )
    patient.refresh_from_db()
    return patient


def names(response):
    return [row["patient"].last_name for row in response.context["rows"]]


def test_each_row_shows_category_last_assessment_next_due_and_flags(physio_client, clinic, physio):
    visit(clinic, physio, "Hensyn", 10, category="hverdagsaktiv_med_hensyn")
    visit(clinic, physio, "Rødflag", 0, height_loss_cm=4.0)
    PatientFactory(clinic=clinic, last_name="Ny")
    page = physio_client.get(reverse("assessment:patient_list")).content.decode()
    assert "Hverdagsaktiv med hensyn" in page
    ten_days_ago = (TODAY() - timedelta(days=10)).strftime("%d.%m.%Y")
    due = (TODAY() - timedelta(days=10) + timedelta(days=84)).strftime("%d.%m.%Y")
    assert ten_days_ago in page and due in page
    assert "Rødt flag: røntgen" in page
    soon = (TODAY() + timedelta(days=28)).strftime("%d.%m.%Y")  # W6: within 4 weeks
    assert soon in page
    assert "ikke undersøgt" in page


def test_acute_phase_shows_the_underlying_category(physio_client, clinic, physio):
    visit(clinic, physio, "Akut", 0, category="akutfase")
    page = physio_client.get(reverse("assessment:patient_list")).content.decode()
    assert "Akutfasen" in page and "derefter: Hverdagsaktiv med hensyn" in page


def test_filters_due_this_week_overdue_and_red_flags(physio_client, clinic, physio):
    today = TODAY()
    days_to_sunday = 6 - today.weekday()
    visit(clinic, physio, "Overskredet", 85)  # due yesterday
    visit(clinic, physio, "Idag", 84)  # due today
    visit(clinic, physio, "Søndag", 84 - days_to_sunday)  # due on Sunday
    visit(clinic, physio, "Næsteuge", 84 - days_to_sunday - 1)  # due next Monday
    visit(clinic, physio, "Flag", 0, suspected_new_vertebral_fracture=True)
    url = reverse("assessment:patient_list")
    assert names(physio_client.get(url, {"show": "overdue"})) == ["Overskredet"]
    assert sorted(names(physio_client.get(url, {"show": "due_this_week"}))) == sorted(
        {"Idag", "Søndag"}
    )
    assert names(physio_client.get(url, {"show": "red_flags"})) == ["Flag"]
    assert len(names(physio_client.get(url))) == 5


def test_sorting_by_due_date_puts_the_never_assessed_last(physio_client, clinic, physio):
    visit(clinic, physio, "Aaa", 10)
    visit(clinic, physio, "Bbb", 80)
    visit(clinic, physio, "Ccc", 40)
    PatientFactory(clinic=clinic, last_name="Abe")
    url = reverse("assessment:patient_list")
    assert names(physio_client.get(url, {"order": "due"})) == ["Bbb", "Ccc", "Aaa", "Abe"]
    assert names(physio_client.get(url)) == ["Aaa", "Abe", "Bbb", "Ccc"]


def test_search_still_works_with_a_filter(physio_client, clinic, physio):
    visit(clinic, physio, "Holm", 90)
    visit(clinic, physio, "Lund", 90)
    url = reverse("assessment:patient_list") + "?show=overdue"
    physio_client.post(url, {"q": "holm"})
    response = physio_client.get(url)
    assert names(response) == ["Holm"]
    page = response.content.decode()
    assert "q=holm" not in page  # the search is kept in the session, never in a link
    assert 'href="?show=overdue&amp;order=due"' in page  # sorting keeps the filter


def test_flags_for_a_changed_category_and_a_prescription_to_review(
    physio_client, clinic, physio, library
):
    changed = PatientFactory(clinic=clinic, last_name="Ændret")
    first = AssessmentFactory(
        patient=changed, assessed_by=physio, assessment_date=TODAY() - timedelta(days=84)
    )
    PrescriptionFactory(program=ProgramFactory(assessment=first))
    AssessmentFactory(patient=changed, assessed_by=physio, category="traeningsaktiv")
    corrected = PatientFactory(clinic=clinic, last_name="Rettet")
    original = AssessmentFactory(patient=corrected, assessed_by=physio)
    PrescriptionFactory(program=ProgramFactory(assessment=original))
    from assessment.domain.parsing import parse_assessment
    from assessment.services import assessment_correct

    assessment_correct(
        assessment=original,
        corrected_by=physio,
        inputs=parse_assessment(original.inputs, today=TODAY()),
        reason="Rettelse",
    )
    response = physio_client.get(reverse("assessment:patient_list"))
    rows = {row["patient"].last_name: row for row in response.context["rows"]}
    assert rows["Ændret"]["category_changed"] and not rows["Ændret"]["review"]
    assert rows["Rettet"]["review"] == ["Bygger på en rettet undersøgelse: gennemse"]
    page = response.content.decode()
    assert "Kategori ændret: gennemse" in page


def test_a_dk_2026_1_result_gets_its_due_date_from_section_4b(patient, physio):
    day = TODAY() - timedelta(days=10)
    Assessment.objects.create(
        patient=patient, assessed_by=physio, assessment_date=day,
        inputs={"assessment_date": day.isoformat()},
        result={"ruleset": "DK-2026.1", "category": "hverdagsaktiv", "underlying_category": None,
                "acute_phase_ends": None, "rules": ["B4"], "explanations": {},
                "fall_risk": "low", "fall_prevention_focus": False, "bone_status": "unknown",
                "warnings": ["W4"]},
        ruleset="DK-2026.1", suggested_category="hverdagsaktiv", final_category="hverdagsaktiv",
    )  # fmt: skip
    worklist_refresh(patient=patient)
    assert patient.next_reassessment_due == day + timedelta(days=28)  # W4: within 4 weeks


def test_the_migration_fills_the_columns_for_assessments_saved_before(patient, physio):
    """Assessments saved before the columns existed get them from the data migration."""
    saved = AssessmentFactory(
        patient=patient, assessed_by=physio, fes_i_short=[2, 2, 2, 2, 2, 2, 2], height_loss_cm=5.0
    )
    Assessment.objects.update(fes_i_total=None)
    Patient.objects.update(
        latest_assessment_date=None, latest_category="", next_reassessment_due=None,
        red_flag=False,
    )  # fmt: skip
    migration = importlib.import_module("assessment.migrations.0004_fill_worklist_and_fes_i")
    migration.fill(apps, None)
    patient.refresh_from_db()
    saved.refresh_from_db()
    assert saved.fes_i_total == 14
    assert patient.latest_assessment_date == saved.assessment_date
    assert patient.latest_category == saved.final_category and patient.red_flag
    assert patient.next_reassessment_due == saved.assessment_date + timedelta(days=28)


def test_the_list_is_a_fixed_number_of_queries(physio_client, clinic, physio, library,
                                               django_assert_max_num_queries):  # fmt: skip
    for number in range(3):
        visit(clinic, physio, f"Patient {number}", 30 * number, height_loss_cm=4.0)
    url = reverse("assessment:patient_list")
    physio_client.get(url)
    with django_assert_max_num_queries(3):
        physio_client.get(url, {"show": "red_flags", "order": "due"})
