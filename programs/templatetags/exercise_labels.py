from django import template

from osteoactive.domain.vocabulary import Domain, Level
from osteoactive.language import current_language
from programs.domain.spec import Equipment, Impact, Kind
from programs.forms import ProgramOptionsForm

register = template.Library()

ATTRIBUTES = {
    "domain": Domain,
    "secondary_domain": Domain,
    "kind": Kind,
    "min_level": Level,
    "impact": Impact,
}


@register.filter
def attribute_label(exercise, field):
    """An exercise attribute (domain, kind, min_level, impact) in the reader's language."""
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
