"""The patient handout of domain.md §10, rendered to real PDFs and read back with pypdf.

The snapshots are issued through the real services: an assessment categorised by the real
categoriser, a program from the real generator, a prescription frozen by `prescription_issue`,
for every category, and for a program with a hand-added, moved exercise and an edited dose. Each
is rendered in Danish and English once per module (rendering is the slow part).
"""

import io
import re
from collections import Counter
from datetime import date, timedelta

import pytest
from django.db import transaction
from django.test import override_settings
from django.utils import translation
from django.utils.formats import date_format
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject

from osteoactive.domain.categories import Category
from osteoactive.pdf import render_pdf
from prescriptions.handout import handout_html
from programs.library import load_default_library
from programs.models import Exercise, ProgramItem
from programs.services import program_item_add, program_item_move, program_item_set_dose
from programs.services.items import UP
from tests.factories import (
    AssessmentFactory,
    ClinicFactory,
    PatientFactory,
    PrescriptionFactory,
    ProgramFactory,
    ProgramItemFactory,
)

# The snapshots are made once per module (below); marking the tests makes pytest-django set up
# the test database before that.
pytestmark = pytest.mark.django_db

START = date(2026, 11, 30)  # a Monday, after every assessment date below
NOTE = {"da": "Gå en tur med naboen om tirsdagen.", "en": "Go for a walk with your neighbour."}
CLINICAL_WORDS = ("Revurdér", "Reassess by", "8RM", "LIFTMOR", "1RM")
FES_I_HIGH = [3, 3, 2, 2, 2, 2, 2]  # Short FES-I total 16: high concern, W7

CASES = {
    "akutfase": {"category": "akutfase", "walking_aid": "rollator"},
    "funktionsbegraenset": {"category": "funktionsbegraenset"},
    "wheelchair": {"category": "funktionsbegraenset", "walking_aid": "wheelchair"},
    "hverdagsaktiv_med_hensyn": {"category": "hverdagsaktiv_med_hensyn"},
    "hverdagsaktiv": {"category": "hverdagsaktiv", "fes_i_short": FES_I_HIGH},
    "traeningsaktiv_med_hensyn": {"category": "traeningsaktiv_med_hensyn"},
    "traeningsaktiv": {"category": "traeningsaktiv"},
    "edited": {"category": "hverdagsaktiv"},
    # Fall-prevention focus and W7 with a precaution: the most balance work; filled up by hand.
    "sixteen": {"category": "hverdagsaktiv_med_hensyn", "fes_i_short": FES_I_HIGH,
                "falls_last_12_months": 3},
}  # fmt: skip
ADDED_KEY = "seated-knee-extension"
FILL_KEYS = ("seated-knee-extension", "bird-dog", "seated-reaching", "marching-on-the-spot",
             "toe-heel-walking", "chin-tuck-shoulder-squeeze")  # fmt: skip


def squash(text: str) -> str:
    return " ".join(text.split())


def _edit(program) -> None:
    """A hand-added exercise moved to the front of its domain, and an edited dose, through the
    program editor's services, as a physiotherapist would."""
    added = program_item_add(
        program=program, exercise=Exercise.objects.get(key=ADDED_KEY), confirmed=True
    )
    while program_item_move(item=ProgramItem.objects.get(pk=added.pk), direction=UP):
        pass
    first_strength = program.items.get(exercise__key="sit-to-stand")
    program_item_set_dose(item=first_strength, days_per_week=3, dose={"sets": 3, "reps": 12})


