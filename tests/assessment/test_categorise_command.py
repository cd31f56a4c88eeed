import json

import pytest
from django.core.management import CommandError, call_command

from tests.support.examples import SPEC_EXAMPLE as EXAMPLE


def run(tmp_path, capsys, data):
    path = tmp_path / "in.json"
    path.write_text(json.dumps(data))
    call_command("categorise", str(path))
    return json.loads(capsys.readouterr().out)


def test_single_object(tmp_path, capsys):
    result = run(tmp_path, capsys, EXAMPLE)
    assert result["category"] == "akutfase"
    assert result["underlying_category"] == "traeningsaktiv_med_hensyn"
    assert result["acute_phase_ends"] == "2027-01-01"
    assert result["rules"] == ["A1", "B3", "C1"]


def test_batch_keeps_order(tmp_path, capsys):
    slow = {**EXAMPLE, "fractures": [], "tug_seconds": 25.0}
    results = run(tmp_path, capsys, [EXAMPLE, slow])
    assert [r["category"] for r in results] == ["akutfase", "funktionsbegraenset"]


def test_invalid_entry_names_its_index_and_field(tmp_path, capsys):
    path = tmp_path / "in.json"
    path.write_text(json.dumps([EXAMPLE, {**EXAMPLE, "tug_seconds": 500, "pain_nrs": -1}]))
    with pytest.raises(CommandError):
        call_command("categorise", str(path))
    captured = capsys.readouterr()
    assert "[1] tug_seconds" in captured.err and "[1] pain_nrs" in captured.err
    assert captured.out == ""


def test_not_json(tmp_path):
    path = tmp_path / "in.json"
    path.write_text("{nope")
    with pytest.raises(CommandError, match="not valid JSON"):
        call_command("categorise", str(path))


def test_standard_input_from_a_real_process(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "manage.py", "categorise", "-"],
        input=json.dumps(EXAMPLE),
        capture_output=True,
        text=True,
        cwd=root,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "osteoactive.settings.test"},
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["category"] == "akutfase"
    bad = subprocess.run(
        [sys.executable, "manage.py", "categorise", "-"],
        input=json.dumps({**EXAMPLE, "sex": "x"}),
        capture_output=True,
        text=True,
        cwd=root,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "osteoactive.settings.test"},
    )
    assert bad.returncode != 0 and "sex" in bad.stderr


MEASURED = {
    "assessment_date": "2026-11-01",
    "birth_date": "1950-03-02",
    "sex": "female",
    "falls_last_12_months": 0,
    "height_cm": 200.0,
    "weight_kg": 75.76,
    "height_loss_cm": 4.0,
    "fes_i_short": [2, 2, 2, 2, 2, 2, 2],
}


def test_prints_the_dk_2026_2_fields_single_and_batch(tmp_path, capsys):
    measured = MEASURED
    one = run(tmp_path, capsys, measured)
    assert one["ruleset"] == "DK-2026.2"
    assert (one["bmi"], one["fes_i_level"], one["next_reassessment_due"]) == (
        18.9,
        "high",
        "2026-11-29",
    )
    assert "W6" in one["warnings"] and "W7" in one["warnings"]
    bare = {key: measured[key] for key in ("assessment_date", "birth_date", "sex")}
    both = run(tmp_path, capsys, [measured, bare])
    assert both[0] == one
    assert (both[1]["bmi"], both[1]["fes_i_level"]) == (None, None)
    assert both[1]["next_reassessment_due"] == "2027-01-24"
    assert "W5" in both[1]["warnings"]


def test_invalid_dk_2026_2_fields_exit_with_one_message_each(tmp_path, capsys):
    path = tmp_path / "in.json"
    bad = {"height_cm": 300, "fes_i_short": [1, 2], "medication": "aspirin"}
    path.write_text(json.dumps({**MEASURED, **bad}))
    with pytest.raises(CommandError):
        call_command("categorise", str(path))
    errors = capsys.readouterr().err.splitlines()
    assert sorted(line.split(":")[0] for line in errors) == [
        "fes_i_short",
        "height_cm",
        "medication",
    ]
