"""Group training in Chromium (issue 17): a 26-week class three times a week, four participants
of four categories, the class sheet with each one's safe alternatives, attendance tapped at
tablet width for three sessions, a fall recorded, a reassessment with the fall pre-filled, and
the class's outcome panel. Screenshots: artifacts/screenshots/17-*.png."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from assessment.models import Assessment
from programs.class_selectors import class_sheet, participant_request
from programs.domain.rules import rule_breaks
from programs.models import Attendance, TrainingClass
from tests.factories import AssessmentFactory, PatientFactory
from tests.support.browser import SCREENSHOT_DIR, fill, heading, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True),
]

CATEGORIES = {
    "Akut": "akutfase",
    "Begrænset": "funktionsbegraenset",
    "Hensyn": "hverdagsaktiv_med_hensyn",
    "Aktiv": "traeningsaktiv",
}


def shoot(page: Page, name: str) -> None:
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(
        path=SCREENSHOT_DIR / f"17-{name}-{page.viewport_size['width']}.png", full_page=True
    )


def no_sideways_scroll(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


@pytest.fixture
def participants(clinic, physio, library):
    found = {}
    for last, category in CATEGORIES.items():
        patient = PatientFactory(clinic=clinic, first_name="Hold", last_name=last)
        AssessmentFactory(
            patient=patient, assessed_by=physio, category=category,
            assessment_date=timezone.localdate() - timedelta(days=84),
        )  # fmt: skip
        found[last] = patient
    return found


def test_a_class_from_creation_to_its_outcomes(page, physio, password, participants):
    log_in(page, physio.username, password)
    page.goto("/classes/new/")
    start = timezone.localdate() - timedelta(days=7)
    fill(
        page,
        {
            "name": "Osteoporosehold tirsdag",
            "start_time": "10:00",
            "start_date": start.strftime("%d.%m.%Y"),
            "weeks": "26",
        },
    )
    for day in (0, 2, 4):
        page.locator(f"#id_weekdays_{day}").check()
    page.locator("#id_target_category").select_option("hverdagsaktiv_med_hensyn")
    page.locator("main form button[type=submit]").click()
    expect(heading(page)).to_contain_text("Osteoporosehold tirsdag")
    training_class = TrainingClass.objects.get(name="Osteoporosehold tirsdag")
    assert training_class.sessions.count() == 78

    for patient in participants.values():
        page.locator("#id_patient").select_option(str(patient.id))
        page.get_by_test_id("enrol-form").locator("button").click()
        expect(page.get_by_test_id("participants")).to_contain_text(patient.full_name)
    shoot(page, "class")

    page.get_by_test_id("open-sheet").click()
    expect(page.get_by_test_id("participant")).to_have_count(4)
    alternatives = page.locator(
        '[data-testid="sheet-line"][data-how="rung"], [data-testid="sheet-line"][data-how="pattern"]'
    )
    assert alternatives.count() > 0
    session = training_class.sessions.filter(date__gte=timezone.localdate()).first()
    sheet = class_sheet(training_class, session)
    for participant in sheet.participants:
        request = participant_request(participant.assessment)
        card = page.locator(f"#p-{participant.enrolment.id}")
        for line in participant.lines:
            if line.exercise is not None:
                assert rule_breaks(line.exercise, request) == [], line.exercise.key
                if line.exercise != line.planned:
                    expect(card).to_contain_text(line.exercise.name("da"))
    akut = page.locator(f"#p-{training_class.enrolments.get(patient=participants['Akut']).id}")
    expect(akut.locator('[data-how="same"]')).not_to_have_count(len(sheet.items))
    shoot(page, "sheet")

    page.set_viewport_size({"width": 820, "height": 1180})
    sessions = list(training_class.sessions.all()[:3])
    for number, s in enumerate(sessions):
        page.goto(f"/class-sessions/{s.id}/")
        for index, patient in enumerate(participants.values()):
            if index == 3 and number > 0:
                continue
            enrolment = training_class.enrolments.get(patient=patient)
            button = page.get_by_test_id(f"attendance-{enrolment.id}")
            box = button.bounding_box()
            assert box["height"] >= 44 and box["width"] >= 44
            button.click()
            expect(page.get_by_test_id(f"attendance-{enrolment.id}")).to_have_attribute(
                "aria-pressed", "true"
            )
        no_sideways_scroll(page)
    assert Attendance.objects.filter(present=True).count() == 10
    shoot(page, "attendance")
    page.set_viewport_size({"width": 320, "height": 800})
    no_sideways_scroll(page)
    page.set_viewport_size({"width": 1366, "height": 900})

    hensyn = participants["Hensyn"]
    page.goto(f"/patients/{hensyn.id}/events/new/")
    page.locator("#id_kind").select_option("fall")
    fill(page, {"date": (timezone.localdate() - timedelta(days=3)).strftime("%d.%m.%Y")})
    page.locator("#id_injurious").check()
    page.locator("main form button[type=submit]").click()
    expect(page.get_by_test_id("events")).to_be_visible()

    page.goto(f"/patients/{hensyn.id}/assessments/new/")
    expect(page.locator("#id_falls_last_12_months")).to_have_value("1")
    expect(page.get_by_test_id("from-events-falls_last_12_months")).to_be_visible()
    fill(
        page,
        {"tug_seconds": "9,1", "sts5_seconds": "10,4", "tandem_seconds": "30", "pain_nrs": "1"},
    )
    shoot(page, "reassessment")
    page.get_by_role("button", name="Gem undersøgelse").click()
    expect(page.get_by_test_id("final-category")).to_be_visible()
    latest = Assessment.objects.filter(patient=hensyn).order_by("-created_at").first()
    assert latest.inputs["falls_last_12_months"] == 1 and latest.inputs["injurious_fall"]

    page.goto(f"/classes/{training_class.id}/outcomes/")
    expect(page.get_by_test_id("participants-count")).to_have_text("4")
    expect(page.get_by_test_id("change-table-12w")).to_be_visible()
    expect(page.get_by_test_id("rates-table")).to_contain_text("1")
    expect(page.locator("figure svg")).to_have_count(4)
    shoot(page, "outcomes")