@pytest.fixture(scope="module")
def issued(django_db_setup, django_db_blocker, tmp_path_factory):
    """Case name → (the issued snapshot, the program's clinical notes); nothing stays in the
    database."""
    snapshots = {}
    with (
        override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        load_default_library()
        clinic = ClinicFactory(
            name="Klinik Nord", phone="86 12 34 56", contact_line="Ring hverdage kl. 8–15"
        )
        for name, inputs in CASES.items():
            patient = PatientFactory(clinic=clinic, first_name="Åse", last_name="Ørbæk")
            assessment = AssessmentFactory(
                patient=patient, assessment_date=START - timedelta(days=3), **inputs
            )
            program = ProgramFactory(assessment=assessment, equipment=["band", "dumbbells"])
            if name == "edited":
                _edit(program)
            if name == "sixteen":
                for key in FILL_KEYS[: 16 - program.items.count()]:
                    ProgramItemFactory(program=program, exercise=Exercise.objects.get(key=key))
            prescription = PrescriptionFactory(
                program=program,
                start_date=START,
                patient_note=NOTE["da"] if name != "traeningsaktiv" else "",
            )
            snapshots[name] = (prescription.snapshot, list(program.notes))
        transaction.set_rollback(True)
    return snapshots


class Rendered:
    """One handout read back: text per page, figures' alt texts, font sizes, the catalog."""

    def __init__(self, snapshot: dict, language: str):
        self.snapshot, self.language = snapshot, language
        self.pdf = render_pdf(handout_html(snapshot, language))
        self.reader = PdfReader(io.BytesIO(self.pdf))
        self.pages = [squash(page.extract_text() or "") for page in self.reader.pages]
        self.text = " ".join(self.pages)
        self.exercises = snapshot["exercises"]

    def name(self, exercise) -> str:
        return squash(exercise["name"][self.language])

    def page_of(self, exercise) -> int:
        """The exercise page whose heading is the exercise's number and name."""
        heading = f"{exercise['number']} {self.name(exercise)}"
        found = [i for i, page in enumerate(self.pages[1:], start=1) if heading in page]
        assert found, heading
        return found[0]

    def sizes(self) -> list[tuple[float, str]]:
        """Every piece of text with its size in points as printed (font size × matrices)."""
        found = []
        for page in self.reader.pages:

            def visit(text, cm, tm, font, size, found=found):
                if text.strip():
                    found.append((round(abs(size * tm[3] * cm[3]), 2), text.strip()))

            page.extract_text(visitor_text=visit)
        return found

    def figures(self) -> list[str]:
        found: list[str] = []

        def walk(node):
            node = node.get_object()
            if isinstance(node, ArrayObject):
                for child in node:
                    walk(child)
            elif isinstance(node, DictionaryObject):
                if node.get("/S") == "/Figure":
                    found.append(str(node.get("/Alt", "")))
                if "/K" in node:
                    walk(node["/K"])

        walk(self.reader.trailer["/Root"]["/StructTreeRoot"])
        return found

    def bold_numbers(self, page_index: int) -> list[int]:
        """The numbers printed on their own in bold, in reading order (the exercise badges)."""
        found = []

        def visit(text, cm, tm, font, size):
            if text.strip().isdigit() and font and "Bold" in str(font.get("/BaseFont")):
                found.append(int(text.strip()))

        self.reader.pages[page_index].extract_text(visitor_text=visit)
        return found


_rendered: dict[tuple[str, str], Rendered] = {}


@pytest.fixture(params=sorted(CASES), scope="module")
def case(request):
    return request.param


@pytest.fixture(params=["da", "en"], scope="module")
def language(request):
    return request.param


@pytest.fixture
def handout(issued, case, language) -> Rendered:
    key = (case, language)
    if key not in _rendered:
        _rendered[key] = Rendered(issued[case][0], language)
    return _rendered[key]


def page_limit(exercise_count: int) -> int:
    return 10 if exercise_count <= 12 else 12


# --- §10: length, type, the PDF -----------------------------------------------------------------


def test_length_within_the_limit(handout, case):
    assert len(handout.exercises) >= 8
    assert len(handout.exercises) == 16 or case != "sixteen"
    assert len(handout.pages) <= page_limit(len(handout.exercises))


def test_body_text_at_least_16_pt_and_headings_at_least_20(handout):
    sizes = handout.sizes()
    assert sizes and min(size for size, _text in sizes) >= 16
    headings = " ".join(text for size, text in sizes if size >= 20)
    for exercise in handout.exercises:
        assert handout.name(exercise).split()[0] in headings
    assert ("Pas på ryggen" if handout.language == "da" else "Protect your back") in headings


def test_tagged_pdf_ua_with_language_title_and_embedded_fonts(handout):
    root = handout.reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == handout.language
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    word = "Træningsprogram for" if handout.language == "da" else "Exercise programme for"
    assert handout.reader.metadata.title == f"{word} Åse Ørbæk"
    assert b"pdfuaid:part" in root["/Metadata"].get_object().get_data()
    for page in handout.reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (
                font.get("/FontDescriptor")
                or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            ).get_object()
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), font["/BaseFont"]


