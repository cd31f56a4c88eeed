def active_clinic(request):
    """The active membership and the list to switch between (set by ActiveClinicMiddleware)."""
    return {
        "membership": getattr(request, "membership", None),
        "all_memberships": getattr(request, "memberships", []),
    }
