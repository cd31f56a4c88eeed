"""The pages on a phone, a tablet and on paper (issue 16).

Every page of the physiotherapist and of the clinic admin is opened at 320 px (nothing scrolls
sideways), at 820 px (touch targets of at least 44 × 44 px) and, through the `page` fixture, at
1366 and 820 px with axe-core and the Nu Html Checker. The assessment form keeps its summary bar
in sight at 820 px; the program page prints on at most two A4 pages; screenshots of the main
pages at 1366, 820 and 320 px go to artifacts/screenshots/16-*.png.
"""

import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.factories import (
    AssessmentFactory,
    EnrolmentFactory,
    PatientFactory,
    PrescriptionFactory,
    ProgramTemplateFactory,
    TrainingClassFactory,
    hirit_program,
)
from tests.support.browser import SCREENSHOT_DIR, fill, heading, load_images, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True),
]

PHONE, TABLET, DESKTOP = 320, 820, 1366
TARGET_PX = 44

# Buttons, form controls and links that stand alone (navigation, lists, tables), each with the
# size of what a finger hits: a checkbox or radio button together with its visible label.
SMALL_TARGETS_JS = """(minimum) => {
  const small = [];
  const shown = (el) => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility !== "hidden"
      && !el.closest(".visually-hidden, .visually-hidden-focusable, [hidden], template");
  };
  const selector = "button, .btn, select, input[type=checkbox]:not(.btn-check), input[type=radio],"
    + " nav a, li > a, td > a, th > a, .list-group-item-action";
  for (const el of document.querySelectorAll(selector)) {
    if (!shown(el)) continue;
    let box = el.getBoundingClientRect();
    let { left, top, right, bottom } = box;
    const label = el.matches("input") ? el.labels?.[0] || el.closest("label") : null;
    if (label && shown(label)) {
      const l = label.getBoundingClientRect();
      left = Math.min(left, l.left); top = Math.min(top, l.top);
      right = Math.max(right, l.right); bottom = Math.max(bottom, l.bottom);
    } else if (el.matches("input[type=radio]") && el.closest("td")) {
      const cell = el.closest("td").getBoundingClientRect();
      ({ left, top, right, bottom } = cell);
    }
    if (right - left < minimum - 0.5 || bottom - top < minimum - 0.5) {
      small.push(`${el.outerHTML.slice(0, 120)}: ${Math.round(right - left)}x${Math.round(bottom - top)}`);
    }
  }
  return small;
}"""


@pytest.fixture
def record(clinic, physio, library):
    """A patient seen twice (so the progress panel has charts), with a supervised program that
    logs loads, an issued prescription and a clinic template."""
    patient = PatientFactory(clinic=clinic, first_name="Karen", last_name="Vestergaard-Thomsen")
    AssessmentFactory(
        patient=patient,
        assessed_by=physio,
        category="traeningsaktiv",
        assessment_date=timezone.localdate() - timedelta(days=84),
        tug_seconds=9.8,
    )
    program = hirit_program(patient=patient, assessed_by=physio)
    prescription = PrescriptionFactory(program=program)
    ProgramTemplateFactory(program=program, name="Tung styrke, to gange om ugen")
    training_class = TrainingClassFactory(
        clinic=clinic, created_by=physio, name="Osteoporosehold mandag, onsdag og fredag"
    )
    EnrolmentFactory(training_class=training_class, patient=patient)
    return {
        "patient": patient,
        "program": program,
        "prescription": prescription,
        "class": training_class,
    }


def physio_pages(record) -> list[str]:
    patient, program = record["patient"], record["program"]
    assessment, item = program.assessment, program.items.first()
    exercise = item.exercise
    training_class = record["class"]
    session = training_class.sessions.first()
    return [
        reverse("assessment:patient_list"),
        reverse("assessment:patient_create"),
        reverse("assessment:patient_detail", args=[patient.id]),
        reverse("assessment:patient_edit", args=[patient.id]),
        reverse("assessment:assessment_create", args=[patient.id]),
        reverse("assessment:assessment_detail", args=[assessment.id]),
        reverse("assessment:assessment_correct", args=[assessment.id]),
        reverse("programs:program_detail", args=[program.id]),
        reverse("programs:program_picker", args=[program.id]),
        reverse("programs:item_dose", args=[item.id]),
        reverse("programs:item_swap", args=[item.id]),
        reverse("programs:item_remove", args=[item.id]),
        reverse("programs:template_save", args=[program.id]),
        reverse("programs:template_list"),
        reverse("programs:template_apply", args=[assessment.id]),
        reverse("prescriptions:prescription_detail", args=[record["prescription"].id]),
        reverse("programs:library_list"),
        reverse("programs:exercise_detail", args=[exercise.id]),
        reverse("assessment:event_create", args=[patient.id]),
        reverse("programs:class_list"),
        reverse("programs:class_create"),
        reverse("programs:class_detail", args=[training_class.id]),
        reverse("programs:class_sheet", args=[session.id]),
        reverse("programs:session_edit", args=[session.id]),
        reverse("programs:class_outcomes", args=[training_class.id]),
        reverse("programs:clinic_outcomes"),
        reverse("password_change"),
    ]


def admin_pages() -> list[str]:
    return [
        reverse("programs:library_list"),
        reverse("programs:exercise_create"),
        reverse("programs:template_list"),
        reverse("staff_list"),
        reverse("staff_add"),
        reverse("clinic_settings"),
        reverse("audit_log"),
        reverse("assessment:gdpr_patients"),
        reverse("programs:study_export"),
    ]


