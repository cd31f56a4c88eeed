"""A patient search that never stands in a URL."""

from ..forms import PatientSearchForm


def remembered_search(request, session_key):
    """(form, search). A search is posted and kept in the session, then the page is fetched
    again: names and CPR numbers never stand in a URL, so no access log, browser history or
    Referer holds them. Returns no form after a valid post (the caller redirects)."""
    if request.method != "POST":
        search = request.session.get(session_key, "")
        return PatientSearchForm(initial={"q": search}), search
    form = PatientSearchForm({"q": ""} if "clear" in request.POST else request.POST)
    if not form.is_valid():
        return form, ""
    request.session[session_key] = form.cleaned_data["q"].strip()
    return None, None
