from decimal import Decimal

from django import forms
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from osteoactive.date_input import DateInput
from osteoactive.domain.vocabulary import Domain, Level
from osteoactive.language import current_language, labelled_choices
from osteoactive.plain_text import PlainTextFields
from osteoactive.uploads import link_through_view, validated_image

from .domain.spec import (
    DOSE_TYPE_FIELDS,
    DOSE_TYPES,
    DoseType,
    Equipment,
    Impact,
    Kind,
    Pattern,
    Position,
)
from .models import Exercise, Program


def equipment_choices():
    return labelled_choices(Equipment)


class LibrarySearchForm(PlainTextFields, forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)


class ProgramOptionsForm(PlainTextFields, forms.Form):
    setting = forms.ChoiceField(
        label=_("Where will the patient train?"),
        choices=Program.Setting.choices,
        initial=Program.Setting.HOME,
        help_text=_("Exercises needing supervision are only chosen for a supervised setting."),
    )
    equipment = forms.MultipleChoiceField(
        label=_("Equipment the patient has"),
        required=False,
        choices=equipment_choices,
        widget=forms.CheckboxSelectMultiple,
    )


DOSE_FIELD_LABELS = {
    "sets": (_("Sets"), 10),
    "reps": (_("Repetitions"), 100),
    "hold_seconds": (_("Hold (seconds)"), 600),
    "minutes": (_("Minutes"), 120),
    "flights": (_("Flights of stairs"), 30),
}


class _DoseFields(PlainTextFields, forms.Form):
    """The dose fields of one phase, only those the exercise's dose type has."""

    sets = forms.IntegerField(label=_("Sets"), required=False, min_value=1, max_value=10)
    reps = forms.IntegerField(label=_("Repetitions"), required=False, min_value=1, max_value=100)
    hold_seconds = forms.IntegerField(
        label=_("Hold (seconds)"), required=False, min_value=1, max_value=600
    )
    minutes = forms.IntegerField(label=_("Minutes"), required=False, min_value=1, max_value=120)
    flights = forms.IntegerField(
        label=_("Flights of stairs"), required=False, min_value=1, max_value=30
    )

    def __init__(self, *args, dose_type, **kwargs):
        super().__init__(*args, **kwargs)
        dose_type = DoseType(dose_type)
        self.required_fields, optional = DOSE_TYPE_FIELDS.get(dose_type, (frozenset(), frozenset()))
        for name in DOSE_FIELD_LABELS:
            if name not in self.required_fields | optional:
                del self.fields[name]
        for field in self.fields.values():
            css = "form-check-input" if isinstance(field, forms.BooleanField) else "form-control"
            field.widget.attrs.setdefault("class", css)

    def clean(self):
        cleaned = super().clean()
        for name in self.required_fields & set(DOSE_FIELD_LABELS):
            if cleaned.get(name) is None and name not in self.errors:
                self.add_error(name, _("This dose needs a value here."))
        return cleaned

    @property
    def dose_fields(self):
        return [self[name] for name in DOSE_FIELD_LABELS if name in self.fields]

    def dose(self) -> dict:
        return {
            name: self.cleaned_data.get(name) for name in DOSE_FIELD_LABELS if name in self.fields
        }


class DoseForm(_DoseFields):
    """The dose of the first phase (weeks 1–4, or 5–8 for what starts in week 5) and the
    days a week of every phase."""

    days_per_week = forms.IntegerField(label=_("Days per week"), min_value=1, max_value=7)


class PhaseDoseForm(_DoseFields):
    """A later phase's dose: left as it is it follows the first phase, changed it is set by
    hand; a phase set by hand can be made to follow again."""

    follow = forms.BooleanField(label=_("Follow the first phase again"), required=False)

    def __init__(self, *args, weeks, by_hand, **kwargs):
        super().__init__(*args, **kwargs)
        self.weeks, self.by_hand = weeks, by_hand
        if not by_hand:
            del self.fields["follow"]

    @property
    def given(self) -> bool:
        """Whether the phase's dose was sent at all (a form may send the first phase only)."""
        return any(self.add_prefix(field.name) in self.data for field in self.dose_fields)

    def clean(self):
        return super().clean() if self.given else self.cleaned_data


class PickerForm(PlainTextFields, forms.Form):
    q = forms.CharField(label=_("Search the library"), required=False, max_length=100)
    excluded = forms.BooleanField(
        label=_("Also show exercises the filters exclude"), required=False
    )


class TemplateNameForm(PlainTextFields, forms.Form):
    name = forms.CharField(
        label=_("Template name"),
        max_length=120,
        help_text=_("For example “Hold for hverdagsaktive”. The whole clinic can use it."),
    )


