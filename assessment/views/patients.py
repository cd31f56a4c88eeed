"""Patients: the worklist, the patient page with the progress panel, and the patient record."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from osteoactive import audit
from osteoactive.access import physiotherapist_required, refuse_unless_post
from osteoactive.language import current_language
from osteoactive.pagination import page_of
from prescriptions.selectors import prescriptions_of

from .. import selectors, services, worklist
from ..forms import PatientForm
from ..presentation import red_flag_texts
from ..progress import comparison, progress_charts
from .events import between_assessments
from .search import remembered_search

PAGE_SIZE = 25


@transaction.non_atomic_requests
@physiotherapist_required
def patient_list(request):
    """The clinic's worklist: category, last assessment, next reassessment and flags per
    patient, read from columns on the patient row (a few queries, whatever the list's size)."""
    form, search = remembered_search(request, "patient_search")
    if form is None:
        return redirect(request.get_full_path())
    archived = request.GET.get("archived") == "1"
    show = request.GET.get("show", "")
    show = show if show in selectors.WORKLIST_FILTERS else ""
    order = request.GET.get("order", "")
    order = order if order in selectors.WORKLIST_ORDERS else "name"
    today = timezone.localdate()
    patients = selectors.worklist(
        request.membership, search=search, archived=archived, show=show, order=order, today=today
    )
    page = page_of(patients.only(*worklist.PATIENT_FIELDS), request.GET.get("page"), PAGE_SIZE)
    context = {
        "page": page,
        "rows": SimpleLazyObject(lambda: worklist.rows(page, today)),
        "rows_key": worklist.rows_key(page, today, filtered=bool(search or show)),
        "search": search,
        "search_form": form,
        "archived": archived,
        "show": show,
        "order": order,
        **worklist.links(archived=archived, show=show, order=order),
    }
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
    latest = next((a for a in assessments if a.is_in_force), None)
    context = {
        "patient": patient,
        "assessments": assessments,
        "latest": latest,
        "red_flags": red_flag_texts(latest, current_language()) if latest else [],
        "comparison": comparison(assessments),
        "charts": progress_charts(patient, assessments),
        "prescriptions": prescriptions_of(patient),
        "due_state": worklist.due_state(patient.next_reassessment_due, timezone.localdate()),
        "between": between_assessments(patient, assessments),
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
