"""Corrections (§4b): a saved assessment is never edited in place. "Correct" saves a new
version with a reason; "entered in error" voids it. Both keep the history readable."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from osteoactive import audit
from osteoactive.access import physiotherapist_required
from osteoactive.errors import ServiceError

from .. import drafts, selectors, services
from ..forms import CorrectionForm, VoidForm
from .assessments import discarded, form_page, posted_or_draft


def _not_in_force(request, assessment):
    messages.error(
        request,
        _("This version has been corrected or entered in error; open the current one."),
    )
    return redirect("assessment:assessment_detail", assessment.id)


@drafts.keeps_signed_out_post
@physiotherapist_required
def assessment_correct(request, assessment_id):
    """The assessment form filled with every input of the version in force; saving makes the
    next version, categorised again under the ruleset in force."""
    assessment = selectors.assessment_get(request.membership, assessment_id)
    patient = assessment.patient
    if not assessment.is_in_force:
        return _not_in_force(request, assessment)
    if response := discarded(request):
        return response
    data, restored = posted_or_draft(request)
    initial = {"notes": assessment.notes}
    if assessment.is_overridden:
        initial.update(
            final_category=assessment.final_category, override_reason=assessment.override_reason
        )
    form = CorrectionForm(
        data,
        patient=patient,
        today=timezone.localdate(),
        inputs=assessment.inputs,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            corrected = services.assessment_correct(
                assessment=assessment,
                corrected_by=request.user,
                inputs=form.inputs,
                reason=form.cleaned_data["correction_reason"],
                final_category=form.cleaned_data["final_category"],
                override_reason=form.cleaned_data["override_reason"],
                notes=form.cleaned_data["notes"],
            )
        except ServiceError as refused:
            messages.error(request, refused.message)
            return redirect("assessment:assessment_detail", assessment.id)
        services.draft_discard(owner=request.user, path=request.path)
        audit.record(
            request,
            "create",
            corrected,
            patient=patient,
            fields=list(form.input_json()),
            summary=f"correction of {assessment.id}",
        )
        audit.record(request, "update", assessment, patient=patient, fields=["superseded_at"])
        messages.success(request, _("The correction was saved as a new version."))
        return redirect("assessment:assessment_detail", corrected.id)
    if request.method == "GET":
        audit.record(request, "view", assessment, patient=patient)
    title = _("Correct the assessment of %(date)s") % {
        "date": date_format(assessment.assessment_date, "SHORT_DATE_FORMAT")
    }
    return form_page(
        request,
        form,
        patient=patient,
        title=title,
        kind="correction",
        restored=restored,
        assessment=assessment,
    )


@physiotherapist_required
def assessment_void(request, assessment_id):
    """Marks the assessment as entered in error, with the reason; nothing is deleted."""
    assessment = selectors.assessment_get(request.membership, assessment_id)
    patient = assessment.patient
    if not assessment.is_in_force:
        return _not_in_force(request, assessment)
    form = VoidForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.assessment_void(
                assessment=assessment, voided_by=request.user, reason=form.cleaned_data["reason"]
            )
        except ServiceError as refused:
            messages.error(request, refused.message)
            return redirect("assessment:assessment_detail", assessment.id)
        audit.record(
            request,
            "update",
            assessment,
            patient=patient,
            fields=["voided_at", "voided_by", "void_reason"],
        )
        messages.success(
            request, _("The assessment was marked as entered in error. It stays in the history.")
        )
        return redirect("assessment:patient_detail", patient.id)
    if request.method == "GET":
        audit.record(request, "view", assessment, patient=patient)
    programs = list(assessment.programs.all())
    context = {"assessment": assessment, "patient": patient, "form": form, "programs": programs}
    return render(request, "assessment/assessment_void.html", context)
