"""The memberships every page needs come from the cache, and a change to a membership or its
clinic is seen by the user's very next request."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from osteoactive.selectors import active_memberships
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

PATIENTS = reverse("assessment:patient_list")


def fresh(user):
    return get_user_model().objects.get(pk=user.pk)


def test_second_read_comes_from_the_cache(physio, django_assert_num_queries):
    active_memberships(fresh(physio))
    user = fresh(physio)
    with django_assert_num_queries(0):
        assert [m.clinic.name for m in active_memberships(user)] == ["Klinik Nord"]


def member_client(clinic, username):
    member = MembershipFactory(clinic=clinic, user=UserFactory(username=username))
    client = Client()
    client.force_login(member.user)
    return member, client


def test_deactivated_membership_is_refused_on_the_next_request(admin_client_clinic, clinic):
    member, client = member_client(clinic, "leaver")
    assert client.get(PATIENTS).status_code == 200
    admin_client_clinic.post(reverse("staff_edit", args=[member.id]), {"is_physiotherapist": "on"})
    assert client.get(PATIENTS).status_code == 403


def test_removed_role_is_refused_on_the_next_request(admin_client_clinic, clinic):
    member, client = member_client(clinic, "changer")
    assert client.get(PATIENTS).status_code == 200
    admin_client_clinic.post(
        reverse("staff_edit", args=[member.id]), {"is_clinic_admin": "on", "is_active": "on"}
    )
    assert client.get(PATIENTS).status_code == 403
    assert client.get(reverse("staff_list")).status_code == 200


def test_new_membership_and_clinic_name_show_on_the_next_request(physio_client, physio, clinic):
    assert "Klinik Nord" in physio_client.get(PATIENTS).content.decode()
    clinic.name = "Klinik Nordvest"
    clinic.save()
    page = physio_client.get(PATIENTS).content.decode()
    assert "Klinik Nordvest" in page
    MembershipFactory(user=physio, clinic__name="Klinik Øst")
    page = physio_client.get(PATIENTS).content.decode()
    assert 'id="clinic-switch"' in page and "Klinik Øst" in page


def test_deleted_membership_is_gone_on_the_next_request(physio_client, physio):
    assert physio_client.get(PATIENTS).status_code == 200
    physio.memberships.get().delete()
    assert physio_client.get(PATIENTS).status_code == 403


def test_saving_a_user_loaded_earlier_keeps_the_new_version(physio, clinic):
    loaded_before = fresh(physio)
    MembershipFactory(user=physio, clinic__name="Klinik Øst")
    loaded_before.first_name = "Anne"
    loaded_before.save()
    user = fresh(physio)
    assert user.first_name == "Anne"
    assert user.memberships_version > loaded_before.memberships_version
    assert len(active_memberships(user)) == 2


def test_a_new_user_never_gets_a_deleted_users_memberships(clinic):
    """SQLite may reuse a deleted user's id; the key also holds when the user joined."""
    old = fresh(MembershipFactory(clinic=clinic, user=UserFactory(username="old")).user)
    assert active_memberships(old)
    new = UserFactory.build(
        username="new",
        pk=old.pk,
        memberships_version=old.memberships_version,
        date_joined=old.date_joined.replace(year=2030),
    )
    old.delete()
    new.save()
    assert active_memberships(fresh(new)) == []


def test_membership_given_to_another_user_is_gone_at_once(physio_client, physio, clinic):
    assert physio_client.get(PATIENTS).status_code == 200
    membership = physio.memberships.get()
    membership.user = UserFactory(username="successor")
    membership.save()
    assert physio_client.get(PATIENTS).status_code == 403


def test_pages_work_while_the_redis_cache_is_down(physio_client, settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        },
    }
    assert physio_client.get(PATIENTS).status_code == 200
