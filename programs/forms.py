from django import forms
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from osteoactive.domain.vocabulary import Domain, Level
from osteoactive.language import labelled_choices
from osteoactive.plain_text import PlainTextFields
from osteoactive.uploads import link_through_view, validated_image

from .domain.spec import DOSE_TYPE_FIELDS, DoseType, Equipment, Impact, Kind
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


class DoseForm(PlainTextFields, forms.Form):
    sets = forms.IntegerField(label=_("Sets"), required=False, min_value=1, max_value=10)
    reps = forms.IntegerField(label=_("Repetitions"), required=False, min_value=1, max_value=100)
    seconds = forms.IntegerField(label=_("Seconds"), required=False, min_value=1, max_value=600)
    minutes = forms.IntegerField(label=_("Minutes"), required=False, min_value=1, max_value=120)
    metres = forms.IntegerField(label=_("Metres"), required=False, min_value=1, max_value=10000)
    days_per_week = forms.IntegerField(label=_("Days per week"), min_value=1, max_value=7)

    def __init__(self, *args, dose_type, **kwargs):
        super().__init__(*args, **kwargs)
        self.required_fields, optional = DOSE_TYPE_FIELDS[DoseType(dose_type)]
        for name in ("sets", "reps", "seconds", "minutes", "metres"):
            if name not in self.required_fields | optional:
                del self.fields[name]

    def clean(self):
        cleaned = super().clean()
        for name in self.required_fields:
            if cleaned.get(name) is None and name not in self.errors:
                self.add_error(name, _("This dose needs a value here."))
        return cleaned


class ExerciseForm(PlainTextFields, forms.ModelForm):
    """A clinic's own exercise; instructions are one step per line."""

    equipment = forms.MultipleChoiceField(
        label=_("Equipment"),
        required=False,
        choices=equipment_choices,
        widget=forms.CheckboxSelectMultiple,
    )
    sets = forms.IntegerField(label=_("Default sets"), required=False, min_value=1, max_value=10)
    reps = forms.IntegerField(
        label=_("Default repetitions"), required=False, min_value=1, max_value=100
    )
    seconds = forms.IntegerField(
        label=_("Default seconds"), required=False, min_value=1, max_value=600
    )
    minutes = forms.IntegerField(
        label=_("Default minutes"), required=False, min_value=1, max_value=120
    )
    metres = forms.IntegerField(
        label=_("Default metres"), required=False, min_value=1, max_value=10000
    )

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
            "min_level",
            "impact",
            "loaded_spinal_flexion",
            "needs_supervision",
            "equipment",
            "dose_type",
            "illustration",
            "regression",
            "progression",
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
            ("min_level", Level),
            ("impact", Impact),
            ("dose_type", DoseType),
        ):
            blank = [("", "—")] if name == "secondary_domain" else []
            self.fields[name].choices = blank + labelled_choices(enum)
        for name in ("regression", "progression"):
            self.fields[name].queryset = library
            self.fields[name].required = False
            self.fields[name].empty_label = "—"
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
        for name in needed:
            if cleaned.get(name) is None:
                self.add_error(name, _("The default dose needs a value here."))
        for name in ("name_da", "name_en"):
            if cleaned.get(name) and not slugify(cleaned[name]):
                self.add_error(name, _("Use letters or digits in the name."))
        return cleaned

    def default_dose(self):
        return {
            name: self.cleaned_data[name]
            for name in sorted(DOSE_TYPE_FIELDS[DoseType(self.cleaned_data["dose_type"])][0])
        }
