"""The HiRIT load log on the program page (domain.md §7b)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from osteoactive import audit
from osteoactive.access import physiotherapist_required, refuse_unless_post
from osteoactive.errors import ServiceError
from osteoactive.language import current_language

from .. import selectors, services
from ..forms import LiftLoadForm
from .programs import lift_log


@physiotherapist_required
def lift_loads_add(request, program_id):
    """One session's loads; through htmx the log is shown again in place."""
    program = selectors.program_get(request.membership, program_id)
    if refused := refuse_unless_post(request):
        return refused
    items = list(selectors.program_items(program))
    language = current_language()
    lifts = [(item, item.exercise.name(language)) for item in services.heavy_lifts(program, items)]
    form = LiftLoadForm(request.POST, lifts=lifts)
    status = ""
    if form.is_valid():
        try:
            services.lift_loads_record(
                program=program,
                session_date=form.cleaned_data["session_date"],
                loads=form.loads(),
                recorded_by=request.user,
            )
        except ServiceError as refused:
            form.add_error(None, refused.message)
        else:
            audit.record(request, "update", program, patient=program.patient, fields=["lift_loads"])
            status = _("The loads were logged.")
            form = None
    if request.htmx:
        log = lift_log(program, items, form=form)
        context = {"program": program, "lift_log": log, "status": status}
        return render(request, "programs/_lift_log.html", context)
    if form is not None:
        for error in form.errors.values():
            messages.error(request, " ".join(error))
    elif status:
        messages.success(request, status)
    url = redirect("programs:program_detail", program.id).url
    return redirect(f"{url}#lift-log")
