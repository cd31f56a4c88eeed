"""Program items as the pages show them, grouped by Stærk / Stabil / Strakt."""

from osteoactive.domain.vocabulary import Domain

from .services import dose_text


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
                        "dose_text": dose_text(item, phase["dose"], language),
                        "days_per_week": phase["days_per_week"],
                        "instruction": phase["instruction"].get(language, ""),
                    }
                    for phase in item.phases
                ],
                "reason": item.reason.get(language, ""),
                "slot_label": item.slot_label.get(language, ""),
                "violations": [v["message"].get(language, "") for v in item.confirmed_violations],
            }
        )
    return [
        {"domain": domain.value, "label": domain.label(language), "items": rows}
        for domain, rows in groups.items()
    ]
