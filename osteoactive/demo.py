"""The demo clinic that `seed_demo` creates; every step leaves existing rows as they are."""

from django.contrib.auth import get_user_model

from .models import Clinic, Membership

DEMO_CLINIC = "Demo Fysioterapi"
DEMO_USERS = (
    # username, password, first name, last name, physiotherapist, clinic admin
    ("fysio", "Fysio-demo-2026", "Freja", "Fysioterapeut", True, False),
    ("klinikadmin", "Admin-demo-2026", "Anders", "Klinikleder", False, True),
)


def seed_clinic():
    clinic, _ = Clinic.objects.get_or_create(
        name=DEMO_CLINIC,
        defaults={
            "address": "Knoglevej 1, 8000 Aarhus C",
            "phone": "+45 12 34 56 78",
            "contact_line": "Ring på 12 34 56 78 hverdage kl. 8–15",
            "handout_footer": "Demo Fysioterapi · Knoglevej 1 · 8000 Aarhus C",
        },
    )
    users = {}
    for username, password, first, last, is_physio, is_admin in DEMO_USERS:
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            user = get_user_model()(username=username, first_name=first, last_name=last)
            user.set_password(password)
            user.save()
        Membership.objects.get_or_create(
            user=user,
            clinic=clinic,
            defaults={"is_physiotherapist": is_physio, "is_clinic_admin": is_admin},
        )
        users[username] = user
    return clinic, users
