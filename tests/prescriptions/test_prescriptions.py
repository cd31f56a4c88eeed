import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from prescriptions import rendering, services
from prescriptions.models import Handout
from programs.models import Exercise

pytestmark = pytest.mark.django_db


def pdf_text(handout):
    with handout.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_issue_freezes_a_snapshot_and_renders_the_handout(issue, program, patient):
    prescription, callbacks = issue(program)
    assert prescription.version == 1
    names = [e["name"]["da"] for e in prescription.snapshot["exercises"]]
    assert names == [i.exercise.name_da for i in program.items.order_by("position")]
    handout = prescription.handouts.get()
    assert handout.status == Handout.Status.READY
    assert handout.language == patient.handout_language
    text = pdf_text(handout)
    assert "Åse Ørbæk" in text
    assert all(name in text for name in names)


def test_reissue_supersedes_but_keeps_the_old_version(issue, program, physio_client):
    first, _ = issue(program)
    program.items.first().delete()
    second, _ = issue(program)
    first.refresh_from_db()
    assert second.version == 2 and first.is_superseded and not second.is_superseded
    page = physio_client.get(reverse("prescriptions:prescription_detail", args=[first.id]))
    assert page.status_code == 200 and 'data-testid="superseded"' in page.content.decode()
    assert len(first.snapshot["exercises"]) == len(second.snapshot["exercises"]) + 1


def test_library_edit_never_changes_an_issued_handout(issue, program, physio):
    prescription, _ = issue(program)
    item = program.items.select_related("exercise").first()
    original = item.exercise.name_da
    Exercise.objects.filter(pk=item.exercise_id).update(name_da="Ændret navn", instructions_da="Ny")
    prescription.refresh_from_db()
    assert prescription.snapshot["exercises"][0]["name"]["da"] == original
    prescription.handouts.all().delete()
    handout, created = services.handout_request(
        prescription=prescription, language="da", requested_by=physio
    )
    assert created
    rendering.handout_render(handout.id)
    handout.refresh_from_db()
    text = pdf_text(handout)
    assert original in text and "Ændret navn" not in text


def test_duplicate_requests_while_queued_create_one_render(issue, program, physio):
    prescription, callbacks = issue(program, render=False)
    assert len(callbacks) == 1
    again, created = services.handout_request(
        prescription=prescription, language="da", requested_by=physio
    )
    assert not created and prescription.handouts.count() == 1
    assert again.status == Handout.Status.QUEUED


def test_duplicate_requests_through_the_view(
    issue, program, physio_client, django_capture_on_commit_callbacks
):
    prescription, _ = issue(program, render=False)
    url = reverse("prescriptions:handout_request", args=[prescription.id])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        physio_client.post(url, {"language": "da"})
        physio_client.post(url, {"language": "da"})
    assert callbacks == []
    assert prescription.handouts.filter(language="da").count() == 1


def test_ready_handout_is_served_without_rendering_again(
    issue, program, physio, django_capture_on_commit_callbacks
):
    prescription, _ = issue(program)
    ready = prescription.handouts.get()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        same, created = services.handout_request(
            prescription=prescription, language=ready.language, requested_by=physio
        )
    assert same == ready and not created and callbacks == []


def test_second_language_is_rendered_on_request(issue, program, physio_client, patient):
    prescription, _ = issue(program)
    with_english = reverse("prescriptions:handout_request", args=[prescription.id])
    physio_client.post(with_english, {"language": "en"})
    english = prescription.handouts.get(language="en")
    rendering.handout_render(english.id)
    english.refresh_from_db()
    names = [e["name"]["en"] for e in prescription.snapshot["exercises"]]
    text = pdf_text(english)
    assert [name for name in names if name not in text] == []


def test_download_is_for_the_patients_clinic_only(
    issue, program, physio_client, client, other_physio
):
    prescription, _ = issue(program)
    handout = prescription.handouts.get()
    url = reverse("prescriptions:handout_download", args=[handout.id])
    response = physio_client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    client.force_login(other_physio)
    assert client.get(url).status_code == 404
    assert (
        client.get(reverse("prescriptions:prescription_detail", args=[prescription.id])).status_code
        == 404
    )


