"""The program editor's edits of one item: add, swap, dose, move and remove.

Each works as a plain form (a page and a redirect) and, through htmx, in place: the dose form
and the removal's confirmation replace the item, and the edit answers with the editor.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from osteoactive import audit
from osteoactive.access import physiotherapist_required, refuse_unless_post
from osteoactive.errors import ServiceError
from osteoactive.language import current_language

from .. import selectors, services
from ..forms import DoseForm, PhaseDoseForm
from ..presentation import removal_warnings
from .programs import after_edit


def _name(item):
    return item.exercise.name(current_language())


def _number(item):
    return item.position + 1


@physiotherapist_required
def item_add(request, program_id):
    program = selectors.program_get(request.membership, program_id)
    if refused := refuse_unless_post(request):
        return refused
    exercise = selectors.exercise_get(request.membership, request.POST.get("exercise") or None)
    try:
        item = services.program_item_add(
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
        if request.htmx:
            response = render(request, "programs/_confirm_add.html", context)
            response["HX-Retarget"] = f"#pick-{exercise.id}"
            response["HX-Reswap"] = "innerHTML"
            return response
        return render(request, "programs/confirm_add.html", context)
    audit.record(request, "update", program, patient=program.patient, fields=["items"])
    status = _("%(name)s was added as number %(number)s.") % {
        "name": _name(item),
        "number": _number(item),
    }
    return after_edit(request, program, status=status, anchor=f"item-{item.id}")


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
            url = redirect("programs:program_detail", item.program_id).url
            return redirect(f"{url}#item-{item.id}")
    available = services.program_request(item.program).available_equipment
    context = {
        "item": item,
        "candidates": [(e, sorted(set(e.equipment) - available)) for e in candidates],
    }
    return render(request, "programs/item_swap.html", context)


def _dose_forms(request, item):
    data = request.POST if request.method == "POST" else None
    dose_type = item.exercise.dose_type
    ids = f"dose-{item.id.hex[:8]}-%s"
    form = DoseForm(
        data,
        initial={**item.dose, "days_per_week": item.days_per_week},
        dose_type=dose_type,
        auto_id=ids,
    )
    later = []
    if form.dose_fields:
        start = services.first_phase_index(item)
        for number, phase in enumerate(item.phases):
            if number > start and phase.get("dose"):
                later.append(
                    PhaseDoseForm(
                        data,
                        prefix=f"phase{number}",
                        initial=phase["dose"],
                        auto_id=ids,
                        dose_type=dose_type,
                        weeks=phase["weeks"],
                        by_hand=number in item.edited_phases,
                    )
                )
    return form, later


@physiotherapist_required
def item_dose(request, item_id):
    """The first phase's dose and the days; the later phases follow unless set by hand."""
    item = selectors.program_item_get(request.membership, item_id)
    form, later = _dose_forms(request, item)
    if request.method == "POST" and form.is_valid() and all(f.is_valid() for f in later):
        services.program_item_set_dose(
            item=item,
            days_per_week=form.cleaned_data["days_per_week"],
            dose=form.dose(),
            later={int(f.prefix.removeprefix("phase")): f.dose() for f in later if f.given},
            follow_again={
                int(f.prefix.removeprefix("phase")) for f in later if f.cleaned_data.get("follow")
            },
        )
        audit.record(request, "update", item.program, patient=item.program.patient, fields=["dose"])
        status = _("The dose of %(name)s was saved.") % {"name": _name(item)}
        return after_edit(
            request, item.program, status=status, focus=f"dose-{item.id}", anchor=f"item-{item.id}"
        )
    context = {
        "item": item,
        "name": _name(item),
        "form": form,
        "later": later,
        "first_weeks": item.phases[services.first_phase_index(item)]["weeks"],
    }
    if request.htmx:
        response = render(request, "programs/_item_dose_form.html", context)
        if request.method == "POST":
            response["HX-Retarget"] = f"#item-{item.id}"
            response["HX-Reswap"] = "outerHTML"
        return response
    return render(request, "programs/item_dose.html", context)


@physiotherapist_required
def item_move(request, item_id):
    item = selectors.program_item_get(request.membership, item_id)
    if refused := refuse_unless_post(request):
        return refused
    direction = request.POST.get("direction")
    moved = services.program_item_move(item=item, direction=direction)
    status = ""
    if moved:
        audit.record(
            request, "update", item.program, patient=item.program.patient, fields=["items"]
        )
        item.refresh_from_db(fields=["position"])
        status = _("%(name)s is now number %(number)s.") % {
            "name": _name(item),
            "number": _number(item),
        }
    return after_edit(
        request,
        item.program,
        status=status,
        focus=f"move-{direction}-{item.id}",
        anchor=f"item-{item.id}",
    )


@physiotherapist_required
def item_remove(request, item_id):
    """GET asks for the confirmation (in place through htmx), POST removes."""
    item = selectors.program_item_get(request.membership, item_id)
    program = item.program
    if request.method != "POST":
        items = list(selectors.program_items(program))
        context = {
            "item": item,
            "name": _name(item),
            "number": _number(item),
            "program": program,
            "effects": removal_warnings(program, items, item, current_language()),
        }
        if request.htmx:
            return render(request, "programs/_item_remove_confirm.html", context)
        return render(request, "programs/item_remove.html", context)
    name = _name(item)
    services.program_item_remove(item=item)
    audit.record(request, "update", program, patient=program.patient, fields=["items"])
    return after_edit(request, program, status=_("%(name)s was removed.") % {"name": name})
