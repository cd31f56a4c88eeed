"""The patient record form."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from osteoactive.date_input import DateInput
from osteoactive.plain_text import PlainTextFields

from ..domain.cpr import cpr_matches_birth_date, normalise_cpr
from ..domain.inputs import RANGES, age_at
from ..models import Patient


class PatientForm(PlainTextFields, forms.ModelForm):
    class Meta:
        model = Patient
        fields = [
            "first_name",
            "last_name",
            "birth_date",
            "sex",
            "cpr",
            "handout_language",
            "contact_notes",
        ]
        widgets = {
            "birth_date": DateInput(),
            "contact_notes": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"cpr": _("Optional. DDMMYY-SSSS; shown masked in lists.")}

    def __init__(self, *args, clinic, **kwargs):
        self.clinic = clinic
        super().__init__(*args, **kwargs)

    def clean_birth_date(self):
        born = self.cleaned_data["birth_date"]
        age = age_at(born, timezone.localdate())
        low, high = RANGES["age"]
        if born > timezone.localdate() or not low <= age <= high:
            raise forms.ValidationError(_("The patient must be between 18 and 110 years old."))
        return born

    def clean_cpr(self):
        value = self.cleaned_data["cpr"].strip()
        if not value:
            return ""
        try:
            return normalise_cpr(value)
        except ValueError:
            raise forms.ValidationError(_("A CPR number has ten digits: DDMMYY-SSSS.")) from None

    def clean(self):
        cleaned = super().clean()
        cpr, born = cleaned.get("cpr"), cleaned.get("birth_date")
        if cpr and born and not cpr_matches_birth_date(cpr, born):
            self.add_error("cpr", _("The CPR number's date part does not match the birth date."))
        if cpr:
            clash = Patient.objects.filter(clinic=self.clinic, cpr=cpr).exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error("cpr", _("Another patient in the clinic has this CPR number."))
        return cleaned


class PatientSearchForm(PlainTextFields, forms.Form):
    """Name or CPR number; posted, never put in a URL (assessment.views.search)."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
