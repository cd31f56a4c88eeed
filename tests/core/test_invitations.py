"""Staff join a clinic by invitation only: a clinic admin cannot attach an existing account,
the answer never tells whether an account exists, and the person invited accepts through a
signed link that expires. A signed-in user's active clinic never changes by itself, and
sign-ins are logged only for the clinics the user is on the staff of now."""

import re
import time

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse

from osteoactive.models import AuditEvent, Invitation, Membership
from tests.factories import PASSWORD, ClinicFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_admin(other_clinic):
    """Clinic Syd's admin, who would like to have clinic Nord's physiotherapist."""
    user = UserFactory(username="syd-admin", first_name="Sune", last_name="Syd")
    MembershipFactory(user=user, clinic=other_clinic, is_clinic_admin=True)
    client = Client()
    client.force_login(user)
    return client


def invite(client, **fields):
    data = {"email": "ny@example.dk", "first_name": "Ny", "last_name": "Kollega",
            "is_physiotherapist": "on", **fields}  # fmt: skip
    return client.post(reverse("staff_add"), data, follow=True)


def link_in(message):
    return re.search(r"https?://\S+/invitations/\S+/", message.body)[0]


def path_of(link):
    return "/" + link.split("/", 3)[3]


def test_another_clinics_admin_cannot_enrol_an_existing_account(other_admin, physio, clinic):
    """As the penetration test did: the old form took any login name and attached it."""
    physio.email = "physio@nord.dk"
    physio.first_name, physio.last_name = "Rigtigt", "Navn"
    physio.save()
    response = invite(other_admin, email="physio@nord.dk", username="physio", password="")
    assert response.status_code == 200
    assert not Membership.objects.filter(user=physio).exclude(clinic=clinic).exists()
    assert "Rigtigt" not in response.content.decode()
    signed_in = Client()
    signed_in.force_login(physio)
    page = signed_in.get(reverse("assessment:patient_list"))
    assert page.context["membership"].clinic == clinic


def test_the_answer_is_the_same_whether_an_account_exists_or_not(other_admin, physio, mailoutbox):
    physio.email = "physio@nord.dk"
    physio.save()

    def answer(email, username):
        page = invite(other_admin, email=email, username=username).content.decode()
        message = re.search(r'role="status">([^<]*)<', page)[1]
        return message.replace(email, "ADDRESS")

    assert answer("physio@nord.dk", "physio") == answer("nobody@example.dk", "nobody")
    assert len(mailoutbox) == 2


def test_invitation_is_sent_through_the_email_backend(admin_client_clinic, mailoutbox, clinic):
    invite(admin_client_clinic, email="ny@example.dk", is_clinic_admin="on")
    (message,) = mailoutbox
    assert message.to == ["ny@example.dk"]
    assert clinic.name in message.subject
    assert link_in(message).startswith("http://testserver/invitations/")
    invitation = Invitation.objects.get()
    assert invitation.is_physiotherapist and invitation.is_clinic_admin
    assert AuditEvent.objects.filter(object_type="invitation", clinic=clinic).exists()


def test_new_person_creates_a_login_and_joins(admin_client_clinic, mailoutbox, clinic):
    invite(admin_client_clinic)
    newcomer = Client()
    path = path_of(link_in(mailoutbox[0]))
    page = newcomer.get(path)
    assert page.status_code == 200 and clinic.name in page.content.decode()
    response = newcomer.post(path, {
        "action": "signup", "username": "nykollega", "first_name": "Ny", "last_name": "Kollega",
        "password1": "Sikker-kode-2026", "password2": "Sikker-kode-2026",
    })  # fmt: skip
    assert response.status_code == 302
    membership = Membership.objects.get(user__username="nykollega")
    assert membership.clinic == clinic and membership.is_physiotherapist
    assert membership.user.email == "ny@example.dk"
    assert newcomer.get(reverse("assessment:patient_list")).status_code == 200
    assert newcomer.get(path).status_code == 404, "the link works once"


def test_existing_account_joins_only_when_its_owner_accepts(
    other_admin, physio, clinic, other_clinic, mailoutbox
):
    invite(other_admin, email="physio@nord.dk")
    path = path_of(link_in(mailoutbox[0]))
    assert not Membership.objects.filter(user=physio, clinic=other_clinic).exists()
    owner = Client()
    page = owner.get(path)
    assert reverse("login") in page.content.decode()
    owner.post(reverse("login"), {"username": "physio", "password": PASSWORD})
    assert other_clinic.name in owner.get(path).content.decode()
    owner.post(path, {"action": "accept"})
    membership = Membership.objects.get(user=physio, clinic=other_clinic)
    assert membership.is_active and membership.is_physiotherapist
    # Accepting does not move the owner: still working in their own clinic.
    assert owner.get(reverse("assessment:patient_list")).context["membership"].clinic == clinic
    owner.post(reverse("clinic_switch"), {"clinic": str(other_clinic.id)})
    page = owner.get(reverse("assessment:patient_list"))
    assert page.context["membership"].clinic == other_clinic


