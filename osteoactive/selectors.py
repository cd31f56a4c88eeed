"""Reads of clinics and memberships, always starting from the acting user."""

from datetime import timedelta

from django.conf import settings
from django.core.cache import caches
from django.shortcuts import get_object_or_404
from django.utils import timezone

from .models import Invitation, Membership

MEMBERSHIPS_CACHE_SECONDS = 3600


def active_memberships(user) -> list:
    """The user's active memberships with their clinics, read once per memberships_version:
    every page needs them, and they change far more rarely than pages are viewed."""
    if not user.is_authenticated:
        return []
    # date_joined too: SQLite may give a deleted user's id to the next new user.
    key = f"memberships:{user.pk}:{user.date_joined.timestamp()}:{user.memberships_version}"
    cache = caches["in_process"]
    memberships = cache.get(key)
    if memberships is None:
        memberships = list(
            Membership.objects.filter(user=user, is_active=True)
            .select_related("clinic")
            .order_by("clinic__name")
        )
        cache.set(key, memberships, MEMBERSHIPS_CACHE_SECONDS)
    return memberships


def staff_of(clinic):
    return (
        Membership.objects.filter(clinic=clinic)
        .select_related("user")
        .order_by("-is_active", "user__last_name", "user__first_name", "user__username")
    )


def open_invitations_of(clinic):
    """Invitations not yet answered, withdrawn or expired, newest first."""
    valid_since = timezone.now() - timedelta(days=settings.STAFF_INVITATION_DAYS)
    return Invitation.objects.filter(
        clinic=clinic, accepted_at__isnull=True, closed_at__isnull=True, sent_at__gte=valid_since
    ).order_by("-sent_at")


def invitation_get(clinic, invitation_id) -> Invitation:
    """One of the clinic's open invitations, or 404."""
    return get_object_or_404(
        Invitation.objects.select_related("clinic", "invited_by"),
        id=invitation_id,
        clinic=clinic,
        accepted_at__isnull=True,
        closed_at__isnull=True,
    )


def audit_events_for(clinic, *, action="", user="", date_from=None, date_to=None, patient=""):
    from .models import AuditEvent

    events = AuditEvent.objects.filter(clinic=clinic)
    if action:
        events = events.filter(action=action)
    if user:
        events = events.filter(actor_username__icontains=user)
    if date_from:
        events = events.filter(at__date__gte=date_from)
    if date_to:
        events = events.filter(at__date__lte=date_to)
    if patient:
        events = events.filter(patient_id=patient)
    return events.order_by("-at", "-id")
