"""The class sheet keeps each participant's lines per user by what they are computed from
(programs.class_presentation.sheet_view): every change that alters the sheet shows on the next
view."""

import datetime
import re

import pytest
from django.core.cache import caches
from django.urls import reverse
from django.utils import timezone

from assessment.domain.parsing import parse_assessment
from assessment.services import assessment_correct, assessment_void
from programs.models import ClassExercise, Exercise
from programs.services.classes import attendance_toggle, enrol, session_change
from programs.services.exercises import exercise_save, exercise_toggle_hidden
from tests.factories import (
    AssessmentFactory,
    EnrolmentFactory,
    TrainingClassFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    caches["in_process"].clear()
    yield
    caches["in_process"].clear()


@pytest.fixture
def training_class(clinic, physio, library):
    return TrainingClassFactory(clinic=clinic, created_by=physio)


@pytest.fixture
def session(training_class):
    return training_class.sessions.first()


def page(client, session) -> str:
    response = client.get(reverse("programs:class_sheet", args=[session.id]))
    assert response.status_code == 200
    return response.content.decode()


def card(html, enrolment) -> str:
    """One participant's card, up to the next one."""
    start = html.index(f'id="p-{enrolment.id}"')
    end = html.find("<section", start)
    return html[start : end if end > 0 else len(html)]


def hows(html, enrolment) -> list[str]:
    return re.findall(r'data-how="(\w+)"', card(html, enrolment))


def enrolled(training_class, category):
    assessment = AssessmentFactory(category=category, patient__clinic=training_class.clinic)
    enrolment = EnrolmentFactory(training_class=training_class, patient=assessment.patient)
    return assessment, enrolment


def test_a_new_assessment_shows_at_once(physio_client, training_class, session):
    assessment, enrolment = enrolled(training_class, "traeningsaktiv")
    before = hows(page(physio_client, session), enrolment)
    assert before and hows(page(physio_client, session), enrolment) == before
    AssessmentFactory(category="akutfase", patient=assessment.patient)
    after = hows(page(physio_client, session), enrolment)
    assert after != before and "same" in before and after.count("same") < before.count("same")


def test_a_correction_and_a_void_show_at_once(physio_client, physio, training_class, session):
    assessment, enrolment = enrolled(training_class, "traeningsaktiv")
    before = hows(page(physio_client, session), enrolment)
    corrected = assessment_correct(
        assessment=assessment,
        corrected_by=physio,
        inputs=parse_assessment(assessment.inputs, today=timezone.localdate()),
        reason="Nyt brud",
        final_category="akutfase",
        override_reason="Nyt lavenergibrud i ryggen",
    )
    after = hows(page(physio_client, session), enrolment)
    assert after != before
    assessment_void(assessment=corrected, voided_by=physio, reason="Forkert patient")
    assert hows(page(physio_client, session), enrolment) == ["none"] * len(before)


def test_an_enrolment_shows_at_once(physio_client, physio, training_class, session):
    _assessment, first = enrolled(training_class, "hverdagsaktiv")
    page(physio_client, session)
    patient = AssessmentFactory(category="akutfase", patient__clinic=training_class.clinic).patient
    second = enrol(
        training_class=training_class, patient=patient, enrolled_by=physio, on=session.date
    )
    html = page(physio_client, session)
    assert patient.full_name in card(html, second) and hows(html, second) != hows(html, first)


def test_a_program_edit_and_a_library_edit_show_at_once(
    physio_client, clinic, training_class, session
):
    _assessment, enrolment = enrolled(training_class, "hverdagsaktiv")
    page(physio_client, session)
    row = training_class.exercises.order_by("position").first()
    phases = [dict(p, dose={**p["dose"], "sets": 9}) for p in row.phases]
    ClassExercise.objects.filter(pk=row.pk).update(phases=phases)
    assert "9 ×" in card(page(physio_client, session), enrolment) or "9 x" in card(
        page(physio_client, session), enrolment
    )
    exercise = row.exercise
    exercise.clinic = clinic
    exercise.save()
    fields = {"name_da": "Omdøbt øvelse", "name_en": "Renamed exercise"}
    exercise_save(
        clinic=clinic, exercise=exercise, fields=fields, default_dose=exercise.default_dose
    )
    assert "Omdøbt øvelse" in card(page(physio_client, session), enrolment)


def test_hiding_a_library_exercise_shows_at_once(physio_client, clinic, training_class, session):
    _assessment, enrolment = enrolled(training_class, "akutfase")
    before = card(page(physio_client, session), enrolment)
    shown = set(re.findall(r"<strong>([^<]+)</strong>", before))
    alternative = Exercise.objects.filter(name_da__in=shown).first()
    assert alternative is not None, "the akutfase participant has an alternative"
    exercise_toggle_hidden(clinic=clinic, exercise=alternative)
    after = card(page(physio_client, session), enrolment)
    assert alternative.name_da in before and alternative.name_da not in after


def test_attendance_loads_and_session_changes_show_at_once(
    physio_client, physio, training_class, session
):
    _assessment, enrolment = enrolled(training_class, "hverdagsaktiv")
    html = page(physio_client, session)
    assert 'aria-pressed="false"' in card(html, enrolment)
    attendance_toggle(session=session, enrolment=enrolment, recorded_by=physio)
    assert 'aria-pressed="true"' in card(page(physio_client, session), enrolment)
    session_change(session=session, cancelled=False, day=session.date + datetime.timedelta(days=1))
    html = page(physio_client, session)
    assert (session.date).strftime("%d.%m.%Y") in html
    session_change(session=session, cancelled=True)
    assert f"attendance-{enrolment.id}" not in page(physio_client, session)


def test_the_lines_are_kept_per_user(physio_client, client, clinic, training_class, session):
    from tests.factories import MembershipFactory, UserFactory

    _assessment, enrolment = enrolled(training_class, "hverdagsaktiv")
    page(physio_client, session)
    other = MembershipFactory(clinic=clinic, user=UserFactory(username="other")).user
    keys_before = set(caches["in_process"]._cache)
    client.force_login(other)
    page(client, session)
    added = set(caches["in_process"]._cache) - keys_before
    assert any(f":{other.pk}:" in key for key in added)
    assert all(f":{other.pk}:" in key or ".class_sheet_" in key for key in added)


def header(html, enrolment) -> str:
    """The card up to its lines table: name, category, attendance, flags and the button."""
    text = card(html, enrolment)
    return text[: text.index("<table")]


def test_each_thing_in_a_cards_header_shows_on_the_next_view(
    physio_client, physio, training_class, session
):
    assessment, enrolment = enrolled(training_class, "traeningsaktiv")
    _other_assessment, other = enrolled(training_class, "hverdagsaktiv")
    first = header(page(physio_client, session), enrolment)
    assert header(page(physio_client, session), enrolment) == first
    assert "Træningsaktiv" in first and 'aria-pressed="false"' in first

    attendance_toggle(session=session, enrolment=enrolment, recorded_by=physio)
    tapped = header(page(physio_client, session), enrolment)
    assert 'aria-pressed="true"' in tapped and "Mødt" in tapped and "100 %" in tapped

    patient = assessment.patient
    patient.first_name = "Omdøbt"
    patient.save()
    assert "Omdøbt" in header(page(physio_client, session), enrolment)

    AssessmentFactory(category="akutfase", patient=patient)
    assert "Akutfase" in header(page(physio_client, session), enrolment)

    session_change(session=session, cancelled=True)
    assert f"attendance-{enrolment.id}" not in header(page(physio_client, session), enrolment)
    assert f"attendance-{other.id}" not in header(page(physio_client, session), other)


def test_a_third_missed_session_flags_the_card_on_the_next_view(
    physio_client, physio, training_class
):
    _a, came = enrolled(training_class, "hverdagsaktiv")
    _b, missed = enrolled(training_class, "hverdagsaktiv")
    sessions = list(training_class.sessions.all()[:3])
    for number, session in enumerate(sessions):
        attendance_toggle(session=session, enrolment=came, recorded_by=physio)
        html = page(physio_client, sessions[2])
        flagged = 'data-testid="missed-flag"' in header(html, missed)
        assert flagged == (number == 2)
        assert 'data-testid="missed-flag"' not in header(html, came)


def test_a_colleague_never_sees_another_users_cached_card(
    physio_client, client, clinic, training_class, session
):
    from tests.factories import MembershipFactory, UserFactory

    assessment, enrolment = enrolled(training_class, "hverdagsaktiv")
    page(physio_client, session)
    # A rename that leaves updated_at alone: the physio's kept card still has the old name,
    # the colleague's card is drawn from the database.
    Patient = type(assessment.patient)
    Patient.objects.filter(pk=assessment.patient_id).update(first_name="Kollegavisning")
    assert "Kollegavisning" not in header(page(physio_client, session), enrolment)
    colleague = MembershipFactory(clinic=clinic, user=UserFactory(username="kollega")).user
    client.force_login(colleague)
    assert "Kollegavisning" in header(page(client, session), enrolment)


def test_the_attendance_button_posts_with_the_pages_token(physio, training_class, session):
    """Each sign-in gets a new CSRF secret: the kept cards hold none, their buttons post
    through the form outside them, which carries this session's token."""
    from django.test import Client

    _assessment, enrolment = enrolled(training_class, "hverdagsaktiv")
    toggle = reverse("programs:attendance_toggle", args=[session.id, enrolment.id])
    for pressed in ("true", "false"):
        browser = Client(enforce_csrf_checks=True)
        browser.force_login(physio)
        html = page(browser, session)
        assert "csrfmiddlewaretoken" not in card(html, enrolment)
        assert f'form="attendance" formaction="{toggle}"' in card(html, enrolment)
        form = re.search(r'<form id="attendance"[^>]*>(.*?)</form>', html, re.S).group(1)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
        response = browser.post(toggle, {"csrfmiddlewaretoken": token})
        assert response.status_code == 302
        assert f'aria-pressed="{pressed}"' in card(page(browser, session), enrolment)
    header_token = re.search(r'"X-CSRFToken": "([^"]+)"', html.replace("&quot;", '"')).group(1)
    response = browser.post(toggle, HTTP_HX_REQUEST="true", HTTP_X_CSRFTOKEN=header_token)
    drawn = response.content.decode()
    assert response.status_code == 200 and 'aria-pressed="true"' in drawn
    assert drawn.strip().startswith('<div class="attendance">')
    assert 'data-hx-target="closest .attendance"' in drawn
