"""The main workflows driven through Chromium, as a physiotherapist and a clinic admin would click.

The app runs in pytest-django's live server (a thread of this process); handout tasks run
in-process there (see the `_celery_in_process` fixture). A full-page screenshot of every step
goes to $SCREENSHOT_DIR (tests/support/browser.py).
"""

import re

import pytest
from PIL import Image
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.support.browser import (
    Screenshots,
    expect_picture,
    fill,
    heading,
    item_names,
    log_in,
    squash,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True),
]

HANDOUT_TIMEOUT_MS = 60_000
PATIENT_FIRST, PATIENT_LAST = "Åse", "Ørbæk Søndergaard"
MAKE_HANDOUT = "Lav træningshæfte"


# --- 1. assessment to handout --------------------------------------------------------------------


def test_physiotherapist_from_assessment_to_handout(page, physio, password, library):
    shot = Screenshots(page, "1-physio")

    page.goto("/login/")
    expect(page.locator("html")).to_have_attribute("lang", "da")
    expect(heading(page)).to_have_text("Log ind")
    shot("login")
    log_in(page, physio.username, password)
    expect(heading(page)).to_have_text("Patienter")
    shot("patients")

    page.get_by_role("link", name="Ny patient").click()
    fill(page, {"first_name": PATIENT_FIRST, "last_name": PATIENT_LAST, "birth_date": "02.03.1950"})
    page.locator("#id_sex").select_option("female")
    shot("new-patient")
    page.get_by_role("button", name="Gem", exact=True).click()
    expect(heading(page)).to_contain_text(f"{PATIENT_FIRST} {PATIENT_LAST}")
    shot("patient")

    page.get_by_role("link", name="Ny undersøgelse").click()
    expect(heading(page)).to_contain_text("Ny undersøgelse")
    fill(page, {"t_lumbar_spine": "-2,1", "t_femoral_neck": "-1,8", "t_total_hip": "-1,5"})
    # An old wrist fracture from a fall off a ladder (high energy): no acute phase, no precaution.
    fracture_rows = page.locator("#fractures-rows [data-formset-row]")
    expect(fracture_rows).to_have_count(0)
    page.evaluate("window.sameDocument = true")
    page.get_by_role("button", name="Tilføj brud").click()
    expect(fracture_rows).to_have_count(1)
    assert page.evaluate("window.sameDocument"), "the page reloaded"
    expect(page.locator("#id_t_lumbar_spine")).to_have_value("-2,1")
    page.locator("#id_fractures-0-site").select_option("wrist")
    page.locator("#id_fractures-0-date").fill("15.06.2012")
    page.locator("#id_fractures-0-low_energy").uncheck()
    fill(page, {"falls_last_12_months": "0", "sts5_seconds": "10,5", "tandem_seconds": "25"})
    page.locator("#id_regular_training").check()

    category = page.get_by_test_id("category")
    page.locator("#id_tug_seconds").fill("12,0")
    expect(category).to_have_text("Træningsaktiv")
    shot("assessment-tug-12-0")
    page.locator("#id_tug_seconds").fill("12,1")
    expect(category).to_have_text("Hverdagsaktiv")
    shot("assessment-tug-12-1")

    page.get_by_role("button", name="Gem undersøgelse").click()
    expect(heading(page)).to_contain_text("Undersøgelse")
    expect(page.get_by_test_id("category")).to_have_text("Hverdagsaktiv")
    expect(page.get_by_test_id("final-category")).to_have_text("Hverdagsaktiv")
    shot("assessment-result")

    reason = "TUG 12,1 s er lige over grænsen, og hun har trænet fast i to år."
    page.locator("#category").select_option("traeningsaktiv")
    page.locator("#reason").fill(reason)
    page.get_by_role("button", name="Gem kategori").click()
    expect(page.get_by_test_id("final-category")).to_have_text("Træningsaktiv")
    expect(page.get_by_test_id("override-reason")).to_have_text(reason)
    shot("category-overridden")

    page.get_by_test_id("generate").click()
    expect(heading(page)).to_contain_text("Program")
    expect(page.get_by_test_id("program-item").first).to_be_visible()
    shot("program")

    items = page.get_by_test_id("program-item")
    swap_link = page.get_by_role("link", name="Udskift")
    index = next(i for i in range(items.count()) if items.nth(i).filter(has=swap_link).count())
    old_name = item_names(page)[index]
    items.nth(index).get_by_role("link", name="Udskift").click()
    expect(heading(page)).to_contain_text(old_name)
    chosen = page.locator(".list-group-item").filter(has=page.locator("input:checked"))
    new_name = chosen.inner_text().strip()
    assert new_name and new_name != old_name
    shot("swap")
    page.get_by_role("button", name="Udskift").click()
    expect(items.nth(index).get_by_role("heading")).to_have_text(new_name)
    assert old_name not in item_names(page)
    shot("program-swapped")

    page.get_by_test_id("issue").click()
    expect(heading(page)).to_contain_text("Ordination")
    expect(page.get_by_test_id("handout-status-da")).to_have_text(
        "Klar", timeout=HANDOUT_TIMEOUT_MS
    )
    shot("prescription")
    # The English handout through the panel's button (it posts through the form outside the
    # cached panel); the polled panel shows it ready.
    page.get_by_role("button", name=MAKE_HANDOUT).click()
    expect(page.get_by_test_id("handout-status-en")).to_have_text(
        "Klar", timeout=HANDOUT_TIMEOUT_MS
    )

    with page.expect_download() as download_info:
        # "Download PDF" is an attachment; "Open in a new tab" serves the same file inline.
        page.get_by_test_id("download-da").click()
    download = download_info.value
    assert re.fullmatch(r"traeningsprogram-\d{4}-\d\d-\d\d-v1-da\.pdf", download.suggested_filename)
    reader = PdfReader(download.path())
    text = squash(" ".join(p.extract_text() or "" for p in reader.pages))
    assert f"{PATIENT_FIRST} {PATIENT_LAST}" in text
    assert new_name in text


