"""An assessment typed while the session ran out is not lost.

The form carries a signed key naming the user it was shown to and its address. When its Save
arrives after the session has ended, `keep_signed_out_post` runs before the login redirect
(osteoactive.middleware.SignedOutPostMiddleware, after the CSRF check): if the key is genuine
and the user may see the patient, what was posted is kept in the database for that user
(services.draft_keep), never in a cookie or a URL. After signing in, the login page sends the
user back to the form, which comes back filled from the draft; saving the assessment, or
discarding the draft, removes it. A draft is given back for 24 hours (selectors.DRAFT_KEPT_FOR).
"""

from django.contrib.auth import get_user_model
from django.core import signing
from django.http import QueryDict

from . import services
from .models import Assessment, Patient

SALT = "assessment.draft"
KEY_FIELD = "draft_key"
KEY_MAX_AGE = 12 * 60 * 60
"""A page left open longer than this keeps no draft: the key has expired."""

NOT_KEPT = {"csrfmiddlewaretoken", KEY_FIELD}


def draft_key(user, path: str) -> str:
    return signing.dumps({"user": user.pk, "path": path}, salt=SALT)


def posted_data(post: QueryDict) -> dict[str, list[str]]:
    return {name: post.getlist(name) for name in post if name not in NOT_KEPT}


def as_post(data: dict[str, list[str]]) -> QueryDict:
    post = QueryDict(mutable=True)
    for name, values in data.items():
        post.setlist(name, values)
    return post


def _patient_for(user, view_kwargs) -> Patient | None:
    """The patient the form is about, if `user` is a physiotherapist of its clinic."""
    patients = Patient.objects.filter(
        clinic__memberships__user=user,
        clinic__memberships__is_active=True,
        clinic__memberships__is_physiotherapist=True,
    )
    if "patient_id" in view_kwargs:
        return patients.filter(pk=view_kwargs["patient_id"]).first()
    if "assessment_id" in view_kwargs:
        assessment = Assessment.objects.filter(pk=view_kwargs["assessment_id"]).first()
        return patients.filter(pk=assessment.patient_id).first() if assessment else None
    return None


def keep_signed_out_post(request, **view_kwargs) -> None:
    """Keeps a form posted without a session for the user its signed key names."""
    try:
        key = signing.loads(request.POST.get(KEY_FIELD, ""), salt=SALT, max_age=KEY_MAX_AGE)
    except signing.BadSignature:
        return
    if key.get("path") != request.path:
        return
    user = get_user_model().objects.filter(pk=key.get("user"), is_active=True).first()
    patient = _patient_for(user, view_kwargs) if user else None
    if patient is not None:
        services.draft_keep(
            owner=user, patient=patient, path=request.path, data=posted_data(request.POST)
        )


def keeps_signed_out_post(view):
    """Marks a form view whose Save is kept when it arrives after the session ended."""
    view.keep_signed_out_post = keep_signed_out_post
    return view
