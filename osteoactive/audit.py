"""Writes the audit trail: who did what to which record, from where. Never health values.

Changes, downloads and exports are recorded by the views that make them (`record`). Views of
patient data are recorded in one place, by construction: every selector that loads a record
belonging to a patient notes it (`note_shown`), and PatientViewAuditMiddleware writes one
`view` row per patient for each successful GET that loaded one, unless the view recorded
something about that patient itself or is marked `shows_no_patient_data`.
tests/security/test_audit_walk.py walks every URL that names a patient's record."""

from contextvars import ContextVar

from .models import AuditEvent
from .proxies import client_address

# (object, patient) pairs loaded by the selectors during the current request; None outside one.
_shown: ContextVar[list | None] = ContextVar("patient_records_shown", default=None)
SAFE_METHODS = ("GET", "HEAD")


def record(
    request, action, obj=None, *, patient=None, patient_id=None, clinic=None, fields=(), summary=""
):
    """One audit row. `fields` lists the field names that changed, never their values.
    `patient_id` names a patient that no longer exists (after erasure)."""
    user = getattr(request, "user", None)
    if clinic is None:
        membership = getattr(request, "membership", None)
        clinic = membership.clinic if membership else getattr(patient, "clinic", None)
    patient_id = patient_id or getattr(patient, "pk", None)
    if request is not None and patient_id:
        request.__dict__.setdefault("audited_patient_ids", set()).add(patient_id)
    return AuditEvent.objects.create(
        actor=user if user is not None and user.is_authenticated else None,
        actor_username=(user.get_username() if user is not None and user.is_authenticated else ""),
        clinic=clinic,
        action=action,
        object_type=obj._meta.model_name if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        patient_id=patient_id,
        address=client_address(request) or None,
        fields=sorted(fields),
        summary=summary[:300],
    )


def note_shown(obj, patient):
    """Called by the selectors that load one of a patient's records for a request."""
    shown = _shown.get()
    if shown is not None:
        shown.append((obj, patient))


def shows_no_patient_data(view):
    """For the few views that load a patient's record but show none of it (a status poll)."""
    view.shows_no_patient_data = True
    return view


class PatientViewAuditMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _shown.set([])
        try:
            response = self.get_response(request)
            shown = _shown.get()
        finally:
            _shown.reset(token)
        if (
            shown
            and request.method in SAFE_METHODS
            and 200 <= response.status_code < 300
            and not getattr(request, "_shows_no_patient_data", False)
        ):
            already = getattr(request, "audited_patient_ids", set())
            for obj, patient in {
                patient.pk: (obj, patient) for obj, patient in shown[::-1]
            }.values():
                if patient.pk not in already:
                    record(request, AuditEvent.Action.VIEW, obj, patient=patient)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        request._shows_no_patient_data = getattr(view_func, "shows_no_patient_data", False)
