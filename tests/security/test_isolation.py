"""Walks every URL pattern with objects of another clinic: each must be a 404 for GET and POST.

A new URL parameter, or a new pattern without parameters that is not listed here, fails the test
until it is covered."""

import pytest
from django.urls import reverse
from django.utils import timezone

from assessment.models import Assessment
from osteoactive.models import Invitation
from prescriptions.models import Handout, Prescription
from programs.models import Program, ProgramItem
from tests.factories import ExerciseFactory, MembershipFactory, PatientFactory, UserFactory
from tests.url_patterns import all_patterns

# Patterns without object parameters: scoped by the acting user's clinic, nothing to walk.
WITHOUT_OBJECTS = {
    "home", "healthz", "login", "logout", "password_change", "password_change_done",
    "set_language", "clinic_switch", "clinic_settings", "clinic_logo", "staff_list", "staff_add",
    "audit_log",
    "assessment:patient_list", "assessment:patient_create", "assessment:gdpr_patients",
    "programs:library_list", "programs:exercise_create",
}  # fmt: skip

# A signed link that works for whoever holds it, whatever their clinic: that is its purpose
# (tests/core/test_invitations.py tests what it refuses).
BEARER_LINKS = {"invitation_respond"}
PATTERNS = [p for p in all_patterns() if p[0]]
OBJECT_PATTERNS = [p for p in PATTERNS if p[2] and p[0] not in BEARER_LINKS]


@pytest.fixture
def foreign(other_clinic, other_physio):
    """One object of every kind, all belonging to the other clinic."""
    patient = PatientFactory(clinic=other_clinic)
    assessment = Assessment.objects.create(
        patient=patient,
        assessed_by=other_physio,
        assessment_date="2026-11-01",
        inputs={},
        result={},
        ruleset="DK-2026.1",
        suggested_category="hverdagsaktiv",
        final_category="hverdagsaktiv",
    )
    exercise = ExerciseFactory(clinic=other_clinic)
    program = Program.objects.create(
        assessment=assessment, created_by=other_physio, category="hverdagsaktiv", setting="home"
    )
    item = ProgramItem.objects.create(program=program, exercise=exercise, domain="staerk")
    prescription = Prescription.objects.create(
        patient=patient,
        program=program,
        version=1,
        issued_by=other_physio,
        issued_at="2026-11-01T10:00:00Z",
        snapshot={},
    )
    handout = Handout.objects.create(prescription=prescription, language="da", status="ready")
    membership = other_physio.memberships.get()
    invitation = Invitation.objects.create(
        clinic=other_clinic, email="x@example.dk", invited_by=other_physio, sent_at=timezone.now()
    )
    return {
        "patient_id": patient.id, "assessment_id": assessment.id, "program_id": program.id,
        "item_id": item.id, "exercise_id": exercise.id, "prescription_id": prescription.id,
        "handout_id": handout.id, "membership_id": membership.id, "invitation_id": invitation.id,
    }  # fmt: skip


@pytest.fixture
def insider(client, clinic):
    """A user holding both roles in the first clinic."""
    user = UserFactory(username="both-roles")
    MembershipFactory(user=user, clinic=clinic, is_physiotherapist=True, is_clinic_admin=True)
    client.force_login(user)
    return client


def test_every_pattern_is_covered():
    uncovered = [
        name
        for name, _route, converters in PATTERNS
        if not converters and name not in WITHOUT_OBJECTS
    ]
    assert uncovered == [], "add these patterns to the isolation walk"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name,route,converters", OBJECT_PATTERNS, ids=[p[0] for p in OBJECT_PATTERNS]
)
@pytest.mark.parametrize("method", ["get", "post"])
def test_another_clinics_object_is_a_404(insider, foreign, name, route, converters, method):
    unknown = set(converters) - set(foreign)
    assert not unknown, f"{name}: no foreign object for {unknown}"
    url = reverse(name, kwargs={key: foreign[key] for key in converters})
    response = getattr(insider, method)(url)
    assert response.status_code == 404, f"{method.upper()} {url} gave {response.status_code}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name,route,converters", OBJECT_PATTERNS, ids=[p[0] for p in OBJECT_PATTERNS]
)
def test_anonymous_is_sent_to_login(client, foreign, name, route, converters):
    url = reverse(name, kwargs={key: foreign[key] for key in converters})
    for method in ("get", "post"):
        response = getattr(client, method)(url)
        assert response.status_code == 302 and response["Location"].startswith("/login/")
