import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from PIL import Image

from programs.library import load_default_library
from programs.models import Exercise, HiddenExercise, Program, ProgramItem
from tests.factories import AssessmentFactory, ExerciseFactory, PatientFactory
from tests.support.examples import SPEC_EXAMPLE, old_vertebral_fracture

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(db):
    load_default_library()
    return Exercise.objects.filter(clinic__isnull=True)


@pytest.fixture
def program(physio_client, physio, clinic, library):
    """Generated through the view for hverdagsaktiv med hensyn with an old vertebral fracture
    (C1) and one fall (the fall-prevention focus)."""
    assessment = AssessmentFactory(
        patient=PatientFactory(clinic=clinic),
        assessed_by=physio,
        category="hverdagsaktiv_med_hensyn",
        fractures=[old_vertebral_fracture()],
        falls_last_12_months=1,
    )
    assert "C1" in assessment.result["rules"]
    assert assessment.result["fall_prevention_focus"]
    physio_client.post(
        reverse("programs:program_generate", args=[assessment.id]),
        {"setting": "home", "equipment": ["band"]},
    )
    return Program.objects.get()


def test_program_page_shows_the_plan_of_a_categorised_assessment(
    physio_client, physio, clinic, library
):
    """The service passes the assessment's inputs and result (§5): P9 plans the underlying
    category when the acute phase ends within 14 days, and the page shows it plainly."""
    from datetime import date, timedelta

    from assessment.domain.parsing import parse_assessment
    from assessment.services import assessment_create

    today = date(2026, 11, 1)
    fracture = (today - timedelta(days=175)).isoformat()  # the acute phase ends in 8 days
    inputs = parse_assessment(
        {
            "assessment_date": today.isoformat(),
            "birth_date": "1956-03-02",
            "sex": "female",
            "fractures": [{"site": "vertebral", "date": fracture, "low_energy": True}],
            "falls_last_12_months": 0,
            "walking_aid": "none",
            "tug_seconds": 9.0,
            "sts5_seconds": 10.0,
            "tandem_seconds": 30.0,
            "tandem_max_seconds": 30,
            "pain_nrs": 2,
        },
        today=today,
    )
    patient = PatientFactory(clinic=clinic)
    assessment = assessment_create(patient=patient, assessed_by=physio, inputs=inputs)
    assert assessment.final_category == "akutfase"
    physio_client.post(
        reverse("programs:program_generate", args=[assessment.id]), {"setting": "home"}
    )
    program = Program.objects.get(assessment=assessment)
    assert program.category == "hverdagsaktiv_med_hensyn" and program.planned_from == "akutfase"
    assert program.valid_until is None
    assert program.minutes_per_session["stabil"][1] >= 15
    walk = program.items.get(exercise__key="brisk-walking")
    squat = program.items.get(exercise__key="sit-to-stand")
    assert squat.progression["key"] == "squat-to-chair" and squat.regression is None
    assert walk.start_week == 1
    page = physio_client.get(reverse("programs:program_detail", args=[program.id]))
    text = page.content.decode()
    assert 'data-testid="program-summary"' in text and "Akutfasen" in text
    assert "Squat til stol" in text  # the named progression
    assert 'data-testid="minutes"' in text


def test_library_load_is_idempotent(library):
    count = library.count()
    assert count >= 45
    before = list(Exercise.objects.order_by("key").values_list("key", "updated_at", "illustration"))
    assert load_default_library() == (0, 0)
    after = list(Exercise.objects.order_by("key").values_list("key", "updated_at", "illustration"))
    assert before == after


def test_generated_program_is_grouped_and_safe(physio_client, program):
    assert program.items.count() > 0
    assert not program.unfilled
    page = physio_client.get(reverse("programs:program_detail", args=[program.id]))
    text = page.content.decode()
    for domain in ("staerk", "stabil", "strakt"):
        assert f'data-testid="domain-{domain}"' in text
    for item in program.items.select_related("exercise"):
        assert item.exercise.impact in ("none", "low")
        assert not item.exercise.loaded_spinal_flexion


def test_swap_offers_only_safe_alternatives_for_the_slot(physio_client, program):
    item = program.items.filter(slot="strength").first()
    page = physio_client.get(reverse("programs:item_swap", args=[item.id]))
    candidates = [exercise for exercise, _missing in page.context["candidates"]]
    assert candidates and all(c.impact in ("none", "low") for c in candidates)
    physio_client.post(
        reverse("programs:item_swap", args=[item.id]), {"exercise": candidates[0].id}
    )
    item.refresh_from_db()
    assert item.exercise == candidates[0]


def test_swap_to_an_unsafe_exercise_is_refused(physio_client, program):
    item = program.items.filter(slot="strength").first()
    jump = (
        Exercise.objects.get(key="low-two-foot-jumps")
        if Exercise.objects.filter(key="low-two-foot-jumps").exists()
        else Exercise.objects.filter(impact="high").first()
    )
    physio_client.post(reverse("programs:item_swap", args=[item.id]), {"exercise": jump.id})
    item.refresh_from_db()
    assert item.exercise != jump


