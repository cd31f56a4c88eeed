"""What an assessment's page offers besides generating a program: continuing the patient's
current program at a reassessment."""

from django import template
from django.core.cache import caches

from programs import selectors

register = template.Library()

KEPT_FOR = 600
_NOT_KEPT = object()


def current_program_kept(user, assessment):
    """The program a reassessment would continue, kept per user in each process's memory by the
    assessment and its patient's `updated_at`: the answer changes only with a new program
    (`program_create`) or a new prescription (`prescription_issue`), and both raise it."""
    cache = caches["in_process"]
    key = f"continue_choice:{user.pk}:{assessment.pk}:{assessment.patient.updated_at.isoformat()}"
    current = cache.get(key, _NOT_KEPT)
    if current is _NOT_KEPT:
        current = selectors.current_program_ref(assessment)
        cache.set(key, current, KEPT_FOR)
    return current


@register.inclusion_tag("programs/_continue_choice.html", takes_context=True)
def continue_choice(context, assessment):
    return {
        "assessment": assessment,
        "current": current_program_kept(context["request"].user, assessment),
        "csrf_token": context.get("csrf_token"),
    }
