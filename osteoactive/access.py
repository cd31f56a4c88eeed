"""Role checks for views. Objects are scoped by selectors; these decide who may enter at all."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed


def _requires(role_attribute):
    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            membership = request.membership
            if not membership or not getattr(membership, role_attribute):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


member_required = _requires("is_active")
physiotherapist_required = _requires("is_physiotherapist")
clinic_admin_required = _requires("is_clinic_admin")


def refuse_unless_post(request):
    """405 for anything but POST. Views call it after loading their object, so another
    clinic's object is a 404 whatever the method."""
    return None if request.method == "POST" else HttpResponseNotAllowed(["POST"])
