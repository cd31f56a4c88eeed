from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from osteoactive import audit
from osteoactive.access import clinic_admin_required, physiotherapist_required, refuse_unless_post
from osteoactive.domain.categories import Category
from osteoactive.errors import ServiceError
from osteoactive.language import current_language
from osteoactive.pagination import page_of
from prescriptions.selectors import prescriptions_of
from programs.selectors import programs_of

from . import gdpr, selectors, services
from .forms import AssessmentForm, CategoryChoiceForm, PatientForm, PatientSearchForm
from .presentation import category_choices, result_view, stored_result
from .progress import progress_charts

PAGE_SIZE = 25
PATIENT_LIST_FIELDS = ("id", "first_name", "last_name", "birth_date", "cpr", "handout_language")


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


@transaction.non_atomic_requests
@physiotherapist_required
def patient_list(request):
    archived = request.GET.get("archived") == "1"
    form, search = remembered_search(request, "patient_search")
    if form is None:
        return redirect(request.get_full_path())
    patients = selectors.patients_for(request.membership, search=search, archived=archived)
    page = page_of(patients.only(*PATIENT_LIST_FIELDS), request.GET.get("page"), PAGE_SIZE)
    context = {"page": page, "search": search, "search_form": form, "archived": archived}
    return render(request, "assessment/patient_list.html", context)


@physiotherapist_required
def patient_create(request):
    form = PatientForm(request.POST or None, clinic=request.membership.clinic)
    if request.method == "POST" and form.is_valid():
        patient = services.patient_create(clinic=request.membership.clinic, **form.cleaned_data)
        audit.record(request, "create", patient, patient=patient, fields=list(form.cleaned_data))
        return redirect("assessment:patient_detail", patient.id)
    return render(request, "osteoactive/form_page.html", {"form": form, "title": _("New patient")})


@transaction.non_atomic_requests
@physiotherapist_required
def patient_detail(request, patient_id):
    patient = selectors.patient_get(request.membership, patient_id)
    assessments = list(selectors.assessments_of(patient))
    context = {
        "patient": patient,
        "assessments": assessments,
        "charts": progress_charts(patient, assessments),
        "prescriptions": prescriptions_of(patient),
    }
    return render(request, "assessment/patient_detail.html", context)


@physiotherapist_required
def patient_edit(request, patient_id):
    patient = selectors.patient_get(request.membership, patient_id)
    form = PatientForm(request.POST or None, instance=patient, clinic=request.membership.clinic)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        services.patient_update(patient=patient, **fields)
        audit.record(request, "update", patient, patient=patient, fields=form.changed_data)
        messages.success(request, _("The patient was saved."))
        return redirect("assessment:patient_detail", patient.id)
    cancel_url = reverse("assessment:patient_detail", args=[patient.id])
    context = {"form": form, "title": _("Edit patient"), "cancel_url": cancel_url}
    return render(request, "osteoactive/form_page.html", context)


@physiotherapist_required
def patient_archive(request, patient_id):
    patient = selectors.patient_get(request.membership, patient_id)
    if refused := refuse_unless_post(request):
        return refused
    archive = patient.archived_at is None
    services.patient_archive(patient=patient, archived=archive)
    audit.record(request, "archive", patient, patient=patient, fields=["archived_at"])
    messages.success(
        request, _("The patient was archived.") if archive else _("The patient was restored.")
    )
    return redirect("assessment:patient_detail", patient.id)


def _assessment_form(request, patient):
    """A reassessment starts from the patient's previous fractures and risk factors."""
    today = timezone.localdate()
    if request.method == "POST":
        return AssessmentForm(request.POST, patient=patient, today=today)
    latest = selectors.latest_assessment(patient)
    previous = latest.inputs if latest else {}
    return AssessmentForm(
        patient=patient,
        today=today,
        initial={
            "assessment_date": today,
            "tandem_max_seconds": previous.get("tandem_max_seconds", 30),
            "walking_aid": "none",
            "risk_factors": previous.get("risk_factors", []),
        },
        fracture_initial=previous.get("fractures", []),
    )


