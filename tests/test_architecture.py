"""The clinical logic stays pure: no Django, no database, no clock in these modules."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PURE_MODULES = [
    "assessment/categories.py",
    "assessment/categorisation.py",
    "assessment/inputs.py",
    "assessment/cpr.py",
    "assessment/charts.py",
    "programs/exercise_spec.py",
    "programs/labels.py",
    "programs/safety.py",
    "programs/dosing.py",
    "programs/generation.py",
    "programs/illustration.py",
    "programs/library_file.py",
    "prescriptions/handout_text.py",
]
FORBIDDEN = ("django", "celery", "weasyprint")


def imported_names(path):
    tree = ast.parse((ROOT / path).read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


@pytest.mark.parametrize("path", PURE_MODULES)
def test_pure_module_imports_no_framework(path):
    bad = [name for name in imported_names(path) if name.split(".")[0] in FORBIDDEN]
    assert bad == [], f"{path} imports {bad}"


@pytest.mark.parametrize("path", PURE_MODULES)
def test_pure_module_reads_no_clock(path):
    source = (ROOT / path).read_text()
    for call in ("date.today(", "datetime.now(", "time.time(", "random."):
        assert call not in source, f"{path} calls {call}"


def test_only_one_module_imports_weasyprint():
    users = [
        str(path.relative_to(ROOT))
        for path in ROOT.glob("*/**/*.py")
        if ".venv" not in path.parts
        and "tests" not in path.parts
        and "bench" not in path.parts
        and any(
            name.split(".")[0] == "weasyprint" for name in imported_names(path.relative_to(ROOT))
        )
    ]
    assert users == ["osteoactive/pdf.py"]
