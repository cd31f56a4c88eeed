"""The assessment form: Django widgets and messages around the one pure validator.

Validation is one round: Django's own field checks (a date that is no date, a number that is
no number) and `parse_assessment`'s checks of everything else (ranges, consistency) run on
every save, and their errors are merged, one per field, so the physiotherapist sees every
problem at once and in page order (`error_summary`).
"""

from datetime import date

from django import forms
from django.utils.formats import date_format, number_format
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from osteoactive.domain.categories import Category
from osteoactive.errors import ServiceError
from osteoactive.language import current_language
from osteoactive.plain_text import PlainTextFields

from ..domain.events import falls_last_12_months, fractures_to_add
from ..domain.fes_i import ANSWER_RANGE
from ..domain.inputs import TANDEM_CEILINGS
from ..domain.parsing import parse_assessment
from ..domain.readers import InputError
from ..domain.rules import categorise
from ..domain.vocabulary import FractureSite, Medication, RiskFactor, WalkingAid
from ..services import checked_override_reason
from .carry_forward import (
    FES_I_FIELDS,
    REMOVABLE,
    T_SCORE_FIELDS,
    carried_initial,
    fracture_rows,
    initial_from_inputs,
    previous_texts,
)
from .errors import ErrorsOnPage
from .fields import LabelledChoiceField, LabelledMultipleChoiceField, date_field, decimal_field
from .live import LiveFigures

NOT_INPUTS = {"notes", "final_category", "override_reason", "correction_reason"}
"""Fields that are not categorised: the suggestion is shown while one of them has an error."""

BASED_ON = "based_on"
"""The hidden field naming the assessment the form was filled against ("" for none)."""


class FractureForm(PlainTextFields, forms.Form):
    site = LabelledChoiceField(enum=FractureSite, label=_("Site"), blank="—", required=False)
    date = date_field(_("Date"))
    low_energy = forms.BooleanField(label=_("Low-energy"), required=False, initial=True)


FractureFormSet = forms.formset_factory(FractureForm, extra=0, can_delete=True, max_num=30)


def _question(number):
    return gettext("Question %(number)s") % {"number": number}


def fes_i_field(number):
    low, high = ANSWER_RANGE
    return forms.TypedChoiceField(
        label=lazy(_question, str)(number),
        choices=[(answer, str(answer)) for answer in range(low, high + 1)],
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )


