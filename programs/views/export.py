"""The study export: pseudonymised CSV files and their codebook, for the clinic admin."""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from osteoactive import audit
from osteoactive.access import clinic_admin_required

from ..class_forms import StudyExportForm
from ..study_export import export_zip


@clinic_admin_required
def study_export(request):
    form = StudyExportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        archive, counts = export_zip(
            request.membership.clinic,
            form.cleaned_data["export_key"],
            days_from_baseline=form.cleaned_data["days_from_baseline"],
        )
        summary = "study export: " + ", ".join(f"{name} {n}" for name, n in counts.items())
        audit.record(request, "export", None, summary=summary)
        response = HttpResponse(archive, content_type="application/zip")
        name = f"study-export-{timezone.localdate().isoformat()}.zip"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    context = {
        "form": form,
        "title": _("Study export (pseudonymised)"),
        "cancel_url": reverse("programs:class_list"),
    }
    return render(request, "osteoactive/form_page.html", context)
