from django import template

from osteoactive.language import current_language
from programs.exercise_spec import Domain, Impact, Kind, Level
from programs.forms import ProgramOptionsForm
from programs.labels import (
    DOMAIN_LABELS,
    EQUIPMENT_LABELS,
    IMPACT_LABELS,
    KIND_LABELS,
    LEVEL_LABELS,
    label,
)

register = template.Library()

LABELS = {
    "domain": (Domain, DOMAIN_LABELS),
    "secondary_domain": (Domain, DOMAIN_LABELS),
    "kind": (Kind, KIND_LABELS),
    "min_level": (Level, LEVEL_LABELS),
    "impact": (Impact, IMPACT_LABELS),
}


@register.filter
def attribute_label(exercise, field):
    """An exercise attribute (domain, kind, min_level, impact) in the reader's language."""
    code = getattr(exercise, field)
    if not code:
        return ""
    enum, labels = LABELS[field]
    return label(labels, enum(code), current_language())


@register.filter
def equipment_label(codes):
    return ", ".join(label(EQUIPMENT_LABELS, code, current_language()) for code in codes)


@register.filter
def exercise_name(exercise):
    return exercise.name(current_language())


@register.simple_tag
def program_options_form():
    """An empty program-options form, for the fragment the result page shows."""
    return ProgramOptionsForm()
