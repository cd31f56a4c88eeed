"""The layout's cheaper building blocks give exactly what their plain counterparts give."""

from datetime import date, datetime
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.template import engines
from django.urls import reverse
from django.utils import translation

from osteoactive.templatetags import osteoactive as tags


def render(source, context=None):
    return engines["django"].from_string("{% load osteoactive %}" + source).render(context or {})


@pytest.mark.parametrize(
    "value, shown",
    [
        (date(2026, 3, 2), "02.03.2026"),
        # 23:30 UTC on 31 December is already New Year's Day in Copenhagen.
        (datetime(2026, 12, 31, 23, 30, tzinfo=ZoneInfo("UTC")), "01.01.2027"),
        (None, ""),
    ],
)
def test_day_matches_the_date_filter(value, shown):
    assert render("{{ value|day }}", {"value": value}) == shown
    assert render('{{ value|date:"d.m.Y" }}', {"value": value}) == shown


@pytest.mark.parametrize("name", ["home", "logout", "set_language", "assessment:patient_list"])
def test_route_is_reverse(name):
    assert render(f"{{% route '{name}' %}}") == reverse(name)


def test_fixed_markup_is_rendered_once_per_language_and_flags():
    tags._rendered_once.cache_clear()
    source = '{% fixed "includes/nav_links.html" physiotherapist=p clinic_admin=a %}'
    with mock.patch.object(tags, "render_to_string", wraps=tags.render_to_string) as rendered:
        with translation.override("da"):
            danish = render(source, {"p": True, "a": False})
            assert render(source, {"p": True, "a": False}) == danish
            admin = render(source, {"p": True, "a": True})
        with translation.override("en"):
            english = render(source, {"p": True, "a": False})
    assert rendered.call_count == 3
    assert "Patienter" in danish and "Personale" not in danish
    assert "Personale" in admin
    assert "Patients" in english
