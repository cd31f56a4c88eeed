from django import template
from django.utils.translation import get_language

from assessment.categories import Category

register = template.Library()


@register.filter
def category_label(code):
    """The category's label in the active language."""
    try:
        return Category(code).label("en" if (get_language() or "").startswith("en") else "da")
    except ValueError:
        return code