def test_every_drawing_has_alt_text_that_describes_the_movement(handout):
    alts = handout.figures()
    own = [squash(e["illustration_alt"][handout.language]) for e in handout.exercises]
    # The fridge sheet's small pictures, then each exercise page's drawing, in program order.
    assert [squash(a) for a in alts[: 2 * len(own)]] == own + own
    back = alts[2 * len(own) :]
    lift = Category(handout.snapshot["category"]["code"]).has_precautions and (
        handout.snapshot["patient"]["walking_aid"] != "wheelchair"  # lifts seated, not drawn
    )
    assert len(back) == (2 if lift else 1)  # what to avoid; the lift, do and don't
    for exercise, alt in zip(handout.exercises, own, strict=True):
        assert len(alt) > len(handout.name(exercise)) + 20, exercise["key"]
    # A drawing that failed to load would print its alt text instead.
    assert own[0][:40] not in handout.text


# --- §10: page 1, the exercise pages, the log ---------------------------------------------------


def short(day: date, language: str) -> str:
    with translation.override(language):
        return date_format(day, "j. N" if language == "da" else "j N")


def test_page_one_holds_the_week_plan_and_the_dates(handout):
    first = handout.pages[0]
    lang = handout.language
    assert ("Din uge" if lang == "da" else "Your week") in first
    days = "MaTiOnToFrLøSø" if lang == "da" else "MoTuWeThFrSaSu"
    assert days in first.replace(" ", "")  # the week plan's columns
    assert first.count("✓") >= 7
    due = date.fromisoformat(handout.snapshot["reassessment_due"])
    for day in (START, START + timedelta(days=28), START + timedelta(days=56), due):
        assert short(day, lang) in first, day
    assert "86 12 34 56" in first and "Åse Ørbæk" in first


def test_every_impact_exercise_shows_its_start_week_on_its_own_page(handout):
    later = [e for e in handout.exercises if e["start_week"] > 1]
    if handout.snapshot["category"]["code"] in ("hverdagsaktiv", "traeningsaktiv"):
        assert any(e["kind"] == "impact" for e in later)
    for exercise in later:
        page = handout.pages[handout.page_of(exercise)]
        badge = "Starter i uge" if handout.language == "da" else "Starts in week"
        assert f"{badge} {exercise['start_week']}" in page, exercise["key"]


def test_numbering_matches_on_page_one_the_exercise_pages_and_the_log(handout):
    numbers = [e["number"] for e in handout.exercises]
    assert numbers == list(range(1, len(numbers) + 1))  # program order, from 1
    assert handout.bold_numbers(0) == numbers  # page 1, each picture's number
    pages = [handout.page_of(e) for e in handout.exercises]
    assert pages == sorted(pages)
    assert sorted(Counter(pages).values(), reverse=True)[: len(numbers) // 2] == [2] * (
        len(numbers) // 2
    )  # two exercises a page
    log, at = handout.pages[-1], 0
    for exercise in handout.exercises:  # each row: the number, then the name (it may wrap)
        at = log.index(f"{exercise['number']} {' '.join(handout.name(exercise).split()[:2])}", at)


