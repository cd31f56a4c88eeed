"""Writes the audit trail: who did what to which record, from where. Never health values."""

from .models import AuditEvent
from .proxies import client_address


def record(
    request, action, obj=None, *, patient=None, patient_id=None, clinic=None, fields=(), summary=""
):
    """One audit row. `fields` lists the field names that changed, never their values.
    `patient_id` names a patient that no longer exists (after erasure)."""
    user = getattr(request, "user", None)
    if clinic is None:
        membership = getattr(request, "membership", None)
        clinic = membership.clinic if membership else getattr(patient, "clinic", None)
    return AuditEvent.objects.create(
        actor=user if user is not None and user.is_authenticated else None,
        actor_username=(user.get_username() if user is not None and user.is_authenticated else ""),
        clinic=clinic,
        action=action,
        object_type=obj._meta.model_name if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        patient_id=patient_id or getattr(patient, "pk", None),
        address=client_address(request) or None,
        fields=sorted(fields),
        summary=summary[:300],
    )
