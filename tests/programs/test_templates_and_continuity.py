"""Clinic templates (save, apply re-filtered, rename and delete) and continuing a program at a
reassessment, through the services and the pages."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from programs import services
from programs.models import Exercise, Program, ProgramTemplate
from tests.factories import (
    AssessmentFactory,
    ExerciseFactory,
    MembershipFactory,
    PatientFactory,
    ProgramFactory,
    ProgramTemplateFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def active_program(physio, clinic, library):
    """Hverdagsaktiv at home with a band: two moderate impact items, and a squat dose the
    physiotherapist changed."""
    assessment = AssessmentFactory(
        patient=PatientFactory(clinic=clinic), assessed_by=physio, category="hverdagsaktiv"
    )
    program = ProgramFactory(assessment=assessment, created_by=physio, equipment=["band"])
    assert program.items.filter(exercise__impact="moderate").count() == 2
    squat = program.items.get(slot="squat")
    services.program_item_set_dose(item=squat, days_per_week=3, dose={"sets": 3, "reps": 12})
    return program


def test_a_template_applied_to_a_precaution_patient_drops_impact_and_says_why(
    physio_client, physio, clinic, active_program
):
    response = physio_client.post(
        reverse("programs:template_save", args=[active_program.id]),
        {"name": "Hold for hverdagsaktive"},
    )
    assert response.status_code == 302
    template = ProgramTemplate.objects.get(clinic=clinic)
    assert template.items.count() == active_program.items.count()
    assert not {f.name for f in ProgramTemplate._meta.get_fields()} & {"patient", "assessment"}

    other = AssessmentFactory(
        patient=PatientFactory(clinic=clinic),
        assessed_by=physio,
        category="hverdagsaktiv_med_hensyn",
    )
    result = physio_client.get(reverse("assessment:assessment_detail", args=[other.id]))
    assert reverse("programs:template_apply", args=[other.id]) in result.content.decode()
    choice = physio_client.get(reverse("programs:template_apply", args=[other.id]))
    assert "Hold for hverdagsaktive" in choice.content.decode()
    response = physio_client.post(
        reverse("programs:template_apply", args=[other.id]),
        {"template": template.id, "setting": "home", "equipment": ["band"]},
    )
    program = Program.objects.get(assessment=other)
    assert response["Location"] == reverse("programs:program_detail", args=[program.id])
    assert program.origin == "template" and program.template_name == "Hold for hverdagsaktive"
    assert not program.items.filter(exercise__impact="moderate").exists()
    dropped = [c for c in program.changes if c["kind"] == "dropped"]
    assert len(dropped) == 2
    assert all("impact_above_low" in c["rules"] and c["reason"]["da"] for c in dropped)
    assert program.items.get(slot="squat").dose == {"sets": 3, "reps": 12}  # the edited dose
    text = physio_client.get(response["Location"]).content.decode()
    assert 'data-testid="changes"' in text and text.count('data-testid="change"') == 2
    suggested = [c["suggestion"] for c in dropped if c["suggestion"]]
    for suggestion in suggested:
        assert Exercise.objects.get(id=suggestion["id"]).impact in ("none", "low")


def test_a_template_name_is_once_per_clinic(physio_client, active_program):
    url = reverse("programs:template_save", args=[active_program.id])
    physio_client.post(url, {"name": "Hold A"})
    again = physio_client.post(url, {"name": "  hold   a "})
    assert again.status_code == 200 and "name" in again.context["form"].errors
    assert ProgramTemplate.objects.count() == 1


def test_apply_refuses_another_clinics_template(physio_client, physio, clinic, other_clinic):
    theirs = ProgramTemplateFactory(program__assessment__patient__clinic=other_clinic)
    assessment = AssessmentFactory(patient=PatientFactory(clinic=clinic), assessed_by=physio)
    ours = ProgramTemplateFactory(program__assessment__patient__clinic=clinic, name="Vores hold")
    url = reverse("programs:template_apply", args=[assessment.id])
    response = physio_client.post(url, {"template": theirs.id, "setting": "home"})
    assert "template" in response.context["form"].errors
    assert not Program.objects.filter(assessment=assessment).exists()
    assert response.context["templates"] == [ours]
    assert theirs.name not in physio_client.get(url).content.decode()


def test_rename_and_delete_by_the_author_or_an_admin_only(client, clinic, physio, clinic_admin):
    template = ProgramTemplateFactory(
        program__assessment__patient__clinic=clinic, created_by=physio, name="Hold B"
    )
    colleague = MembershipFactory(clinic=clinic, user=UserFactory(username="kollega")).user
    rename = reverse("programs:template_rename", args=[template.id])
    delete = reverse("programs:template_delete", args=[template.id])
    assert client.get(rename).status_code == 302  # anonymous: to the login
    client.force_login(colleague)
    assert client.get(rename).status_code == 403
    assert client.post(delete).status_code == 403
    listed = client.get(reverse("programs:template_list"))
    assert listed.context["templates"] == [(template, False)]
    client.force_login(physio)
    assert client.post(rename, {"name": "Hold B, ny"}).status_code == 302
    template.refresh_from_db()
    assert template.name == "Hold B, ny"
    client.force_login(clinic_admin)
    assert client.get(delete).status_code == 200
    assert client.post(delete).status_code == 302
    assert not ProgramTemplate.objects.exists()


# --- continuing at a reassessment -------------------------------------------------------------------


@pytest.fixture
def first_program(physio, clinic, library):
    """Hverdagsaktiv with a slow 5xSTS (P3: the squat ladder on its easiest rung), 90 days ago,
    with a dose the physiotherapist changed and a crunch added by hand against the rules."""
    patient = PatientFactory(clinic=clinic)
    day = timezone.localdate() - timedelta(days=90)
    assessment = AssessmentFactory(
        patient=patient, assessed_by=physio, assessment_date=day, sts5_seconds=16.0
    )
    program = ProgramFactory(assessment=assessment, created_by=physio, equipment=["band"])
    pull = program.items.get(slot="pull")
    services.program_item_set_dose(item=pull, days_per_week=3, dose={"sets": 3, "reps": 12})
    crunch = ExerciseFactory(clinic=clinic, name_da="Mavebøjning", loaded_spinal_flexion=True)
    services.program_item_add(program=program, exercise=crunch, confirmed=True)
    return program


def test_continue_at_a_reassessment_keeps_moves_on_and_lists_every_change(
    physio_client, physio, first_program
):
    squat = first_program.items.get(slot="squat")
    assert squat.exercise.rung == 1
    reassessment = AssessmentFactory(
        patient=first_program.assessment.patient, assessed_by=physio, sts5_seconds=12.0
    )
    page = physio_client.get(reverse("assessment:assessment_detail", args=[reassessment.id]))
    text = page.content.decode()
    assert 'data-testid="continue-program"' in text and str(first_program.id) in text
    response = physio_client.post(
        reverse("programs:program_continue", args=[reassessment.id]),
        {"program": first_program.id},
    )
    program = Program.objects.get(assessment=reassessment)
    assert program.origin == "continued" and program.continued_from == first_program
    assert program.items.get(slot="squat").exercise.rung == 2  # 5xSTS better: one rung on
    assert program.items.get(slot="pull").dose == {"sets": 3, "reps": 12}
    assert not program.items.filter(exercise__loaded_spinal_flexion=True).exists()
    kinds = sorted(c["kind"] for c in program.changes)
    assert "moved_on" in kinds and "dropped" in kinds
    text = physio_client.get(response["Location"]).content.decode()
    assert text.count('data-testid="change"') == len(program.changes)
    assert "5xSTS" in text


def test_continue_is_offered_only_for_an_earlier_program(physio_client, physio, first_program):
    first = first_program.assessment
    page = physio_client.get(reverse("assessment:assessment_detail", args=[first.id]))
    assert 'data-testid="continue-program"' not in page.content.decode()
    url = reverse("programs:program_continue", args=[first.id])
    assert physio_client.post(url, {"program": first_program.id}).status_code == 404


def test_continue_prefers_the_prescribed_program(physio, first_program):
    from prescriptions.services import prescription_issue
    from programs.selectors import current_program

    prescribed = first_program
    ProgramFactory(assessment=first_program.assessment, created_by=physio)  # newer, not issued
    prescription_issue(program=prescribed, issued_by=physio)
    later = AssessmentFactory(patient=first_program.assessment.patient, assessed_by=physio)
    assert current_program(later) == prescribed
