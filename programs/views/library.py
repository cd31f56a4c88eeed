"""The exercise library: the clinic's view of the global library and its own exercises."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from osteoactive.access import clinic_admin_required, member_required, refuse_unless_post
from osteoactive.domain.vocabulary import Domain, Level
from osteoactive.errors import ServiceError
from osteoactive.language import current_language, labelled_choices
from prescriptions.selectors import prescriptions_using

from .. import selectors, services
from ..domain.spec import EQUIPMENT, Equipment
from ..forms import ExerciseForm, LibrarySearchForm


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
