"""Forms of group training: a class, an enrolment, a session change, a lift load, the outcome
period and the study export."""

from decimal import Decimal

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from osteoactive.date_input import date_field
from osteoactive.domain.categories import Category
from osteoactive.language import current_language
from osteoactive.plain_text import PlainTextFields

from .domain.classes import MAX_WEEKS
from .models import ProgramTemplate

WEEKDAY_CHOICES = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]


def _date(label, required=True):
    return date_field(label, required=required)


def _time(label, required=True):
    return forms.TimeField(
        label=label,
        required=required,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )


class ClassForm(PlainTextFields, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    instructors = forms.ModelMultipleChoiceField(
        label=_("Instructors"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    weekdays = forms.TypedMultipleChoiceField(
        label=_("Weekdays"),
        choices=WEEKDAY_CHOICES,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )
    start_time = _time(_("Time"))
    start_date = _date(_("Start date"))
    weeks = forms.IntegerField(
        label=_("Length in weeks"), min_value=1, max_value=MAX_WEEKS, initial=26
    )
    capacity = forms.IntegerField(label=_("Capacity"), min_value=1, max_value=300, initial=12)
    place = forms.CharField(label=_("Place"), max_length=120, required=False)
    template = forms.ModelChoiceField(
        label=_("Class program from a clinic template"),
        queryset=ProgramTemplate.objects.none(),
        required=False,
        empty_label=_("(none: generate it)"),
    )
    target_category = forms.ChoiceField(
        label=_("…or generate it for a target category"), required=False
    )

    def __init__(self, *args, clinic, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instructors"].queryset = (
            get_user_model()
            .objects.filter(memberships__clinic=clinic, memberships__is_physiotherapist=True)
            .distinct()
            .order_by("first_name", "last_name", "username")
        )
        self.fields["instructors"].label_from_instance = lambda user: (
            user.get_full_name() or user.get_username()
        )
        self.fields["template"].queryset = ProgramTemplate.objects.filter(clinic=clinic)
        language = current_language()
        self.fields["target_category"].choices = [("", "—")] + [
            (c.value, c.label(language)) for c in Category
        ]


class EnrolForm(PlainTextFields, forms.Form):
    patient = forms.ModelChoiceField(
        label=_("Patient"), queryset=None, widget=forms.Select(attrs={"class": "form-select"})
    )

    def __init__(self, *args, patients, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["patient"].queryset = patients
        self.fields["patient"].label_from_instance = lambda p: f"{p.last_name}, {p.first_name}"


class SessionForm(PlainTextFields, forms.Form):
    date = _date(_("Date"))
    start_time = _time(_("Time"))
    cancelled = forms.BooleanField(label=_("Cancelled"), required=False)


class ClassLoadForm(PlainTextFields, forms.Form):
    exercise = forms.UUIDField(widget=forms.HiddenInput)
    kg = forms.DecimalField(
        label=_("Load (kg)"),
        min_value=Decimal("0.5"),
        max_value=Decimal("400"),
        decimal_places=1,
        max_digits=5,
        widget=forms.NumberInput(attrs={"step": "0.5", "inputmode": "decimal"}),
    )


class PeriodForm(PlainTextFields, forms.Form):
    start = _date(_("From"))
    end = _date(_("To"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("start", "end"):
            self.fields[name].widget.attrs["class"] = "form-control"

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            self.add_error("end", _("The period must end on or after its start."))
        return data


class StudyExportForm(PlainTextFields, forms.Form):
    export_key = forms.CharField(
        label=_("Export key"),
        min_length=12,
        max_length=200,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
        help_text=_(
            "At least 12 characters. The same key gives the same pseudonyms, so exports made "
            "with it can be linked; keep it apart from the files."
        ),
    )
    days_from_baseline = forms.BooleanField(
        label=_("Dates as days from each participant's first assessment"), required=False
    )