class TemplateApplyForm(ProgramOptionsForm):
    template = forms.ModelChoiceField(label=_("Clinic template"), queryset=None)

    def __init__(self, *args, templates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = templates


class LiftLoadForm(PlainTextFields, forms.Form):
    """One session's loads: a date and the kg of each heavy lift (empty when not done)."""

    session_date = forms.DateField(
        label=_("Session date"),
        widget=DateInput(attrs={"class": "form-control"}),
    )

    def __init__(self, *args, lifts, **kwargs):
        super().__init__(*args, **kwargs)
        self.lifts = lifts
        for item, name in lifts:
            self.fields[f"kg_{item.id}"] = forms.DecimalField(
                label=_("%(lift)s (kg)") % {"lift": name},
                required=False,
                min_value=Decimal("0.5"),
                max_value=Decimal("400"),
                decimal_places=1,
                max_digits=5,
                widget=forms.NumberInput(
                    attrs={"class": "form-control", "step": "0.5", "inputmode": "decimal"}
                ),
            )

    @property
    def lift_fields(self):
        return [self[f"kg_{item.id}"] for item, _name in self.lifts]

    def loads(self) -> dict:
        return {item: self.cleaned_data.get(f"kg_{item.id}") for item, _name in self.lifts}


class ExerciseForm(PlainTextFields, forms.ModelForm):
    """A clinic's own exercise; instructions are one step per line.

    An exercise is a ladder of its own (rung 1) unless it joins a ladder of the library; one that
    joins takes the ladder's movement pattern and a rung no other exercise of the ladder has."""

    equipment = forms.MultipleChoiceField(
        label=_("Equipment"),
        required=False,
        choices=equipment_choices,
        widget=forms.CheckboxSelectMultiple,
    )
    variant_group = forms.ChoiceField(
        label=_("Ladder (easier and harder versions of one movement)"), required=False
    )
    sets = forms.IntegerField(label=_("Default sets"), required=False, min_value=1, max_value=10)
    reps = forms.IntegerField(
        label=_("Default repetitions"), required=False, min_value=1, max_value=100
    )
    hold_seconds = forms.IntegerField(
        label=_("Default hold (seconds)"), required=False, min_value=1, max_value=600
    )
    minutes = forms.IntegerField(
        label=_("Default minutes"), required=False, min_value=1, max_value=120
    )
    flights = forms.IntegerField(
        label=_("Default flights of stairs"), required=False, min_value=1, max_value=30
    )
    per_side = forms.BooleanField(label=_("Done on each side"), required=False)

    class Meta:
        model = Exercise
        fields = [
            "name_da",
            "name_en",
            "instructions_da",
            "instructions_en",
            "safety_tip_da",
            "safety_tip_en",
            "domain",
            "secondary_domain",
            "kind",
            "pattern",
            "position",
            "variant_group",
            "rung",
            "min_level",
            "impact",
            "loaded_spinal_flexion",
            "needs_supervision",
            "equipment",
            "dose_type",
            "illustration",
            "illustration_alt_da",
            "illustration_alt_en",
            "priority",
        ]
        widgets = {
            "instructions_da": forms.Textarea(attrs={"rows": 5}),
            "instructions_en": forms.Textarea(attrs={"rows": 5}),
            "safety_tip_da": forms.Textarea(attrs={"rows": 2}),
            "safety_tip_en": forms.Textarea(attrs={"rows": 2}),
            "illustration": forms.ClearableFileInput(
                attrs={"accept": "image/png,image/jpeg,image/webp"}
            ),
        }

    def __init__(self, *args, library, **kwargs):
        super().__init__(*args, **kwargs)
        for name, enum in (
            ("domain", Domain),
            ("secondary_domain", Domain),
            ("kind", Kind),
            ("pattern", Pattern),
            ("position", Position),
            ("min_level", Level),
            ("impact", Impact),
        ):
            blank = [("", "—")] if name == "secondary_domain" else []
            self.fields[name].choices = blank + labelled_choices(enum)
        self.fields["dose_type"].choices = [
            choice for choice in labelled_choices(DoseType) if choice[0] in DOSE_TYPES
        ]
        self.ladders = _ladders(library, exclude=self.instance.pk)
        language = current_language()
        self.fields["variant_group"].choices = [("", _("Its own ladder (rung 1)"))] + [
            (group, " → ".join(e.name(language) for e in rungs))
            for group, rungs in sorted(self.ladders.items())
        ]
        self.fields["variant_group"].initial = ""
        for name in ("pattern", "position", "rung"):
            self.fields[name].required = False
        self.fields["pattern"].choices = [("", _("From the kind"))] + self.fields["pattern"].choices
        self.fields["pattern"].help_text = _(
            "Left empty, a kind with one obvious pattern gives it (balance → static balance, "
            "walking → walking, …); a strength exercise needs one chosen."
        )
        if self.instance.pk:
            for name, value in (self.instance.default_dose or {}).items():
                if name in self.fields:
                    self.initial[name] = value
        self.fields["illustration"].required = not (self.instance.pk and self.instance.illustration)
        if self.instance.pk:
            url = reverse("programs:exercise_illustration", args=[self.instance.pk])
            link_through_view(self, "illustration", url)

    def clean_illustration(self):
        image = self.cleaned_data.get("illustration")
        if image and hasattr(image, "content_type"):
            return validated_image(image)
        return image

    def clean(self):
        cleaned = super().clean()
        needed = (
            DOSE_TYPE_FIELDS[DoseType(cleaned["dose_type"])][0] if cleaned.get("dose_type") else ()
        )
        for name in set(needed) & set(DOSE_FIELD_LABELS):
            if cleaned.get(name) is None:
                self.add_error(name, _("The default dose needs a value here."))
        for name in ("name_da", "name_en"):
            if cleaned.get(name) and not slugify(cleaned[name]):
                self.add_error(name, _("Use letters or digits in the name."))
        self._clean_defaults(cleaned)
        self._clean_ladder(cleaned)
        return cleaned

    def _clean_defaults(self, cleaned):
        """Sensible defaults: standing, rung 1, and the pattern the kind implies."""
        cleaned["position"] = cleaned.get("position") or Position.STANDING.value
        if cleaned.get("rung") is None and "rung" not in self.errors:
            cleaned["rung"] = 1
        if not cleaned.get("pattern") and cleaned.get("kind"):
            pattern = PATTERN_FOR_KIND.get(cleaned["kind"])
            if pattern is None:
                self.add_error("pattern", _("Choose the movement pattern for this kind."))
            else:
                cleaned["pattern"] = pattern.value

    def _clean_ladder(self, cleaned):
        group, rung = cleaned.get("variant_group") or "", cleaned.get("rung")
        if rung is None:
            return
        if not group:
            if rung != 1:
                self.add_error(
                    "rung", _("An exercise in a ladder of its own is rung 1; join a ladder first.")
                )
            return
        rungs = self.ladders.get(group, ())
        if rungs and cleaned.get("pattern") and cleaned["pattern"] != rungs[0].pattern:
            self.add_error(
                "pattern",
                _("The ladder is the movement pattern “%(pattern)s”.")
                % {"pattern": Pattern(rungs[0].pattern).label(current_language())},
            )
        taken = {e.rung for e in rungs}
        if rung in taken:
            self.add_error(
                "rung",
                _("Rung %(rung)s of this ladder is taken; free rungs start at %(free)s.")
                % {"rung": rung, "free": max(taken) + 1},
            )

    def default_dose(self):
        dose_type = DoseType(self.cleaned_data["dose_type"])
        required, optional = DOSE_TYPE_FIELDS[dose_type]
        dose = {}
        for name in sorted(required | optional):
            value = self.cleaned_data.get(name)
            if name == "technique":
                dose[name] = True
            elif name == "per_side":
                if value:
                    dose[name] = True
            elif value is not None:
                dose[name] = value
        return dose


PATTERN_FOR_KIND = {
    Kind.IMPACT: Pattern.IMPACT,
    Kind.BALANCE: Pattern.BALANCE_STATIC,
    Kind.CORE: Pattern.POSTURE,
    Kind.BACK_EXTENSOR: Pattern.EXTENSION,
    Kind.POSTURE: Pattern.POSTURE,
    Kind.MOBILITY: Pattern.MOBILITY,
    Kind.PAIN_RELIEF: Pattern.PAIN_RELIEF,
    Kind.TECHNIQUE: Pattern.TECHNIQUE,
    Kind.WALKING: Pattern.WALKING,
}
"""The pattern a kind implies when the clinic admin leaves it empty (not for strength)."""


def _ladders(library, exclude=None) -> dict[str, list]:
    """The library's ladders without the exercise being edited, each easiest first."""
    ladders: dict[str, list] = {}
    for exercise in library:
        if exercise.pk != exclude:
            ladders.setdefault(exercise.ladder, []).append(exercise)
    return {group: sorted(rungs, key=lambda e: (e.rung, e.key)) for group, rungs in ladders.items()}
