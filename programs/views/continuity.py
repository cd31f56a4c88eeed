"""Programs over time: the clinic's templates (save, list, rename, delete, apply) and continuing
the current program at a reassessment."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from assessment.selectors import assessment_get
from osteoactive import audit
from osteoactive.access import member_required, physiotherapist_required, refuse_unless_post
from osteoactive.errors import ServiceError

from .. import selectors, services
from ..forms import TemplateApplyForm, TemplateNameForm


@physiotherapist_required
def template_save(request, program_id):
    """Saves the program as a named template of the clinic (a form page without JavaScript)."""
    program = selectors.program_get(request.membership, program_id)
    form = TemplateNameForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            template = services.program_template_save(
                program=program, name=form.cleaned_data["name"], created_by=request.user
            )
        except ServiceError as refused:
            form.add_error("name", refused.message)
        else:
            audit.record(request, "create", template, patient=program.patient)
            messages.success(
                request,
                _("Saved as the clinic template “%(name)s”.") % {"name": template.name},
            )
            return redirect("programs:program_detail", program.id)
    context = {"form": form, "program": program, "patient": program.assessment.patient}
    return render(request, "programs/template_save.html", context)


@member_required
def template_list(request):
    membership = request.membership
    templates = [
        (template, selectors.may_change_template(membership, template))
        for template in selectors.templates_of(membership.clinic)
    ]
    return render(request, "programs/template_list.html", {"templates": templates})


@member_required
def template_rename(request, template_id):
    template = selectors.template_for_change(request.membership, template_id)
    form = TemplateNameForm(request.POST or None, initial={"name": template.name})
    if request.method == "POST" and form.is_valid():
        try:
            services.program_template_rename(template=template, name=form.cleaned_data["name"])
        except ServiceError as refused:
            form.add_error("name", refused.message)
        else:
            audit.record(request, "update", template, fields=["name"])
            messages.success(request, _("The template was renamed."))
            return redirect("programs:template_list")
    return render(request, "programs/template_rename.html", {"form": form, "template": template})


@member_required
def template_delete(request, template_id):
    template = selectors.template_for_change(request.membership, template_id)
    if request.method == "POST":
        audit.record(request, "update", template, fields=["deleted"], summary=template.name)
        services.program_template_delete(template=template)
        messages.success(request, _("The template was deleted."))
        return redirect("programs:template_list")
    return render(request, "programs/template_delete.html", {"template": template})


@physiotherapist_required
def template_apply(request, assessment_id):
    """A program for this assessment from a clinic template, re-filtered for the patient: the
    choice of template, setting and equipment on a page of its own, so the result page does
    not read the clinic's templates on every view."""
    assessment = assessment_get(request.membership, assessment_id)
    templates = selectors.templates_of(request.membership.clinic)
    form = TemplateApplyForm(request.POST or None, templates=templates)
    if request.method == "POST" and form.is_valid():
        try:
            program = services.program_from_template(
                template=form.cleaned_data["template"],
                assessment=assessment,
                created_by=request.user,
                setting=form.cleaned_data["setting"],
                equipment=form.cleaned_data["equipment"],
            )
        except ServiceError as refused:
            messages.error(request, refused.message)
            return redirect("assessment:assessment_detail", assessment.id)
        audit.record(request, "create", program, patient=assessment.patient)
        return redirect("programs:program_detail", program.id)
    context = {
        "assessment": assessment,
        "patient": assessment.patient,
        "form": form,
        "templates": list(templates),
    }
    return render(request, "programs/template_apply.html", context)


@physiotherapist_required
def program_continue(request, assessment_id):
    """The patient's current program carried into this (re)assessment, every change listed."""
    assessment = assessment_get(request.membership, assessment_id)
    if refused := refuse_unless_post(request):
        return refused
    previous = selectors.current_program(assessment)
    if previous is None or str(previous.id) != request.POST.get("program"):
        raise Http404
    try:
        program = services.program_continue(
            previous=previous, assessment=assessment, created_by=request.user
        )
    except ServiceError as refused:
        messages.error(request, refused.message)
        return redirect("assessment:assessment_detail", assessment.id)
    audit.record(request, "create", program, patient=assessment.patient)
    return redirect("programs:program_detail", program.id)
