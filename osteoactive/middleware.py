import time

from django.conf import settings
from django.utils import translation

from .selectors import active_memberships

SESSION_KEY = "active_clinic_id"
TOUCHED_KEY = "_touched"
TOUCH_EVERY_SECONDS = 60


class ActiveClinicMiddleware:
    """Puts the user's memberships and the active one (and so the clinic) on the request.

    The active clinic is the one stored in the session: chosen at login (the first, see
    osteoactive.signals), or later with the clinic switch. It never changes by itself: a
    membership added meanwhile does not move the user, and when the stored one ends the user
    has no active clinic until they choose another (the front page offers the choice), so no
    patient is ever created in a clinic the user did not pick."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.memberships, request.membership = [], None
        if request.user.is_authenticated:
            request.memberships = active_memberships(request.user)
            chosen = request.session.get(SESSION_KEY)
            if chosen is None and request.memberships:  # a session from before this rule
                chosen = request.session[SESSION_KEY] = str(request.memberships[0].clinic_id)
            request.membership = next(
                (m for m in request.memberships if str(m.clinic_id) == chosen), None
            )
        return self.get_response(request)


class IdleSessionMiddleware:
    """Sessions end after SESSION_COOKIE_AGE without a request. Instead of writing the session
    on every request, its expiry is pushed forward at most once a minute. Each response says
    how long the session has left (`SECONDS_LEFT_HEADER`), so a page can warn before it ends."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.session.session_key:
            now = int(time.time())
            if now - request.session.get(TOUCHED_KEY, 0) >= TOUCH_EVERY_SECONDS:
                request.session[TOUCHED_KEY] = now
        response = self.get_response(request)
        if TOUCHED_KEY in request.session:
            response.headers[SECONDS_LEFT_HEADER] = str(session_seconds_left(request))
        return response


SECONDS_LEFT_HEADER = "X-Session-Seconds-Left"


def session_seconds_left(request) -> int:
    """Seconds until the session ends if no request comes: it was last saved, with a new
    expiry, when it was last touched."""
    touched = request.session.get(TOUCHED_KEY)
    if touched is None:
        return settings.SESSION_COOKIE_AGE
    return max(0, touched + settings.SESSION_COOKIE_AGE - int(time.time()))


def session_touch(request) -> int:
    """Pushes the session's expiry forward now (the "stay signed in" button)."""
    request.session[TOUCHED_KEY] = int(time.time())
    return session_seconds_left(request)


class SignedOutPostMiddleware:
    """A form posted after the session ended would be lost at the login redirect. A view that
    declares `keep_signed_out_post` is handed such a POST first, to keep what was typed for
    the user its form names (assessment.drafts); LoginRequiredMiddleware, next in line, then
    sends the browser to the login page. Runs after the CSRF check."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        keep = getattr(view_func, "keep_signed_out_post", None)
        if keep is not None and request.method == "POST" and not request.user.is_authenticated:
            keep(request, **view_kwargs)
        return None


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
