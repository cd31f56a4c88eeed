"""The program editor, templates and continuity driven through Chromium: search and add an
exercise, change a dose inline (the later phases follow), reorder, remove with a confirmation,
save the program as a clinic template, apply it to another patient, and continue the program
at a reassessment. Every edit happens without a page load, and no page breaks the CSP.

Screenshots of the program page and the editor at 1366 and 820 px go to $SCREENSHOT_DIR."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from programs.models import Program
from tests.factories import AssessmentFactory, PatientFactory, ProgramFactory
from tests.support.browser import Screenshots, heading, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True),
]

WIDE, TABLET = 1366, 820


def item(page: Page, name: str):
    return page.get_by_test_id("program-item").filter(
        has=page.get_by_role("heading", level=3, name=name, exact=True)
    )


def names(page: Page, domain: str) -> list[str]:
    section = page.get_by_test_id(f"domain-{domain}")
    return section.get_by_test_id("program-item").get_by_role("heading", level=3).all_inner_texts()


def same_document(page: Page) -> None:
    """Marks the document, so `assert_no_page_load` can tell that no page load came between."""
    page.evaluate("window.editedInPlace = true")


def assert_no_page_load(page: Page) -> None:
    assert page.evaluate("window.editedInPlace === true"), "the page reloaded"


def both_widths(page: Page, shot: Screenshots, name: str) -> None:
    for width in (WIDE, TABLET):
        page.set_viewport_size({"width": width, "height": 900})
        shot(f"{name}-{width}")
    page.set_viewport_size({"width": WIDE, "height": 900})


@pytest.fixture
def patients(clinic, physio, library):
    """Åse: hverdagsaktiv at home with a band, 90 days ago, with a slow 5xSTS (the squat ladder
    starts on its easiest rung). Bent: hverdagsaktiv med hensyn (no impact for him)."""
    day = timezone.localdate() - timedelta(days=90)
    first = AssessmentFactory(
        patient=PatientFactory(clinic=clinic, first_name="Åse", last_name="Ørbæk"),
        assessed_by=physio,
        assessment_date=day,
        sts5_seconds=16.0,
    )
    program = ProgramFactory(assessment=first, created_by=physio, equipment=["band"])
    other = AssessmentFactory(
        patient=PatientFactory(clinic=clinic, first_name="Bent", last_name="Bækgaard"),
        assessed_by=physio,
        category="hverdagsaktiv_med_hensyn",
    )
    return program, other


def test_edit_a_program_save_it_as_a_template_apply_it_and_continue_it(
    page, physio, password, patients
):
    program, other = patients
    blocked = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security" in m.text else None)
    shot = Screenshots(page, "4-editor")
    page.set_viewport_size({"width": WIDE, "height": 900})
    log_in(page, physio.username, password)
    page.goto(f"/programs/{program.id}/")
    expect(heading(page)).to_contain_text("Åse Ørbæk")
    expect(page.get_by_test_id("pick").first).to_be_visible()  # the picker loads by itself
    both_widths(page, shot, "program")
    same_document(page)

    # Search as you type: a rung of a ladder the program holds is marked; add another exercise.
    search = page.get_by_label("Søg i biblioteket")
    search.press_sequentially("squat til", delay=40)
    picks = page.get_by_test_id("pick")
    expect(picks).to_have_count(1)
    expect(picks.first).to_contain_text("knæbøjning (squat) · trin 2 af 4")
    expect(picks.first).to_contain_text("Stigen er i programmet: Rejse-sætte-sig")
    search.fill("")
    search.press_sequentially("vægsid", delay=40)
    expect(picks).to_have_count(1)
    expect(picks.first.get_by_test_id("ladder-in-program")).to_have_count(0)
    both_widths(page, shot, "picker")
    picks.first.get_by_role("button", name="Tilføj").click()
    expect(item(page, "Vægsid")).to_be_visible()
    expect(page.locator("#editor-status")).to_contain_text("Vægsid er tilføjet som nummer 8")
    expect(picks.first).to_contain_text("Stigen er i programmet: Vægsid")  # the list follows
    assert names(page, "staerk")[-1] == "Vægsid"
    both_widths(page, shot, "added")
    assert_no_page_load(page)

    # Change a dose inline: the later phases follow by the generator's steps.
    squat = item(page, "Rejse-sætte-sig")
    expect(squat.get_by_test_id("phase")).to_have_text(
        [
            "Uge 1–4: 2 × 10 gentagelser",
            "Uge 5–8: 3 × 10 gentagelser",
            "Uge 9–12: 3 × 8 gentagelser",
        ]
    )
    squat.get_by_role("link", name="Ændr dosering").click()
    form = page.get_by_test_id("dose-form")
    expect(form).to_be_visible()
    expect(form.get_by_test_id("later-phase")).to_have_count(2)
    both_widths(page, shot, "dose-inline")
    form.get_by_label("Sæt").first.fill("3")
    form.get_by_label("Gentagelser").first.fill("12")
    form.get_by_role("button", name="Gem dosering").click()
    expect(squat.get_by_test_id("phase")).to_have_text(
        [
            "Uge 1–4: 3 × 12 gentagelser",
            "Uge 5–8: 4 × 12 gentagelser",
            "Uge 9–12: 4 × 10 gentagelser",
        ]
    )
    assert_no_page_load(page)

    # Reorder by keyboard: the focus stays on the moved exercise's button.
    before = names(page, "staerk")
    first_id = item(page, before[0]).get_attribute("id").removeprefix("item-")
    down = page.locator(f"#move-down-{first_id}")
    down.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("domain-staerk").get_by_role("heading", level=3).first).to_have_text(
        before[1]
    )
    expect(page.locator(f"#move-down-{first_id}")).to_be_focused()
    assert names(page, "staerk")[:2] == [before[1], before[0]]
    expect(item(page, before[0]).get_by_test_id("item-number")).to_contain_text("2")
    assert_no_page_load(page)

    # Remove with a confirmation, which says what would fall short.
    pull = item(page, "Roning med elastik")
    pull.get_by_role("link", name="Fjern").click()
    confirm = page.get_by_test_id("remove-confirm")
    expect(confirm).to_contain_text("træk")
    expect(confirm.get_by_role("link", name="Behold den")).to_be_focused()
    both_widths(page, shot, "remove-confirm")
    confirm.get_by_role("button", name="Ja, fjern den").click()
    expect(item(page, "Roning med elastik")).to_have_count(0)
    expect(page.get_by_test_id("editor-warnings")).to_contain_text("Ingen øvelse træner træk")
    both_widths(page, shot, "warning")
    assert_no_page_load(page)
    assert blocked == [], blocked

    # Save as a clinic template (a plain form), then apply it to Bent.
    page.get_by_label("Skabelonens navn").fill("Hold for hverdagsaktive")
    page.get_by_role("button", name="Gem som skabelon").click()
    expect(page.get_by_role("status").first).to_contain_text("Hold for hverdagsaktive")
    page.goto(f"/assessments/{other.id}/")
    page.get_by_role("link", name="Eller start fra en klinikskabelon").click()
    page.get_by_role("radio", name="Hold for hverdagsaktive").check()
    page.locator("#equipment-band").check()
    both_widths(page, shot, "template-choice")
    page.get_by_role("button", name="Brug skabelon").click()
    expect(heading(page)).to_contain_text("Bent Bækgaard")
    changes = page.get_by_test_id("changes")
    expect(changes).to_contain_text("Udeladt af skabelonen for denne patient")
    expect(changes.get_by_test_id("change")).to_have_count(2)  # the two impact items
    expect(page.get_by_test_id("origin")).to_contain_text("Hold for hverdagsaktive")
    both_widths(page, shot, "from-template")

    # A reassessment of Åse: 5xSTS 3.5 s faster, so the squat ladder moves one rung on.
    reassessment = AssessmentFactory(
        patient=program.assessment.patient, assessed_by=physio, sts5_seconds=12.5
    )
    page.goto(f"/assessments/{reassessment.id}/")
    both_widths(page, shot, "reassessment")
    page.get_by_role("button", name="Viderefør det nuværende program").click()
    expect(heading(page)).to_contain_text("Åse Ørbæk")
    changes = page.get_by_test_id("changes")
    expect(changes).to_contain_text("Ændringer i forhold til det forrige program")
    expect(changes).to_contain_text("Rejse-sætte-sig → Squat til stol")
    expect(changes).to_contain_text("5xSTS er bedre ved revurderingen")
    continued = Program.objects.get(assessment=reassessment)
    assert continued.items.filter(exercise__key="wall-sit").exists()  # the addition stays
    both_widths(page, shot, "continued")
    assert blocked == [], blocked
