"""The one widget of every date field: a text field in the active language's format.

A native `<input type="date">` shows and takes dates in the browser's language, so a Danish
physiotherapist on an English browser typed mm/dd/yyyy. This field shows and takes 21.11.2026
in Danish and 21/11/2026 in English (the first of `DATE_INPUT_FORMATS` in osteoactive/formats/,
which also lists what else is understood). static/js/app.js adds a calendar button whose month
and day names follow the page's language.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

PLACEHOLDER = pgettext_lazy("how a date is typed", "dd/mm/yyyy")
CALENDAR_LABELS = {
    "data-calendar-label": _("Choose the date in a calendar"),
    "data-previous-label": _("Previous month"),
    "data-next-label": _("Next month"),
}


class DateInput(forms.DateInput):
    input_type = "text"

    def __init__(self, attrs=None):
        base = {"inputmode": "numeric", "autocomplete": "off", "data-date-input": ""}
        super().__init__(attrs={**base, **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        attrs = context["widget"]["attrs"]
        attrs.setdefault("placeholder", str(PLACEHOLDER))
        for name, text in CALENDAR_LABELS.items():
            attrs.setdefault(name, str(text))
        return context


def date_field(label, *, required=False, **kwargs) -> forms.DateField:
    return forms.DateField(label=label, required=required, widget=DateInput(), **kwargs)
