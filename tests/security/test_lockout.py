"""Lockout per login name and address, and per address over all names (password spraying)."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def attempt(client, username, password="Spring-2026!", address="198.51.100.9"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    ).status_code


def test_one_password_over_many_names_is_stopped(client, settings, physio, password):
    for index in range(settings.AXES_ADDRESS_FAILURE_LIMIT - 1):
        assert attempt(client, f"name{index}") == 200
    assert attempt(client, "the-last-name") == 429
    assert attempt(client, "yet-another-name") == 429
    assert attempt(client, "physio", password) == 429, "the address is locked for every name"
    assert attempt(client, "physio", password, address="192.0.2.1") == 302, "others are not"


def test_the_address_limit_is_higher_than_the_name_limit(client, settings):
    assert settings.AXES_ADDRESS_FAILURE_LIMIT > settings.AXES_FAILURE_LIMIT
    for index in range(settings.AXES_FAILURE_LIMIT + 1):
        assert attempt(client, f"colleague{index}") == 200


def test_one_name_is_locked_after_its_own_limit(client, settings, physio, password):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "physio", "wrong")
    assert attempt(client, "physio", password) == 429
    assert attempt(client, "physio", password, address="192.0.2.1") == 302


def test_a_successful_login_does_not_clear_the_address_count(client, settings, password):
    UserFactory(username="insider")
    for index in range(settings.AXES_ADDRESS_FAILURE_LIMIT - 2):
        assert attempt(client, f"name{index}") == 200
    assert attempt(client, "insider", password) == 302
    client.logout()
    assert attempt(client, "one-more") == 200
    assert attempt(client, "and-the-last") == 429
