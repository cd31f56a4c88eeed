"""Dates follow the active language (osteoactive/formats), and the `day` filter that the patient
list uses instead of Django's `date` filter gives exactly what that filter gives."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.template import engines
from django.utils import translation


def render(source, context=None):
    return engines["django"].from_string("{% load osteoactive %}" + source).render(context or {})


# 23:30 UTC on 31 December is already New Year's Day in Copenhagen.
NEW_YEAR = datetime(2026, 12, 31, 23, 30, tzinfo=ZoneInfo("UTC"))


@pytest.mark.parametrize(
    "language, value, shown",
    [
        ("da", date(2026, 11, 21), "21.11.2026"),
        ("en", date(2026, 11, 21), "21/11/2026"),
        ("da", NEW_YEAR, "01.01.2027"),
        ("en", NEW_YEAR, "01/01/2027"),
        ("da", None, ""),
    ],
)
def test_day_is_the_date_filter_with_the_short_date_format(language, value, shown):
    with translation.override(language):
        assert render("{{ value|day }}", {"value": value}) == shown
        assert render('{{ value|date:"SHORT_DATE_FORMAT" }}', {"value": value}) == shown


@pytest.mark.parametrize(
    "language, shown",
    [
        ("da", ["21.11.2026", "21.11.2026", "21.11.2026 09:05", "21.11.2026 09:05:30"]),
        ("en", ["21/11/2026", "21/11/2026", "21/11/2026 09:05", "21/11/2026 09:05:30"]),
    ],
)
def test_dates_and_times_in_each_language(language, shown):
    moment = datetime(2026, 11, 21, 9, 5, 30, tzinfo=ZoneInfo("Europe/Copenhagen"))
    source = (
        '{{ day|date }}|{{ day|date:"SHORT_DATE_FORMAT" }}|'
        '{{ moment|date:"SHORT_DATETIME_FORMAT" }}|{{ moment|date:"DATETIME_FORMAT" }}'
    )
    with translation.override(language):
        assert render(source, {"day": moment.date(), "moment": moment}).split("|") == shown
