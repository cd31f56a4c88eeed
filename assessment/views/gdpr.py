"""The clinic admin's GDPR pages: export or erase everything about a patient."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from osteoactive import audit
from osteoactive.access import clinic_admin_required
from osteoactive.errors import ServiceError

from .. import gdpr, selectors, services
from .search import remembered_search

PAGE_SIZE = 25


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
