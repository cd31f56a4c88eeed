"""A fall or a fracture reported between assessments, and adherence from a returned log."""

from django import forms
from django.utils.translation import gettext_lazy as _

from osteoactive.language import current_language
from osteoactive.plain_text import PlainTextFields

from ..domain.vocabulary import FractureSite
from ..models import PatientEvent
from .fields import date_field


class EventForm(PlainTextFields, forms.Form):
    kind = forms.ChoiceField(label=_("Event"), choices=PatientEvent.Kind.choices)
    date = date_field(_("Date"), required=True)
    injurious = forms.BooleanField(label=_("Injurious fall"), required=False)
    site = forms.ChoiceField(label=_("Fracture site"), required=False)
    low_energy = forms.BooleanField(label=_("Low-energy fracture"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language = current_language()
        self.fields["site"].choices = [("", "—")] + [
            (site.value, site.label(language)) for site in FractureSite
        ]


class AdherenceForm(PlainTextFields, forms.Form):
    planned_per_week = forms.IntegerField(
        label=_("Planned sessions per week"), min_value=1, max_value=14
    )
    done_per_week = forms.CharField(
        label=_("Sessions done, week by week"),
        max_length=200,
        help_text=_("From the returned log sheet, one number per week, e.g. 3, 2, 3, 3."),
    )

    def clean_done_per_week(self):
        words = self.cleaned_data["done_per_week"].replace(";", ",").replace(" ", ",").split(",")
        numbers = [word for word in words if word]
        if not numbers or not all(word.isdigit() for word in numbers):
            raise forms.ValidationError(_("Give whole numbers separated by commas."))
        return [int(word) for word in numbers]