@physiotherapist_required
def assessment_create(request, patient_id):
    patient = selectors.patient_get(request.membership, patient_id)
    form = _assessment_form(request, patient)
    if request.method == "POST" and form.is_valid():
        assessment = services.assessment_create(
            patient=patient,
            assessed_by=request.user,
            inputs=form.inputs,
            final_category=form.cleaned_data["final_category"],
            override_reason=form.cleaned_data["override_reason"],
            notes=form.cleaned_data["notes"],
        )
        audit.record(request, "create", assessment, patient=patient, fields=list(form.input_json()))
        messages.success(request, _("The assessment was saved."))
        return redirect("assessment:assessment_detail", assessment.id)
    preview = _preview(form) if request.method == "POST" else None
    context = {"patient": patient, "form": form, "preview": preview}
    return render(request, "assessment/assessment_form.html", context)


def _preview(form):
    if form.result is None:
        return {"errors": True}
    return result_view(form.result, current_language())


@physiotherapist_required
def assessment_preview(request, patient_id):
    """The live suggestion while typing (htmx); saves nothing."""
    patient = selectors.patient_get(request.membership, patient_id)
    if refused := refuse_unless_post(request):
        return refused
    form = AssessmentForm(request.POST, patient=patient, today=timezone.localdate())
    form.is_valid()
    return render(request, "assessment/_preview.html", {"preview": _preview(form), "form": form})


@transaction.non_atomic_requests
@physiotherapist_required
def assessment_detail(request, assessment_id):
    """The summary and the program list are fragments cached per user (the template says by
    what); what only they show is worked out when they are rendered."""
    assessment = selectors.assessment_get(request.membership, assessment_id)
    language = current_language()
    context = {
        "assessment": assessment,
        "patient": assessment.patient,
        "result": SimpleLazyObject(lambda: result_view(stored_result(assessment), language)),
        "final_category": Category(assessment.final_category).label(language),
        "category_choices": category_choices(assessment, language),
        "programs": SimpleLazyObject(lambda: list(programs_of(assessment))),
    }
    return render(request, "assessment/assessment_detail.html", context)


@physiotherapist_required
def assessment_override(request, assessment_id):
    assessment = selectors.assessment_get(request.membership, assessment_id)
    if refused := refuse_unless_post(request):
        return refused
    form = CategoryChoiceForm(request.POST)
    if not form.is_valid():
        messages.error(
            request,
            form.errors["reason"][0] if "reason" in form.errors else _("Choose a category."),
        )
        return redirect("assessment:assessment_detail", assessment.id)
    try:
        services.assessment_choose_category(
            assessment=assessment,
            category=form.cleaned_data["category"],
            reason=form.cleaned_data["reason"],
        )
    except ServiceError as refused:
        messages.error(request, refused.message)
    else:
        audit.record(
            request,
            "update",
            assessment,
            patient=assessment.patient,
            fields=["final_category", "override_reason"],
        )
        messages.success(request, _("The category was saved."))
    return redirect("assessment:assessment_detail", assessment.id)


@clinic_admin_required
def gdpr_patients(request):
    form, search = remembered_search(request, "gdpr_patient_search")
    if form is None:
        return redirect(request.get_full_path())
    patients = selectors.patients_for(request.membership, search=search, archived=None)
    page = Paginator(patients, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "search": search, "search_form": form}
    return render(request, "assessment/gdpr_patients.html", context)


@clinic_admin_required
def gdpr_export(request, patient_id):
    patient = selectors.patient_get(request.membership, patient_id)
    archive = gdpr.patient_export(patient)
    audit.record(request, "export", patient, patient=patient)
    response = HttpResponse(archive, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="patient-{patient.id}.zip"'
    response["Cache-Control"] = "private, no-store"
    return response


@clinic_admin_required
def gdpr_erase(request, patient_id):
    patient = selectors.patient_get(request.membership, patient_id)
    if request.method == "POST":
        erased_id = patient.id
        try:
            counts = services.patient_erase(
                patient=patient, confirm_name=request.POST.get("confirm_name", "")
            )
        except ServiceError as refused:
            messages.error(request, refused.message)
        else:
            summary = ", ".join(f"{name}={count}" for name, count in counts.items())
            audit.record(request, "erase", None, patient_id=erased_id, summary=f"erased {summary}")
            messages.success(request, _("The patient's data was erased."))
            return redirect("assessment:gdpr_patients")
    return render(request, "assessment/gdpr_erase.html", {"patient": patient})
