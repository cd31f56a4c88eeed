"""Issuing with a start date and a note for the patient; the handout's download name; the
program page's print button and stylesheet."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db


def issue(client, program, render=False, capture=None, **data):
    url = reverse("prescriptions:prescription_issue", args=[program.id])
    if capture is None:
        return client.post(url, data)
    with capture(execute=render):
        return client.post(url, data)


def test_issue_sets_the_start_date_and_the_note_for_the_patient(physio_client, program):
    start = timezone.localdate() + timedelta(days=3)
    response = issue(
        physio_client, program, start_date=start.isoformat(), patient_note="Gå med naboen."
    )
    assert response.status_code == 302
    prescription = program.prescriptions.get()
    assert prescription.start_date == start
    assert prescription.snapshot["start_date"] == start.isoformat()
    assert prescription.snapshot["patient_note"] == {"language": "da", "text": "Gå med naboen."}
    # The generator's notes are kept for the record, apart from the patient's note.
    assert prescription.snapshot["clinical_notes"] == program.notes


def test_without_a_start_date_week_1_starts_on_the_issue_date(physio_client, program):
    issue(physio_client, program)
    prescription = program.prescriptions.get()
    assert prescription.start_date == timezone.localdate()
    assert prescription.snapshot["patient_note"] is None


@pytest.mark.parametrize("days", [-400, 120])
def test_a_start_date_before_the_assessment_or_far_ahead_is_refused(physio_client, program, days):
    start = timezone.localdate() + timedelta(days=days)
    response = issue(physio_client, program, start_date=start.isoformat())
    assert response.status_code == 302
    assert not program.prescriptions.exists()
    page = physio_client.get(response["Location"]).content.decode()
    message = "Uge 1 kan ikke begynde før vurderingen." if days < 0 else "inden for 90 dage"
    assert message in page


def test_the_snapshot_carries_what_the_handout_prints(physio_client, program):
    issue(physio_client, program)
    snapshot = program.prescriptions.get().snapshot
    assert snapshot["schema"] == 2 and snapshot["language"] == "da"
    assert snapshot["reassessment_due"] == program.assessment.result["next_reassessment_due"]
    assert snapshot["patient"]["walking_aid"] == "none"
    items = list(program.items.order_by("position"))
    assert [e["number"] for e in snapshot["exercises"]] == list(range(1, len(items) + 1))
    for exercise, item in zip(snapshot["exercises"], items, strict=True):
        assert exercise["start_week"] == item.start_week
        assert exercise["phases"] == item.phases
        assert exercise["illustration_alt"]["da"] and exercise["illustration_alt"]["en"]
        if item.progression:
            assert exercise["progression"]["name"] == item.progression["name"]


def test_download_says_what_it_is_and_can_open_in_a_tab(
    physio_client, program, django_capture_on_commit_callbacks
):
    issue(physio_client, program, render=True, capture=django_capture_on_commit_callbacks)
    handout = program.prescriptions.get().handouts.get()
    url = reverse("prescriptions:handout_download", args=[handout.id])
    issued = timezone.localdate(handout.prescription.issued_at).isoformat()
    name = f"traeningsprogram-{issued}-v1-da.pdf"
    download = physio_client.get(url)
    assert download["Content-Disposition"] == f'attachment; filename="{name}"'
    opened = physio_client.get(url, {"inline": "1"})
    assert opened["Content-Disposition"] == f'inline; filename="{name}"'
    assert opened["Cache-Control"] == "private, no-store"
    page = physio_client.get(
        reverse("prescriptions:prescription_detail", args=[handout.prescription_id])
    ).content.decode()
    assert f"{url}?inline=1" in page and 'target="_blank"' in page


def test_the_program_page_has_a_print_button_and_a_print_stylesheet(physio_client, program):
    page = physio_client.get(reverse("programs:program_detail", args=[program.id]))
    html = page.content.decode()
    assert 'data-print data-testid="print"' in html
    assert 'href="/static/css/print.css" media="print"' in html
    assert 'name="start_date"' in html and 'name="patient_note"' in html


def test_the_clinic_settings_take_the_handout_texts_in_english(admin_client_clinic, clinic):
    response = admin_client_clinic.post(
        reverse("clinic_settings"),
        {"name": clinic.name, "contact_line": "Ring os", "contact_line_en": "Call us",
         "opening_hours": "Hverdage 8–15", "opening_hours_en": "Weekdays 8–15",
         "handout_footer": "Klinik · Vej 1", "handout_footer_en": "Clinic · Road 1"},
    )  # fmt: skip
    assert response.status_code == 302
    clinic.refresh_from_db()
    assert (clinic.contact_line_en, clinic.opening_hours_en, clinic.handout_footer_en) == (
        "Call us",
        "Weekdays 8–15",
        "Clinic · Road 1",
    )
