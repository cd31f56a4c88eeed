"""Falls and fractures reported between assessments, and adherence entered at a reassessment."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from osteoactive import audit
from osteoactive.access import physiotherapist_required
from osteoactive.errors import ServiceError
from osteoactive.language import current_language
from programs.class_selectors import registers
from programs.domain.classes import summarise

from .. import selectors
from ..domain.vocabulary import FractureSite
from ..events import adherence_record, event_record
from ..forms.events import AdherenceForm, EventForm
from ..models import Adherence


@physiotherapist_required
def event_create(request, patient_id):
    patient = selectors.patient_get(request.membership, patient_id)
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            event = event_record(
                patient=patient,
                recorded_by=request.user,
                kind=data["kind"],
                day=data["date"],
                today=timezone.localdate(),
                injurious=data["injurious"],
                site=data["site"],
                low_energy=data["low_energy"],
            )
        except ServiceError as error:
            form.add_error(None, error)
        else:
            audit.record(request, "create", event, patient=patient, fields=list(data))
            messages.success(request, _("The event was recorded."))
            return redirect("assessment:patient_detail", patient.id)
    context = {
        "form": form,
        "title": _("Record a fall or a fracture"),
        "cancel_url": reverse("assessment:patient_detail", args=[patient.id]),
    }
    return render(request, "osteoactive/form_page.html", context)


@physiotherapist_required
def adherence_edit(request, assessment_id):
    assessment = selectors.assessment_get(request.membership, assessment_id)
    existing = Adherence.objects.filter(assessment=assessment).first()
    initial = (
        {
            "planned_per_week": existing.planned_per_week,
            "done_per_week": ", ".join(str(n) for n in existing.done_per_week),
        }
        if existing
        else {}
    )
    form = AdherenceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            row = adherence_record(
                assessment=assessment,
                recorded_by=request.user,
                planned_per_week=form.cleaned_data["planned_per_week"],
                done_per_week=form.cleaned_data["done_per_week"],
            )
        except ServiceError as error:
            form.add_error(None, error)
        else:
            audit.record(
                request, "update", row, patient=assessment.patient, fields=list(form.cleaned_data)
            )
            messages.success(request, _("The adherence was saved."))
            return redirect("assessment:patient_detail", assessment.patient_id)
    context = {
        "form": form,
        "title": _("Adherence from the returned log sheet"),
        "cancel_url": reverse("assessment:patient_detail", args=[assessment.patient_id]),
    }
    return render(request, "osteoactive/form_page.html", context)


def _site(code: str) -> str:
    return FractureSite(code).label(current_language()) if code else ""


def _adherence(assessment):
    """Read with the assessment (assessments_of selects it), so no query of its own."""
    try:
        return assessment.adherence
    except Adherence.DoesNotExist:
        return None


def between_assessments(patient, assessments) -> dict:
    """What the patient page shows of the time between assessments: recorded events, the
    adherence entered at each assessment in force, and attendance in the patient's classes."""
    enrolments = list(patient.enrolments.select_related("training_class"))
    register = registers(enrolments)
    return {
        "events": [(event, _site(event.site)) for event in patient.events.all()],
        "adherence": [(a, _adherence(a)) for a in assessments if a.is_in_force],
        "classes": [(e, summarise(register[e.id])) for e in enrolments],
    }
