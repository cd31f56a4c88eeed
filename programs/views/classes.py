"""Group training pages: the classes, a class with its sessions and participants, the
instructor's class sheet with attendance, and the outcome panels."""

from datetime import timedelta

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect

from assessment.selectors import patients_for
from osteoactive import audit
from osteoactive.access import physiotherapist_required, refuse_unless_post
from osteoactive.errors import ServiceError

from .. import class_selectors as selectors
from ..class_forms import ClassForm, ClassLoadForm, EnrolForm, PeriodForm, SessionForm
from ..class_presentation import outcome_view, sheet_view
from ..domain.classes import summarise
from ..outcomes import class_panel, clinic_panel
from ..selectors import exercise_get
from ..services import classes as services


@transaction.non_atomic_requests
@physiotherapist_required
def class_list(request):
    classes = selectors.classes_for(request.membership)
    return render(request, "programs/class_list.html", {"classes": classes})


@physiotherapist_required
def class_create(request):
    clinic = request.membership.clinic
    form = ClassForm(
        request.POST or None, clinic=clinic, initial={"start_date": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            training_class = services.class_create(
                clinic=clinic,
                created_by=request.user,
                name=data["name"],
                weekdays=data["weekdays"],
                start_time=data["start_time"],
                start_date=data["start_date"],
                weeks=data["weeks"],
                capacity=data["capacity"],
                place=data["place"],
                instructors=data["instructors"],
                template=data["template"],
                target_category=data["target_category"],
            )
        except ServiceError as error:
            form.add_error(None, error)
        else:
            audit.record(request, "create", training_class, fields=list(data))
            messages.success(request, _("The class was created."))
            return redirect("programs:class_detail", training_class.id)
    context = {"form": form, "title": _("New class"), "cancel_url": reverse("programs:class_list")}
    return render(request, "osteoactive/form_page.html", context)


def _next_session(training_class, today):
    sessions = training_class.sessions.filter(cancelled=False)
    return sessions.filter(date__gte=today).first() or sessions.order_by("-date").first()


@transaction.non_atomic_requests
@physiotherapist_required
def class_detail(request, class_id):
    training_class = selectors.class_get(request.membership, class_id)
    today = timezone.localdate()
    enrolments = list(training_class.enrolments.select_related("patient"))
    register = selectors.registers(enrolments)
    enrolled = {e.patient_id for e in enrolments}
    patients = patients_for(request.membership).exclude(id__in=enrolled)
    context = {
        "training_class": training_class,
        "sessions": list(training_class.sessions.all()),
        "next_session": _next_session(training_class, today),
        "participants": [(e, summarise(register[e.id])) for e in enrolments],
        "enrol_form": EnrolForm(patients=patients),
        "program": list(training_class.exercises.select_related("exercise")),
        "today": today,
    }
    audit.record(request, "view", training_class)
    return render(request, "programs/class_detail.html", context)


@physiotherapist_required
def class_enrol(request, class_id):
    training_class = selectors.class_get(request.membership, class_id)
    if refused := refuse_unless_post(request):
        return refused
    form = EnrolForm(request.POST, patients=patients_for(request.membership))
    if form.is_valid():
        patient = form.cleaned_data["patient"]
        try:
            enrolment = services.enrol(
                training_class=training_class,
                patient=patient,
                enrolled_by=request.user,
                on=timezone.localdate(),
            )
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            audit.record(request, "create", enrolment, patient=patient, fields=["enrolment"])
            messages.success(request, _("%(name)s was enrolled.") % {"name": patient.full_name})
            if not selectors.latest_assessments([patient.id]):
                messages.warning(
                    request,
                    _(
                        "%(name)s has no assessment yet: the class sheet shows no exercises for "
                        "them until they are assessed."
                    )
                    % {"name": patient.full_name},
                )
    else:
        messages.error(request, _("Choose a patient."))
    return redirect("programs:class_detail", training_class.id)


@transaction.non_atomic_requests
@physiotherapist_required
def class_sheet(request, session_id):
    session = selectors.session_get(request.membership, session_id)
    training_class = session.training_class
    training_class.clinic = request.membership.clinic
    sheet = selectors.class_sheet(training_class, session)
    audit.record(request, "view", session, summary="class sheet")
    return render(request, "programs/class_sheet.html", sheet_view(sheet, request.user.pk))


@physiotherapist_required
def session_edit(request, session_id):
    session = selectors.session_get(request.membership, session_id)
    initial = {
        "date": session.date,
        "start_time": session.start_time,
        "cancelled": session.cancelled,
    }
    form = SessionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.session_change(
            session=session, cancelled=data["cancelled"], day=data["date"], start=data["start_time"]
        )
        audit.record(request, "update", session, fields=form.changed_data)
        messages.success(request, _("The session was saved."))
        return redirect("programs:class_detail", session.training_class_id)
    context = {
        "form": form,
        "title": _("Cancel or move session %(number)s") % {"number": session.number},
        "cancel_url": reverse("programs:class_detail", args=[session.training_class_id]),
    }
    return render(request, "osteoactive/form_page.html", context)


@physiotherapist_required
def attendance_toggle(request, session_id, enrolment_id):
    """One tap on the register; through htmx the participant's button is drawn again."""
    session = selectors.session_get(request.membership, session_id)
    enrolment = selectors.enrolment_get(request.membership, enrolment_id)
    if refused := refuse_unless_post(request):
        return refused
    try:
        row = services.attendance_toggle(
            session=session, enrolment=enrolment, recorded_by=request.user
        )
    except ServiceError as error:
        messages.error(request, error.message)
        sheet = reverse("programs:class_sheet", args=[session.id])
        # Through htmx the whole page comes back with the message, not inside the button's box.
        return HttpResponseClientRedirect(sheet) if request.htmx else redirect(sheet)
    audit.record(request, "update", row.session, patient=enrolment.patient, fields=["attendance"])
    if request.htmx:
        context = {"session": session, "enrolment": enrolment, "present": row.present}
        return render(request, "programs/_attendance_button.html", context)
    return redirect(reverse("programs:class_sheet", args=[session.id]) + f"#p-{enrolment.id}")


@physiotherapist_required
def class_load(request, session_id, enrolment_id):
    session = selectors.session_get(request.membership, session_id)
    enrolment = selectors.enrolment_get(request.membership, enrolment_id)
    if refused := refuse_unless_post(request):
        return refused
    form = ClassLoadForm(request.POST)
    if form.is_valid() and enrolment.training_class_id == session.training_class_id:
        exercise = exercise_get(request.membership, form.cleaned_data["exercise"])
        services.class_lift_load_record(
            session=session,
            enrolment=enrolment,
            exercise=exercise,
            kg=form.cleaned_data["kg"],
            recorded_by=request.user,
        )
        audit.record(request, "update", session, patient=enrolment.patient, fields=["lift_loads"])
        messages.success(request, _("The load was logged."))
    else:
        messages.error(request, _("Give a load of 0.5–400 kg."))
    return redirect(reverse("programs:class_sheet", args=[session.id]) + f"#p-{enrolment.id}")


@transaction.non_atomic_requests
@physiotherapist_required
def class_outcomes(request, class_id):
    training_class = selectors.class_get(request.membership, class_id)
    panel = class_panel(training_class, timezone.localdate())
    audit.record(request, "view", training_class, summary="outcomes")
    context = {"training_class": training_class, **outcome_view(panel)}
    return render(request, "programs/outcomes.html", context)


@transaction.non_atomic_requests
@physiotherapist_required
def clinic_outcomes(request):
    today = timezone.localdate()
    form = PeriodForm(
        request.GET or None, initial={"start": today - timedelta(days=365), "end": today}
    )
    start, end = today - timedelta(days=365), today
    if form.is_bound and form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    panel = clinic_panel(request.membership.clinic, start, end, today)
    context = {"period_form": form, "start": start, "end": end, **outcome_view(panel)}
    return render(request, "programs/outcomes.html", context)
