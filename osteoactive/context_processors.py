from .selectors import memberships_of


def active_clinic(request):
    membership = getattr(request, "membership", None)
    if membership is None or not getattr(request, "user", None):
        return {}
    return {
        "membership": membership or None,
        "all_memberships": memberships_of(request.user),
    }
