"""The program page's editor is a fragment cached per user by what it shows: every change to
the program, its items or their exercises shows on the next view, and nothing is shared with
another user or another session."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from prescriptions.services import prescription_issue
from programs import services
from programs.library import load_default_library
from programs.models import Exercise
from tests.factories import ExerciseFactory, MembershipFactory, ProgramFactory, UserFactory

pytestmark = pytest.mark.django_db


def page(client, program) -> str:
    response = client.get(reverse("programs:program_detail", args=[program.id]))
    assert response.status_code == 200
    return response.content.decode()


def editor(text) -> str:
    return text[text.index('id="program-editor"') : text.index('id="picker-title"')]


def versions(text) -> str:
    return text[text.index('id="editor-status"') :]


def rows(program):
    return list(program.items.select_related("exercise").order_by("position"))


def test_every_edit_shows_on_the_next_view(physio_client, program, clinic):
    page(physio_client, program)
    first, second = rows(program)[:2]
    services.program_item_move(item=second, direction="up")
    text = editor(page(physio_client, program))
    assert text.index(f'id="item-{second.id}"') < text.index(f'id="item-{first.id}"')

    services.program_item_set_dose(item=second, days_per_week=3, dose={"sets": 4, "reps": 15})
    assert "4 × 15" in editor(page(physio_client, program))

    candidate = services.swap_candidates(second)[0]
    services.program_item_swap(item=second, exercise=candidate)
    assert candidate.name_da in editor(page(physio_client, program))

    own = ExerciseFactory(clinic=clinic, name_da="Kufferten båret")
    services.program_item_add(program=program, exercise=own, confirmed=True)
    assert "Kufferten båret" in editor(page(physio_client, program))

    item = program.items.get(exercise=own)
    services.program_item_remove(item=item)
    assert f'id="item-{item.id}"' not in editor(page(physio_client, program))


def test_a_renamed_exercise_shows_at_once(physio_client, program, clinic):
    own = ExerciseFactory(clinic=clinic, name_da="Første navn")
    services.program_item_add(program=program, exercise=own, confirmed=True)
    assert "Første navn" in editor(page(physio_client, program))
    services.exercise_save(
        clinic=clinic, exercise=own, fields={"name_da": "Andet navn"}, default_dose=own.default_dose
    )
    text = editor(page(physio_client, program))
    assert "Andet navn" in text and "Første navn" not in text


def test_a_changed_default_library_shows_at_once(physio_client, program):
    item = rows(program)[0]
    page(physio_client, program)
    Exercise.objects.filter(pk=item.exercise_id).update(name_da="Forældet navn")
    assert "Forældet navn" not in editor(page(physio_client, program))  # still cached
    load_default_library()  # puts the file's name back, and says so
    assert item.exercise.name_da in editor(page(physio_client, program))


def test_the_language_is_part_of_the_key(physio_client, program):
    item = rows(program)[0]
    assert item.exercise.name_da in editor(page(physio_client, program))
    physio_client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert item.exercise.name_en in editor(page(physio_client, program))


def test_a_colleague_never_gets_anothers_fragment(physio_client, program, clinic):
    page(physio_client, program)
    colleague = UserFactory(username="kollega")
    MembershipFactory(clinic=clinic, user=colleague)
    client = Client()
    client.force_login(colleague)
    response = client.get(reverse("programs:program_detail", args=[program.id]))
    assert "groups" in response.context  # rendered for this user, not taken from the cache


def test_the_cached_editor_holds_no_session_token(physio, program):
    """Each sign-in gets a new CSRF secret: the move buttons post through a form outside the
    cached editor, which carries this session's token."""
    token = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
    move = reverse("programs:item_move", args=[rows(program)[1].id])
    for _session in range(2):
        browser = Client(enforce_csrf_checks=True)
        browser.force_login(physio)
        text = page(browser, program)
        assert "csrfmiddlewaretoken" not in editor(text)
        form = text[text.index('<form id="item-move"') :]
        field = token.search(form)[1]
        response = browser.post(move, {"direction": "up", "csrfmiddlewaretoken": field})
        assert response.status_code == 302


def test_issuing_shows_on_every_program_page_of_the_patient(physio_client, program, physio):
    """The issued versions are cached with the editor's key: issuing from one program
    supersedes the versions issued from the patient's other programs, and both pages say so."""
    other = ProgramFactory(assessment=program.assessment, created_by=physio, setting="home")
    first = prescription_issue(program=other, issued_by=physio)
    first_link = reverse("prescriptions:prescription_detail", args=[first.id])
    assert first_link in versions(page(physio_client, other))
    assert "erstattet" not in versions(page(physio_client, other))
    assert 'href="/prescriptions/' not in versions(page(physio_client, program))
    second = prescription_issue(program=program, issued_by=physio)
    assert "erstattet" in versions(page(physio_client, other))
    second_link = reverse("prescriptions:prescription_detail", args=[second.id])
    assert second_link in versions(page(physio_client, program))
