"""The program page and its editor: generate, show, and the exercise picker.

The editor (`programs/_editor.html`: warnings, minutes and the numbered items) is one
fragment: the page includes it, and every edit made through htmx answers with it, so the page
never reloads and never shows a stale number or warning. Without JavaScript every edit is a
plain form that redirects back to the page.
"""

from functools import cached_property

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from assessment.presentation import red_flag_texts
from assessment.selectors import assessment_get
from osteoactive import audit
from osteoactive.access import physiotherapist_required, refuse_unless_post
from osteoactive.errors import ServiceError
from osteoactive.language import current_language
from prescriptions.selectors import prescriptions_of_program

from .. import selectors, services
from ..forms import LiftLoadForm, PickerForm, ProgramOptionsForm, TemplateNameForm
from ..picker import program_picks
from ..presentation import grouped_items, program_changes, program_summary, warnings

PROGRAM_CHANGED = "programChanged"
"""The htmx event an edit sends, so the picker lists what the program now holds."""


@physiotherapist_required
def program_generate(request, assessment_id):
    assessment = assessment_get(request.membership, assessment_id)
    if refused := refuse_unless_post(request):
        return refused
    form = ProgramOptionsForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose where the patient will train."))
        return redirect("assessment:assessment_detail", assessment.id)
    try:
        program = services.program_generate(
            assessment=assessment, created_by=request.user, **form.cleaned_data
        )
    except ServiceError as refused:
        messages.error(request, refused.message)
        return redirect("assessment:assessment_detail", assessment.id)
    audit.record(request, "create", program, patient=assessment.patient)
    return redirect("programs:program_detail", program.id)


def editor_context(program, items, language, focus="") -> dict:
    return {
        "program": program,
        "groups": grouped_items(items, language, focus),
        "summary": program_summary(program, language),
        "warnings": warnings(program, items, language),
    }


class LazyEditor:
    """The editor's context, worked out only when the page renders the editor, i.e. when
    its cached fragment is missing (`program_detail.html`)."""

    def __init__(self, program, items, language):
        self.program, self.items, self.language = program, items, language

    @cached_property
    def context(self):
        return editor_context(self.program, list(self.items), self.language)


def editor_response(request, program, *, status="", focus=""):
    """The editor after an htmx edit, the outcome in the page's live region (for screen
    readers) and the focus on the control the physiotherapist used, where it still is."""
    items = list(selectors.program_items(program))
    context = {**editor_context(program, items, current_language(), focus), "status": status}
    response = render(request, "programs/_editor_response.html", context)
    response["HX-Trigger"] = PROGRAM_CHANGED
    return response


def after_edit(request, program, *, status="", focus="", anchor=""):
    """htmx: the editor; without JavaScript: back to the page (at the item edited)."""
    if request.htmx:
        return editor_response(request, program, status=status, focus=focus)
    if status:
        messages.success(request, status)
    url = redirect("programs:program_detail", program.id).url
    return redirect(f"{url}#{anchor}" if anchor else url)


def lift_log(program, items, *, form=None):
    """The HiRIT load log's form and its last sessions, or None where §7b does not apply."""
    language = current_language()
    lifts = services.heavy_lifts(program, items)
    if not lifts:
        return None
    named = [(item, item.exercise.name(language)) for item in lifts]
    form = form or LiftLoadForm(lifts=named, initial={"session_date": timezone.localdate()})
    loads = selectors.recent_lift_loads(program)
    sessions: dict = {}
    for load in loads:
        sessions.setdefault(load.session_date, {})[load.exercise_id] = load
    return {
        "form": form,
        "lifts": named,
        "sessions": [
            {"date": day, "loads": [by_lift.get(item.exercise_id) for item, _name in named]}
            for day, by_lift in sessions.items()
        ],
    }


@transaction.non_atomic_requests
@physiotherapist_required
def program_detail(request, program_id):
    program = selectors.program_get(request.membership, program_id)
    patient = program.assessment.patient
    items = selectors.program_items(program)  # read once, if the page needs them
    language = current_language()
    context = {
        "program": program,
        "editor": LazyEditor(program, items, language),
        "patient": patient,
        "unfilled": [
            (u["label"].get(language, ""), u["reason"].get(language, "")) for u in program.unfilled
        ],
        "notes": [note.get(language, "") for note in program.notes],
        "changes": program_changes(program, language),
        "lift_log": lift_log(program, items),
        "picker_form": PickerForm(),
        "template_form": TemplateNameForm(),
        "prescriptions": prescriptions_of_program(program),
        "language": language,
        "red_flags": red_flag_texts(program.assessment, language),
        "next_reassessment_due": program.assessment.next_reassessment_due,
    }
    return render(request, "programs/program_detail.html", context)


@transaction.non_atomic_requests
@physiotherapist_required
def program_picker(request, program_id):
    """The library searched for this program: a fragment as the physiotherapist types, or a
    page of its own without JavaScript."""
    program = selectors.program_get(request.membership, program_id)
    form = PickerForm(request.GET or None)
    search, show_excluded = "", False
    if form.is_valid():
        search, show_excluded = form.cleaned_data["q"], form.cleaned_data["excluded"]
    items = list(selectors.program_items(program))
    picked = program_picks(
        program,
        items,
        selectors.library_for(program.assessment.patient.clinic),
        search=search,
        show_excluded=show_excluded,
        language=current_language(),
    )
    context = {"program": program, "picker_form": form, "picked": picked, "search": search}
    if request.htmx:
        return render(request, "programs/_picker_results.html", context)
    context["patient"] = program.assessment.patient
    return render(request, "programs/program_picker.html", context)
