from django.utils.functional import SimpleLazyObject

from .selectors import active_membership_for

SESSION_KEY = "active_clinic_id"


class ActiveClinicMiddleware:
    """Puts the user's active membership (and so the clinic) on the request, lazily."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.membership = SimpleLazyObject(
            lambda: active_membership_for(request.user, request.session.get(SESSION_KEY))
        )
        return self.get_response(request)
