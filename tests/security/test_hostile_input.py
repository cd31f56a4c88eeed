"""Random and hostile values posted to every form and JSON interface: validation errors,
never a 500, never a partial record."""

import contextlib
import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessment.models import Assessment, Patient
from osteoactive.models import Clinic, Invitation, Membership
from prescriptions.models import Handout, Prescription
from programs.models import Exercise, Program, ProgramItem
from tests.factories import AssessmentFactory, PatientFactory

pytestmark = pytest.mark.django_db

HOSTILE = st.one_of(
    st.none(),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(["nan", "NaN", "inf", "-inf", "1e308", "-0", "0x1F", "١٢", "12,5.3", " "]),
    st.sampled_from(["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "' OR 1=1 --",
                     "{{ 7*7 }}", "%(name)s", "\x00", "../../etc/passwd", "=cmd|' /C calc'!A0"]),
    st.text(max_size=30),
    st.sampled_from(["x" * 6000, "æøå<>&\"'" * 700, "9" * 400]),
)  # fmt: skip
MODELS = [
    Invitation,
    Patient,
    Assessment,
    Program,
    ProgramItem,
    Prescription,
    Handout,
    Exercise,
    Clinic,
    Membership,
]
EXAMPLES = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
)
TRIED = {}


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def post_hostile(client, url, fields, data, *, may_create=()):
    """Posts the values, and checks the answer and what was stored."""
    before = counts()
    payload = {name: value for name, value in zip(fields, data, strict=True) if value is not None}
    response = client.post(url, payload)
    TRIED[url.split("/")[1] + ":" + ",".join(fields[:2])] = TRIED.get(url, 0) + 1
    assert response.status_code < 500
    after = counts()
    changed = {name for name in before if before[name] != after[name]}
    assert changed <= set(may_create), f"unexpected writes: {changed}"
    return response


def values(n):
    return st.lists(HOSTILE, min_size=n, max_size=n)


PATIENT_FIELDS = [
    "first_name",
    "last_name",
    "birth_date",
    "sex",
    "cpr",
    "handout_language",
    "contact_notes",
]
ASSESSMENT_FIELDS = [
    "assessment_date", "t_lumbar_spine", "t_femoral_neck", "t_total_hip", "t_forearm",
    "dxa_scan_date", "falls_last_12_months", "injurious_fall", "walking_aid", "needs_adl_help",
    "sedentary_due_to_disease", "regular_training", "tug_seconds", "tug_unable", "sts5_seconds",
    "sts5_unable", "tandem_seconds", "tandem_max_seconds", "pain_nrs", "risk_factors",
    "frax_major_percent", "frax_hip_percent", "notes", "final_category", "override_reason",
    "fractures-TOTAL_FORMS", "fractures-INITIAL_FORMS", "fractures-0-site", "fractures-0-date",
    "fractures-0-low_energy",
]  # fmt: skip


@EXAMPLES
@given(data=values(len(PATIENT_FIELDS)))
def test_patient_form(physio_client, data):
    response = post_hostile(
        physio_client, reverse("assessment:patient_create"), PATIENT_FIELDS, data,
        may_create={"Patient"},
    )  # fmt: skip
    if response.status_code == 302:
        patient = Patient.objects.latest("created_at")
        assert patient.first_name and patient.last_name and patient.birth_date


@EXAMPLES
@given(data=values(len(ASSESSMENT_FIELDS)))
def test_assessment_form_and_preview(physio_client, patient, data):
    post_hostile(
        physio_client, reverse("assessment:assessment_preview", args=[patient.id]),
        ASSESSMENT_FIELDS, data,
    )  # fmt: skip
    response = post_hostile(
        physio_client, reverse("assessment:assessment_create", args=[patient.id]),
        ASSESSMENT_FIELDS, data, may_create={"Assessment"},
    )  # fmt: skip
    if response.status_code == 302:
        saved = Assessment.objects.latest("created_at")
        assert saved.result["category"] == saved.suggested_category


@EXAMPLES
@given(data=values(2))
def test_override_form(physio_client, assessment, data):
    post_hostile(
        physio_client, reverse("assessment:assessment_override", args=[assessment.id]),
        ["category", "reason"], data,
    )  # fmt: skip
    assessment.refresh_from_db()
    assert assessment.final_category == assessment.suggested_category or assessment.override_reason


@EXAMPLES
@given(data=values(2))
def test_program_options_form(physio_client, assessment, data, library):
    post_hostile(
        physio_client, reverse("programs:program_generate", args=[assessment.id]),
        ["setting", "equipment"], data, may_create={"Program", "ProgramItem"},
    )  # fmt: skip


