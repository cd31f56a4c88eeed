import time
from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db


def login(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_login_and_logout(client, physio, password):
    response = login(client, "physio", password)
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 302  # on to the patient list
    client.post(reverse("logout"))
    assert client.get(reverse("home"))["Location"].startswith(reverse("login"))


def test_wrong_password_is_refused(client, physio):
    response = login(client, "physio", "wrong")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_lockout_after_repeated_failures(client, physio, password, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, "physio", "wrong")
    response = login(client, "physio", password)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_session_expires_after_thirty_idle_minutes(client, physio, password, settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    login(client, "physio", password)
    key = client.session.session_key
    store = client.session
    store["_touched"] = int(time.time()) - 120  # the last request was two minutes ago
    store.save()
    Session.objects.filter(pk=key).update(expire_date=timezone.now() + timedelta(minutes=28))
    client.get(reverse("password_change"))
    assert Session.objects.get(pk=key).expire_date > timezone.now() + timedelta(minutes=29)
    Session.objects.filter(pk=key).update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(reverse("password_change"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_active_session_is_not_written_on_every_request(client, physio, password):
    login(client, "physio", password)
    client.get(reverse("password_change"))
    key = client.session.session_key
    before = Session.objects.get(pk=key).expire_date
    client.get(reverse("password_change"))
    assert Session.objects.get(pk=key).expire_date == before


def test_password_change(client, physio, password):
    login(client, "physio", password)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": password,
            "new_password1": "Ny-knogle-77",
            "new_password2": "Ny-knogle-77",
        },
    )
    assert response.status_code == 302
    physio.refresh_from_db()
    assert physio.check_password("Ny-knogle-77")


def test_passwords_are_hashed_with_argon2():
    from osteoactive.settings import base

    assert base.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
