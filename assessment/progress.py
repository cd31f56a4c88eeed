"""The progress charts of a patient's assessments, with the cut-offs of domain.md §4."""

from django.utils.translation import gettext as _

from osteoactive.language import current_language

from .domain.charts import Chart, CutOff, render_chart
from .domain.inputs import age_at
from .domain.rules import (
    FALL_STS5_ABOVE,
    FALL_TANDEM_BELOW,
    FALL_TUG_ABOVE,
    T_MIN_PRECAUTION,
    TUG_LIMITED_ABOVE,
    TUG_TRAINING_MAX,
    sts5_age_norm,
)


def progress_charts(patient, assessments):
    """SVG strings for TUG, 5xSTS, tandem stance and T-min over time (oldest first)."""
    ordered = sorted(assessments, key=lambda a: (a.assessment_date, a.created_at))

    def points(attribute):
        return tuple(
            (a.assessment_date, float(getattr(a, attribute)))
            for a in ordered
            if getattr(a, attribute) is not None
        )

    latest_age = age_at(patient.birth_date, ordered[-1].assessment_date) if ordered else 70
    charts = [
        Chart(
            _("Timed Up and Go"),
            _("seconds"),
            points("tug_seconds"),
            (
                CutOff(TUG_TRAINING_MAX, _("training level")),
                CutOff(FALL_TUG_ABOVE, _("fall risk")),
                CutOff(TUG_LIMITED_ABOVE, _("limited")),
            ),
        ),
        Chart(
            _("5× sit-to-stand"),
            _("seconds"),
            points("sts5_seconds"),
            (
                CutOff(sts5_age_norm(latest_age), _("age norm")),
                CutOff(FALL_STS5_ABOVE, _("fall risk")),
            ),
        ),
        Chart(
            _("Tandem stance"),
            _("seconds"),
            points("tandem_seconds"),
            (CutOff(FALL_TANDEM_BELOW, _("fall risk below")),),
            lower_is_better=False,
        ),
        Chart(
            _("Lowest T-score"),
            "SD",
            points("t_min"),
            (
                CutOff(-1.0, _("osteopenia")),
                CutOff(-2.5, _("osteoporosis")),
                CutOff(T_MIN_PRECAUTION, _("precautions")),
            ),
            lower_is_better=False,
        ),
    ]
    decimal_comma = current_language() == "da"
    return [
        render_chart(chart, empty_text=_("Not recorded yet"), decimal_comma=decimal_comma)
        for chart in charts
    ]