def test_failure_is_shown_with_try_again(
    issue, program, physio_client, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    def broken(*args, **kwargs):
        raise ValueError("font exploded")

    monkeypatch.setattr("osteoactive.pdf.render_pdf", broken)
    prescription, _ = issue(program)
    handout = prescription.handouts.get()
    assert handout.status == Handout.Status.FAILED
    assert "font exploded" in caplog.text
    page = physio_client.get(reverse("prescriptions:prescription_detail", args=[prescription.id]))
    assert "handout_retry" in page.content.decode() or "/retry/" in page.content.decode()
    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        physio_client.post(reverse("prescriptions:handout_retry", args=[handout.id]))
    assert prescription.handouts.filter(status=Handout.Status.READY).count() == 1


def test_status_fragment_polls_while_queued(issue, program, physio_client):
    prescription, _ = issue(program, render=False)
    fragment = physio_client.get(
        reverse("prescriptions:handout_status", args=[prescription.id]), HTTP_HX_REQUEST="true"
    ).content.decode()
    assert 'data-hx-trigger="every 2s"' in fragment
    handout = prescription.handouts.get()
    rendering.handout_render(handout.id)
    done = physio_client.get(
        reverse("prescriptions:handout_status", args=[prescription.id])
    ).content.decode()
    assert "every 2s" not in done and "download" in done


def test_branding_goes_into_new_snapshots_only(issue, program, clinic_admin, clinic):
    from django.test import Client

    first, _ = issue(program)
    admin = Client()
    admin.force_login(clinic_admin)
    admin.post(
        reverse("clinic_settings"),
        {"name": clinic.name, "handout_footer": "Ny sidefod", "contact_line": "Ring 11 22 33 44",
         "handout_footer_en": "New footer", "opening_hours_en": "Weekdays 8–15"},
    )  # fmt: skip
    second, _ = issue(program)
    assert second.snapshot["clinic"]["footer"] == {"da": "Ny sidefod", "en": "New footer"}
    assert second.snapshot["clinic"]["contact_line"] == {"da": "Ring 11 22 33 44", "en": ""}
    assert second.snapshot["clinic"]["opening_hours"] == {"da": "", "en": "Weekdays 8–15"}
    assert first.snapshot["clinic"]["footer"]["da"] != "Ny sidefod"


def test_a_render_without_progress_is_given_up_and_can_be_asked_for_again(issue, program, physio):
    from datetime import timedelta

    from django.utils import timezone

    prescription, _ = issue(program, render=False)
    stuck = prescription.handouts.get()
    Handout.objects.filter(pk=stuck.pk).update(
        status=Handout.Status.RENDERING, updated_at=timezone.now() - timedelta(hours=1)
    )
    renewed, created = services.handout_request(
        prescription=prescription, language=stuck.language, requested_by=physio
    )
    stuck.refresh_from_db()
    assert created and renewed != stuck and stuck.status == Handout.Status.FAILED
    assert rendering.handout_render(stuck.id) == Handout.Status.FAILED  # a late delivery


def test_a_render_that_keeps_killing_its_worker_stops_after_three_starts(issue, program):
    prescription, _ = issue(program, render=False)
    handout = prescription.handouts.get()
    Handout.objects.filter(pk=handout.pk).update(status=Handout.Status.RENDERING, attempts=3)
    assert rendering.handout_render(handout.id) == Handout.Status.FAILED
    handout.refresh_from_db()
    assert handout.status == Handout.Status.FAILED and "3 attempts" in handout.error


def test_asking_for_a_handout_is_audited(issue, program, physio_client):
    from osteoactive.models import AuditEvent

    prescription, _ = issue(program, render=False)
    physio_client.post(
        reverse("prescriptions:handout_request", args=[prescription.id]), {"language": "en"}
    )
    english = prescription.handouts.get(language="en")
    assert AuditEvent.objects.filter(action="create", object_id=str(english.id)).exists()


def test_a_program_without_exercises_is_not_issued(program, physio):
    from osteoactive.errors import ServiceError

    program.items.all().delete()
    with pytest.raises(ServiceError) as refused:
        services.prescription_issue(program=program, issued_by=physio)
    assert refused.value.code == "no_exercises"
    assert not program.prescriptions.exists() and not Handout.objects.exists()


def test_issuing_an_empty_program_shows_why_on_the_program_page(program, physio_client):
    program.items.all().delete()
    response = physio_client.post(
        reverse("prescriptions:prescription_issue", args=[program.id]), follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("programs:program_detail", args=[program.id])
    assert [str(m) for m in response.context["messages"]] == [
        "Tilføj mindst én øvelse, før programmet udleveres."
    ]
    assert not program.prescriptions.exists()


def test_a_handout_in_an_unknown_language_is_refused(issue, program, physio, physio_client):
    from osteoactive.errors import ServiceError

    prescription, _ = issue(program, render=False)
    with pytest.raises(ServiceError) as refused:
        services.handout_request(prescription=prescription, language="de", requested_by=physio)
    assert refused.value.code == "unknown_language"
    url = reverse("prescriptions:handout_request", args=[prescription.id])
    assert physio_client.post(url, {"language": "de"}).status_code == 404
    assert list(prescription.handouts.values_list("language", flat=True)) == ["da"]
