"""The layout's rules, checked on the source: pure domain packages, a core that imports no
app, small modules, no import cycles, and test modules that stand alone.

Each rule is a function that returns its violations, so a test can also show that the rule
catches one (`test_the_rules_catch_violations`).
"""

import ast
from pathlib import Path

import pytest

pytestmark = pytest.mark.pure

ROOT = Path(__file__).resolve().parents[1]
APPS = ("assessment", "programs", "prescriptions")
CORE = "osteoactive"
FRAMEWORKS = {"django", "celery", "kombu", "weasyprint", "psycopg", "redis", "PIL", "environ"}
CLOCK_CALLS = {
    ("date", "today"),
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("datetime", "today"),
    ("time", "time"),
    ("time", "monotonic"),
    ("timezone", "now"),
    ("timezone", "localdate"),
    ("uuid", "uuid4"),
}
RANDOM_MODULES = {"random", "secrets"}
MAX_LINES = 400
LONG_MODULES_ALLOWED: set[str] = set()


def source_files():
    for path in sorted(ROOT.glob("*/**/*.py")):
        relative = path.relative_to(ROOT)
        if relative.parts[0] in (*APPS, CORE) and "migrations" not in relative.parts:
            yield relative


def domain_files():
    return [path for path in source_files() if "domain" in path.parts]


def imports(tree):
    """(module, names) of every import; relative imports are resolved later by the caller."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, 0
        elif isinstance(node, ast.ImportFrom):
            yield node.module or "", node.level


def absolute(module, level, path):
    """The dotted name an import refers to, relative ones resolved against `path`."""
    if not level:
        return module
    package = list(path.with_suffix("").parts[:-1])
    package = package[: len(package) - (level - 1)] if level > 1 else package
    return ".".join([*package, module] if module else package)


def purity_violations(path, source):
    """A domain module must not import a framework or app code, nor read the clock or chance."""
    found = []
    tree = ast.parse(source)
    for module, level in imports(tree):
        name = absolute(module, level, path)
        top = name.split(".")[0]
        if top in FRAMEWORKS or top in RANDOM_MODULES:
            found.append(f"{path} imports {name}")
        elif top in (*APPS, CORE) and ".domain" not in f".{name}." and not name.endswith(".domain"):
            found.append(f"{path} imports {name}, which is not a domain package")
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            owner_name = owner.id if isinstance(owner, ast.Name) else getattr(owner, "attr", "")
            if (owner_name, node.func.attr) in CLOCK_CALLS:
                found.append(f"{path} calls {owner_name}.{node.func.attr}()")
    return found


def core_violations(path, source):
    """The core package (`osteoactive`) is the lowest layer: it imports from no app."""
    if path.parts[0] != CORE:
        return []
    found = []
    for module, level in imports(ast.parse(source)):
        name = absolute(module, level, path)
        if name.split(".")[0] in APPS:
            found.append(f"{path} imports {name}")
    if path.parts[:2] == (CORE, "domain"):
        for module, level in imports(ast.parse(source)):
            name = absolute(module, level, path)
            if name.split(".")[0] == CORE and not name.startswith("osteoactive.domain"):
                found.append(f"{path} imports {name} from above the shared vocabulary")
    return found


def length_violations(path, source):
    lines = source.count("\n")
    if lines > MAX_LINES and str(path) not in LONG_MODULES_ALLOWED:
        return [f"{path} has {lines} lines (split it by role)"]
    return []


def module_name(path):
    return ".".join(path.with_suffix("").parts).removesuffix(".__init__")


def imported_modules(path, source, known):
    """The modules of `known` that `source` imports, a lazy import inside a function too."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            package = absolute(node.module or "", node.level, path)
            names = [f"{package}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name:
                found.add(name)
    return found - {module_name(path)}


def import_cycles(graph):
    """Loops of modules importing each other (e.g. services queue a task that calls services):
    one of them should move the shared part into a module both import."""
    found, done = [], set()

    def visit(module, trail):
        if module in trail:
            found.append(" -> ".join([*trail[trail.index(module) :], module]))
        elif module not in done:
            for imported in sorted(graph.get(module, ())):
                visit(imported, [*trail, module])
            done.add(module)

    for module in sorted(graph):
        visit(module, [])
    return found


def test_module_violations(path, source):
    """No module imports a test module, and nothing under tests/ imports `bench`."""
    found = []
    for module, level in imports(ast.parse(source)):
        name = absolute(module, level, path)
        parts = name.split(".")
        if parts[0] == "bench" and path.parts[0] == "tests":
            found.append(f"{path} imports {name}")
        elif parts[0] == "tests" and parts[-1].startswith("test_"):
            found.append(f"{path} imports the test module {name}")
    return found


def is_domain(name):
    return ".domain." in f".{name}."


def marked_pure(tree):
    """Whether the module sets `pytestmark` to (a list holding) `pytest.mark.pure`."""
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "pytestmark" for target in node.targets
        ):
            for part in ast.walk(node.value):
                if isinstance(part, ast.Attribute) and part.attr == "pure":
                    return True
    return False


def imports_through_tests(path, source, seen=None):
    """Every module `source` imports, and what the modules under tests/ that it imports import."""
    seen = set() if seen is None else seen
    for module, level in imports(ast.parse(source)):
        name = absolute(module, level, path)
        yield name
        if name.split(".")[0] == "tests" and name not in seen:
            seen.add(name)
            base = Path(*name.split("."))
            for target in (base.with_suffix(".py"), base / "__init__.py"):
                if (ROOT / target).exists():
                    yield from imports_through_tests(target, read(target), seen)
                    break


