"""The JSON commands answer malformed input with a message and a non-zero exit, never a
traceback: deep nesting, numbers too long to convert, text that is not UTF-8."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from osteoactive.json_command import MAX_DEPTH, nesting_depth

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = ["categorise", "generate_program"]
MALFORMED = {
    "deeply nested list": "[" * 100_000 + "]" * 100_000,
    "nested just past the limit": '{"fractures": ' + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "}",
    "a number too long to convert": '{"tug_seconds": 1' + "0" * 5000 + "}",
    "deeply nested object": '{"a": ' * 50_000 + "1" + "}" * 50_000,
}


def test_nesting_depth_is_counted_without_recursion():
    assert nesting_depth(1) == 0
    assert nesting_depth({"a": [1, {"b": []}]}) == 4
    deep = []
    for _ in range(100_000):
        deep = [deep]
    assert nesting_depth(deep) == 100_001


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("kind", list(MALFORMED))
def test_malformed_input_is_a_message(tmp_path, command, kind):
    path = tmp_path / "in.json"
    path.write_text(MALFORMED[kind])
    with pytest.raises(CommandError, match="not valid JSON"):
        call_command(command, str(path))


@pytest.mark.parametrize("command", COMMANDS)
def test_text_that_is_not_utf8_is_a_message(tmp_path, command):
    path = tmp_path / "in.json"
    path.write_bytes(b'{"sex": "\xff\xfe"}')
    with pytest.raises(CommandError, match="not UTF-8"):
        call_command(command, str(path))


@pytest.mark.parametrize("command", COMMANDS)
def test_no_traceback_from_a_real_process(command):
    done = subprocess.run(
        [sys.executable, "manage.py", command, "-"],
        input=MALFORMED["deeply nested list"],
        capture_output=True, text=True, cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "osteoactive.settings.test"},
    )  # fmt: skip
    assert done.returncode != 0
    assert "Traceback" not in done.stderr and "nested more than" in done.stderr
    assert done.stdout == ""
