"""What an assessment's page offers besides generating a program: continuing the patient's
current program at a reassessment."""

from django import template

from programs import selectors

register = template.Library()


@register.inclusion_tag("programs/_continue_choice.html", takes_context=True)
def continue_choice(context, assessment):
    return {
        "assessment": assessment,
        "current": selectors.current_program_ref(assessment),
        "csrf_token": context.get("csrf_token"),
    }