def pure_marker_violations(path, source):
    """A test module of domain code alone (it imports a domain package, and neither a framework
    nor app code outside the domain packages) is marked `pure`, so `pytest -m pure` runs it;
    a module marked pure imports no framework and no app code outside the domain packages."""
    if not path.name.startswith("test_"):
        return []
    tree = ast.parse(source)
    names = list(imports_through_tests(path, source))
    impure = [
        name
        for name in names
        if name.split(".")[0] in FRAMEWORKS
        or (name.split(".")[0] in (*APPS, CORE) and not is_domain(name))
    ]
    if marked_pure(tree) and impure:
        return [f"{path} is marked pure but imports {', '.join(impure)}"]
    if not marked_pure(tree) and not impure and any(is_domain(name) for name in names):
        return [f"{path} tests domain code alone: add `pytestmark = pytest.mark.pure`"]
    return []


test_module_violations.__test__ = False
pure_marker_violations.__test__ = False


def read(path):
    return (ROOT / path).read_text(encoding="utf-8")


def test_there_are_domain_packages():
    packages = {path.parts[0] for path in domain_files()}
    assert packages == {"osteoactive", "assessment", "programs"}


@pytest.mark.parametrize("path", domain_files(), ids=str)
def test_domain_modules_are_pure(path):
    assert purity_violations(path, read(path)) == []


@pytest.mark.parametrize("path", list(source_files()), ids=str)
def test_core_imports_no_app_and_modules_stay_small(path):
    source = read(path)
    assert core_violations(path, source) + length_violations(path, source) == []


def test_no_import_cycles():
    files = list(source_files())
    known = {module_name(path) for path in files}
    graph = {module_name(path): imported_modules(path, read(path), known) for path in files}
    assert import_cycles(graph) == []


def test_only_one_module_imports_weasyprint():
    users = [
        str(path)
        for path in source_files()
        if any(
            absolute(module, level, path).split(".")[0] == "weasyprint"
            for module, level in imports(ast.parse(read(path)))
        )
    ]
    assert users == ["osteoactive/pdf.py"]


def test_test_modules_stand_alone():
    found = []
    for path in sorted([*(ROOT / "tests").rglob("*.py"), *(ROOT / "bench").rglob("*.py")]):
        relative = path.relative_to(ROOT)
        found += test_module_violations(relative, path.read_text(encoding="utf-8"))
    assert found == []


def test_domain_test_modules_are_marked_pure():
    found = []
    for path in sorted((ROOT / "tests").rglob("test_*.py")):
        relative = path.relative_to(ROOT)
        found += pure_marker_violations(relative, path.read_text(encoding="utf-8"))
    assert found == []


def test_the_rules_catch_violations():
    domain = Path("programs/domain/example.py")
    assert purity_violations(domain, "from django.db import models\n")
    assert purity_violations(domain, "from ..models import Exercise\n")
    assert purity_violations(domain, "from assessment import selectors\n")
    assert purity_violations(domain, "import random\n")
    assert purity_violations(domain, "from datetime import date\nx = date.today()\n")
    assert purity_violations(domain, "from django.utils import timezone\ntimezone.now()\n")
    assert not purity_violations(
        domain, "from .spec import Kind\nfrom assessment.domain import x\n"
    )
    core = Path("osteoactive/views.py")
    assert core_violations(core, "from assessment.models import Patient\n")
    assert core_violations(Path("osteoactive/domain/x.py"), "from osteoactive.models import User\n")
    assert not core_violations(core, "from osteoactive.domain.categories import Category\n")
    assert length_violations(Path("programs/views.py"), "x = 1\n" * (MAX_LINES + 1))
    tasks = Path("prescriptions/tasks.py")
    known = {"prescriptions.services", "prescriptions.tasks", "prescriptions.rendering"}
    assert imported_modules(tasks, "from . import services\n", known) == {"prescriptions.services"}
    assert import_cycles({"a.services": {"a.tasks"}, "a.tasks": {"a.services"}})
    assert not import_cycles({"a.services": {"a.tasks", "a.rendering"}, "a.tasks": {"a.rendering"}})
    test = Path("tests/programs/test_x.py")
    assert test_module_violations(test, "from tests.assessment.test_views import post\n")
    assert test_module_violations(test, "from bench.load import hammer\n")
    assert not test_module_violations(test, "from tests.factories import PatientFactory\n")
    assert test_module_violations(Path("bench/x.py"), "from tests.core.test_url_walk import x\n")
    assert not test_module_violations(Path("bench/x.py"), "from .load import main\n")
    domain_test = "import pytest\nfrom programs.domain.safety import is_allowed\n"
    assert pure_marker_violations(test, domain_test)
    assert not pure_marker_violations(test, domain_test + "pytestmark = pytest.mark.pure\n")
    assert not pure_marker_violations(test, domain_test + "from programs.models import Program\n")
    assert not pure_marker_violations(test, domain_test + "from tests.factories import x\n")
    marked_with_django = (
        "import pytest\nfrom django.urls import reverse\npytestmark = [pytest.mark.pure]\n"
    )
    assert pure_marker_violations(test, marked_with_django)
