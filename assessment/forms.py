"""The assessment form: Django widgets and messages around the one pure validator."""

from datetime import date

from django import forms
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _

from osteoactive.domain.categories import Category
from osteoactive.errors import ServiceError
from osteoactive.language import current_language, labelled_choices
from osteoactive.plain_text import PlainTextFields

from .domain.cpr import cpr_matches_birth_date, normalise_cpr
from .domain.inputs import RANGES, TANDEM_CEILINGS, age_at
from .domain.parsing import parse_assessment
from .domain.readers import NON_FIELD, InputError
from .domain.rules import categorise
from .domain.vocabulary import FractureSite, RiskFactor, TScoreSite, WalkingAid
from .models import Patient
from .services import checked_override_reason

T_SCORE_FIELDS = {f"t_{site.value}": site for site in TScoreSite}


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


def decimal_field(label, key=None, *, step="0.1", help_text=""):
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
            "birth_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
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
    """Name or CPR number; posted, never put in a URL (assessment.views.remembered_search)."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)


class CategoryChoiceForm(PlainTextFields, forms.Form):
    category = forms.ChoiceField(choices=[(c.value, c.value) for c in Category])
    reason = forms.CharField(required=False, max_length=2000)


class FractureForm(PlainTextFields, forms.Form):
    site = LabelledChoiceField(enum=FractureSite, label=_("Site"), blank="—", required=False)
    date = forms.DateField(
        label=_("Date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    low_energy = forms.BooleanField(label=_("Low-energy"), required=False, initial=True)


FractureFormSet = forms.formset_factory(FractureForm, extra=0, can_delete=True, max_num=30)


class AssessmentForm(PlainTextFields, forms.Form):
    """Every input of domain.md §3; range and consistency checks come from parse_assessment."""

    assessment_date = forms.DateField(
        label=_("Assessment date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    t_lumbar_spine = decimal_field(_("Lumbar spine L1–L4"), "t_scores")
    t_femoral_neck = decimal_field(_("Femoral neck"), "t_scores")
    t_total_hip = decimal_field(_("Total hip"), "t_scores")
    t_forearm = decimal_field(_("Forearm (33 % radius)"), "t_scores")
    dxa_scan_date = forms.DateField(
        label=_("DXA scan date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    falls_last_12_months = forms.IntegerField(
        label=_("Falls in the last 12 months"),
        required=False,
        widget=forms.NumberInput(attrs={"min": 0, "max": 50}),
    )
    injurious_fall = forms.BooleanField(label=_("An injurious fall"), required=False)
    walking_aid = LabelledChoiceField(enum=WalkingAid, label=_("Walking aid"), initial="none")
    needs_adl_help = forms.BooleanField(
        label=_("Needs help with daily activities (ADL)"), required=False
    )
    sedentary_due_to_disease = forms.BooleanField(
        label=_("Very sedentary because of chronic disease (e.g. COPD)"), required=False
    )
    regular_training = forms.BooleanField(
        label=_("Regular structured training (≥ 2×/week for ≥ 3 months)"), required=False
    )
    tug_seconds = decimal_field(_("TUG (seconds)"), "tug_seconds")
    tug_unable = forms.BooleanField(label=_("Unable"), required=False)
    sts5_seconds = decimal_field(_("5× sit-to-stand (seconds)"), "sts5_seconds")
    sts5_unable = forms.BooleanField(label=_("Unable / used arms"), required=False)
    tandem_seconds = decimal_field(_("Tandem stance (seconds)"), "tandem_seconds")
    tandem_max_seconds = forms.TypedChoiceField(
        label=_("Protocol ceiling"),
        coerce=int,
        initial=30,
        choices=[(c, f"{c} s") for c in TANDEM_CEILINGS],
    )
    pain_nrs = forms.IntegerField(
        label=_("Pain (NRS 0–10)"),
        required=False,
        widget=forms.NumberInput(attrs={"min": 0, "max": 10}),
    )
    risk_factors = LabelledMultipleChoiceField(
        enum=RiskFactor,
        label=_("Risk factors"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    frax_major_percent = decimal_field(
        _("FRAX major osteoporotic fracture (%)"), "frax_major_percent"
    )
    frax_hip_percent = decimal_field(_("FRAX hip fracture (%)"), "frax_hip_percent")
    notes = forms.CharField(
        label=_("Clinical notes"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    final_category = forms.ChoiceField(
        label=_("Category"),
        required=False,
        help_text=_("Leave at the suggestion, or choose another category and give the reason."),
    )
    override_reason = forms.CharField(
        label=_("Reason for choosing another category"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, patient, today: date, fracture_initial=None, **kwargs):
        self.patient, self.today = patient, today
        super().__init__(*args, **kwargs)
        language = current_language()
        self.fields["final_category"].choices = [("", _("Use the suggestion"))] + [
            (c.value, c.label(language)) for c in Category
        ]
        self.fields["walking_aid"].required = False
        self.fractures = FractureFormSet(*args, prefix="fractures", initial=fracture_initial)
        self.inputs = None
        self.result = None

    def input_json(self) -> dict:
        """The §5 JSON of what was typed; only valid after Django's own field cleaning."""
        c = self.cleaned_data
        number = lambda key: float(c[key]) if c.get(key) is not None else None  # noqa: E731
        data = {
            "assessment_date": c.get("assessment_date").isoformat()
            if c.get("assessment_date")
            else None,
            "birth_date": self.patient.birth_date.isoformat(),
            "sex": self.patient.sex,
            "t_scores": {site.value: number(name) for name, site in T_SCORE_FIELDS.items()},
            "dxa_scan_date": c["dxa_scan_date"].isoformat() if c.get("dxa_scan_date") else None,
            "fractures": [
                {
                    "site": f.cleaned_data.get("site") or None,
                    "date": f.cleaned_data["date"].isoformat()
                    if f.cleaned_data.get("date")
                    else None,
                    "low_energy": bool(f.cleaned_data.get("low_energy")),
                }
                for f in self.live_fractures()
            ],
            "falls_last_12_months": c.get("falls_last_12_months"),
            "injurious_fall": c.get("injurious_fall", False),
            "walking_aid": c.get("walking_aid") or "none",
            "needs_adl_help": c.get("needs_adl_help", False),
            "sedentary_due_to_disease": c.get("sedentary_due_to_disease", False),
            "regular_training": c.get("regular_training", False),
            "tug_seconds": number("tug_seconds"),
            "tug_unable": c.get("tug_unable", False),
            "sts5_seconds": number("sts5_seconds"),
            "sts5_unable": c.get("sts5_unable", False),
            "tandem_seconds": number("tandem_seconds"),
            "tandem_max_seconds": c.get("tandem_max_seconds") or 30,
            "pain_nrs": c.get("pain_nrs"),
            "risk_factors": list(c.get("risk_factors") or []),
            "frax_major_percent": number("frax_major_percent"),
            "frax_hip_percent": number("frax_hip_percent"),
        }
        return {key: value for key, value in data.items() if value is not None}

    def live_fractures(self):
        """The fracture rows that were filled in and not removed, in page order."""
        return [
            f
            for f in self.fractures.forms
            if f.is_valid() and f.has_changed() and not f.cleaned_data.get("DELETE")
        ]

    def is_valid(self):
        fractures_valid = self.fractures.is_valid()
        return super().is_valid() and fractures_valid

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        try:
            self.inputs = parse_assessment(self.input_json(), today=self.today)
        except InputError as problem:
            self._attach(problem.errors)
        self.result = categorise(self.inputs) if self.inputs else None
        if chosen := cleaned.get("final_category"):
            try:
                checked_override_reason(
                    suggested=self.result.category.value if self.result else None,
                    chosen=chosen,
                    reason=cleaned.get("override_reason", ""),
                )
            except ServiceError as refused:
                self.add_error("override_reason", refused)
        return cleaned

    def _attach(self, errors):
        language = current_language()
        for path, text in errors.items():
            message = text[language]
            if path.startswith("t_scores."):
                self.add_error(f"t_{path.split('.', 1)[1]}", message)
            elif path.startswith("fractures["):
                index, _dot, name = path[len("fractures[") :].partition("].")
                self._fracture_error(int(index), name, message)
            elif path in self.fields:
                self.add_error(path, message)
            else:
                self.add_error(None, message)

    def _fracture_error(self, index, name, message):
        live = self.live_fractures()
        form = live[index] if index < len(live) else None
        if form is not None and name in form.fields:
            form.add_error(name, message)
        else:
            self.add_error(None, message)
        self.add_error(None, _("Check the fracture rows."))


__all__ = ["AssessmentForm", "FractureFormSet", "PatientForm", "NON_FIELD"]
