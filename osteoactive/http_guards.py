"""Two rules applied to every request rather than view by view."""

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _


class RequestBodyLimitMiddleware:
    """Refuses a request whose declared body is larger than allowed, with 413, before anything
    reads it. Django's own limits (DATA_UPLOAD_MAX_MEMORY_SIZE) leave out uploaded files, and
    a body no view parses is never read by Django at all. Anonymous requests (the login page)
    get a small limit; signed-in ones room for a picture upload. The reverse proxy has its own
    limit (deploy/Caddyfile), and a body sent without a length is not read by Django."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        limit = (
            settings.MAX_REQUEST_BODY_BYTES
            if request.user.is_authenticated
            else settings.MAX_ANONYMOUS_REQUEST_BODY_BYTES
        )
        if declared > limit:
            response = HttpResponse(
                _("The request is too large."), status=413, content_type="text/plain"
            )
            response["Connection"] = "close"
            return response
        return self.get_response(request)


class NoStoreMiddleware:
    """`Cache-Control: no-store` on every response that does not set its own, so no browser or
    proxy cache keeps a page with health data. Static files (WhiteNoise) never come here, and
    the few views that serve shared pictures set their own header."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, no_store=True, private=True)
        return response
