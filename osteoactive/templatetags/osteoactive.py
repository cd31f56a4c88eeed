from datetime import datetime
from functools import lru_cache

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django.utils.translation import get_language

from osteoactive.domain.categories import Category
from osteoactive.language import current_language

register = template.Library()


@register.filter
def category_label(code):
    """The category's label in the active language."""
    try:
        return Category(code).label(current_language())
    except ValueError:
        return code


@register.filter
def day(value):
    """A date as 21.11.2026 in both languages (times in local time). Django's `date` filter
    gives the same for "d.m.Y" at twenty times the cost, which shows in lists."""
    if not value:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value)
    return value.strftime("%d.%m.%Y")


@register.simple_tag
def fixed(template_name, **flags):
    """Markup that depends only on the language and the given flags (asset links, navigation
    links, form fields without data), rendered once per process instead of on every page view.
    The template gets the flags as its whole context: no request, user or CSRF token."""
    if settings.DEBUG:
        return render_to_string(template_name, flags)
    key = (get_language(), get_script_prefix(), tuple(sorted(flags.items())))
    return _rendered_once(template_name, *key)


@lru_cache(maxsize=256)
def _rendered_once(template_name, language, script_prefix, flags):
    return render_to_string(template_name, dict(flags))


@register.simple_tag
def route(name):
    """The path of a URL name that takes no arguments, like {% url %}: it cannot change while
    the process runs, so it is reversed once rather than on every page view."""
    return _reversed_once(name, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)


@lru_cache(maxsize=128)
def _reversed_once(name, script_prefix, urlconf):
    return reverse(name, urlconf=urlconf)


@receiver(setting_changed)
def _forget_rendered(**kwargs):
    """Tests that change settings (languages, URLs, static files) get fresh markup."""
    _rendered_once.cache_clear()
    _reversed_once.cache_clear()