# --- 2. the clinic's exercise library ------------------------------------------------------------


def test_clinic_admin_adds_an_exercise_and_hides_a_global_one(
    page, clinic_admin, password, library, tmp_path
):
    shot = Screenshots(page, "2-admin")
    picture = tmp_path / "sidelaens-gang.png"
    Image.new("RGB", (320, 240), (40, 120, 180)).save(picture)

    log_in(page, clinic_admin.username, password)
    page.get_by_role("link", name="Øvelsesbibliotek").click()
    expect(heading(page)).to_have_text("Øvelsesbibliotek")
    shot("library")

    page.get_by_role("link", name="Ny klinikøvelse").click()
    fill(
        page,
        {
            "name_da": "Sidelæns gang langs køkkenbordet",
            "name_en": "Side-stepping along the kitchen counter",
            "instructions_da": "Stå med front mod køkkenbordet.\nGå ti skridt til siden og tilbage.",
            "instructions_en": "Stand facing the kitchen counter.\nTake ten steps sideways and back.",
            "safety_tip_da": "Hold let fast i bordet.",
            "safety_tip_en": "Hold the counter lightly.",
            "sets": "2",
            "reps": "10",
        },
    )
    page.locator("#id_domain").select_option("stabil")
    page.locator("#id_kind").select_option("balance")
    page.locator("#id_min_level").select_option("daily")
    page.locator("#id_impact").select_option("none")
    page.locator("#id_dose_type").select_option("repetitions")
    page.locator("#id_illustration").set_input_files(picture)
    shot("new-exercise")
    page.get_by_role("button", name="Gem", exact=True).click()
    expect(heading(page)).to_have_text("Sidelæns gang langs køkkenbordet")
    expect_picture(page.locator("img.exercise-illustration"))
    shot("exercise")

    page.get_by_role("link", name="Øvelsesbibliotek").first.click()
    rows = page.get_by_test_id("library-row")
    own = rows.filter(has=page.get_by_role("link", name="Sidelæns gang langs køkkenbordet"))
    expect(own).to_have_count(1)
    expect(own).to_contain_text("Klinik")
    expect_picture(own.locator("img"))

    global_row = rows.filter(has=page.get_by_role("button", name="Skjul")).first
    global_name = global_row.get_by_role("link").inner_text()
    global_row.get_by_role("button", name="Skjul").click()
    expect(page.get_by_role("status")).to_contain_text("Skjult")
    hidden = rows.filter(has=page.get_by_role("link", name=global_name, exact=True))
    expect(hidden).to_have_class(re.compile(r"\btable-secondary\b"))
    expect(hidden).to_contain_text("skjult")
    expect(hidden.get_by_role("button", name="Vis")).to_be_visible()
    shot("library-hidden")


# --- 3. the language switch ----------------------------------------------------------------------


def test_language_switch_turns_pages_english_and_back(page, physio, password, library):
    shot = Screenshots(page, "3-language")
    log_in(page, physio.username, password)
    expect(heading(page)).to_have_text("Patienter")
    shot("danish")

    page.get_by_test_id("language-switch").get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(heading(page)).to_have_text("Patients")
    expect(page.get_by_role("link", name="New patient")).to_be_visible()
    shot("english")
    page.get_by_role("link", name="Exercise library").click()
    expect(heading(page)).to_have_text("Exercise library")
    expect(page.get_by_role("columnheader", name="Exercise", exact=True)).to_be_visible()
    expect(page.get_by_test_id("library-row").first).to_be_visible()
    shot("english-library")

    page.get_by_test_id("language-switch").get_by_role("button", name="Dansk").click()
    expect(page.locator("html")).to_have_attribute("lang", "da")
    expect(heading(page)).to_have_text("Øvelsesbibliotek")
    expect(page.get_by_role("columnheader", name="Øvelse", exact=True)).to_be_visible()
    shot("danish-again")
