"""A field of the assessment form with what §4b shows beside it: "from <date>" and the Remove
button on a carried value, the previous value beside a field measured anew."""

from django import template

from ..forms import REMOVABLE

register = template.Library()


@register.inclusion_tag("assessment/_field.html")
def assessment_field(form, name):
    carried_from = form.carried_from(name)
    return {
        "field": form[name],
        "carried_from": carried_from,
        "remove": form[f"remove_{name}"] if carried_from and name in REMOVABLE else None,
        "from_events": name in form.from_events,
        "previous": form.previous_texts.get(name),
        "previous_date": form.previous.assessment_date if form.previous else None,
    }
