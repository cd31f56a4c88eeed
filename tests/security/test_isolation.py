"""Walks every URL pattern with objects of another clinic: each must be a 404 for GET and POST,
and each list shows the acting clinic's rows only.

A new URL parameter, or a new pattern without parameters that is not listed here, fails the test
until it is covered."""

import pytest
from django.urls import reverse
from django.utils import timezone

from osteoactive.models import Invitation
from tests.factories import (
    AssessmentFactory,
    AuditEventFactory,
    EnrolmentFactory,
    ExerciseFactory,
    MembershipFactory,
    PatientFactory,
    PrescriptionFactory,
    ProgramFactory,
    ProgramItemFactory,
    ProgramTemplateFactory,
    TrainingClassFactory,
    UserFactory,
)
from tests.support.urls import all_patterns

# Patterns without object parameters that show rows of the acting user's clinic: each must show
# the clinic's own row of that kind and none of the other clinic's.
LISTS = {
    "assessment:patient_list": "patient",
    "programs:template_list": "template",
    "assessment:gdpr_patients": "patient",
    "programs:library_list": "exercise",
    "staff_list": "staff",
    "audit_log": "audit",
    "clinic_settings": "clinic",
    "programs:class_list": "class",
}
# Patterns without object parameters that show no clinic's rows.
WITHOUT_ROWS = {
    "home", "healthz", "login", "logout", "password_change", "password_change_done",
    "set_language", "clinic_switch", "clinic_logo", "staff_add", "assessment:patient_create",
    "programs:exercise_create", "session_keep_alive", "programs:class_create",
    "programs:clinic_outcomes", "programs:study_export",
}  # fmt: skip
WITHOUT_OBJECTS = set(LISTS) | WITHOUT_ROWS

# A signed link that works for whoever holds it, whatever their clinic: that is its purpose
# (tests/core/test_invitations.py tests what it refuses).
BEARER_LINKS = {"invitation_respond"}
PATTERNS = [p for p in all_patterns() if p[0]]
OBJECT_PATTERNS = [p for p in PATTERNS if p[2] and p[0] not in BEARER_LINKS]


@pytest.fixture
def foreign(other_clinic, other_physio):
    """One object of every kind, all belonging to the other clinic, each made as the app makes
    it: an assessment, a program with one of the clinic's own exercises, its prescription and
    the handout that the issue queued, and a program template saved from the program."""
    assessment = AssessmentFactory(patient__clinic=other_clinic, assessed_by=other_physio)
    program = ProgramFactory(assessment=assessment)
    exercise = ExerciseFactory(clinic=other_clinic)
    item = ProgramItemFactory(program=program, exercise=exercise)
    template = ProgramTemplateFactory(program=program)
    prescription = PrescriptionFactory(program=program)
    handout = prescription.handouts.get()
    membership = other_physio.memberships.get()
    invitation = Invitation.objects.create(
        clinic=other_clinic, email="x@example.dk", invited_by=other_physio, sent_at=timezone.now()
    )
    training_class = TrainingClassFactory(clinic=other_clinic, created_by=other_physio, weeks=1)
    enrolment = EnrolmentFactory(training_class=training_class, patient=assessment.patient)
    return {
        "class_id": training_class.id, "session_id": training_class.sessions.first().id,
        "enrolment_id": enrolment.id,
        "patient_id": assessment.patient_id, "assessment_id": assessment.id,
        "program_id": program.id, "item_id": item.id, "exercise_id": exercise.id,
        "prescription_id": prescription.id, "handout_id": handout.id,
        "membership_id": membership.id, "invitation_id": invitation.id,
        "template_id": template.id,
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


@pytest.fixture
def rows(clinic, other_clinic, other_physio):
    """For each kind of listed row, (a text only the first clinic's row shows, one only the
    other clinic's row shows)."""
    PatientFactory(clinic=clinic, last_name="Hjemmesen")
    PatientFactory(clinic=other_clinic, last_name="Fremmedsen")
    ExerciseFactory(clinic=clinic, name_da="Hjemmeøvelse")
    ExerciseFactory(clinic=other_clinic, name_da="Fremmedøvelse")
    other_physio.last_name = "Udenbys"
    other_physio.save()
    AuditEventFactory(clinic=clinic, actor=UserFactory(username="hjemme-bruger"))
    AuditEventFactory(clinic=other_clinic, actor=UserFactory(username="fremmed-bruger"))
    ProgramTemplateFactory(
        program__assessment__patient__clinic=clinic, name="Hjemmeskabelon for hverdagsaktive"
    )
    ProgramTemplateFactory(
        program__assessment__patient__clinic=other_clinic, name="Fremmedskabelon for de aktive"
    )
    TrainingClassFactory(clinic=clinic, name="Hjemmeholdet", weeks=1)
    TrainingClassFactory(clinic=other_clinic, name="Fremmedholdet", weeks=1)
    return {
        "class": ("Hjemmeholdet", "Fremmedholdet"),
        "patient": ("Hjemmesen", "Fremmedsen"),
        "exercise": ("Hjemmeøvelse", "Fremmedøvelse"),
        "staff": ("both-roles", "Udenbys"),
        "audit": ("hjemme-bruger", "fremmed-bruger"),
        "clinic": (clinic.name, other_clinic.name),
        "template": ("Hjemmeskabelon for hverdagsaktive", "Fremmedskabelon for de aktive"),
    }


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(LISTS))
def test_a_list_shows_the_clinics_own_rows_only(insider, rows, name):
    own, theirs = rows[LISTS[name]]
    page = insider.get(reverse(name)).content.decode()
    assert own in page, f"{name} does not show the clinic's own {LISTS[name]}"
    assert theirs not in page, f"{name} shows another clinic's {LISTS[name]}"