class AssessmentForm(PlainTextFields, ErrorsOnPage, LiveFigures, forms.Form):
    """Every input of domain.md §3, in page order; checks come from parse_assessment.

    `previous` (a reassessment) pre-fills what §4b carries forward and shows the previous
    value of what is measured anew; `inputs` (a correction) pre-fills every stored input."""

    assessment_date = date_field(_("Assessment date"), required=True)
    height_cm = decimal_field(_("Height (cm)"), "height_cm")
    weight_kg = decimal_field(_("Weight (kg)"), "weight_kg")
    height_loss_cm = decimal_field(
        _("Height loss since early adulthood (cm)"),
        "height_loss_cm",
        help_text=_("Measured, or as the patient reports it."),
    )
    occiput_wall_cm = decimal_field(
        _("Occiput-to-wall distance (cm)"),
        "occiput_wall_cm",
        help_text=_("0 when the back of the head touches the wall."),
    )
    suspected_new_vertebral_fracture = forms.BooleanField(
        label=_("Suspected new vertebral fracture (sudden new back pain without a clear cause)"),
        required=False,
    )
    t_lumbar_spine = decimal_field(_("Lumbar spine L1–L4"), "t_scores")
    t_femoral_neck = decimal_field(_("Femoral neck"), "t_scores")
    t_total_hip = decimal_field(_("Total hip"), "t_scores")
    t_forearm = decimal_field(_("Forearm (33 % radius)"), "t_scores")
    dxa_scan_date = date_field(_("DXA scan date"))
    falls_last_12_months = forms.IntegerField(
        label=_("Falls in the last 12 months"),
        required=False,
        widget=forms.NumberInput(attrs={"min": 0, "max": 50}),
    )
    injurious_fall = forms.BooleanField(label=_("An injurious fall"), required=False)
    walking_aid = LabelledChoiceField(
        enum=WalkingAid, label=_("Walking aid"), initial="none", required=False
    )
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
    fes_i_1, fes_i_2, fes_i_3, fes_i_4, fes_i_5, fes_i_6, fes_i_7 = (
        fes_i_field(number) for number in range(1, 8)
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
    medication = LabelledChoiceField(
        enum=Medication,
        label=_("Osteoporosis medication"),
        blank=_("Not recorded"),
        required=False,
    )
    frax_major_percent = decimal_field(
        _("FRAX major osteoporotic fracture (%)"), "frax_major_percent"
    )
    frax_hip_percent = decimal_field(_("FRAX hip fracture (%)"), "frax_hip_percent")
    frax_date = date_field(_("FRAX calculated on"))
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

    def __init__(
        self, data=None, *, patient, today: date, previous=None, inputs=None, events=(), **kwargs
    ):
        self.patient, self.today, self.previous = patient, today, previous
        self.carried: set[str] = set()
        self.from_events: set[str] = set()
        self.previous_texts: dict[str, str] = {}
        initial = {"assessment_date": today, "walking_aid": "none", "tandem_max_seconds": 30}
        fractures = []
        if inputs is not None:
            initial = {**initial, **initial_from_inputs(inputs)}
            fractures = fracture_rows(inputs)
        elif previous is not None:
            carried, fractures, self.carried = carried_initial(previous.inputs)
            initial.update(carried)
            self.previous_texts = previous_texts(previous.inputs)
        carried_count = len(fractures)
        if inputs is None and events:
            fractures = fractures + self._from_events(initial, events, fractures, today)
        super().__init__(data, initial={**initial, **kwargs.pop("initial", {})}, **kwargs)
        for name in REMOVABLE:
            self.fields[f"remove_{name}"] = forms.BooleanField(label=_("Remove"), required=False)
        language = current_language()
        self.fields["final_category"].choices = [("", _("Use the suggestion"))] + [
            (c.value, c.label(language)) for c in Category
        ]
        self.fractures = FractureFormSet(
            data, prefix="fractures", initial=None if data is not None else fractures
        )
        for number, row in enumerate(self.fractures.forms[: self.fractures.initial_form_count()]):
            carried = previous is not None and number < carried_count
            row.carried_from = previous.assessment_date if carried else None
            row.from_events = number >= carried_count and inputs is None
        self.inputs = None
        self.result = None

    def _from_events(self, initial, events, fractures, today) -> list[dict]:
        """Falls in the last 12 months and fractures recorded since (assessment.domain.events)."""
        falls = falls_last_12_months(events, today)
        if falls is not None:
            initial["falls_last_12_months"], initial["injurious_fall"] = falls
            self.from_events |= {"falls_last_12_months", "injurious_fall"}
        return fractures_to_add(events, fractures, today)

    @property
    def is_reassessment(self):
        return self.previous is not None

    @property
    def based_on(self) -> str:
        """The id of the assessment the form is filled against, "" for a first assessment."""
        return str(self.previous.pk) if self.previous is not None else ""

    @property
    def outdated(self) -> bool:
        """Posted against another assessment than the latest: a colleague saved (or corrected,
        or voided) one meanwhile. A form without the field (opened before it existed) is not
        checked."""
        posted = self.data.get(BASED_ON) if self.is_bound else None
        return posted is not None and posted != self.based_on

    def carried_from(self, name):
        """The date of the assessment a pre-filled value comes from, or None."""
        return self.previous.assessment_date if name in self.carried else None

    def input_json(self) -> dict:
        """The §5 JSON of what was typed; fields that failed Django's own checks are left
        out (their error is already on them), so parse_assessment checks all the rest."""
        c = self.cleaned_data
        number = lambda key: float(c[key]) if c.get(key) is not None else None  # noqa: E731
        iso = lambda key: c[key].isoformat() if c.get(key) else None  # noqa: E731
        answers = [c.get(name) for name in FES_I_FIELDS]
        data = {
            "assessment_date": iso("assessment_date"),
            "birth_date": self.patient.birth_date.isoformat(),
            "sex": self.patient.sex,
            "t_scores": {site.value: number(name) for name, site in T_SCORE_FIELDS.items()},
            "dxa_scan_date": iso("dxa_scan_date"),
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
            "frax_date": iso("frax_date"),
            "height_cm": number("height_cm"),
            "weight_kg": number("weight_kg"),
            "height_loss_cm": number("height_loss_cm"),
            "occiput_wall_cm": number("occiput_wall_cm"),
            "suspected_new_vertebral_fracture": c.get("suspected_new_vertebral_fracture", False),
            "fes_i_short": answers if any(a is not None for a in answers) else None,
            "medication": c.get("medication") or None,
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
        """Valid when every field and fracture row is, and parse_assessment accepted it all
        (an error it finds on a fracture row is on that row, not on this form)."""
        fractures_valid = self.fractures.is_valid()
        return super().is_valid() and fractures_valid and self.inputs is not None

    def clean(self):
        cleaned = super().clean()
        outdated = self.outdated
        self._apply_removals(cleaned, emptied_is_error=not outdated)
        try:
            inputs = parse_assessment(self.input_json(), today=self.today)
        except InputError as problem:
            self._attach(problem.errors)
        else:
            if self.fractures.is_valid() and not set(self.errors) - NOT_INPUTS:
                self.inputs = inputs
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
        if outdated:
            self.add_error(None, self._outdated_message())
        return cleaned

    def _apply_removals(self, cleaned, *, emptied_is_error=True):
        """A carried value is left out only when its Remove button was pressed; an emptied
        carried field without it is an error, so nothing carried is lost by accident (not on
        an outdated form: those values were never shown to the physiotherapist)."""
        for name in REMOVABLE:
            if cleaned.get(f"remove_{name}"):
                cleaned[name] = None
            elif (
                emptied_is_error
                and name in self.carried
                and cleaned.get(name) is None
                and name not in self.errors
            ):
                self.add_error(name, self._emptied_message(name))

    def _outdated_message(self):
        """Added last, so the live preview still shows the suggestion; nothing is saved."""
        if self.previous is None:
            return _(
                "The assessment this form started from was entered in error while you were "
                "typing. Your values are kept; check them and save again."
            )
        by = self.previous.assessed_by
        return _(
            "A colleague saved an assessment for this patient on %(date)s (%(name)s) while you "
            "were typing. Your values are kept; check them against that assessment and save "
            "again."
        ) % {
            "date": date_format(self.previous.assessment_date, "SHORT_DATE_FORMAT"),
            "name": by.get_full_name() or by.get_username(),
        }

    def _emptied_message(self, name):
        value = self.initial.get(name)
        shown = date_format(value, "SHORT_DATE_FORMAT") if isinstance(value, date) else None
        return _(
            "The value from %(date)s (%(value)s) was emptied. Type it again, or press "
            "“Remove” to leave it out."
        ) % {
            "date": date_format(self.previous.assessment_date, "SHORT_DATE_FORMAT"),
            "value": shown or number_format(value),
        }


class CorrectionForm(AssessmentForm):
    """The assessment form for a new version of a saved assessment: a reason is required."""

    correction_reason = forms.CharField(
        label=_("Reason for the correction"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Kept with the new version and shown in the history."),
    )


class CategoryChoiceForm(PlainTextFields, forms.Form):
    category = forms.ChoiceField(choices=[(c.value, c.value) for c in Category])
    reason = forms.CharField(required=False, max_length=2000)


class VoidForm(PlainTextFields, forms.Form):
    reason = forms.CharField(
        label=_("Why was the assessment entered in error?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: recorded on the wrong patient."),
    )
