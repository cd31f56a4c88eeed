"""The patient over time in Chromium (issue 12): the safety defect of the reassessment reproduced
and fixed, Enter that does not submit, a session that ends while typing, corrections and voids
that keep the history, and screenshots of the reassessment form, the worklist and the progress
panel at 1366 and 820 px wide (artifacts/screenshots/12-*.png)."""

import re
from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import Page, expect

from assessment.models import Assessment
from tests.factories import AssessmentFactory, PatientFactory
from tests.support.browser import SCREENSHOT_DIR, fill, heading, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True),
]

WIDTHS = (1366, 820)


def shoot(page: Page, name: str, *, locator=None) -> None:
    """`12-<name>-<width>.png`: the whole page, or one part of it."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOT_DIR / f"12-{name}-{page.viewport_size['width']}.png"
    (locator or page).screenshot(path=path, **({} if locator else {"full_page": True}))


def open_patient(page: Page, patient) -> None:
    page.goto("/patients/")
    page.get_by_role("link", name=f"{patient.last_name}, {patient.first_name}").click()
    expect(heading(page)).to_contain_text(patient.full_name)


@pytest.fixture
def treated(clinic, physio):
    """T −3.2 by DXA, training regularly, good tests: "Træningsaktiv med hensyn" by C4, twelve
    weeks ago."""
    patient = PatientFactory(clinic=clinic, first_name="Grethe", last_name="Sørensen")
    first = AssessmentFactory(
        patient=patient,
        assessed_by=physio,
        category="traeningsaktiv_med_hensyn",
        assessment_date=timezone.localdate() - timedelta(days=84),
        t_scores={"lumbar_spine": -3.2, "femoral_neck": -2.4},
        tug_seconds=10.2,
        fes_i_short=[2, 2, 2, 2, 2, 2, 2],
    )
    assert "C4" in first.result["rules"]
    return patient


def test_a_reassessment_keeps_the_t_scores_and_the_precautions(page, physio, password, treated):
    """The safety defect: reassessed at 12 weeks with only new test values (no new DXA), the
    patient once became "Træningsaktiv" with bone status unknown. Now the T-scores are carried
    forward and the category stays "med hensyn"."""
    log_in(page, physio.username, password)
    open_patient(page, treated)
    page.get_by_role("link", name="Ny genundersøgelse").click()
    expect(heading(page)).to_contain_text("Genundersøgelse")
    expect(page.locator("#id_t_lumbar_spine")).to_have_value("-3,2")
    expect(page.get_by_test_id("carried-t_lumbar_spine")).to_contain_text("fra ")
    expect(page.get_by_test_id("previous-tug_seconds")).to_contain_text("Sidst: 10,2 s")
    expect(page.locator("#id_tug_seconds")).to_have_value("")
    fill(
        page,
        {
            "tug_seconds": "9,1",
            "sts5_seconds": "10,4",
            "tandem_seconds": "30",
            "falls_last_12_months": "0",
            "pain_nrs": "1",
        },
    )
    expect(page.get_by_test_id("category")).to_have_text("Træningsaktiv med hensyn")
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        shoot(page, "reassessment-form")
    page.get_by_role("button", name="Gem undersøgelse").click()
    expect(heading(page)).to_contain_text("Undersøgelse")
    expect(page.get_by_test_id("final-category")).to_have_text("Træningsaktiv med hensyn")
    expect(page.get_by_test_id("rules")).to_contain_text("C4")
    latest = Assessment.objects.filter(patient=treated).order_by("-assessment_date").first()
    assert latest.inputs["t_scores"]["lumbar_spine"] == -3.2
    assert latest.result["bone_status"] == "osteoporosis"


def test_enter_does_not_submit_and_leaving_asks_first(page, physio, password, patient):
    log_in(page, physio.username, password)
    open_patient(page, patient)
    page.get_by_role("link", name="Ny undersøgelse").click()
    page.evaluate("window.sameDocument = true")
    page.locator("#id_tug_seconds").fill("9,5")
    page.locator("#id_tug_seconds").press("Enter")
    page.locator("#id_t_lumbar_spine").fill("-2,1")
    page.locator("#id_t_lumbar_spine").press("Enter")
    page.locator("#id_regular_training").press("Enter")
    page.wait_for_timeout(500)
    assert page.evaluate("window.sameDocument"), "the page was submitted or reloaded"
    assert not Assessment.objects.exists()

    dialogs = []

    def stay(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", stay)
    page.get_by_role("navigation", name="breadcrumb").get_by_role("link", name="Patienter").click()
    page.wait_for_timeout(500)
    assert dialogs == ["beforeunload"]
    expect(heading(page)).to_contain_text("Ny undersøgelse")
    page.remove_listener("dialog", stay)
    page.get_by_role("button", name="Gem undersøgelse").click()
    expect(heading(page)).to_contain_text("Undersøgelse ")
    assert Assessment.objects.count() == 1


def test_one_round_of_validation_with_a_summary_that_links_to_each_field(
    page, physio, password, patient
):
    log_in(page, physio.username, password)
    open_patient(page, patient)
    page.get_by_role("link", name="Ny undersøgelse").click()
    fill(page, {"tug_seconds": "abc", "pain_nrs": "12", "height_cm": "300"})
    page.get_by_role("button", name="Gem undersøgelse").click()
    summary = page.get_by_test_id("error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link")).to_have_count(3)
    summary.get_by_role("link", name=re.compile("TUG")).click()
    expect(page.locator("#id_tug_seconds")).to_be_focused()


def test_an_expired_session_does_not_lose_the_typed_assessment(page, physio, password, patient):
    log_in(page, physio.username, password)
    open_patient(page, patient)
    page.get_by_role("link", name="Ny undersøgelse").click()
    fill(page, {"tug_seconds": "13,7", "sts5_seconds": "12,2", "notes": "Træt i dag"})
    page.locator("#id_needs_adl_help").check()
    Session.objects.all().delete()  # the session ends while the form is open
    page.locator("#id_pain_nrs").fill("3")  # the live preview now meets the login page
    expect(page.get_by_test_id("session-ended")).to_be_visible()
    expect(page.get_by_test_id("session-ended")).to_contain_text("tryk «Gem»")
    expect(page.locator("#preview")).not_to_contain_text("Log ind")
    page.get_by_role("button", name="Gem undersøgelse").click()
    expect(heading(page)).to_have_text("Log ind")
    assert not Assessment.objects.exists()
    page.locator("#id_username").fill(physio.username)
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name="Log ind").click()
    expect(heading(page)).to_contain_text("Ny undersøgelse")
    expect(page.get_by_test_id("draft-restored")).to_be_visible()
    expect(page.locator("#id_tug_seconds")).to_have_value("13,7")
    expect(page.locator("#id_notes")).to_have_value("Træt i dag")
    expect(page.locator("#id_needs_adl_help")).to_be_checked()
    page.get_by_role("button", name="Gem undersøgelse").click()
    expect(page.get_by_test_id("final-category")).to_be_visible()
    assert Assessment.objects.get().inputs["tug_seconds"] == 13.7


def test_the_session_warns_two_minutes_before_it_ends(page, physio, password, settings):
    settings.SESSION_COOKIE_AGE = 124  # the warning comes after about four seconds
    log_in(page, physio.username, password)
    warning = page.get_by_test_id("session-warning")
    expect(warning).to_be_visible(timeout=10_000)
    expect(warning).to_contain_text("Du bliver logget ud om")
    settings.SESSION_COOKIE_AGE = 1800
    warning.get_by_role("button", name="Forbliv logget ind").click()
    expect(warning).to_be_hidden()
    assert page.evaluate("document.body.dataset.sessionSecondsLeft")


def test_a_correction_and_a_void_leave_the_history_intact(page, physio, password, patient):
    first = AssessmentFactory(
        patient=patient,
        assessed_by=physio,
        assessment_date=timezone.localdate() - timedelta(days=84),
        tug_seconds=12.0,
    )
    log_in(page, physio.username, password)
    page.goto(f"/assessments/{first.id}/")
    page.get_by_test_id("correct").click()
    expect(page.locator("#id_tug_seconds")).to_have_value("12,0")
    page.locator("#id_tug_seconds").fill("11,0")
    page.locator("#id_correction_reason").fill("TUG blev tastet forkert")
    page.get_by_role("button", name="Gem rettelsen").click()
    history = page.get_by_test_id("history")
    expect(history).to_contain_text("Version 1")
    expect(history).to_contain_text("Version 2")
    expect(history).to_contain_text("TUG blev tastet forkert")

    page.get_by_test_id("void").click()
    page.locator("#id_reason").fill("Registreret på den forkerte patient")
    page.get_by_test_id("confirm-void").click()
    expect(heading(page)).to_contain_text(patient.full_name)
    rows = page.get_by_test_id("assessment-row")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("indtastet ved en fejl")
    expect(rows.nth(1)).to_contain_text("version 1, rettet")
    rows.nth(0).get_by_role("link").click()
    expect(page.get_by_test_id("voided")).to_contain_text("Registreret på den forkerte patient")
    expect(page.get_by_test_id("history")).to_contain_text("Version 1")
    assert Assessment.objects.filter(patient=patient).count() == 2


def test_screenshots_of_the_worklist_and_the_progress_panel(page, library):
    """The demo clinic, as `make run` shows it."""
    call_command("seed_demo")
    log_in(page, "fysio", "Fysio-demo-2026")
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto("/patients/")
        expect(page.get_by_test_id("worklist-row")).to_have_count(7)
        expect(page.get_by_test_id("worklist-due").filter(has_text="overskredet")).to_have_count(1)
        flags = "worklist-flags" if width >= 992 else "worklist-flags-narrow"
        expect(page.get_by_test_id(flags).filter(has_text="Rødt flag")).to_have_count(1)
        fits = page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        table = page.get_by_test_id("patient-table")
        assert fits and table.evaluate("t => t.scrollWidth <= t.parentElement.clientWidth"), (
            f"the worklist is wider than {width} px"
        )
        shoot(page, "worklist")
        page.get_by_role("link", name="Frandsen, Lone").click()
        panel = page.get_by_test_id("progress")
        expect(panel.get_by_test_id("comparison")).to_contain_text("Bedre")
        shoot(page, "progress", locator=panel)
        fits = page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert fits, f"the patient page is wider than {width} px"
