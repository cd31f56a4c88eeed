"""The link in an invitation e-mail: the invitation's id signed with a timestamp
(django.core.signing), so it cannot be guessed or altered and stops working after
STAFF_INVITATION_DAYS, or as soon as the invitation is accepted, declined or withdrawn."""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from .models import Invitation

SALT = "osteoactive.invitation"


def invitation_token(invitation) -> str:
    return signing.TimestampSigner(salt=SALT).sign(str(invitation.id))


def invitation_path(invitation) -> str:
    return reverse("invitation_respond", args=[invitation_token(invitation)])


def open_invitation(token) -> Invitation | None:
    """The open invitation the token names, or None (tampered, expired or no longer open)."""
    max_age = settings.STAFF_INVITATION_DAYS * 24 * 3600
    try:
        invitation_id = signing.TimestampSigner(salt=SALT).unsign(token, max_age=max_age)
    except signing.BadSignature:  # SignatureExpired is one too
        return None
    invitation = (
        Invitation.objects.select_related("clinic", "invited_by").filter(id=invitation_id).first()
    )
    return invitation if invitation is not None and invitation.is_open else None
