"""The prescription page's handouts panel is cached per user by the prescription's updated_at:
every change of a handout shows on the next view, nothing is cached while a handout is queued
or rendering, and one user's panel is never shown to another."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from prescriptions import rendering
from prescriptions.models import Handout
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _quick_pdf(monkeypatch):
    monkeypatch.setattr("osteoactive.pdf.render_pdf", lambda html: b"%PDF-1.7 test")


def page(client, prescription, language="da"):
    url = reverse("prescriptions:prescription_detail", args=[prescription.id])
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response.content.decode()


def panel(html):
    return html.split('<div id="handouts"')[1].split('data-announce-source="#handouts"')[0]


def status(html, code):
    found = re.search(rf'data-testid="handout-status-{code}">([^<]+)<', html)
    return found.group(1) if found else None


def test_each_handout_change_shows_on_the_next_view(
    issue, program, physio_client, django_capture_on_commit_callbacks
):
    prescription, _ = issue(program)
    danish = prescription.handouts.get()
    assert danish.language == "da"
    first = page(physio_client, prescription)
    assert status(first, "da") == "Klar" and status(first, "en") is None
    assert panel(page(physio_client, prescription)) == panel(first)  # from the cache

    with django_capture_on_commit_callbacks(execute=False):
        physio_client.post(
            reverse("prescriptions:handout_request", args=[prescription.id]), {"language": "en"}
        )
    requested = page(physio_client, prescription)
    assert status(requested, "en") == "I kø" and "every 2s" in requested

    english = prescription.handouts.get(language="en")
    rendering.handout_mark_failed(english.id, "broken")
    failed = page(physio_client, prescription)
    assert status(failed, "en") == "Mislykkedes" and "every 2s" not in failed
    assert reverse("prescriptions:handout_retry", args=[english.id]) in failed

    with django_capture_on_commit_callbacks(execute=True):
        physio_client.post(reverse("prescriptions:handout_retry", args=[english.id]))
    rendered = page(physio_client, prescription)
    assert status(rendered, "en") == "Klar"
    ready = prescription.handouts.get(language="en", status=Handout.Status.READY)
    assert reverse("prescriptions:handout_download", args=[ready.id]) in rendered


def test_nothing_is_cached_while_a_handout_is_queued_or_rendering(issue, program, physio_client):
    prescription, _ = issue(program, render=False)
    assert status(page(physio_client, prescription), "da") == "I kø"
    # A change that does not raise updated_at still shows: the queued panel was not cached.
    prescription.handouts.update(status=Handout.Status.RENDERING)
    assert status(page(physio_client, prescription), "da") == "Dannes"
    rendering.handout_render(prescription.handouts.get().id)
    assert status(page(physio_client, prescription), "da") == "Klar"


def test_the_panel_follows_the_language(issue, program, physio_client):
    prescription, _ = issue(program)
    assert status(page(physio_client, prescription, "da"), "da") == "Klar"
    physio_client.cookies["django_language"] = "en"
    english = page(physio_client, prescription, "en")
    assert status(english, "da") == "Ready" and "Make handout" in english


def test_a_panel_is_never_shown_to_another_user(issue, program, physio_client, clinic):
    prescription, _ = issue(program)
    assert status(page(physio_client, prescription), "da") == "Klar"
    # Changed without raising updated_at: the physiotherapist's cached panel stays as it was,
    # a colleague's first view reads the handouts.
    prescription.handouts.update(status=Handout.Status.FAILED)
    assert status(page(physio_client, prescription), "da") == "Klar"
    colleague = Client()
    colleague.force_login(MembershipFactory(clinic=clinic, user=UserFactory()).user)
    assert status(page(colleague, prescription), "da") == "Mislykkedes"


def test_the_panels_buttons_post_with_the_pages_token(issue, program, physio):
    prescription, _ = issue(program)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(physio)
    html = page(browser, prescription)
    form = re.search(r'<form id="handout-action"[^>]*>(.*?)</form>', html, re.S).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    assert 'form="handout-action"' in panel(html) and "csrfmiddlewaretoken" not in panel(html)
    response = browser.post(
        reverse("prescriptions:handout_request", args=[prescription.id]),
        {"language": "en", "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302
    assert prescription.handouts.filter(language="en").exists()
