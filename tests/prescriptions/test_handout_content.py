"""The handout's context and HTML from snapshots made without a database, and old snapshots.

The snapshots come from `tests.support.handout_snapshot`: the default library file with the
real dosing, ladders and drawings. The PDF itself is read back in `test_handout_pdf`.
"""

import io
import re

import pytest
from pypdf import PdfReader

from osteoactive.pdf import render_pdf
from prescriptions.handout import handout_context, handout_html, page_limit
from tests.support.handout_snapshot import (
    ACTIVE_KEYS,
    CLINICAL_NOTE,
    PATIENT,
    PATIENT_NOTE,
    as_schema_1,
    make_snapshot,
)


def read(snapshot, language):
    reader = PdfReader(io.BytesIO(render_pdf(handout_html(snapshot, language))))
    return reader, [" ".join((page.extract_text() or "").split()) for page in reader.pages]


def test_page_limit_follows_the_spec():
    assert [page_limit(n) for n in (1, 12, 13, 16)] == [10, 10, 12, 12]


def test_context_numbers_in_program_order_with_start_weeks_and_named_versions():
    context = handout_context(make_snapshot("hverdagsaktiv", ACTIVE_KEYS), "da")
    exercises = context["exercises"]
    assert [e["number"] for e in exercises] == list(range(1, len(ACTIVE_KEYS) + 1))
    assert [e["key"] for e in exercises] == list(ACTIVE_KEYS)
    impact = {e["key"]: e["start_week"] for e in exercises if e["group"] == "impact"}
    assert impact == {"heel-drops": 5, "stamping": 5}
    sit = exercises[0]
    assert sit["harder"] == "Squat til stol" and sit["easier"] == ""
    assert [p["dose"] for p in sit["phases"]] == [
        {"sets": 2, "reps": 10},
        {"sets": 3, "reps": 10},
        {"sets": 3, "reps": 8},
    ]
    with pytest.raises(ValueError):
        handout_context(make_snapshot(), "de")


def test_the_fixed_texts_come_from_the_catalogues_in_the_handout_language():
    snapshot = make_snapshot()
    danish, english = handout_html(snapshot, "da"), handout_html(snapshot, "en")
    assert "Pas på ryggen" in danish and "Protect your back" not in danish
    assert "Protect your back" in english and "Pas på ryggen" not in english
    assert '<html lang="da">' in danish and '<html lang="en">' in english


def test_stored_text_is_escaped_never_executed():
    evil = "<script>alert('x')</script>"
    snapshot = make_snapshot("hverdagsaktiv", ACTIVE_KEYS[:2], logo=False, patient=f"Ib {evil}")
    snapshot["patient_note"]["text"] = f"Note {evil}"
    snapshot["exercises"][0]["name"]["da"] = f"Øvelse {evil}"
    snapshot["clinic"]["footer"]["da"] = f"Fod {evil}"
    html = handout_html(snapshot, "da")
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_only_data_uri_images_reach_the_html():
    snapshot = make_snapshot("hverdagsaktiv", ACTIVE_KEYS[:3], logo=False)
    snapshot["exercises"][0]["illustration"] = "http://example.com/x.png"
    snapshot["exercises"][1]["illustration"] = 'data:image/png;base64,AAAA" onerror="x'
    snapshot["clinic"]["logo"] = "file:///etc/passwd"
    html = handout_html(snapshot, "da")
    assert "example.com" not in html and "onerror" not in html and "/etc/passwd" not in html
    # The third exercise twice (page 1 and its page), and the back page's drawing.
    assert len(re.findall(r"<img ", html)) == 3


def test_the_log_keeps_a_row_per_exercise_and_marks_weeks_before_the_start():
    html = handout_html(make_snapshot("hverdagsaktiv", ACTIVE_KEYS), "en")
    log = html[html.index('<section class="log">') :]
    assert log.count('<th class="name" scope="row">') == len(ACTIVE_KEYS) + 2
    heel_drops = log[log.index("Heel drops") :].split("</tr>")[0]
    assert heel_drops.count(">–</td>") == 4  # weeks 1–4, before it starts


@pytest.mark.parametrize("language", ["da", "en"])
def test_an_old_snapshot_still_renders(language):
    """Schema 1, as issued before DK-2026.2: the start week comes from the phases, the notes
    were the generator's and are not printed, the Danish contact line stays Danish."""
    snapshot = as_schema_1(make_snapshot("hverdagsaktiv", ACTIVE_KEYS))
    reader, pages = read(snapshot, language)
    text = " ".join(pages)
    assert len(pages) <= 10 and PATIENT in pages[0]
    badge = "Starter i uge 5" if language == "da" else "Starts in week 5"
    assert sum(badge in page for page in pages[1:]) == 2  # heel drops, stamping
    assert CLINICAL_NOTE[language] not in text and PATIENT_NOTE not in text
    assert ("Ring hverdage kl. 8–15" in pages[0]) == (language == "da")
    issued, planned = ("21. nov.", "23. nov.") if language == "da" else ("21 Nov.", "23 Nov.")
    assert issued in pages[0] and planned not in pages[0]  # week 1 began on the issue date
    log = pages[-1]
    for number, key in enumerate(ACTIVE_KEYS, start=1):
        name = next(e for e in snapshot["exercises"] if e["key"] == key)["name"][language]
        assert f"{number} {name.split()[0]}" in log


def test_an_old_snapshots_drawings_are_described_from_its_steps():
    snapshot = as_schema_1(make_snapshot("hverdagsaktiv", ACTIVE_KEYS[:2], logo=False))
    context = handout_context(snapshot, "en")
    first = context["exercises"][0]
    assert first["alt"] == "" and first["first_step"] and first["last_step"]
    html = handout_html(snapshot, "en")
    assert f'alt="Drawing of {first["name"]}. First: {first["first_step"]}' in html
