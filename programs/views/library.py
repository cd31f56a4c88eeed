from django.contrib import messages
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from assessment.selectors import assessment_get
from osteoactive import audit
from osteoactive.access import (
    clinic_admin_required,
    member_required,
    physiotherapist_required,
    refuse_unless_post,
)
from osteoactive.domain.vocabulary import Domain, Level
from osteoactive.errors import ServiceError
from osteoactive.language import current_language, labelled_choices
from prescriptions.selectors import prescriptions_of_program, prescriptions_using

from . import selectors, services
from .domain.spec import EQUIPMENT, Equipment
from .forms import DoseForm, ExerciseForm, LibrarySearchForm, ProgramOptionsForm
from .presentation import grouped_items, program_summary


@physiotherapist_required
def program_generate(request, assessment_id):
    assessment = assessment_get(request.membership, assessment_id)
    if refused := refuse_unless_post(request):
        return refused
    form = ProgramOptionsForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose where the patient will train."))
        return redirect("assessment:assessment_detail", assessment.id)
    program = services.program_generate(
        assessment=assessment, created_by=request.user, **form.cleaned_data
    )
    audit.record(request, "create", program, patient=assessment.patient)
    return redirect("programs:program_detail", program.id)


@transaction.non_atomic_requests
@physiotherapist_required
def program_detail(request, program_id):
    program = selectors.program_get(request.membership, program_id)
    patient = program.assessment.patient
    items = list(selectors.program_items(program))
    language = current_language()
    context = {
        "program": program,
        "patient": patient,
        "groups": grouped_items(items, language),
        "summary": program_summary(program, language),
        "unfilled": [
            (u["label"].get(language, ""), u["reason"].get(language, "")) for u in program.unfilled
        ],
        "notes": [note.get(language, "") for note in program.notes],
        "library": selectors.library_for(patient.clinic),
        "prescriptions": prescriptions_of_program(program),
        "language": language,
    }
    return render(request, "programs/program_detail.html", context)


@physiotherapist_required
def item_swap(request, item_id):
    item = selectors.program_item_get(request.membership, item_id)
    candidates = services.swap_candidates(item)
    if request.method == "POST":
        chosen = next((e for e in candidates if str(e.id) == request.POST.get("exercise")), None)
        try:
            services.program_item_swap(item=item, exercise=chosen)
        except ServiceError as refused:
            messages.error(request, refused.message)
        else:
            audit.record(
                request, "update", item.program, patient=item.program.patient, fields=["exercise"]
            )
            return redirect("programs:program_detail", item.program_id)
    available = services.program_request(item.program).available_equipment
    context = {
        "item": item,
        "candidates": [(e, sorted(set(e.equipment) - available)) for e in candidates],
    }
    return render(request, "programs/item_swap.html", context)


@physiotherapist_required
def item_dose(request, item_id):
    item = selectors.program_item_get(request.membership, item_id)
    initial = {**item.dose, "days_per_week": item.days_per_week}
    form = DoseForm(request.POST or None, initial=initial, dose_type=item.exercise.dose_type)
    if request.method == "POST" and form.is_valid():
        services.program_item_set_dose(item=item, **form.cleaned_data)
        audit.record(request, "update", item.program, patient=item.program.patient, fields=["dose"])
        return redirect("programs:program_detail", item.program_id)
    title = _("Dose: %(name)s") % {"name": item.exercise.name(current_language())}
    return render(request, "osteoactive/form_page.html", {"form": form, "title": title})


@physiotherapist_required
def item_remove(request, item_id):
    item = selectors.program_item_get(request.membership, item_id)
    if refused := refuse_unless_post(request):
        return refused
    program = item.program
    services.program_item_remove(item=item)
    audit.record(request, "update", program, patient=program.patient, fields=["items"])
    return redirect("programs:program_detail", program.id)


