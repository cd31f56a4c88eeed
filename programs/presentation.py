"""Programs as the pages show them: items numbered in program order and grouped by Stærk /
Stabil / Strakt, the warnings of the editor, and the changes a template or a continuation made."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from osteoactive.domain.categories import Category
from osteoactive.domain.languages import format_date, in_language
from osteoactive.domain.vocabulary import Domain

from .domain.minimums import shortfalls
from .domain.spec import Pattern
from .services import dose_text, first_phase_index, program_request


def _neighbour(data, language):
    return in_language(data.get("name"), language) if data else ""


def _phases(item, language):
    return [
        {
            "weeks": phase["weeks"],
            "dose_text": dose_text(item, phase["dose"], language) if phase["dose"] else "",
            "days_per_week": phase["days_per_week"],
            "instruction": phase["instruction"].get(language, ""),
            "by_hand": number in item.edited_phases,
        }
        for number, phase in enumerate(item.phases)
    ]


def _row(item, number, language):
    first = first_phase_index(item)
    return {
        "item": item,
        "number": number,
        "ids": {
            "move_up": f"move-up-{item.id}",
            "move_down": f"move-down-{item.id}",
            "dose": f"dose-{item.id}",
        },
        "name": item.exercise.name(language),
        "dose_text": dose_text(item, item.dose, language),
        "phases": _phases(item, language),
        "first_phase": first,
        "start_week": item.start_week,
        "progression": _neighbour(item.progression, language),
        "regression": _neighbour(item.regression, language),
        "reason": item.reason.get(language, ""),
        "slot_label": item.slot_label.get(language, ""),
        "violations": [v["message"].get(language, "") for v in item.confirmed_violations],
    }


def grouped_items(items, language, focus=""):
    """The items by domain, each numbered as in the handout (program order), with whether
    it can move up or down within its domain. `focus` names the control to focus after an
    edit (`move-up-<id>`, …); a move button that is now disabled hands it to the other one."""
    groups = {domain: [] for domain in Domain}
    for number, item in enumerate(items, start=1):
        groups[Domain(item.domain)].append(_row(item, number, language))
    for rows in groups.values():
        for index, row in enumerate(rows):
            row["can_move_up"], row["can_move_down"] = index > 0, index < len(rows) - 1
            ids = row["ids"]
            row["focus"] = {
                ids["move_up"]: ids["move_up"] if row["can_move_up"] else ids["move_down"],
                ids["move_down"]: ids["move_down"] if row["can_move_down"] else ids["move_up"],
                ids["dose"]: ids["dose"],
            }.get(focus, "")
    return [
        {"domain": domain.value, "label": domain.label(language), "items": rows}
        for domain, rows in groups.items()
    ]


def program_summary(program, language):
    """What the program page shows above the items: P9's dates and §5's minutes per session."""
    minutes = program.minutes_per_session or {}
    return {
        "planned_from": Category(program.planned_from).label(language)
        if program.planned_from
        else "",
        "valid_until": format_date(program.valid_until, language) if program.valid_until else "",
        "minutes": [
            {"label": domain.label(language), "first": values[0], "last": values[1]}
            for domain in Domain
            if len(values := minutes.get(domain.value) or []) == 2
        ],
    }


def _pattern_group(group, language) -> str:
    """ "squat", or "push or pull" for a group of two (§7a P1's groups have one or two)."""
    labels = sorted(Pattern(p).label(language) for p in group)
    if len(labels) == 1:
        return labels[0]
    return _("%(first)s or %(second)s") % {"first": ", ".join(labels[:-1]), "second": labels[-1]}


def warnings(program, items, language, *, request=None) -> list[str]:
    """The editor's warnings: each domain below its minimum and each P1 pattern not covered
    (domain.md §7, §7a P1), for the items given."""
    request = request or program_request(program)
    found = shortfalls([(Domain(i.domain), i.exercise.spec()) for i in items], request)
    texts = [
        ngettext(
            "%(domain)s holds %(count)s exercise; this category needs at least %(minimum)s.",
            "%(domain)s holds %(count)s exercises; this category needs at least %(minimum)s.",
            short.count,
        )
        % {
            "domain": short.domain.label(language),
            "count": short.count,
            "minimum": short.minimum,
        }
        for short in found.domains
    ]
    texts += [
        _("No exercise trains %(pattern)s (every program of this category covers it, P1).")
        % {"pattern": _pattern_group(group, language)}
        for group in found.patterns
    ]
    return texts


def removal_warnings(program, items, item, language) -> list[str]:
    """What would newly fall short if the item were removed."""
    request = program_request(program)
    now = set(warnings(program, items, language, request=request))
    after = warnings(program, [i for i in items if i.id != item.id], language, request=request)
    return [text for text in after if text not in now]


CHANGE_WORDS = {
    "dropped": gettext_lazy("Dropped"),
    "moved_on": gettext_lazy("Moved one rung on"),
    "replaced": gettext_lazy("Replaced"),
    "added": gettext_lazy("Added"),
}


def program_changes(program, language) -> list[dict]:
    """What the template's re-filter or the continuation changed, each with its reason."""
    return [
        {
            "kind": change["kind"],
            "label": str(CHANGE_WORDS.get(change["kind"], change["kind"])),
            "before": in_language(change["before"]["name"], language) if change["before"] else "",
            "after": in_language(change["after"]["name"], language) if change["after"] else "",
            "reason": in_language(change["reason"], language),
            "suggestion": change.get("suggestion"),
            "suggestion_name": in_language(change["suggestion"]["name"], language)
            if change.get("suggestion")
            else "",
        }
        for change in program.changes
    ]