def test_declining_ends_the_invitation(other_admin, physio, other_clinic, mailoutbox):
    invite(other_admin, email="physio@nord.dk")
    path = path_of(link_in(mailoutbox[0]))
    owner = Client()
    owner.force_login(physio)
    owner.post(path, {"action": "decline"})
    assert not Membership.objects.filter(user=physio, clinic=other_clinic).exists()
    assert owner.get(path).status_code == 404


def test_a_tampered_link_is_refused(admin_client_clinic, mailoutbox):
    invite(admin_client_clinic)
    path = path_of(link_in(mailoutbox[0]))
    token = path.rstrip("/").rsplit("/", 1)[1]
    invitation_id, _stamp, _signature = token.split(":")
    other = Invitation.objects.exclude(id=invitation_id)
    assert not other.exists()
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    assert Client().get(reverse("invitation_respond", args=[forged])).status_code == 404
    assert Client().get(reverse("invitation_respond", args=["x"])).status_code == 404


def test_an_expired_link_is_refused(admin_client_clinic, mailoutbox, monkeypatch, settings):
    invite(admin_client_clinic)
    path = path_of(link_in(mailoutbox[0]))
    later = time.time() + (settings.STAFF_INVITATION_DAYS + 1) * 24 * 3600
    monkeypatch.setattr(signing.time, "time", lambda: later)
    assert Client().get(path).status_code == 404


def test_a_withdrawn_invitation_is_refused(admin_client_clinic, mailoutbox, clinic):
    invite(admin_client_clinic)
    path = path_of(link_in(mailoutbox[0]))
    invitation = Invitation.objects.get()
    staff = admin_client_clinic.get(reverse("staff_list")).content.decode()
    assert "ny@example.dk" in staff
    admin_client_clinic.post(reverse("invitation_withdraw", args=[invitation.id]))
    assert Client().get(path).status_code == 404
    assert "ny@example.dk" not in admin_client_clinic.get(reverse("staff_list")).content.decode()


def test_sending_again_gives_a_working_link(admin_client_clinic, mailoutbox):
    invite(admin_client_clinic)
    invitation = Invitation.objects.get()
    admin_client_clinic.post(reverse("invitation_resend", args=[invitation.id]))
    assert len(mailoutbox) == 2
    assert Client().get(path_of(link_in(mailoutbox[1]))).status_code == 200


def test_a_signed_in_users_clinic_never_changes_by_itself(physio_client, physio, clinic):
    assert physio_client.get(reverse("assessment:patient_list")).context["membership"].clinic == (
        clinic
    )
    # A membership in a clinic that sorts first appears (the platform admin adds it).
    MembershipFactory(user=physio, clinic=ClinicFactory(name="Aabenraa Fysioterapi"))
    page = physio_client.get(reverse("assessment:patient_list"))
    assert page.context["membership"].clinic == clinic


def test_when_the_active_membership_ends_the_user_chooses(client, clinic, other_clinic):
    user = UserFactory(username="both")
    ending = MembershipFactory(user=user, clinic=clinic)
    MembershipFactory(user=user, clinic=other_clinic)
    client.force_login(user)
    assert client.get(reverse("assessment:patient_list")).context["membership"].clinic == clinic
    ending.is_active = False
    ending.save()
    assert client.get(reverse("assessment:patient_list")).status_code == 403
    home = client.get(reverse("home"))
    assert other_clinic.name in home.content.decode() and home.context["membership"] is None
    client.post(reverse("clinic_switch"), {"clinic": str(other_clinic.id)})
    page = client.get(reverse("assessment:patient_list"))
    assert page.context["membership"].clinic == other_clinic


def test_sign_ins_are_logged_only_in_the_users_current_clinics(client, clinic, other_clinic):
    user = UserFactory(username="leaver")
    MembershipFactory(user=user, clinic=clinic)
    MembershipFactory(user=user, clinic=other_clinic, is_active=False)  # ended
    client.post(reverse("login"), {"username": "leaver", "password": "wrong"})
    client.post(reverse("login"), {"username": "leaver", "password": PASSWORD})
    events = AuditEvent.objects.filter(actor_username="leaver")
    assert {e.action for e in events} == {"login", "login_failed"}
    assert {e.clinic_id for e in events} == {clinic.id}
