import pytest
from django.urls import reverse

from osteoactive.models import Membership
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

ADMIN_PAGES = ["staff_list", "staff_add", "clinic_settings"]


@pytest.mark.parametrize("name", ADMIN_PAGES)
def test_physiotherapist_cannot_reach_clinic_admin_pages(physio_client, name):
    assert physio_client.get(reverse(name)).status_code == 403


@pytest.mark.parametrize("name", ADMIN_PAGES)
def test_clinic_admin_reaches_admin_pages(admin_client_clinic, name):
    assert admin_client_clinic.get(reverse(name)).status_code == 200


def test_navigation_shows_clinic_and_role(physio_client):
    page = physio_client.get(reverse("assessment:patient_list")).content.decode()
    assert "Klinik Nord" in page
    assert "Fysioterapeut" in page


def test_admin_deactivates_staff_who_then_loses_access(admin_client_clinic, clinic, client):
    member = MembershipFactory(clinic=clinic, user=UserFactory(username="leaver"))
    response = admin_client_clinic.post(
        reverse("staff_edit", args=[member.id]), {"is_physiotherapist": "on"}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert not member.is_active
    client.force_login(member.user)
    assert client.get(reverse("assessment:patient_list")).status_code == 403


def test_admin_cannot_edit_another_clinics_staff(admin_client_clinic, other_physio):
    other = Membership.objects.get(user=other_physio)
    assert admin_client_clinic.get(reverse("staff_edit", args=[other.id])).status_code == 404


def test_person_in_two_clinics_switches_the_active_one(client, clinic, other_clinic):
    user = UserFactory(username="both")
    MembershipFactory(user=user, clinic=clinic)
    MembershipFactory(user=user, clinic=other_clinic, is_clinic_admin=True)
    client.force_login(user)
    assert client.get(reverse("staff_list")).status_code in (200, 403)
    client.post(reverse("clinic_switch"), {"clinic": str(other_clinic.id)})
    page = client.get(reverse("staff_list"))
    assert page.status_code == 200
    assert "Klinik Syd" in page.content.decode()


def test_cannot_switch_to_a_clinic_without_membership(physio_client, other_clinic):
    physio_client.post(reverse("clinic_switch"), {"clinic": str(other_clinic.id)})
    assert (
        "Klinik Syd" not in physio_client.get(reverse("assessment:patient_list")).content.decode()
    )


def test_switching_to_a_malformed_clinic_id_is_ignored(physio_client):
    response = physio_client.post(reverse("clinic_switch"), {"clinic": "nope"})
    assert response.status_code == 302
