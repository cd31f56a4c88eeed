"""The issue form: when week 1 starts, and a note for the patient."""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from osteoactive.date_input import DateInput
from osteoactive.plain_text import PlainTextFields

LATEST_START_DAYS = 90
"""A start date further ahead than this is more likely a typing error than a plan."""


class IssueForm(PlainTextFields, forms.Form):
    start_date = forms.DateField(
        label=_("Week 1 starts"),
        required=False,
        widget=DateInput(),
        help_text=_("The handout's dates count from this day; left empty, from today."),
    )
    patient_note = forms.CharField(
        label=_("Note for the patient (printed on the handout)"),
        required=False,
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Write it in the patient's language. The program's clinical notes are never printed."
        ),
    )

    def __init__(self, *args, assessment_date=None, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("start_date", timezone.localdate())
        super().__init__(*args, **kwargs)
        self.assessment_date = assessment_date

    def clean_start_date(self):
        start = self.cleaned_data["start_date"] or timezone.localdate()
        if self.assessment_date and start < self.assessment_date:
            raise forms.ValidationError(_("Week 1 cannot start before the assessment."))
        if start > timezone.localdate() + timedelta(days=LATEST_START_DAYS):
            raise forms.ValidationError(
                _("Week 1 must start within %(days)s days.") % {"days": LATEST_START_DAYS}
            )
        return start
