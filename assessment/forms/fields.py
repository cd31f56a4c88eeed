"""Form fields whose labels follow the active language, and the number and date fields the
assessment form repeats."""

from django import forms
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from osteoactive.date_input import DateInput
from osteoactive.language import labelled_choices

from ..domain.inputs import RANGES


class LabelledChoiceField(forms.ChoiceField):
    """Choices whose labels follow the active language at render time."""

    def __init__(self, *, enum, blank=None, **kwargs):
        self.enum, self.blank = enum, blank
        super().__init__(choices=self._choices_now, **kwargs)

    def _choices_now(self):
        blank = [("", self.blank)] if self.blank is not None else []
        return blank + labelled_choices(self.enum)


class LabelledMultipleChoiceField(forms.MultipleChoiceField):
    def __init__(self, *, enum, **kwargs):
        self.enum = enum
        super().__init__(choices=lambda: labelled_choices(self.enum), **kwargs)


lazy_number = lazy(number_format, str)


def decimal_field(label, key=None, *, help_text=""):
    """A number typed with the locale's decimal comma; the placeholder gives its §3 range."""
    low, high = RANGES[key] if key else (None, None)
    attrs = {"inputmode": "decimal", "autocomplete": "off"}
    if key:
        attrs["placeholder"] = format_lazy(
            "{} {} {}", lazy_number(low), gettext_lazy("to"), lazy_number(high)
        )
    return forms.DecimalField(
        label=label,
        required=False,
        localize=True,
        help_text=help_text,
        widget=forms.TextInput(attrs=attrs),
    )


def date_field(label, *, required=False):
    return forms.DateField(
        label=label,
        required=required,
        widget=DateInput(),
    )
