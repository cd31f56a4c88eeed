"""Program items as the pages show them, grouped by Stærk / Stabil / Strakt."""

from osteoactive.domain.categories import Category
from osteoactive.domain.languages import format_date, in_language
from osteoactive.domain.vocabulary import Domain

from .services import dose_text


def _neighbour(data, language):
    return in_language(data.get("name"), language) if data else ""


def grouped_items(items, language):
    groups = {domain: [] for domain in Domain}
    for item in items:
        groups[Domain(item.domain)].append(
            {
                "item": item,
                "name": item.exercise.name(language),
                "dose_text": dose_text(item, item.dose, language),
                "phases": [
                    {
                        "first_week": phase["weeks"][0],
                        "last_week": phase["weeks"][1],
                        "dose_text": dose_text(item, phase["dose"], language)
                        if phase["dose"]
                        else "",
                        "days_per_week": phase["days_per_week"],
                        "instruction": phase["instruction"].get(language, ""),
                    }
                    for phase in item.phases
                ],
                "start_week": item.start_week,
                "progression": _neighbour(item.progression, language),
                "regression": _neighbour(item.regression, language),
                "reason": item.reason.get(language, ""),
                "slot_label": item.slot_label.get(language, ""),
                "violations": [v["message"].get(language, "") for v in item.confirmed_violations],
            }
        )
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
