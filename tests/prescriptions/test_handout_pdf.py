"""The patient handout, rendered to a real PDF with WeasyPrint and read back with pypdf.

No database: the snapshot (`tests.support.handout_snapshot`) is built from the default library
file with the real dosing and illustration code, in the shape `prescriptions.snapshot` freezes.
"""

import io
import re
import socket

import pytest
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject

from osteoactive.domain.categories import Category
from osteoactive.pdf import ResourceRefused, render_pdf
from prescriptions import handout_text
from prescriptions.handout import handout_context, handout_html
from programs.domain.dosing import dose_text
from programs.domain.spec import dose_from_json
from tests.support.handout_snapshot import (
    ACTIVE_KEYS,
    PATIENT,
    PRECAUTION_KEYS,
    make_snapshot,
    png_logo,
)


def expected_dose_line(exercise: dict, language: str) -> str:
    dose = dose_from_json(exercise["dose"])
    days = exercise["days_per_week"]
    if days == 7:
        days_text = "hver dag" if language == "da" else "every day"
    else:
        days_text = f"{days} dage om ugen" if language == "da" else f"{days} days a week"
    return f"{dose_text(dose, exercise['dose_type'], language)} · {days_text}"


def squash(text: str) -> str:
    return " ".join(text.split())


def figures(reader: PdfReader) -> list[str]:
    """The alt texts of the tagged figures (every <img>, raster or SVG) in document order."""
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

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


class Rendered:
    def __init__(self, snapshot: dict, language: str):
        self.snapshot = snapshot
        self.language = language
        self.html = handout_html(snapshot, language)
        self.pdf = render_pdf(self.html)
        self.reader = PdfReader(io.BytesIO(self.pdf))
        self.pages = [page.extract_text() or "" for page in self.reader.pages]
        self.text = squash("\n".join(self.pages))


@pytest.fixture(scope="module", params=["da", "en"])
def precaution(request):
    return Rendered(make_snapshot(), request.param)


@pytest.fixture(scope="module")
def active_da():
    return Rendered(
        make_snapshot("hverdagsaktiv", ACTIVE_KEYS, logo=False, fall_prevention_focus=False), "da"
    )


# --- the rendered PDF -------------------------------------------------------------------------


def test_pdf_shows_patient_clinic_and_every_exercise(precaution):
    text, lang = precaution.text, precaution.language
    assert precaution.pdf.startswith(b"%PDF-")
    assert PATIENT in text
    letters = "ÆØæøå" if lang == "da" else "ÆØøå"  # the English text has no "æ" of its own
    assert all(letter in text for letter in letters)
    assert "Freja Fysioterapeut" in text
    assert "86 12 34 56" in text
    assert ("21. november 2026" if lang == "da" else "21 November 2026") in text
    for exercise in precaution.snapshot["exercises"]:
        assert squash(exercise["name"][lang]) in text, exercise["key"]
        assert squash(exercise["instructions"][lang][0]) in text, exercise["key"]
        assert squash(exercise["safety_tip"][lang]) in text, exercise["key"]
        assert expected_dose_line(exercise, lang) in text, exercise["key"]


def test_pdf_shows_the_fixed_sections_in_the_handout_language(precaution):
    lang = precaution.language
    headings = handout_text.HEADINGS
    for key in ("safe", "effort", "pain", "plan", "everyday", "bone_health", "surroundings",
                "contact", "notes", "log"):  # fmt: skip
        assert handout_text.text(headings[key], lang) in precaution.text, key
    domain_words = (
        ["Stærk", "Stabil", "Strakt"] if lang == "da" else ["Strong", "Steady", "Straight"]
    )
    for word in domain_words:
        assert word in precaution.text
    reassurance = handout_text.text(handout_text.REASSURANCE, lang)[0]
    assert squash(reassurance) in precaution.text
    note = precaution.snapshot["notes"][0][lang]
    assert note in precaution.text
    other = "en" if lang == "da" else "da"
    assert handout_text.text(headings["bone_health"], other) not in precaution.text


def test_one_figure_per_exercise_plus_the_logo(precaution):
    alts = figures(precaution.reader)
    names = [e["name"][precaution.language] for e in precaution.snapshot["exercises"]]
    prefix = handout_text.text(handout_text.EXERCISE["illustration_alt"], precaution.language)
    assert alts == [handout_text.text(handout_text.COVER["logo_alt"], precaution.language)] + [
        f"{prefix}: {name}" for name in names
    ]
    # A picture that failed to load would print its alt text instead.
    assert prefix not in precaution.text
    # The only raster image is the PNG logo (pages share one resource dictionary, so count
    # distinct images); the illustrations are SVG and drawn as vectors.
    raster = {image.name for page in precaution.reader.pages for image in page.images}
    assert len(raster) == 1


def test_no_logo_means_no_logo_figure(active_da):
    alts = figures(active_da.reader)
    assert len(alts) == len(ACTIVE_KEYS)
    assert sum(len(page.images) for page in active_da.reader.pages) == 0


def test_every_page_has_the_footer(precaution):
    total = len(precaution.pages)
    assert total >= 2
    word, of = ("Side", "af") if precaution.language == "da" else ("Page", "of")
    for number, page in enumerate(precaution.pages, start=1):
        flat = squash(page)
        assert f"{word} {number} {of} {total}" in flat, number
        assert PATIENT in flat, number
        assert "Demo Fysioterapi · Søndergade 12" in flat, number


