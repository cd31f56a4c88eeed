from django import template

from osteoactive.domain.vocabulary import Domain, Level
from osteoactive.language import current_language
from programs.domain.spec import Equipment, Impact, Kind, Pattern, Position
from programs.forms import ProgramOptionsForm

register = template.Library()

ATTRIBUTES = {
    "domain": Domain,
    "secondary_domain": Domain,
    "kind": Kind,
    "min_level": Level,
    "impact": Impact,
    "pattern": Pattern,
    "position": Position,
}


@register.filter
def attribute_label(exercise, field):
    """An exercise attribute (domain, kind, pattern, …) in the reader's language."""
    code = getattr(exercise, field)
    return ATTRIBUTES[field](code).label(current_language()) if code else ""


@register.filter
def equipment_label(codes):
    return ", ".join(Equipment(code).label(current_language()) for code in codes)


@register.filter
def exercise_name(exercise):
    return exercise.name(current_language())


@register.simple_tag
def program_options_form():
    """An empty program-options form, for the fragment the result page shows."""
    return ProgramOptionsForm()
