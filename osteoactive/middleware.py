from django.conf import settings
from django.utils import translation
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


class LanguageMiddleware:
    """Danish unless the user chose English with the switch (the language cookie); the
    browser's Accept-Language is deliberately ignored, as the clinic works in Danish."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
