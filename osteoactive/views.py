import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import services
from .access import clinic_admin_required
from .forms import AuditFilterForm, ClinicForm, MembershipForm, StaffAddForm
from .health import broker_status, database_status
from .middleware import SESSION_KEY, session_touch
from .selectors import audit_events_for, staff_of


@login_not_required
@never_cache
@transaction.non_atomic_requests
def healthz(request):
    problems = {"database": database_status(), "broker": broker_status()}
    body = {part: ("ok" if problem is None else problem) for part, problem in problems.items()}
    failing = [part for part, problem in problems.items() if problem]
    body["status"] = "ok" if not failing else "failing: " + ", ".join(failing)
    return JsonResponse(body, status=503 if failing else 200)


@require_POST
@never_cache
@transaction.non_atomic_requests
def session_keep_alive(request):
    """The "stay signed in" button: the session's idle time starts again."""
    return JsonResponse({"seconds_left": session_touch(request)})


def home(request):
    membership = request.membership
    if not membership:
        return render(request, "osteoactive/no_clinic.html", status=403)
    if membership.is_physiotherapist:
        return redirect("assessment:patient_list")
    return redirect("staff_list")


@require_POST
def clinic_switch(request):
    wanted = request.POST.get("clinic")
    chosen = next((m for m in request.memberships if str(m.clinic_id) == wanted), None)
    if chosen:
        request.session[SESSION_KEY] = str(chosen.clinic_id)
    return redirect("home")


@clinic_admin_required
def staff_list(request):
    return render(
        request, "osteoactive/staff_list.html", {"staff": staff_of(request.membership.clinic)}
    )


@clinic_admin_required
def staff_add(request):
    form = StaffAddForm(request.POST or None, clinic=request.membership.clinic)
    if request.method == "POST" and form.is_valid():
        services.staff_add(clinic=request.membership.clinic, **form.cleaned_data)
        messages.success(
            request, _("%(name)s was added.") % {"name": form.cleaned_data["username"]}
        )
        return redirect("staff_list")
    return render(request, "osteoactive/form_page.html", {"form": form, "title": _("Add staff")})


@clinic_admin_required
def staff_edit(request, membership_id):
    membership = get_object_or_404(staff_of(request.membership.clinic), id=membership_id)
    form = MembershipForm(request.POST or None, instance=membership)
    if request.method == "POST" and form.is_valid():
        if membership == request.membership and not form.cleaned_data["is_active"]:
            form.add_error("is_active", _("You cannot deactivate yourself."))
        else:
            services.membership_update(membership=membership, **form.cleaned_data)
            messages.success(request, _("Saved."))
            return redirect("staff_list")
    title = _("Staff: %(name)s") % {"name": membership.user.get_full_name() or membership.user}
    return render(request, "osteoactive/form_page.html", {"form": form, "title": title})


@clinic_admin_required
def clinic_settings(request):
    clinic = request.membership.clinic
    form = ClinicForm(request.POST or None, request.FILES or None, instance=clinic)
    if request.method == "POST" and form.is_valid():
        services.clinic_update(clinic=clinic, **form.cleaned_data)
        messages.success(request, _("The clinic's details and handout branding were saved."))
        return redirect("clinic_settings")
    return render(
        request,
        "osteoactive/form_page.html",
        {"form": form, "title": _("Clinic and handout branding"), "multipart": True},
    )


AUDIT_PAGE_SIZE = 50


@clinic_admin_required
def audit_log(request):
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    events = audit_events_for(request.membership.clinic, **{k: v for k, v in filters.items() if v})
    if request.GET.get("format") == "csv":
        return _audit_csv(events)
    page = Paginator(events, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    return render(request, "osteoactive/audit_log.html", context)


def _audit_csv(events):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="audit-log.csv"'
    writer = csv.writer(response)
    writer.writerow(
        ["time", "user", "action", "object_type", "object_id", "patient_id", "address", "fields"]
    )
    for event in events.iterator():
        writer.writerow([
            event.at.isoformat(), _csv_safe(event.actor_username), event.action,
            event.object_type, event.object_id, event.patient_id or "", event.address or "",
            " ".join(event.fields),
        ])  # fmt: skip
    return response


def _csv_safe(value):
    """Stops spreadsheet formula injection through user names."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value
