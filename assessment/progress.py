"""The patient's progress: the last two assessments compared (§4b meaningful change) and the
charts over time with the cut-offs of §4, each with its values as a table. Only assessments
in force count: a corrected version or one entered in error is left out."""

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from osteoactive.language import current_language

from .domain.change import MEASURES, meaningful_change
from .domain.charts import Chart, CutOff, number, render_chart
from .domain.fes_i import HIGH_CONCERN_FROM, MODERATE_CONCERN_FROM, fes_i_level
from .domain.inputs import age_at
from .domain.readers import InputError
from .domain.rules import (
    FALL_STS5_ABOVE,
    FALL_TANDEM_BELOW,
    FALL_TUG_ABOVE,
    T_MIN_PRECAUTION,
    TUG_LIMITED_ABOVE,
    TUG_TRAINING_MAX,
    sts5_age_norm,
)
from .domain.serialisation import input_from_json


def _in_force_oldest_first(assessments):
    return sorted(
        (a for a in assessments if a.is_in_force), key=lambda a: (a.assessment_date, a.created_at)
    )


def _seconds(value) -> str:
    return f"{number_format(value, 1)} s"


def _timed(inputs: dict, test: str) -> str:
    if inputs.get(f"{test}_unable"):
        return _("unable")
    value = inputs.get(f"{test}_seconds")
    return _seconds(value) if value is not None else "–"


def _fes_i(inputs: dict) -> str:
    answers = inputs.get("fes_i_short")
    if not answers:
        return "–"
    total = sum(answers)
    return f"{total} ({fes_i_level(total).label(current_language()).lower()})"


def measure_text(inputs: dict, measure: str) -> str:
    """A measure of the comparison as recorded, for the table."""
    if measure in ("tug", "sts5"):
        return _timed(inputs, measure)
    if measure == "tandem":
        value = inputs.get("tandem_seconds")
        return _seconds(value) if value is not None else "–"
    return _fes_i(inputs)


def measure_names() -> dict[str, str]:
    return {
        "tug": _("Timed Up and Go"),
        "sts5": _("5× sit-to-stand"),
        "tandem": _("Tandem stance"),
        "fes_i": _("Short FES-I (concern about falling)"),
    }


def comparison(assessments) -> dict | None:
    """The latest two assessments in force side by side, with the verdict of each measure
    ("better", "no detectable change", "worse"; none when a value is missing)."""
    ordered = _in_force_oldest_first(assessments)
    if len(ordered) < 2:
        return None
    previous, current = ordered[-2], ordered[-1]
    try:
        verdicts = meaningful_change(
            input_from_json(previous.inputs), input_from_json(current.inputs)
        )
    except InputError:
        return None
    language, names = current_language(), measure_names()
    return {
        "previous": previous,
        "current": current,
        "rows": [
            {
                "measure": names[measure],
                "previous": measure_text(previous.inputs, measure),
                "current": measure_text(current.inputs, measure),
                "verdict": verdicts[measure].value if verdicts[measure] else "",
                "verdict_label": verdicts[measure].label(language) if verdicts[measure] else "",
            }
            for measure in MEASURES
        ],
    }


def progress_charts(patient, assessments) -> list[dict]:
    """Each chart: its SVG, title, unit, whether lower is better, and its values as table
    rows (date, value), for TUG, 5xSTS, tandem stance, Short FES-I and T-min."""
    ordered = _in_force_oldest_first(assessments)

    def points(attribute):
        return tuple(
            (a.assessment_date, float(getattr(a, attribute)))
            for a in ordered
            if getattr(a, attribute) is not None
        )

    latest_age = age_at(patient.birth_date, ordered[-1].assessment_date) if ordered else 70
    charts = [
        (
            Chart(
                _("Timed Up and Go"),
                "s",
                points("tug_seconds"),
                (
                    CutOff(TUG_TRAINING_MAX, _("training level")),
                    CutOff(FALL_TUG_ABOVE, _("fall risk")),
                    CutOff(TUG_LIMITED_ABOVE, _("limited")),
                ),
            ),
            lambda a: _timed(a.inputs, "tug"),
        ),
        (
            Chart(
                _("5× sit-to-stand"),
                "s",
                points("sts5_seconds"),
                (
                    CutOff(sts5_age_norm(latest_age), _("age norm")),
                    CutOff(FALL_STS5_ABOVE, _("fall risk")),
                ),
            ),
            lambda a: _timed(a.inputs, "sts5"),
        ),
        (
            Chart(
                _("Tandem stance"),
                "s",
                points("tandem_seconds"),
                (CutOff(FALL_TANDEM_BELOW, _("fall-risk limit")),),
                lower_is_better=False,
            ),
            lambda a: measure_text(a.inputs, "tandem"),
        ),
        (
            Chart(
                _("Short FES-I"),
                _("points"),
                points("fes_i_total"),
                (
                    CutOff(MODERATE_CONCERN_FROM, _("moderate concern")),
                    CutOff(HIGH_CONCERN_FROM, _("high concern")),
                ),
                decimals=0,
            ),
            lambda a: _fes_i(a.inputs),
        ),
        (
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
            lambda a: (
                number(float(a.t_min), current_language() == "da") if a.t_min is not None else "–"
            ),
        ),
    ]
    decimal_comma = current_language() == "da"
    return [
        {
            "title": chart.title,
            "unit": chart.unit,
            "lower_is_better": chart.lower_is_better,
            "svg": render_chart(
                chart,
                empty_text=_("Not recorded yet"),
                single_text=_("One measurement: the curve starts at the next reassessment."),
                decimal_comma=decimal_comma,
            ),
            "rows": [(a.assessment_date, text(a)) for a in ordered if text(a) != "–"],
        }
        for chart, text in charts
    ]