@physiotherapist_required
def item_add(request, program_id):
    program = selectors.program_get(request.membership, program_id)
    if refused := refuse_unless_post(request):
        return refused
    exercise = selectors.exercise_get(request.membership, request.POST.get("exercise") or None)
    try:
        services.program_item_add(
            program=program, exercise=exercise, confirmed=request.POST.get("confirmed") == "1"
        )
    except services.NeedsConfirmation as needed:
        language = current_language()
        context = {
            "program": program,
            "exercise": exercise,
            "name": exercise.name(language),
            "violations": [v.message[language] for v in needed.violations],
        }
        return render(request, "programs/confirm_add.html", context)
    audit.record(request, "update", program, patient=program.patient, fields=["items"])
    return redirect("programs:program_detail", program.id)


def _filters(request, search_form):
    return {
        "search": search_form.cleaned_data["q"] if search_form.is_valid() else "",
        "domain": request.GET.get("domain", "") if request.GET.get("domain") in set(Domain) else "",
        "level": request.GET.get("level", "") if request.GET.get("level") in set(Level) else "",
        "equipment": request.GET.get("equipment", "")
        if request.GET.get("equipment") in {*EQUIPMENT, "none"}
        else "",
    }


@member_required
def library_list(request):
    search_form = LibrarySearchForm(request.GET)
    filters = _filters(request, search_form)
    exercises = selectors.library_search(
        request.membership.clinic, **filters, name_field=f"name_{current_language()}"
    )
    context = {
        "exercises": exercises,
        "filters": filters,
        "search_form": search_form,
        "domains": labelled_choices(Domain),
        "levels": labelled_choices(Level),
        "equipment_choices": labelled_choices(Equipment),
    }
    return render(request, "programs/library_list.html", context)


@member_required
def exercise_detail(request, exercise_id):
    exercise = selectors.exercise_get(request.membership, exercise_id)
    language = current_language()
    context = {
        "exercise": exercise,
        "name": exercise.name(language),
        "instructions": exercise.instructions(language),
        "safety_tip": exercise.safety_tip(language),
        "usage": prescriptions_using(request.membership.clinic, exercise),
        "ladder": selectors.ladder_of(request.membership.clinic, exercise),
        "language": language,
    }
    return render(request, "programs/exercise_detail.html", context)


@clinic_admin_required
def exercise_create(request):
    return _exercise_form(request, None)


@clinic_admin_required
def exercise_edit(request, exercise_id):
    return _exercise_form(request, selectors.own_exercise_get(request.membership, exercise_id))


def _exercise_form(request, exercise):
    clinic = request.membership.clinic
    form = ExerciseForm(
        request.POST or None,
        request.FILES or None,
        instance=exercise,
        library=selectors.library_for(clinic),
    )
    if request.method == "POST" and form.is_valid():
        saved = services.exercise_save(
            clinic=clinic,
            exercise=exercise,
            fields=form.cleaned_data,
            default_dose=form.default_dose(),
        )
        messages.success(request, _("The exercise was saved."))
        return redirect("programs:exercise_detail", saved.id)
    title = _("Edit exercise") if exercise else _("New clinic exercise")
    return render(
        request, "osteoactive/form_page.html", {"form": form, "title": title, "multipart": True}
    )


@clinic_admin_required
def exercise_hide(request, exercise_id):
    exercise = selectors.exercise_get(request.membership, exercise_id)
    if refused := refuse_unless_post(request):
        return refused
    try:
        hidden = services.exercise_toggle_hidden(
            clinic=request.membership.clinic, exercise=exercise
        )
    except ServiceError:
        raise Http404 from None
    messages.success(
        request,
        _("Hidden for your clinic.") if hidden else _("Shown again for your clinic."),
    )
    return redirect("programs:library_list")


@member_required
def exercise_illustration(request, exercise_id):
    """The picture of an exercise the user's clinic can see (served through the app, not /media)."""
    exercise = selectors.exercise_get(request.membership, exercise_id)
    if not exercise.illustration:
        raise Http404
    response = FileResponse(exercise.illustration.open("rb"))
    response["Cache-Control"] = "private, max-age=3600"
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response
