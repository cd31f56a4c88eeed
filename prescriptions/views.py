from django.contrib import messages
from django.core.cache import caches
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from osteoactive import audit
from osteoactive.access import physiotherapist_required, refuse_unless_post
from osteoactive.errors import ServiceError
from programs.selectors import program_get

from . import selectors, services
from .forms import IssueForm
from .models import Handout

LANGUAGES = Handout._meta.get_field("language").choices
PANEL_SECONDS = 600


@physiotherapist_required
def prescription_issue(request, program_id):
    program = program_get(request.membership, program_id)
    if refused := refuse_unless_post(request):
        return refused
    form = IssueForm(request.POST, assessment_date=program.assessment.assessment_date)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect("programs:program_detail", program.id)
    try:
        prescription = services.prescription_issue(
            program=program, issued_by=request.user, **form.cleaned_data
        )
    except ServiceError as refused:
        messages.error(request, refused.message)
        return redirect("programs:program_detail", program.id)
    audit.record(request, "create", prescription, patient=prescription.patient)
    messages.success(
        request, _("Version %(version)s was issued.") % {"version": prescription.version}
    )
    return redirect("prescriptions:prescription_detail", prescription.id)


@transaction.non_atomic_requests
@physiotherapist_required
def prescription_detail(request, prescription_id):
    """What the snapshot shows is in fragments cached per user (a snapshot never changes), so
    the snapshot is read only when they are rendered; so is the handouts panel."""
    prescription = selectors.prescription_page_get(request.membership, prescription_id)
    context = {
        "prescription": prescription,
        "patient": prescription.patient,
        "handouts_panel": handouts_panel(request.user, prescription),
    }
    return render(request, "prescriptions/prescription_detail.html", context)


def handouts_panel(user, prescription) -> str:
    """The handouts panel, cached per user in this process's memory by the prescription's
    `updated_at` (every handout change raises it) and the language; while a handout is queued
    or rendering it is rendered afresh on every view, so each poll shows the status at once.
    Its buttons post through a form outside it, so it holds no session's CSRF token."""
    key = (
        f"prescription_handouts:{user.pk}:{prescription.pk}:"
        f"{prescription.updated_at.isoformat()}:{get_language()}"
    )
    cache = caches["in_process"]
    panel = cache.get(key)
    if panel is None:
        newest = selectors.latest_handouts(prescription)
        rows = [(code, label, newest.get(code)) for code, label in LANGUAGES]
        in_progress = any(h and h.status in Handout.ACTIVE for _code, _label, h in rows)
        context = {"prescription": prescription, "handout_rows": rows, "in_progress": in_progress}
        panel = render_to_string("prescriptions/_handouts.html", context)
        if not in_progress:
            cache.set(key, panel, PANEL_SECONDS)
    return mark_safe(panel)  # noqa: S308 - the template's own output, escaped when rendered


@physiotherapist_required
def handout_request(request, prescription_id):
    prescription = selectors.prescription_get(request.membership, prescription_id)
    if refused := refuse_unless_post(request):
        return refused
    try:
        handout, created = services.handout_request(
            prescription=prescription,
            language=request.POST.get("language", ""),
            requested_by=request.user,
        )
    except ServiceError:
        raise Http404 from None
    if created:
        audit.record(request, "create", handout, patient=prescription.patient)
    return _status_or_redirect(request, prescription)


@physiotherapist_required
def handout_retry(request, handout_id):
    handout = selectors.handout_get(request.membership, handout_id)
    if refused := refuse_unless_post(request):
        return refused
    renewed, created = services.handout_retry(handout=handout, requested_by=request.user)
    if created:
        audit.record(request, "create", renewed, patient=handout.prescription.patient)
    return _status_or_redirect(request, handout.prescription)


def _status_or_redirect(request, prescription):
    if request.htmx:
        return handout_panel(request, prescription.id)
    return redirect("prescriptions:prescription_detail", prescription.id)


@audit.shows_no_patient_data
@physiotherapist_required
def handout_status(request, prescription_id):
    """The handouts' statuses, polled while one renders: languages and states, no health data."""
    return handout_panel(request, prescription_id)


def handout_panel(request, prescription_id):
    prescription = selectors.prescription_get(request.membership, prescription_id)
    return HttpResponse(handouts_panel(request.user, prescription))


@physiotherapist_required
def handout_download(request, handout_id):
    handout = selectors.handout_get(request.membership, handout_id)
    if handout.status != Handout.Status.READY or not handout.file:
        raise Http404
    audit.record(request, "download", handout, patient=handout.prescription.patient)
    response = FileResponse(
        handout.file.open("rb"),
        content_type="application/pdf",
        as_attachment=request.GET.get("inline") != "1",
        filename=download_name(handout),
    )
    response["Cache-Control"] = "private, no-store"
    return response


DOWNLOAD_WORD = {"da": "traeningsprogram", "en": "exercise-programme"}


def download_name(handout) -> str:
    """What the file is: traeningsprogram-2026-11-27-v3-da.pdf (program, issue date, version,
    language); ASCII only, so every browser and file system keeps it as it is."""
    prescription = handout.prescription
    issued = timezone.localdate(prescription.issued_at).isoformat()
    word = DOWNLOAD_WORD.get(handout.language, DOWNLOAD_WORD["da"])
    return f"{word}-{issued}-v{prescription.version}-{handout.language}.pdf"
