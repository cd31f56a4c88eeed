"""The main workflows driven through Chromium, as a physiotherapist and a clinic admin would click.

The app runs in pytest-django's live server (a thread of this process); handout tasks run
in-process there (see the `_celery_in_process` fixture). A full-page screenshot of every step
goes to $SCREENSHOT_DIR (default: artifacts/screenshots under the project root).
"""

import os
import re
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Locator, Page, expect, sync_playwright
from pypdf import PdfReader

from tests.services import CHROMIUM, need_chromium

pytestmark = [
    pytest.mark.browser,
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True),
]

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT_DIR = Path(os.environ.get("SCREENSHOT_DIR") or ROOT / "artifacts" / "screenshots")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
TIMEOUT_MS = 10_000
HANDOUT_TIMEOUT_MS = 60_000
PATIENT_FIRST, PATIENT_LAST = "Åse", "Ørbæk Søndergaard"


# --- fixtures ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def chromium():
    need_chromium()
    # Playwright's sync API keeps an event loop in this thread; the ORM calls that pytest-django
    # makes around each test (flushing the database) must still be allowed.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(chromium, live_server):
    context = chromium.new_context(
        base_url=live_server.url,
        locale="da-DK",
        viewport={"width": 1280, "height": 900},
        accept_downloads=True,
    )
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    yield page
    context.close()


class Screenshots:
    """Numbered full-page screenshots of one flow: `1-physio-01-login.png`, ..."""

    def __init__(self, page: Page, flow: str):
        self.page, self.flow, self.step = page, flow, 0
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)

    def __call__(self, name: str) -> None:
        load_images(self.page)
        self.step += 1
        path = SCREENSHOT_DIR / f"{self.flow}-{self.step:02d}-{name}.png"
        self.page.screenshot(path=path, full_page=True)


# --- helpers -------------------------------------------------------------------------------------


def log_in(page: Page, username: str, password: str) -> None:
    page.goto("/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name="Log ind").click()
    expect(page.get_by_role("button", name="Log ind")).to_have_count(0)


def expect_picture(img: Locator) -> None:
    """The picture has loaded and has pixels (a broken one completes with width 0)."""
    expect(img).to_have_js_property("complete", True)
    assert img.evaluate("img => img.naturalWidth") > 0, img.get_attribute("src")


def load_images(page: Page) -> None:
    """Loads the lazy pictures below the fold too, and fails on a picture that does not load."""
    page.locator("img[loading=lazy]").evaluate_all("imgs => imgs.forEach(i => i.loading = 'eager')")
    for img in page.locator("img").all():
        expect_picture(img)


def fill(page: Page, values: dict[str, str]) -> None:
    """Types into form fields by their Django name (`#id_<name>`)."""
    for name, value in values.items():
        page.locator(f"#id_{name}").fill(value)


def heading(page: Page):
    return page.get_by_role("heading", level=1)


def squash(text: str) -> str:
    return " ".join(text.split())


def item_names(page: Page) -> list[str]:
    return page.get_by_test_id("program-item").get_by_role("heading", level=3).all_inner_texts()


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
    fill(page, {"first_name": PATIENT_FIRST, "last_name": PATIENT_LAST, "birth_date": "1950-03-02"})
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
    page.locator("#id_fractures-0-date").fill("2012-06-15")
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