# The elements that stick out to the right of the window while their parent does not.
OVERFLOW_JS = """() => [...document.querySelectorAll("body *")].filter((el) => {
  const right = el.getBoundingClientRect().right;
  return right > innerWidth + 0.5 && el.parentElement.getBoundingClientRect().right <= innerWidth + 0.5;
}).slice(0, 4).map((el) => `${el.outerHTML.slice(0, 140)} (right edge ${Math.round(el.getBoundingClientRect().right)})`)"""


def check_layout(page: Page, urls: list[str]) -> None:
    """No page scrolls sideways at 320 px; every touch target is 44 × 44 px at 820 px."""
    problems = []
    for width in (PHONE, TABLET):
        page.set_viewport_size({"width": width, "height": 800})
        for url in urls:
            response = page.goto(url)
            assert response.ok, f"{url}: {response.status}"
            if width == PHONE:
                scroll, inner = page.evaluate(
                    "[document.scrollingElement.scrollWidth, window.innerWidth]"
                )
                if scroll > inner:
                    problems.append(f"{url} at {width} px is {scroll} px wide:")
                    problems += [f"    {e}" for e in page.evaluate(OVERFLOW_JS)]
            else:
                problems += [f"{url}: {s}" for s in page.evaluate(SMALL_TARGETS_JS, TARGET_PX)]
    assert not problems, "\n".join(problems)


def test_physiotherapist_pages_fit_a_phone_and_a_finger(page, physio, password, record):
    log_in(page, physio.username, password)
    check_layout(page, physio_pages(record))


def test_clinic_admin_pages_fit_a_phone_and_a_finger(page, clinic_admin, password, record):
    log_in(page, clinic_admin.username, password)
    check_layout(page, admin_pages())


def test_the_summary_bar_stays_in_sight_while_typing_on_a_tablet(page, physio, password, record):
    page.set_viewport_size({"width": TABLET, "height": 1180})
    log_in(page, physio.username, password)
    page.goto(reverse("assessment:assessment_create", args=[record["patient"].id]))
    bar = page.get_by_test_id("summary-bar")
    for field, value in (("tug_seconds", "13,5"), ("pain_nrs", "2"), ("height_cm", "165")):
        page.locator(f"#id_{field}").scroll_into_view_if_needed()
        fill(page, {field: value})
        expect(bar).to_be_in_viewport(ratio=1)
        expect(bar.get_by_role("button", name="Gem undersøgelse")).to_be_in_viewport()
    expect(page.get_by_test_id("summary-category")).not_to_be_empty()
    expect(page.get_by_test_id("summary-rules")).to_contain_text("B")
    # The live region stays the same element while its content changes.
    region = page.locator("#summary-live")
    region.evaluate("el => { el.dataset.kept = 'yes'; }")
    fill(page, {"tug_seconds": "8,0"})
    expect(page.locator("#summary-live[data-kept=yes]")).to_have_count(1)
    expect(page.locator("#live-bmi")).to_contain_text("BMI")


def test_removing_a_fracture_row_keeps_the_focus_in_the_form(page, physio, password, record):
    log_in(page, physio.username, password)
    page.goto(reverse("assessment:assessment_create", args=[record["patient"].id]))
    add = page.get_by_role("button", name="Tilføj brud")
    add.click()
    add.click()
    rows = page.locator("#fractures-rows [data-formset-row]:visible")
    expect(rows).to_have_count(2)
    rows.first.get_by_role("button", name="Fjern").focus()
    page.keyboard.press("Enter")
    expect(rows).to_have_count(1)
    focused = page.evaluate("document.activeElement.closest('[data-formset-row]') !== null")
    assert focused, page.evaluate("document.activeElement.outerHTML")
    expect(page.locator("[data-formset-status=fractures]")).to_have_text("Bruddet blev fjernet.")
    rows.first.get_by_role("button", name="Fjern").click()
    expect(add).to_be_focused()


def test_the_program_page_prints_on_two_pages_at_most(page, physio, password, record):
    log_in(page, physio.username, password)
    page.goto(reverse("programs:program_detail", args=[record["program"].id]))
    expect(page.get_by_test_id("program-item").first).to_be_visible()
    load_images(page)
    page.emulate_media(media="print")
    printed = page.pdf(format="A4", print_background=True)
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    (SCREENSHOT_DIR / "16-program-print.pdf").write_bytes(printed)
    pdf = PdfReader(io.BytesIO(printed))
    text = " ".join(p.extract_text() or "" for p in pdf.pages)
    assert len(pdf.pages) <= 2, f"{len(pdf.pages)} pages"
    assert "Vestergaard-Thomsen" in text
    assert "Gem" not in text.split()  # no buttons on paper


def test_screenshots_of_the_main_pages(page, physio, password, record):
    """For a person to look at: 16-<page>-<width>.png."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    log_in(page, physio.username, password)
    pages = {
        "patient": reverse("assessment:patient_detail", args=[record["patient"].id]),
        "program": reverse("programs:program_detail", args=[record["program"].id]),
        "library": reverse("programs:library_list"),
        "assessment-form": reverse("assessment:assessment_create", args=[record["patient"].id]),
    }
    for width in (DESKTOP, TABLET, PHONE):
        page.set_viewport_size({"width": width, "height": 1000 if width > PHONE else 700})
        for name, url in pages.items():
            page.goto(url)
            expect(heading(page)).to_be_visible()
            load_images(page)
            path = SCREENSHOT_DIR / f"16-{name}-{width}.png"
            if name == "assessment-form":
                # While typing in the middle of the form: the summary bar at the bottom.
                fill(page, {"tug_seconds": "11,5"})
                page.locator("#id_tug_seconds").scroll_into_view_if_needed()
                expect(page.get_by_test_id("summary-category")).not_to_be_empty()
                page.screenshot(path=path)
            else:
                page.screenshot(path=path, full_page=True)
