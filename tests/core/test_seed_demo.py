import pytest
from django.core.management import call_command

from osteoactive.models import Clinic, Membership, User

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "clinics": list(Clinic.objects.values_list("id", "name")),
        "memberships": list(Membership.objects.values_list("id", "user__username")),
        "passwords": list(User.objects.order_by("username").values_list("username", "password")),
    }


def test_seed_demo_is_idempotent(capsys):
    call_command("seed_demo")
    first = snapshot()
    output = capsys.readouterr().out
    assert "Demo Fysioterapi" in output and "fysio" in output and "klinikadmin" in output
    call_command("seed_demo")
    assert snapshot() == first
    assert Clinic.objects.filter(name="Demo Fysioterapi").count() == 1


def test_demo_users_can_log_in(client):
    call_command("seed_demo")
    client.post("/login/", {"username": "fysio", "password": "Fysio-demo-2026"})
    assert client.session["_auth_user_id"]
