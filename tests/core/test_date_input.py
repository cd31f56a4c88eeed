"""Date fields show and take dates in the active language's format, whatever the browser's."""

from datetime import date

import pytest
from django import forms
from django.utils import translation

from osteoactive.date_input import DateInput, date_field


class DayForm(forms.Form):
    day = date_field("Day")


@pytest.mark.parametrize(
    ("language", "shown", "placeholder"),
    [
        ("da", 'value="02.03.1950"', 'placeholder="dd.mm.åååå"'),
        ("en", 'value="02/03/1950"', 'placeholder="dd/mm/yyyy"'),
    ],
)
def test_a_date_is_shown_in_the_language_of_the_page(language, shown, placeholder):
    with translation.override(language):
        html = DayForm(initial={"day": date(1950, 3, 2)})["day"].as_widget()
    assert 'type="text"' in html and "data-date-input" in html
    assert shown in html and placeholder in html


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("da", "02.03.1950"),
        ("da", "2.3.1950"),
        ("da", "02-03-1950"),
        ("da", "1950-03-02"),
        ("en", "02/03/1950"),
        ("en", "2/3/1950"),
        ("en", "1950-03-02"),
    ],
)
def test_a_typed_date_is_read_day_first(language, typed):
    with translation.override(language):
        form = DayForm({"day": typed})
        assert form.is_valid(), form.errors
    assert form.cleaned_data["day"] == date(1950, 3, 2)


def test_month_first_is_not_read_as_a_date_in_english():
    with translation.override("en"):
        assert not DayForm({"day": "03/25/1950"}).is_valid()


def test_every_date_field_of_every_form_uses_the_one_widget():
    from assessment.forms import AssessmentForm, PatientForm
    from assessment.forms.assessment import FractureForm
    from osteoactive.forms import AuditFilterForm
    from prescriptions.forms import IssueForm
    from programs.forms import LiftLoadForm

    found = []
    forms_with_dates = (
        PatientForm,
        AssessmentForm,
        FractureForm,
        AuditFilterForm,
        IssueForm,
        LiftLoadForm,
    )
    for form_class in forms_with_dates:
        for name, field in form_class.base_fields.items():
            if isinstance(field, forms.DateField):
                found.append(name)
                assert isinstance(field.widget, DateInput), f"{form_class.__name__}.{name}"
    assert len(found) >= 6
