from django import template

from assessment.categories import Category
from osteoactive.language import current_language

register = template.Library()


@register.filter
def category_label(code):
    """The category's label in the active language."""
    try:
        return Category(code).label(current_language())
    except ValueError:
        return code
