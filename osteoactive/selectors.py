"""Reads of clinics and memberships, always starting from the acting user."""

from .models import Membership


def memberships_of(user):
    if not user.is_authenticated:
        return Membership.objects.none()
    return (
        Membership.objects.filter(user=user, is_active=True, clinic__isnull=False)
        .select_related("clinic")
        .order_by("clinic__name")
    )


def staff_of(clinic):
    return (
        Membership.objects.filter(clinic=clinic)
        .select_related("user")
        .order_by("-is_active", "user__last_name", "user__first_name", "user__username")
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