def test_dose_change(physio_client, program):
    item = program.items.filter(
        exercise__dose_type="repetitions", exercise__kind="strength"
    ).first()
    response = physio_client.post(
        reverse("programs:item_dose", args=[item.id]), {"sets": 3, "reps": 12, "days_per_week": 3}
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.dose == {"sets": 3, "reps": 12} and item.days_per_week == 3
    assert [p["dose"] for p in item.phases] == [  # §10: the later phases follow its steps
        {"sets": 3, "reps": 12},
        {"sets": 4, "reps": 12},
        {"sets": 4, "reps": 10},
    ]
    bad = physio_client.post(
        reverse("programs:item_dose", args=[item.id]), {"sets": 3, "reps": "", "days_per_week": 9}
    )
    assert {"reps", "days_per_week"} <= set(bad.context["form"].errors)


def test_a_technique_keeps_its_dose_when_the_days_change(physio_client, program):
    from programs.services import program_item_add

    roll = program_item_add(
        program=program, exercise=Exercise.objects.get(key="log-roll"), confirmed=False
    )
    assert roll.dose == {"technique": True}
    physio_client.post(reverse("programs:item_dose", args=[roll.id]), {"days_per_week": 5})
    roll.refresh_from_db()
    assert roll.dose == {"technique": True} and roll.days_per_week == 5
    assert [p["dose"] for p in roll.phases] == [{"technique": True}] * 3


def test_adding_a_filtered_exercise_warns_and_records_the_override(physio_client, program, clinic):
    crunch = ExerciseFactory(
        clinic=clinic, name_da="Mavebøjning", name_en="Crunch", loaded_spinal_flexion=True
    )
    url = reverse("programs:item_add", args=[program.id])
    warning = physio_client.post(url, {"exercise": crunch.id})
    assert warning.status_code == 200
    codes = " ".join(warning.context["violations"]).lower()
    assert "foroverbøjning" in codes or "flexion" in codes
    assert not program.items.filter(exercise=crunch).exists()
    physio_client.post(url, {"exercise": crunch.id, "confirmed": "1"})
    item = program.items.get(exercise=crunch)
    assert item.added_by_hand
    assert {v["code"] for v in item.confirmed_violations} >= {"loaded_spinal_flexion"}
    page = physio_client.get(reverse("programs:program_detail", args=[program.id])).content.decode()
    assert "⚠" in page


def test_remove_item(physio_client, program):
    item = program.items.first()
    physio_client.post(reverse("programs:item_remove", args=[item.id]))
    assert not ProgramItem.objects.filter(id=item.id).exists()


def test_another_clinics_program_is_a_404(client, other_physio, program):
    client.force_login(other_physio)
    item = program.items.first()
    assert client.get(reverse("programs:program_detail", args=[program.id])).status_code == 404
    assert client.get(reverse("programs:item_swap", args=[item.id])).status_code == 404
    assert client.post(reverse("programs:item_remove", args=[item.id])).status_code == 404


def png_upload(name="ovelse.png"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "white").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


EXERCISE_POST = {
    "name_da": "Trappegang med taske",
    "name_en": "Stairs with a bag",
    "instructions_da": "Tag tasken\nGå op ad trappen",
    "instructions_en": "Take the bag\nWalk up the stairs",
    "safety_tip_da": "Hold i gelænderet.",
    "safety_tip_en": "Hold the rail.",
    "domain": "staerk",
    "kind": "strength",
    "pattern": "stairs",
    "min_level": "daily",
    "impact": "low",
    "dose_type": "repetitions",
    "sets": 2,
    "reps": 8,
    "equipment": ["step", "rail"],
    "priority": 40,
}


def test_admin_creates_clinic_exercise_with_image(admin_client_clinic, clinic, library):
    response = admin_client_clinic.post(
        reverse("programs:exercise_create"), {**EXERCISE_POST, "illustration": png_upload()}
    )
    assert response.status_code == 302, response.context["form"].errors
    exercise = Exercise.objects.get(clinic=clinic)
    assert exercise.key == "stairs-with-a-bag"
    assert exercise.default_dose == {"sets": 2, "reps": 8}
    assert exercise.illustration.name.endswith(".jpg")
    served = admin_client_clinic.get(reverse("programs:exercise_illustration", args=[exercise.id]))
    assert served.status_code == 200


@pytest.mark.parametrize(
    "upload",
    [
        ("fake.png", b"<script>alert(1)</script>", "image/png"),
        ("doc.pdf", b"%PDF-1.4 not an image", "application/pdf"),
    ],
)
def test_upload_that_is_not_a_picture_is_refused(admin_client_clinic, clinic, upload):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = admin_client_clinic.post(
        reverse("programs:exercise_create"),
        {**EXERCISE_POST, "illustration": SimpleUploadedFile(*upload)},
    )
    assert "illustration" in response.context["form"].errors
    assert not Exercise.objects.filter(clinic=clinic).exists()


def test_admin_hides_a_global_exercise_from_generation(admin_client_clinic, clinic, library):
    exercise = library.get(key="sit-to-stand")
    admin_client_clinic.post(reverse("programs:exercise_hide", args=[exercise.id]))
    assert HiddenExercise.objects.filter(clinic=clinic, exercise=exercise).exists()
    from programs.selectors import library_for

    assert exercise not in library_for(clinic)
    admin_client_clinic.post(reverse("programs:exercise_hide", args=[exercise.id]))
    assert exercise in library_for(clinic)


def test_library_filters(physio_client, library):
    url = reverse("programs:library_list")
    stabil = physio_client.get(url, {"domain": "stabil"}).context["exercises"]
    assert stabil and all("stabil" in (e.domain, e.secondary_domain) for e in stabil)
    training = physio_client.get(url, {"level": "training"}).context["exercises"]
    assert training and all(e.min_level == "training" for e in training)
    barbell = physio_client.get(url, {"equipment": "barbell"}).context["exercises"]
    assert barbell and all("barbell" in e.equipment for e in barbell)


def test_physiotherapist_cannot_edit_the_library(physio_client, library):
    assert physio_client.get(reverse("programs:exercise_create")).status_code == 403


def test_another_clinics_own_exercise_is_a_404(admin_client_clinic, other_clinic, library):
    theirs = ExerciseFactory(clinic=other_clinic)
    for name in ("exercise_detail", "exercise_edit", "exercise_illustration"):
        assert (
            admin_client_clinic.get(reverse(f"programs:{name}", args=[theirs.id])).status_code
            == 404
        )


def test_generate_program_command(tmp_path, capsys):
    call_command("categorise", str(write(tmp_path, "in.json", SPEC_EXAMPLE)))
    result = json.loads(capsys.readouterr().out)
    request = {
        "inputs": SPEC_EXAMPLE,
        "result": result,
        "options": {"setting": "home", "equipment": ["band"], "language": "da"},
    }
    call_command("generate_program", str(write(tmp_path, "req.json", request)))
    program = json.loads(capsys.readouterr().out)
    assert list(program) == [
        "category",
        "planned_from",
        "valid_until",
        "minutes_per_session",
        "exercises",
        "unfilled",
        "notes",
    ]
    assert (
        program["category"] == "akutfase" and program["valid_until"] == result["acute_phase_ends"]
    )
    assert program["exercises"] and program["unfilled"] == []
    first = program["exercises"][0]
    for key in (
        "key",
        "name",
        "domain",
        "kind",
        "pattern",
        "variant_group",
        "rung",
        "position",
        "min_level",
        "impact",
        "loaded_spinal_flexion",
        "needs_supervision",
        "start_week",
        "progression",
        "regression",
        "dose",
        "days_per_week",
        "phases",
        "reason",
    ):
        assert key in first
    assert {"log-roll", "rest-positions"} <= {e["key"] for e in program["exercises"]}


def test_generate_program_command_rejects_bad_input(tmp_path, capsys):
    from django.core.management import CommandError

    with pytest.raises(CommandError):
        call_command(
            "generate_program", str(write(tmp_path, "x.json", {"result": {"category": "x"}}))
        )
    assert "category" in capsys.readouterr().err


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_text(json.dumps(data))
    return path


def test_exercise_usage_names_patients_only_to_physiotherapists(
    issued, clinic_admin, physio_client
):
    from django.test import Client

    exercise = issued.exercises.first()
    url = reverse("programs:exercise_detail", args=[exercise.id])
    assert issued.patient.last_name in physio_client.get(url).content.decode()
    admin = Client()
    admin.force_login(clinic_admin)
    page = admin.get(url).content.decode()
    assert issued.patient.last_name not in page and "1" in page


@pytest.fixture
def issued(program, physio_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        physio_client.post(reverse("prescriptions:prescription_issue", args=[program.id]))
    return program.prescriptions.get()


def test_swap_and_hide_rules_are_kept_by_the_services(program, clinic):
    from osteoactive.errors import ServiceError
    from programs import services

    item = program.items.filter(slot="strength").first()
    unsafe = Exercise.objects.filter(impact="high").first()
    for exercise in (unsafe, None):
        with pytest.raises(ServiceError) as refused:
            services.program_item_swap(item=item, exercise=exercise)
        assert refused.value.code == "not_a_candidate"
    own = ExerciseFactory(clinic=clinic)
    with pytest.raises(ServiceError):
        services.exercise_toggle_hidden(clinic=clinic, exercise=own)
    assert not HiddenExercise.objects.exists()


def test_a_clinics_own_exercise_cannot_be_hidden(admin_client_clinic, clinic):
    own = ExerciseFactory(clinic=clinic)
    response = admin_client_clinic.post(reverse("programs:exercise_hide", args=[own.id]))
    assert response.status_code == 404 and not HiddenExercise.objects.exists()
