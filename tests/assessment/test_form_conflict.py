"""The assessment form names the assessment it was filled against: when a colleague saved one
for the same patient while it was being typed, the save is refused with a message, the typed
values are kept and the form now starts from the colleague's assessment, so saving again works
under the usual carry-forward rules."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from assessment.drafts import draft_key
from assessment.models import Assessment, AssessmentDraft
from osteoactive.models import AuditEvent
from tests.factories import PASSWORD, AssessmentFactory, MembershipFactory, UserFactory
from tests.support.assessment_form import create_url, valid_post
from tests.support.html_form import posted_form

pytestmark = pytest.mark.django_db

CONFLICT = "En kollega gemte en undersøgelse af denne patient"


@pytest.fixture
def colleague(clinic):
    user = UserFactory(username="colleague", first_name="Mette", last_name="Holm")
    return MembershipFactory(clinic=clinic, user=user).user


@pytest.fixture
def first_visit(patient, physio):
    return AssessmentFactory(
        patient=patient,
        assessed_by=physio,
        assessment_date=timezone.localdate() - timedelta(days=84),
        t_scores={"lumbar_spine": -3.2, "femoral_neck": -2.6},
        medication="denosumab",
        frax_major_percent=22.0,
    )


def colleague_saves(patient, colleague, **inputs):
    return AssessmentFactory(
        patient=patient,
        assessed_by=colleague,
        assessment_date=timezone.localdate() - timedelta(days=1),
        **inputs,
    )


def opened_form(client, patient) -> dict:
    page = client.get(create_url(patient)).content.decode()
    return posted_form(page, "assessment-form")


def typed(data, **changes) -> dict:
    data = dict(data)
    data.update(
        tug_seconds="8,9",
        sts5_seconds="10,8",
        tandem_seconds="30",
        falls_last_12_months="0",
        pain_nrs="2",
        notes="Typed while a colleague saved",
    )
    data.update(changes)
    return data


def assert_refused_and_kept(response, colleague_assessment, count):
    assert response.status_code == 200
    assert Assessment.objects.count() == count
    form = response.context["form"]
    assert form.previous == colleague_assessment
    assert form.non_field_errors() and CONFLICT in form.non_field_errors()[0]
    assert "Mette Holm" in form.non_field_errors()[0]
    page = response.content.decode()
    assert 'data-testid="error-summary"' in page and CONFLICT in page
    shown = posted_form(page, "assessment-form")
    assert shown["based_on"] == str(colleague_assessment.pk)
    assert shown["tug_seconds"] == "8,9" and shown["notes"] == "Typed while a colleague saved"
    return shown


def test_a_reassessment_saved_after_a_colleagues_is_refused_then_saved(
    physio_client, patient, first_visit, colleague
):
    data = typed(opened_form(physio_client, patient))
    assert data["based_on"] == str(first_visit.pk)
    theirs = colleague_saves(patient, colleague, t_scores={"lumbar_spine": -3.5})
    response = physio_client.post(create_url(patient), data)
    shown = assert_refused_and_kept(response, theirs, count=2)
    form = response.context["form"]
    assert list(form.errors) == ["__all__"]  # no "emptied" errors for values never shown
    assert shown["t_lumbar_spine"] == "-3,2"
    assert AuditEvent.objects.filter(action="view", object_id=str(theirs.pk)).exists()
    saved = physio_client.post(create_url(patient), shown)
    assert saved.status_code == 302, saved.context["form"].error_summary()
    mine = Assessment.objects.exclude(pk__in=[first_visit.pk, theirs.pk]).get()
    assert mine.inputs["tug_seconds"] == 8.9 and mine.inputs["t_scores"]["lumbar_spine"] == -3.2


def test_after_the_conflict_the_usual_carry_forward_rules_apply(
    physio_client, patient, first_visit, colleague
):
    data = typed(opened_form(physio_client, patient))
    theirs = colleague_saves(patient, colleague, t_scores={"lumbar_spine": -3.5, "forearm": -1.0})
    refused = physio_client.post(create_url(patient), data)
    assert list(refused.context["form"].errors) == ["__all__"]
    shown = posted_form(refused.content.decode(), "assessment-form")
    again = physio_client.post(create_url(patient), shown)
    assert again.status_code == 200 and "t_forearm" in again.context["form"].errors
    removed = physio_client.post(create_url(patient), {**shown, "remove_t_forearm": "on"})
    assert removed.status_code == 302
    assert Assessment.objects.exclude(pk__in=[first_visit.pk, theirs.pk]).count() == 1


def test_a_first_assessment_saved_after_a_colleagues_is_refused_then_saved(
    physio_client, patient, colleague
):
    opened = opened_form(physio_client, patient)
    assert opened["based_on"] == ""
    data = {**valid_post(notes="Typed while a colleague saved", tug_seconds="8,9"), "based_on": ""}
    theirs = colleague_saves(patient, colleague)
    response = physio_client.post(create_url(patient), data)
    shown = assert_refused_and_kept(response, theirs, count=1)
    assert response.context["kind"] == "reassessment"
    saved = physio_client.post(create_url(patient), shown)
    assert saved.status_code == 302, saved.context["form"].error_summary()
    assert Assessment.objects.exclude(pk=theirs.pk).get().inputs["tug_seconds"] == 8.9


def test_without_a_colleagues_save_the_form_saves_at_once(physio_client, patient, first_visit):
    data = typed(opened_form(physio_client, patient))
    response = physio_client.post(create_url(patient), data)
    assert response.status_code == 302
    assert Assessment.objects.count() == 2


def test_a_voided_starting_point_is_refused_too(physio_client, patient, first_visit, physio):
    data = typed(opened_form(physio_client, patient))
    Assessment.objects.filter(pk=first_visit.pk).update(
        voided_at=timezone.now(), voided_by=physio, void_reason="wrong patient"
    )
    response = physio_client.post(create_url(patient), data)
    assert response.status_code == 200 and Assessment.objects.count() == 1
    assert "ved en fejl, mens du skrev" in response.context["form"].non_field_errors()[0]
    shown = posted_form(response.content.decode(), "assessment-form")
    assert shown["based_on"] == ""
    assert physio_client.post(create_url(patient), shown).status_code == 302


def test_a_draft_with_an_outdated_start_gives_the_message_not_a_loss(
    client, physio, patient, first_visit, colleague
):
    client.force_login(physio)
    url = create_url(patient)
    data = typed(opened_form(client, patient), draft_key=draft_key(physio, url))
    Session.objects.all().delete()
    assert client.post(url, data).status_code == 302
    assert AssessmentDraft.objects.get().data["based_on"] == [str(first_visit.pk)]
    theirs = colleague_saves(patient, colleague)
    client.post(reverse("login"), {"username": physio.username, "password": PASSWORD})
    restored = client.get(url)
    page = restored.content.decode()
    assert 'data-testid="draft-restored"' in page and CONFLICT in page
    shown = posted_form(page, "assessment-form")
    assert shown["based_on"] == str(theirs.pk) and shown["tug_seconds"] == "8,9"
    saved = client.post(url, shown)
    assert saved.status_code == 302, saved.context["form"].error_summary()
    assert Assessment.objects.count() == 3 and not AssessmentDraft.objects.exists()


def test_the_live_preview_still_suggests_on_an_outdated_form(
    physio_client, patient, first_visit, colleague
):
    data = typed(opened_form(physio_client, patient))
    colleague_saves(patient, colleague)
    url = reverse("assessment:assessment_preview", args=[patient.id])
    shown = physio_client.post(url, data).content.decode()
    assert 'data-testid="summary-category"' in shown
    assert Assessment.objects.count() == 2
