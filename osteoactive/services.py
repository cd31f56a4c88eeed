"""Writes of clinics and staff; each one transaction."""

import smtplib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from .invitation_links import invitation_path
from .models import Clinic, Invitation, Membership


class InvitationNotSent(Exception):
    """The e-mail server refused or could not be reached; nothing was saved."""


@transaction.atomic
def invitation_send(
    *,
    clinic: Clinic,
    invited_by,
    site_url: str,
    email: str,
    first_name: str,
    last_name: str,
    is_physiotherapist: bool,
    is_clinic_admin: bool,
) -> Invitation:
    """Saves the invitation and e-mails its link. The same happens whether or not the address
    belongs to an account: whoever opens the link decides how to join."""
    invitation = Invitation.objects.create(
        clinic=clinic,
        email=email,
        first_name=first_name,
        last_name=last_name,
        is_physiotherapist=is_physiotherapist,
        is_clinic_admin=is_clinic_admin,
        invited_by=invited_by,
        sent_at=timezone.now(),
    )
    _email_invitation(invitation, site_url)
    return invitation


@transaction.atomic
def invitation_resend(*, invitation: Invitation, site_url: str) -> Invitation:
    """A fresh link, valid for the full period again."""
    invitation.sent_at = timezone.now()
    invitation.save(update_fields=["sent_at", "updated_at"])
    _email_invitation(invitation, site_url)
    return invitation


def _email_invitation(invitation, site_url):
    context = {
        "clinic": invitation.clinic.name,
        "inviter": invitation.invited_by.get_full_name() or invitation.invited_by.get_username(),
        "roles": " + ".join(str(label) for label in invitation.role_labels).lower(),
        "link": site_url.rstrip("/") + invitation_path(invitation),
        "days": settings.STAFF_INVITATION_DAYS,
    }
    subject = render_to_string("osteoactive/email/invitation_subject.txt", context).strip()
    body = render_to_string("osteoactive/email/invitation_body.txt", context)
    try:
        send_mail(subject, body, None, [invitation.email])
    except (OSError, smtplib.SMTPException) as error:
        raise InvitationNotSent(str(error)) from error


@transaction.atomic
def membership_grant(*, user, clinic: Clinic, is_physiotherapist: bool, is_clinic_admin: bool):
    """Gives the user the roles in the clinic (an ended membership starts again). Reached only
    through an accepted invitation, or by platform staff seeding a clinic."""
    membership, _created = Membership.objects.update_or_create(
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
def account_create(*, username: str, first_name: str, last_name: str, email: str, password):
    """A new login, for platform staff seeding a clinic; clinic admins invite instead."""
    user = get_user_model()(
        username=username, first_name=first_name, last_name=last_name, email=email
    )
    user.set_password(password)
    user.full_clean()
    user.save()
    return user


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user) -> Membership:
    """The invited person joins the clinic with the roles offered, as the account `user`."""
    membership = membership_grant(
        user=user,
        clinic=invitation.clinic,
        is_physiotherapist=invitation.is_physiotherapist,
        is_clinic_admin=invitation.is_clinic_admin,
    )
    invitation.accepted_at, invitation.accepted_by = timezone.now(), user
    invitation.save(update_fields=["accepted_at", "accepted_by", "updated_at"])
    return membership


@transaction.atomic
def invitation_accept_with_new_account(*, invitation: Invitation, signup_form) -> Membership:
    """Creates the account the invited person chose (InvitationSignupForm), then accepts."""
    user = signup_form.save(commit=False)
    user.email = invitation.email
    user.save()
    return invitation_accept(invitation=invitation, user=user)


@transaction.atomic
def invitation_close(*, invitation: Invitation) -> Invitation:
    """Withdrawn by the clinic or declined by the person: the link stops working."""
    invitation.closed_at = timezone.now()
    invitation.save(update_fields=["closed_at", "updated_at"])
    return invitation


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
