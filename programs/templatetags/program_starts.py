"""Where an assessment's page starts a program besides generating one: from a clinic template
(in the generate form, sharing its setting and equipment) or by continuing the current program."""

from django import template

from programs import selectors

register = template.Library()


@register.inclusion_tag("programs/_template_choice.html", takes_context=True)
def template_choice(context, assessment):
    membership = context.get("membership")
    templates = list(selectors.template_choices(membership.clinic)) if membership else []
    return {"assessment": assessment, "templates": templates}


@register.inclusion_tag("programs/_continue_choice.html", takes_context=True)
def continue_choice(context, assessment):
    return {
        "assessment": assessment,
        "current": selectors.current_program_ref(assessment),
        "csrf_token": context.get("csrf_token"),
    }