@EXAMPLES
@given(data=values(6))
def test_dose_form(physio_client, program, data):
    item = program.items.first()
    post_hostile(
        physio_client, reverse("programs:item_dose", args=[item.id]),
        ["sets", "reps", "seconds", "minutes", "metres", "days_per_week"], data,
    )  # fmt: skip
    item.refresh_from_db()
    assert 1 <= item.days_per_week <= 7


@EXAMPLES
@given(data=values(2))
def test_add_and_swap(physio_client, program, data):
    post_hostile(
        physio_client, reverse("programs:item_add", args=[program.id]), ["exercise", "confirmed"],
        data, may_create={"ProgramItem"},
    )  # fmt: skip
    item = program.items.first()
    post_hostile(
        physio_client, reverse("programs:item_swap", args=[item.id]), ["exercise", "x"], data
    )


EXERCISE_FIELDS = [
    "name_da", "name_en", "instructions_da", "instructions_en", "safety_tip_da", "safety_tip_en",
    "domain", "secondary_domain", "kind", "min_level", "impact", "loaded_spinal_flexion",
    "needs_supervision", "equipment", "dose_type", "sets", "reps", "seconds", "minutes", "metres",
    "regression", "progression",
]  # fmt: skip


@EXAMPLES
@given(data=values(len(EXERCISE_FIELDS)))
def test_exercise_form(admin_client_clinic, data):
    post_hostile(admin_client_clinic, reverse("programs:exercise_create"), EXERCISE_FIELDS, data)


STAFF_FIELDS = [
    "email",
    "first_name",
    "last_name",
    "username",
    "password",
    "is_physiotherapist",
    "is_clinic_admin",
]


@EXAMPLES
@given(data=values(len(STAFF_FIELDS)))
def test_staff_and_clinic_forms(admin_client_clinic, data):
    from osteoactive.models import User

    users_before = User.objects.count()
    post_hostile(
        admin_client_clinic, reverse("staff_add"), STAFF_FIELDS, data, may_create={"Invitation"}
    )
    assert User.objects.count() == users_before, "an invitation never makes an account"
    post_hostile(
        admin_client_clinic, reverse("clinic_settings"),
        ["name", "address", "phone", "contact_line", "handout_footer"], data[:5],
    )  # fmt: skip


@EXAMPLES
@given(data=values(3))
def test_login_language_and_handout_forms(client, physio_client, data, issued_prescription):
    post_hostile(client, reverse("login"), ["username", "password", "next"], data)
    post_hostile(
        physio_client, reverse("prescriptions:handout_request", args=[issued_prescription.id]),
        ["language", "x", "y"], data, may_create={"Handout"},
    )  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(data=st.dictionaries(st.sampled_from(["assessment_date", "birth_date", "sex", "t_scores",
       "fractures", "tug_seconds", "pain_nrs", "falls_last_12_months", "risk_factors"]),
       st.one_of(HOSTILE, st.floats(allow_nan=True), st.lists(HOSTILE, max_size=3),
                 st.dictionaries(st.text(max_size=5), HOSTILE, max_size=3))))  # fmt: skip
def test_categorise_command_never_crashes(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("in") / "in.json"
    path.write_text(json.dumps(data, allow_nan=True))
    with contextlib.suppress(CommandError):
        call_command("categorise", str(path))


@settings(max_examples=40, deadline=None)
@given(data=st.dictionaries(st.sampled_from(["result", "options"]),
       st.one_of(HOSTILE, st.dictionaries(st.sampled_from(["category", "rules", "setting",
       "equipment", "language", "fall_prevention_focus"]), st.one_of(HOSTILE, st.lists(HOSTILE)),
       max_size=4))))  # fmt: skip
def test_generate_program_command_never_crashes(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("in") / "in.json"
    path.write_text(json.dumps(data))
    with contextlib.suppress(CommandError):
        call_command("generate_program", str(path))


def test_stored_text_is_escaped_on_pages(physio_client, clinic):
    patient = PatientFactory(
        clinic=clinic, first_name="<script>alert(1)</script>", last_name="<b>x</b>"
    )
    for url in (
        reverse("assessment:patient_list"),
        reverse("assessment:patient_detail", args=[patient.id]),
    ):
        page = physio_client.get(url).content.decode()
        assert (
            "<script>alert(1)</script>" not in page
            and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        )


@pytest.fixture
def assessment(patient, physio):
    return AssessmentFactory(patient=patient, assessed_by=physio, category="hverdagsaktiv")


@pytest.fixture
def issued_prescription(program, physio_client):
    physio_client.post(reverse("prescriptions:prescription_issue", args=[program.id]))
    return program.prescriptions.get()