def test_plan_table_and_log_sheet(precaution):
    text, lang = precaution.text, precaution.language
    for column in ("1–4", "5–8", "9–12"):
        assert column in text
    days = handout_text.text(handout_text.LOG["days"], lang)
    assert " ".join(days) in text
    week = handout_text.text(handout_text.LOG["week"], lang)
    for number in range(1, 13):
        assert f"{week} {number}" in text


def test_precaution_section_only_for_precaution_categories(precaution, active_da):
    lang = precaution.language
    lift = handout_text.text(handout_text.HEADINGS["lift"], lang)
    avoid = handout_text.text(handout_text.HEADINGS["avoid"], lang)
    assert lift in precaution.text and avoid in precaution.text
    assert squash(handout_text.text(handout_text.LIFT_STEPS, lang)[2]) in precaution.text
    assert "Sådan løfter du sikkert" not in active_da.text
    assert "Det skal du undgå" not in active_da.text


def test_impact_exercise_starts_in_week_5(active_da):
    assert "starter i uge 5" in active_da.text
    assert squash(handout_text.PLAN_IMPACT["da"]) in active_da.text


def test_acute_phase_gets_precautions_and_the_end_date():
    snapshot = make_snapshot("akutfase", PRECAUTION_KEYS[:4], logo=False)
    html = handout_html(snapshot, "en")
    assert "What to avoid" in html
    assert "While the fracture heals" in html
    assert "1 January 2027" in html
    assert "Active in daily life, with precautions" in html  # the underlying category
    assert "Very light and short" in html  # the acute phases, never "Hard"
    assert "Hard. A load you can lift" not in html


def test_stored_text_is_escaped_never_executed():
    evil = "<script>alert('x')</script>"
    snapshot = make_snapshot("hverdagsaktiv", ACTIVE_KEYS[:2], logo=False, patient=f"Ib {evil} Ærø")
    snapshot["notes"] = [{"da": f"Note {evil}", "en": f"Note {evil}"}]
    snapshot["exercises"][0]["name"]["da"] = f"Øvelse {evil}"
    snapshot["clinic"]["footer"] = f"Fod {evil}"
    html = handout_html(snapshot, "da")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    text = squash(
        "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(render_pdf(html))).pages)
    )
    assert f"Ib {evil} Ærø" in text
    assert f"Note {evil}" in text
    assert f"Øvelse {evil}" in text


def test_only_data_uri_images_reach_the_html():
    snapshot = make_snapshot("hverdagsaktiv", ACTIVE_KEYS[:3], logo=False)
    snapshot["exercises"][0]["illustration"] = "http://example.com/x.png"
    snapshot["exercises"][1]["illustration"] = 'data:image/png;base64,AAAA" onerror="x'
    snapshot["clinic"]["logo"] = "file:///etc/passwd"
    html = handout_html(snapshot, "da")
    assert "example.com" not in html
    assert "onerror" not in html
    assert "/etc/passwd" not in html
    assert len(re.findall(r"<img ", html)) == 1


def test_context_in_both_languages_and_unknown_language():
    snapshot = make_snapshot()
    da, en = handout_context(snapshot, "da"), handout_context(snapshot, "en")
    assert [g["label"] for g in da["groups"]] == ["Stærk", "Stabil", "Strakt"]
    assert [g["label"] for g in en["groups"]] == ["Strong", "Steady", "Straight"]
    assert da["precautions"] and en["precautions"]
    assert da["exercises"][0]["dose_line"] == "2 × 10 gentagelser · 2 dage om ugen"
    assert en["exercises"][0]["dose_line"] == "2 × 10 repetitions · 2 days a week"
    with pytest.raises(ValueError):
        handout_context(snapshot, "de")


def test_every_fixed_text_has_danish_and_english():
    def check(value, where):
        if isinstance(value, dict) and set(value) == {"da", "en"}:
            assert value["da"] and value["en"], where
            assert type(value["da"]) is type(value["en"]), where
            if isinstance(value["da"], (list, tuple)):
                assert len(value["da"]) == len(value["en"]), where
        elif isinstance(value, dict):
            for key, item in value.items():
                check(item, f"{where}.{key}")
        elif isinstance(value, (list, tuple)):
            for index, item in enumerate(value):
                check(item, f"{where}[{index}]")

    for name in dir(handout_text):
        if name.isupper():
            check(getattr(handout_text, name), name)
    assert set(handout_text.CATEGORY_MEANING) == {c.value for c in Category}


# --- render_pdf: no network -------------------------------------------------------------------


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("render_pdf tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.mark.parametrize(
    "html",
    [
        '<p>x</p><img src="http://example.com/logo.png">',
        '<link rel="stylesheet" href="https://example.com/style.css"><p>x</p>',
        '<p style="background: url(ftp://example.com/x.png)">x</p>',
        '<img src="file:///etc/hostname">',
    ],
)
def test_render_pdf_refuses_remote_and_foreign_resources(no_network, html):
    with pytest.raises(ResourceRefused):
        render_pdf(html)


def test_render_pdf_allows_data_uris(no_network):
    pdf = render_pdf(f'<p>Ærø</p><img src="{png_logo()}">')
    reader = PdfReader(io.BytesIO(pdf))
    assert "Ærø" in reader.pages[0].extract_text()
    assert len(reader.pages[0].images) == 1
