from .middleware import session_seconds_left


def active_clinic(request):
    """The active membership and the list to switch between (set by ActiveClinicMiddleware)."""
    return {
        "membership": getattr(request, "membership", None),
        "all_memberships": getattr(request, "memberships", []),
    }


def session_timer(request):
    """How long the signed-in user's session has left, for the page's expiry warning."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"session_seconds_left": session_seconds_left(request)}
