"""Safe data entry: one round of validation with a summary that links to every field, a session
that warns before it ends and can be kept, and an assessment saved after the session ended
that comes back after signing in."""

import re
import time
from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from assessment.drafts import draft_key
from assessment.models import Assessment, AssessmentDraft
from osteoactive.middleware import TOUCHED_KEY
from tests.factories import PASSWORD, ClinicFactory, MembershipFactory, PatientFactory, UserFactory
from tests.support.assessment_form import create_url, valid_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def patient(clinic):
    return PatientFactory(clinic=clinic)


# --- one round of validation ----------------------------------------------------------------------


def test_format_and_range_errors_come_in_one_round(physio_client, patient):
    """A TUG that is no number is Django's own check; pain 12 and a T-score of −9 are the
    range checks of parse_assessment: all three at once."""
    response = physio_client.post(
        create_url(patient), valid_post(tug_seconds="abc", pain_nrs="12", t_forearm="-9")
    )
    errors = response.context["form"].errors
    assert {"tug_seconds", "pain_nrs", "t_forearm"} <= set(errors)
    assert Assessment.objects.count() == 0


def test_a_bad_date_and_a_fracture_after_the_assessment_in_one_round(physio_client, patient):
    response = physio_client.post(
        create_url(patient),
        valid_post(dxa_scan_date="31.02.2026", **{"fractures-0-date": "2099-01-01"}),
    )
    form = response.context["form"]
    assert "dxa_scan_date" in form.errors
    assert form.fractures.forms[0].errors["date"]


def test_the_summary_lists_every_error_in_page_order_with_links(physio_client, patient):
    response = physio_client.post(
        create_url(patient),
        valid_post(
            tug_seconds="abc",
            pain_nrs="12",
            height_cm="300",
            fes_i_1="2",
            fes_i_2="3",
            **{"fractures-0-date": "2099-01-01"},
        ),
    )
    page = response.content.decode()
    summary = page[
        page.index('id="error-summary"') : page.index("</div>", page.index('id="error-summary"'))
    ]
    anchors = re.findall(r'href="#([^"]+)"', summary)
    assert anchors == [
        "id_height_cm",
        "id_fractures-0-date",
        "id_tug_seconds",
        "id_fes_i_3_0",
        "id_fes_i_4_0",
        "id_fes_i_5_0",
        "id_fes_i_6_0",
        "id_fes_i_7_0",
        "id_pain_nrs",
    ]
    for anchor in anchors:
        assert f'id="{anchor}"' in page, anchor
    assert re.search(r'<div [^>]*tabindex="-1" id="error-summary"', page)
    assert "Ret disse 9 ting, før du gemmer" in summary


def test_fes_i_all_or_none(physio_client, patient):
    none = physio_client.post(create_url(patient), valid_post())
    assert none.status_code == 302
    answers = {f"fes_i_{n}": str(1 + n % 4) for n in range(1, 8)}
    saved = physio_client.post(create_url(patient), valid_post(**answers))
    assert saved.status_code == 302
    latest = Assessment.objects.order_by("-created_at").first()
    assert latest.inputs["fes_i_short"] == [2, 3, 4, 1, 2, 3, 4] and latest.fes_i_total == 19
    assert latest.result["fes_i_level"] == "high" and "W7" in latest.result["warnings"]


def test_dk_2026_2_inputs_are_stored_and_shown(physio_client, patient):
    response = physio_client.post(
        create_url(patient),
        valid_post(
            height_cm="165,0",
            weight_kg="51,5",
            height_loss_cm="4,0",
            occiput_wall_cm="2,5",
            medication="bisphosphonate",
            frax_major_percent="18",
            frax_date="2026-01-05",
            **{"fractures-TOTAL_FORMS": "0"},
        ),
    )
    assessment = Assessment.objects.get()
    assert (
        assessment.inputs["height_loss_cm"] == 4.0
        and assessment.inputs["frax_date"] == "2026-01-05"
    )
    assert assessment.result["bmi"] == 18.9 and "W6" in assessment.result["warnings"]
    page = physio_client.get(response["Location"]).content.decode()
    assert 'data-testid="red-flag"' in page and page.index('data-testid="red-flag"') < page.index(
        'data-testid="category"'
    )
    assert 'data-testid="bmi">18,9<' in page
    assert 'data-testid="next-reassessment"' in page


def test_the_preview_shows_bmi_and_fes_i_total_beside_their_fields(physio_client, patient):
    url = reverse("assessment:assessment_preview", args=[patient.id])
    answers = {f"fes_i_{n}": "2" for n in range(1, 8)}
    shown = physio_client.post(
        url, valid_post(height_cm="165", weight_kg="51,5", tug_seconds="abc", **answers)
    ).content.decode()
    assert 'id="live-bmi"' in shown and 'data-hx-swap-oob="innerHTML"' in shown
    assert "BMI <strong>18,9</strong>" in shown and "tæller som lav vægt" in shown
    assert "I alt <strong>14</strong>" in shown and "<strong>høj</strong>" in shown


# --- Enter and leaving the page ------------------------------------------------------------------


def test_the_form_is_guarded_by_the_static_script(physio_client, patient):
    """Enter and leaving the page are handled by static/js/app.js (the browser test presses
    the keys); the page itself has no inline script, as the CSP allows none."""
    page = physio_client.get(create_url(patient)).content.decode()
    form = page[page.index('<form method="post" novalidate id="assessment-form"') :]
    assert "data-enter-guard" in form[:400] and "data-warn-unsaved" in form[:400]
    assert "<script>" not in page and "onclick" not in page and "onkeydown" not in page


