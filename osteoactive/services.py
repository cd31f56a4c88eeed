"""Writes of clinics and staff; each one transaction."""

from django.contrib.auth import get_user_model
from django.db import transaction

from .models import Clinic, Membership


@transaction.atomic
def staff_add(
    *,
    clinic: Clinic,
    username: str,
    first_name: str,
    last_name: str,
    email: str,
    password: str | None,
    is_physiotherapist: bool,
    is_clinic_admin: bool,
) -> Membership:
    """Adds a person to the clinic; an existing account (from another clinic) is reused."""
    user_model = get_user_model()
    user = user_model.objects.filter(username=username).first()
    if user is None:
        user = user_model(
            username=username, first_name=first_name, last_name=last_name, email=email
        )
        user.set_password(password)
        user.save()
    membership, _ = Membership.objects.update_or_create(
        user=user,
        clinic=clinic,
        defaults={
            "is_physiotherapist": is_physiotherapist,
            "is_clinic_admin": is_clinic_admin,
            "is_active": True,
        },
    )
    return membership


@transaction.atomic
def membership_update(
    *, membership: Membership, is_physiotherapist: bool, is_clinic_admin: bool, is_active: bool
) -> Membership:
    membership.is_physiotherapist = is_physiotherapist
    membership.is_clinic_admin = is_clinic_admin
    membership.is_active = is_active
    membership.full_clean()
    membership.save()
    return membership


@transaction.atomic
def clinic_update(*, clinic: Clinic, **fields) -> Clinic:
    for name, value in fields.items():
        clinic._meta.get_field(name).save_form_data(clinic, value)
    clinic.full_clean()
    clinic.save()
    return clinic


@transaction.atomic
def clinic_create(*, name: str, **fields) -> Clinic:
    clinic = Clinic(name=name, **fields)
    clinic.full_clean()
    clinic.save()
    return clinic
