from django import template

from osteoactive.domain.categories import Category
from osteoactive.domain.languages import format_date
from osteoactive.language import current_language

register = template.Library()


@register.filter
def category_label(code):
    """The category's label in the active language."""
    try:
        return Category(code).label(current_language())
    except ValueError:
        return code


@register.filter(expects_localtime=True)
def day(value):
    """What `date:"SHORT_DATE_FORMAT"` gives (21.11.2026, 21/11/2026: osteoactive/formats) at
    a third of its cost. Only for long lists: on the patient list's 25 rows it is worth about
    4 points of the page's benchmark figure (bench/RESULTS.md); elsewhere use `date`."""
    return format_date(value, current_language()) if value else ""
