"""The DK-2026.2 migration renames stored `seconds` doses and keeps old rows readable."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("programs", "0002_exercise_priority"), ("prescriptions", "0003_drop_handout_page_count")]
AFTER = [("programs", "0003_ladders_dk_2026_2"), ("prescriptions", "0003_drop_handout_page_count")]


def migrate(targets):
    """Migrate to `targets`; the models as they are then (other apps at their latest)."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    apps = {app for app, _ in targets}
    others = [node for node in executor.loader.graph.leaf_nodes() if node[0] not in apps]
    return executor.loader.project_state(targets + others).apps


@pytest.mark.django_db(transaction=True)
def test_doses_are_renamed_forwards_and_back():
    apps = migrate(BEFORE)
    Clinic = apps.get_model("osteoactive", "Clinic")
    Exercise = apps.get_model("programs", "Exercise")
    clinic = Clinic.objects.create(name="Klinik")
    common = {"name_da": "x", "name_en": "x", "instructions_da": "x", "instructions_en": "x",
              "safety_tip_da": "x", "safety_tip_en": "x", "domain": "stabil",
              "min_level": "daily", "impact": "none", "illustration": "x.svg"}  # fmt: skip
    hold = Exercise.objects.create(
        clinic=clinic, key="hold", kind="balance", dose_type="hold_seconds",
        default_dose={"sets": 3, "seconds": 30}, **common,
    )  # fmt: skip
    walk = Exercise.objects.create(
        clinic=clinic, key="walk", kind="strength", dose_type="distance",
        default_dose={"sets": 3, "metres": 20}, **common,
    )  # fmt: skip
    user = apps.get_model("osteoactive", "User").objects.create(username="u")
    patient = apps.get_model("assessment", "Patient").objects.create(
        clinic=clinic, first_name="A", last_name="B", birth_date="1950-01-01", sex="female"
    )
    assessment = apps.get_model("assessment", "Assessment").objects.create(
        patient=patient, assessed_by=user, assessment_date="2026-11-01", inputs={}, result={},
        ruleset="DK-2026.1", suggested_category="hverdagsaktiv", final_category="hverdagsaktiv",
    )  # fmt: skip
    program = apps.get_model("programs", "Program").objects.create(
        assessment=assessment, created_by=user, category="hverdagsaktiv", setting="home"
    )
    phases = [
        {"weeks": [1, 4], "dose": None, "days_per_week": 0, "instruction": {}},
        {"weeks": [5, 8], "dose": {"sets": 3, "seconds": 30}, "days_per_week": 4,
         "instruction": {}},
        {"weeks": [9, 12], "dose": {"sets": 3, "metres": 5}, "days_per_week": 4,
         "instruction": {}},
    ]  # fmt: skip
    item = apps.get_model("programs", "ProgramItem").objects.create(
        program=program, exercise=hold, domain="stabil", dose={"sets": 3, "seconds": 30},
        phases=phases,
    )  # fmt: skip
    snapshot = {
        "exercises": [{"key": "hold", "dose": {"sets": 3, "seconds": 30}, "phases": phases}]
    }
    prescription = apps.get_model("prescriptions", "Prescription").objects.create(
        patient=patient, program=program, version=1, issued_by=user,
        issued_at="2026-11-01T10:00:00Z", snapshot=snapshot,
    )  # fmt: skip
    try:
        apps = migrate(AFTER)
        item = apps.get_model("programs", "ProgramItem").objects.get(pk=item.pk)
        assert item.dose == {"sets": 3, "hold_seconds": 30} and item.start_week == 5
        assert [p["dose"] for p in item.phases] == [
            None,
            {"sets": 3, "hold_seconds": 30},
            {"sets": 3, "metres": 5},  # a legacy distance stays as it was, readable
        ]
        stored = apps.get_model("prescriptions", "Prescription").objects.get(pk=prescription.pk)
        assert stored.snapshot["exercises"][0]["dose"] == {"sets": 3, "hold_seconds": 30}
        assert stored.snapshot["exercises"][0]["phases"][1]["dose"] == {
            "sets": 3,
            "hold_seconds": 30,
        }
        Exercise = apps.get_model("programs", "Exercise")
        hold, walk = Exercise.objects.get(pk=hold.pk), Exercise.objects.get(pk=walk.pk)
        assert hold.default_dose == {"sets": 3, "hold_seconds": 30}
        assert hold.pattern == "balance_static" and hold.rung == 1 and hold.variant_group == ""
        assert (walk.dose_type, walk.default_dose) == (
            "hold_seconds",
            {"sets": 3, "hold_seconds": 20},
        )
        assert walk.pattern == "carry"
        apps = migrate(BEFORE)
        Exercise = apps.get_model("programs", "Exercise")
        assert Exercise.objects.get(pk=hold.pk).default_dose == {"sets": 3, "seconds": 30}
        item = apps.get_model("programs", "ProgramItem").objects.get(pk=item.pk)
        assert item.dose == {"sets": 3, "seconds": 30}
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