# --- the session -----------------------------------------------------------------------------------


def test_pages_say_how_long_the_session_has_left(physio_client, settings):
    response = physio_client.get(reverse("assessment:patient_list"))
    left = int(response.headers["X-Session-Seconds-Left"])
    assert settings.SESSION_COOKIE_AGE - 5 <= left <= settings.SESSION_COOKIE_AGE
    assert f'data-session-seconds-left="{left}"' in response.content.decode()


def test_stay_signed_in_pushes_the_expiry_forward(physio_client, settings):
    physio_client.get(reverse("assessment:patient_list"))
    session = physio_client.session
    session[TOUCHED_KEY] = int(time.time()) - 40  # a page touches it at most once a minute
    session.save()
    before = physio_client.get(reverse("assessment:patient_list"))
    assert int(before.headers["X-Session-Seconds-Left"]) <= settings.SESSION_COOKIE_AGE - 40
    kept = physio_client.post(reverse("session_keep_alive"))
    assert kept.status_code == 200
    assert kept.json()["seconds_left"] >= settings.SESSION_COOKIE_AGE - 2
    stored = Session.objects.get(session_key=physio_client.session.session_key)
    assert (stored.expire_date - timezone.now()).total_seconds() >= settings.SESSION_COOKIE_AGE - 5


def test_keep_alive_is_post_only_and_needs_a_session(client, physio_client):
    assert physio_client.get(reverse("session_keep_alive")).status_code == 405
    client.logout()
    response = client.post(reverse("session_keep_alive"))
    assert response.status_code == 302 and response["Location"].startswith("/login/")


# --- an assessment saved after the session ended --------------------------------------------------


def signed_out_save(client, user, patient, **overrides):
    """The form as the page posts it (with its signed key), after the session has ended."""
    url = create_url(patient)
    data = valid_post(draft_key=draft_key(user, url), **overrides)
    Session.objects.all().delete()
    return url, client.post(url, data)


def log_in(client, username):
    client.post(reverse("login"), {"username": username, "password": PASSWORD})


def test_a_save_after_the_session_ended_comes_back_after_signing_in(client, physio, patient):
    client.force_login(physio)
    url, response = signed_out_save(client, physio, patient, tug_seconds="13,7", notes="Noter")
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url}"
    assert Assessment.objects.count() == 0
    draft = AssessmentDraft.objects.get()
    assert draft.owner == physio and draft.patient == patient and draft.path == url
    assert "13,7" not in str(response.cookies) and "13,7" not in response["Location"]
    log_in(client, physio.username)
    page = client.get(url)
    form = page.context["form"]
    assert form.data["tug_seconds"] == "13,7" and form.data["notes"] == "Noter"
    shown = page.content.decode()
    assert 'value="13,7"' in shown and 'data-testid="draft-restored"' in shown
    assert "Du var blevet logget ud" in shown
    saved = client.post(
        url, {**valid_post(tug_seconds="13,7"), "draft_key": draft_key(physio, url)}
    )
    assert saved.status_code == 302 and Assessment.objects.get().inputs["tug_seconds"] == 13.7
    assert not AssessmentDraft.objects.exists()


def test_a_kept_draft_can_be_discarded(client, physio, patient):
    client.force_login(physio)
    url, _response = signed_out_save(client, physio, patient)
    log_in(client, physio.username)
    response = client.post(url, {"discard_draft": "1"})
    assert response.status_code == 302 and not AssessmentDraft.objects.exists()
    assert client.get(url).context["form"].is_bound is False


@pytest.mark.parametrize("key", ["", "forged", "other-path", "other-user", "other-clinic"])
def test_no_draft_without_a_genuine_key_for_this_form(client, physio, patient, key):
    other_user = MembershipFactory(clinic=ClinicFactory(), user=UserFactory()).user
    url = create_url(patient)
    keys = {
        "": "",
        "forged": draft_key(physio, url)[:-3] + "abc",
        "other-path": draft_key(physio, create_url(PatientFactory(clinic=patient.clinic))),
        "other-user": None,
        "other-clinic": draft_key(other_user, url),
    }
    if key == "other-user":
        # a user of the same clinic posts with their key for this form, but not signed in:
        # the draft is theirs, never the physiotherapist's
        colleague = MembershipFactory(clinic=patient.clinic).user
        response = client.post(url, valid_post(draft_key=draft_key(colleague, url)))
        assert AssessmentDraft.objects.get().owner == colleague
        return
    response = client.post(url, valid_post(draft_key=keys[key]))
    assert response.status_code == 302 and response["Location"].startswith("/login/")
    assert not AssessmentDraft.objects.exists()


def test_a_draft_is_given_back_only_to_its_owner(client, physio, patient):
    url, _response = signed_out_save(client, physio, patient)
    colleague = MembershipFactory(clinic=patient.clinic, user=UserFactory()).user
    client.force_login(colleague)
    assert client.get(url).context["form"].is_bound is False


def test_an_old_draft_is_not_given_back(client, physio, patient):
    url, _response = signed_out_save(client, physio, patient)
    AssessmentDraft.objects.update(updated_at=timezone.now() - timedelta(hours=25))
    client.force_login(physio)
    assert client.get(url).context["form"].is_bound is False
