"""The HiRIT load log (domain.md §7b): only for the programs §7b applies to, one load per lift
and day, audited, and no LIFTMOR note anywhere the app shows or prints."""

import ast
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse

from osteoactive.errors import ServiceError
from osteoactive.models import AuditEvent
from programs import services
from programs.models import LiftLoad
from tests.factories import (
    AssessmentFactory,
    LiftLoadFactory,
    PatientFactory,
    ProgramFactory,
    hirit_program,
)

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def hirit(physio, clinic, library):
    return hirit_program(patient=PatientFactory(clinic=clinic), assessed_by=physio)


def lifts(program):
    return services.heavy_lifts(program, program.items.select_related("exercise"))


def test_the_heavy_lifts_are_the_three_barbell_lifts(hirit):
    assert {item.exercise.key for item in lifts(hirit)} == {
        "barbell-back-squat", "barbell-deadlift", "barbell-overhead-press",
    }  # fmt: skip


def test_a_session_is_logged_and_shown_with_the_last_entries(physio_client, hirit):
    deadlift = next(i for i in lifts(hirit) if i.exercise.key == "barbell-deadlift")
    squat = next(i for i in lifts(hirit) if i.exercise.key == "barbell-back-squat")
    url = reverse("programs:lift_loads_add", args=[hirit.id])
    data = {"session_date": "2026-03-02", f"kg_{deadlift.id}": "62.5", f"kg_{squat.id}": "50"}
    response = physio_client.post(url, data, **HTMX)
    assert response.status_code == 200
    text = response.content.decode()
    assert 'id="lift-log"' in text and "62,5" in text and "02.03.2026" in text
    physio_client.post(url, {**data, f"kg_{deadlift.id}": "65"})  # a correction of that day
    loads = LiftLoad.objects.filter(program=hirit)
    assert sorted((load.exercise.key, load.kg) for load in loads) == [
        ("barbell-back-squat", Decimal("50.0")),
        ("barbell-deadlift", Decimal("65.0")),
    ]
    assert AuditEvent.objects.filter(action="update", fields=["lift_loads"]).count() == 2
    page = physio_client.get(reverse("programs:program_detail", args=[hirit.id]))
    assert 'data-testid="lift-log"' in page.content.decode()
    assert page.context["lift_log"]["sessions"][0]["date"] == date(2026, 3, 2)


def test_an_empty_or_impossible_session_is_refused(physio_client, hirit):
    lift = lifts(hirit)[0]
    url = reverse("programs:lift_loads_add", args=[hirit.id])
    empty = physio_client.post(url, {"session_date": "2026-03-02"}, **HTMX)
    assert "alert-danger" in empty.content.decode() and not LiftLoad.objects.exists()
    heavy = physio_client.post(url, {"session_date": "2026-03-02", f"kg_{lift.id}": "900"}, **HTMX)
    assert "invalid-feedback" in heavy.content.decode() and not LiftLoad.objects.exists()


def test_no_load_log_where_hirit_does_not_apply(physio_client, physio, clinic, library):
    home = hirit_program(patient=PatientFactory(clinic=clinic), assessed_by=physio)
    home.setting = "home"
    home.save()
    assert lifts(home) == []
    with pytest.raises(ServiceError):
        services.lift_loads_record(
            program=home, session_date=date(2026, 3, 2), loads={}, recorded_by=physio
        )
    precaution = ProgramFactory(
        assessment=AssessmentFactory(
            patient=PatientFactory(clinic=clinic),
            assessed_by=physio,
            category="traeningsaktiv_med_hensyn",
        ),
        setting="supervised",
    )
    page = physio_client.get(reverse("programs:program_detail", args=[precaution.id]))
    assert page.context["lift_log"] is None and 'id="lift-log"' not in page.content.decode()


def test_the_load_log_of_another_clinic_is_out_of_reach(client, other_physio, physio, hirit):
    url = reverse("programs:lift_loads_add", args=[hirit.id])
    data = {"session_date": "2026-03-02", f"kg_{lifts(hirit)[0].id}": "40"}
    assert client.post(url, data).status_code == 302  # anonymous: to the login
    client.force_login(other_physio)
    assert client.post(url, data).status_code == 404
    client.force_login(physio)
    assert client.post(url, data).status_code == 302 and LiftLoad.objects.count() == 1


def test_the_factory_logs_through_the_service(library):
    load = LiftLoadFactory(kg=55)
    assert load.kg == 55 and load.item.program == load.program


def test_no_liftmor_note_in_any_template_or_catalogue():
    texts = [*ROOT.glob("templates/**/*.html"), *ROOT.glob("locale/*/LC_MESSAGES/*.po")]
    assert texts
    assert [path for path in texts if "liftmor" in path.read_text().lower()] == []


def _texts(tree):
    """The string literals of a module that are not docstrings: what it can show or print."""
    documented = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        and id(node) not in documented
    ]  # fmt: skip


def test_no_liftmor_note_in_any_text_of_the_apps_or_the_library():
    modules = [
        path
        for package in ("assessment", "osteoactive", "programs", "prescriptions")
        for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.parts
    ]
    assert len(modules) > 50
    found = [
        path
        for path in modules
        if any("liftmor" in text.lower() for text in _texts(ast.parse(path.read_text())))
    ]
    assert found == []
    assert "liftmor" not in (ROOT / "fixtures" / "exercise_library.json").read_text().lower()


def test_no_liftmor_note_on_a_hirit_program_page(physio_client, hirit):
    page = physio_client.get(reverse("programs:program_detail", args=[hirit.id]))
    assert "liftmor" not in page.content.decode().lower()
