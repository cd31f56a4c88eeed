"""Assessments: the form (new assessment or reassessment), its live preview, the result page
and the choice of category."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from osteoactive import audit
from osteoactive.access import physiotherapist_required, refuse_unless_post
from osteoactive.domain.categories import Category
from osteoactive.errors import ServiceError
from osteoactive.language import current_language
from programs.selectors import programs_of

from .. import drafts, selectors, services
from ..events import as_events
from ..forms import AssessmentForm, CategoryChoiceForm, CorrectionForm
from ..presentation import (
    GP_LETTER_WARNINGS,
    category_choices,
    red_flag_texts,
    result_view,
    stored_result,
)

REASSESSMENT = "reassessment"


def posted_or_draft(request):
    """The form data: what was posted, or on opening the form a draft kept when the last
    Save arrived after the session had ended (then also True)."""
    if request.method == "POST":
        return request.POST, False
    draft = selectors.draft_for(request.user, request.path)
    if draft is None:
        return None, False
    messages.warning(
        request,
        _(
            "Your session had ended when you saved. What you had typed is filled in again: "
            "check it and save."
        ),
    )
    return drafts.as_post(draft.data), True


def form_page(request, form, *, patient, title, kind, restored=False, assessment=None):
    context = {
        "patient": patient,
        "form": form,
        "title": title,
        "kind": kind,
        "assessment": assessment,
        "restored": restored,
        "draft_key": drafts.draft_key(request.user, request.path),
        "preview": preview_of(form) if form.is_bound else None,
        "live": form.live_figures(),
    }
    return render(request, "assessment/assessment_form.html", context)


def preview_of(form):
    if form.result is None:
        return {"errors": True}
    return result_view(
        form.result,
        current_language(),
        fes_i_total=form.inputs.fes_i_total if form.inputs else None,
    )


def discarded(request):
    """The "discard the kept draft" button: forget it and show the form afresh."""
    if request.method == "POST" and "discard_draft" in request.POST:
        services.draft_discard(owner=request.user, path=request.path)
        return redirect(request.path)
    return None


@drafts.keeps_signed_out_post
@physiotherapist_required
def assessment_create(request, patient_id):
    """A first assessment, or a reassessment that starts from the latest one (§4b)."""
    patient = selectors.patient_get(request.membership, patient_id)
    if response := discarded(request):
        return response
    previous = selectors.latest_assessment(patient)
    data, restored = posted_or_draft(request)
    form = AssessmentForm(
        data,
        patient=patient,
        today=timezone.localdate(),
        previous=previous,
        events=as_events(patient.events.all()),
    )
    if request.method == "POST" and form.is_valid():
        assessment = services.assessment_create(
            patient=patient,
            assessed_by=request.user,
            inputs=form.inputs,
            final_category=form.cleaned_data["final_category"],
            override_reason=form.cleaned_data["override_reason"],
            notes=form.cleaned_data["notes"],
        )
        services.draft_discard(owner=request.user, path=request.path)
        audit.record(request, "create", assessment, patient=patient, fields=list(form.input_json()))
        messages.success(request, _("The assessment was saved."))
        return redirect("assessment:assessment_detail", assessment.id)
    if previous is not None and (request.method == "GET" or form.outdated):
        audit.record(request, "view", previous, patient=patient)
    title = _("Reassessment") if previous else _("New assessment")
    kind = REASSESSMENT if previous else "first"
    return form_page(request, form, patient=patient, title=title, kind=kind, restored=restored)


@physiotherapist_required
def assessment_preview(request, patient_id):
    """The live suggestion while typing (htmx), with the BMI and the Short FES-I total beside
    their fields; saves nothing."""
    patient = selectors.patient_get(request.membership, patient_id)
    if refused := refuse_unless_post(request):
        return refused
    today = timezone.localdate()
    if request.POST.get("form_kind") == "correction":
        form = CorrectionForm(request.POST, patient=patient, today=today)
    else:
        previous = None
        if request.POST.get("form_kind") == REASSESSMENT:
            previous = selectors.latest_assessment(patient)
        form = AssessmentForm(request.POST, patient=patient, today=today, previous=previous)
    form.is_valid()
    context = {"preview": preview_of(form), "form": form, "live": form.live_figures(), "oob": True}
    return render(request, "assessment/_preview.html", context)


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
        "result": SimpleLazyObject(
            lambda: result_view(
                stored_result(assessment),
                language,
                assessment_date=assessment.assessment_date,
                fes_i_total=assessment.fes_i_total,
            )
        ),
        "final_category": Category(assessment.final_category).label(language),
        "category_choices": category_choices(assessment, language),
        "programs": SimpleLazyObject(lambda: list(programs_of(assessment))),
        "versions": selectors.assessment_versions(assessment),
        "red_flags": red_flag_texts(assessment, language),
        "gp_letter": not assessment.is_voided
        and any(w in GP_LETTER_WARNINGS for w in assessment.result.get("warnings", [])),
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