def test_three_phase_dose_and_easier_and_harder_versions_by_name(handout):
    strength = next(e for e in handout.exercises if e["kind"] == "strength")
    page = handout.pages[handout.page_of(strength)]
    for first, last in ((1, 4), (5, 8), (9, 12)):
        assert f"{first}–{last}" in page
    easier, harder = (
        ("Lettere:", "Sværere:") if handout.language == "da" else ("Easier:", "Harder:")
    )
    for exercise in handout.exercises:
        page = handout.pages[handout.page_of(exercise)]
        for word, rung in ((easier, exercise["regression"]), (harder, exercise["progression"])):
            if rung:
                assert f"{word} {squash(rung['name'][handout.language])}" in page


# --- what the physiotherapist writes, branding per language -------------------------------------


def test_clinical_notes_are_never_printed_the_patient_note_is(handout, issued, case):
    snapshot, notes = issued[case]
    assert notes and snapshot["clinical_notes"] == notes
    for word in CLINICAL_WORDS:
        assert word not in handout.text
    if snapshot["patient_note"]:
        assert NOTE["da"] in handout.text  # in the language it was written in
    else:
        assert NOTE["da"] not in handout.text


def test_the_contact_line_is_printed_in_its_own_language_only(handout):
    assert ("Ring hverdage kl. 8–15" in handout.pages[0]) == (handout.language == "da")


# --- fitted to the category ---------------------------------------------------------------------


def test_advice_fits_the_category(handout, case):
    text, lang = handout.text, handout.language
    acute = case == "akutfase"
    assert (("Mens bruddet heler" if lang == "da" else "While the fracture heals") in text) == acute
    # The effort scale matches the doses: never "hard, 7–8" in the acute phase.
    assert ("7–8" in text) != acute
    lift = "Ikke sådan: krum ryg" if lang == "da" else "Not like this: rounded back"
    precaution = Category(handout.snapshot["category"]["code"]).has_precautions
    assert (lift in text) == (precaution and case != "wheelchair")
    fear = "Bange for at falde?" if lang == "da" else "Afraid of falling?"
    assert (fear in text) == (case in ("hverdagsaktiv", "sixteen"))
    brakes = "Sæt bremsen på rollatoren" if lang == "da" else "Put the brakes on the rollator"
    assert (brakes in text) == (handout.snapshot["patient"]["walking_aid"] == "rollator")
    assert ("Tag trappen" in text or "Take the stairs" in text) == (
        case not in ("akutfase", "funktionsbegraenset", "wheelchair")
    )
    # Nobody is told to vacuum in lunges; the acute phase carries only light things.
    assert not re.search(r"udfald|lunge|støvsug|vacuum", text, re.IGNORECASE)
    light = "Bær kun lette ting" if lang == "da" else "Carry only light things"
    assert (light in text) == acute
    seated = "Skub dig op i sædet" if lang == "da" else "Push yourself up in the seat"
    brakes_chair = "bremserne på kørestolen" if lang == "da" else "brakes on the wheelchair"
    assert (seated in text) == (brakes_chair in text) == (case == "wheelchair")


def test_a_hand_added_moved_exercise_and_an_edited_dose(issued, language):
    handout = Rendered(issued["edited"][0], language)
    first, *rest = handout.exercises
    assert first["key"] == ADDED_KEY and first["added_by_hand"] and first["number"] == 1
    assert [e["number"] for e in handout.exercises] == list(range(1, len(handout.exercises) + 1))
    assert handout.page_of(first) == 1
    assert handout.pages[-1].index(f"1 {handout.name(first)}") < handout.pages[-1].index(
        f"2 {handout.name(rest[0])}"
    )
    edited = next(e for e in rest if e["key"] == "sit-to-stand")
    page = handout.pages[handout.page_of(edited)]
    doses = [phase["dose"] for phase in edited["phases"]]
    assert doses[0] == {"sets": 3, "reps": 12}
    assert len({(d["sets"], d["reps"]) for d in doses}) > 1  # the plan moves on from the edit
    cells = page.replace(" ", "")  # adjacent table cells may come out without a space
    for phase, (first_week, last_week) in zip(doses, ((1, 4), (5, 8), (9, 12)), strict=True):
        assert f"{first_week}–{last_week}{phase['sets']}×{phase['reps']}" in cells
    days = "3 dage om ugen" if language == "da" else "3 days a week"
    assert days in page
