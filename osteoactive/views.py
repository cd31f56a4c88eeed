import csv

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import audit, services
from .access import clinic_admin_required, member_required, refuse_unless_post
from .forms import AuditFilterForm, ClinicForm, InvitationForm, InvitationSignupForm, MembershipForm
from .health import broker_status, database_status
from .invitation_links import open_invitation
from .middleware import SESSION_KEY, session_touch
from .selectors import audit_events_for, invitation_get, open_invitations_of, staff_of


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
    clinic = request.membership.clinic
    context = {"staff": staff_of(clinic), "invitations": open_invitations_of(clinic)}
    return render(request, "osteoactive/staff_list.html", context)


@clinic_admin_required
def staff_add(request):
    """Invites by e-mail. The answer is the same whether the address belongs to an account or
    not, and no account joins the clinic before its owner accepts."""
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.invitation_send(
                clinic=request.membership.clinic,
                invited_by=request.user,
                site_url=request.build_absolute_uri("/"),
                **form.cleaned_data,
            )
        except services.InvitationNotSent:
            form.add_error(None, _("The e-mail could not be sent. Try again later."))
        else:
            audit.record(request, "create", invitation, fields=["email"])
            messages.success(request, _invitation_sent_message(invitation))
            return redirect("staff_list")
    return render(request, "osteoactive/form_page.html", {"form": form, "title": _("Invite staff")})


def _invitation_sent_message(invitation):
    return _(
        "An invitation was sent to %(email)s. The link is valid for %(days)s days; the person "
        "joins the clinic when they accept it."
    ) % {"email": invitation.email, "days": settings.STAFF_INVITATION_DAYS}


@clinic_admin_required
def invitation_resend(request, invitation_id):
    invitation = invitation_get(request.membership.clinic, invitation_id)
    if refused := refuse_unless_post(request):
        return refused
    try:
        services.invitation_resend(invitation=invitation, site_url=request.build_absolute_uri("/"))
    except services.InvitationNotSent:
        messages.error(request, _("The e-mail could not be sent. Try again later."))
    else:
        messages.success(request, _invitation_sent_message(invitation))
    return redirect("staff_list")


@clinic_admin_required
def invitation_withdraw(request, invitation_id):
    invitation = invitation_get(request.membership.clinic, invitation_id)
    if refused := refuse_unless_post(request):
        return refused
    services.invitation_close(invitation=invitation)
    audit.record(request, "archive", invitation, fields=["closed_at"])
    messages.success(request, _("The invitation was withdrawn."))
    return redirect("staff_list")


@login_not_required
def invitation_respond(request, token):
    """The page the e-mail links to. A signed-in person accepts or declines as themselves; one
    who is not signs in first (an existing account) or creates an account here."""
    invitation = open_invitation(token)
    if invitation is None:
        return render(request, "osteoactive/invitation_invalid.html", status=404)
    signed_in = request.user.is_authenticated
    action = request.POST.get("action") if request.method == "POST" else None
    if action == "decline":
        services.invitation_close(invitation=invitation)
        messages.info(request, _("You declined the invitation."))
        return redirect("home" if signed_in else "login")
    if action == "accept" and signed_in:
        membership = services.invitation_accept(invitation=invitation, user=request.user)
        audit.record(request, "create", membership, clinic=invitation.clinic)
        messages.success(request, _joined_message(invitation, request))
        return redirect("home")
    signup = None
    if not signed_in:
        initial = {"first_name": invitation.first_name, "last_name": invitation.last_name}
        signup = InvitationSignupForm(request.POST if action == "signup" else None, initial=initial)
        if action == "signup" and signup.is_valid():
            membership = services.invitation_accept_with_new_account(
                invitation=invitation, signup_form=signup
            )
            login(request, membership.user, backend="django.contrib.auth.backends.ModelBackend")
            request.session[SESSION_KEY] = str(invitation.clinic_id)
            audit.record(request, "create", membership, clinic=invitation.clinic)
            return redirect("home")
    context = {"invitation": invitation, "signup": signup, "token": token}
    return render(request, "osteoactive/invitation.html", context)


def _joined_message(invitation, request):
    if request.membership is not None:
        return _(
            "You joined %(clinic)s. You are still working in %(current)s; choose the clinic "
            "in the menu to switch."
        ) % {"clinic": invitation.clinic.name, "current": request.membership.clinic.name}
    return _("You joined %(clinic)s.") % {"clinic": invitation.clinic.name}


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


@member_required
def clinic_logo(request):
    """The active clinic's own logo (the settings page shows it); no other clinic's."""
    logo = request.membership.clinic.logo
    if not logo:
        raise Http404
    response = FileResponse(logo.open("rb"))
    response["Cache-Control"] = "private, max-age=3600"
    response["Content-Security-Policy"] = "default-src 'none'"
    return response


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
