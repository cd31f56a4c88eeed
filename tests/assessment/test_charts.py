"""The progress charts, as SVG: readable at tablet width, with round ticks, labels that do not
overlap, same-day points side by side, and one measurement shown as its value."""

import re
import xml.etree.ElementTree as ET
from datetime import date

import pytest

from assessment.domain.charts import (
    LABEL_GAP,
    LEFT,
    PLOT_W,
    Chart,
    CutOff,
    nice_ticks,
    number,
    render_chart,
    spread,
)

pytestmark = pytest.mark.pure

SVG = "{http://www.w3.org/2000/svg}"
TUG_CUTS = (CutOff(12.0, "træningsniveau"), CutOff(13.5, "faldrisiko"), CutOff(20.0, "begrænset"))


def parse(svg):
    return ET.fromstring(svg)


def texts(svg):
    return [(float(t.get("x")), float(t.get("y")), t.text) for t in parse(svg).iter(f"{SVG}text")]


def font_sizes(svg):
    return {int(t.get("font-size")) for t in parse(svg).iter(f"{SVG}text")}


@pytest.mark.parametrize(
    "low,high,ticks",
    [
        (8.5, 20.0, [5, 10, 15, 20]),
        (9.5, 14.2, [8, 10, 12, 14, 16]),
        (-3.3, -1.0, [-4, -3, -2, -1]),
        (-2.9, -1.9, [-3.0, -2.5, -2.0, -1.5]),
        (12.0, 12.0, [11, 11.5, 12, 12.5, 13]),
    ],
)
def test_ticks_are_round_and_cover_the_values(low, high, ticks):
    assert nice_ticks(low, high) == ticks


def test_labels_are_moved_apart_and_keep_their_order():
    assert spread([100, 104, 106], LABEL_GAP, 0, 500) == [100, 117, 134]
    at_bottom = spread([240, 245], LABEL_GAP, 0, 250)
    assert at_bottom == [233, 250] and at_bottom[1] - at_bottom[0] == LABEL_GAP


def test_cut_off_labels_never_overlap():
    chart = Chart("TUG", "s", ((date(2026, 1, 5), 12.2), (date(2026, 4, 1), 13.0)), TUG_CUTS)
    svg = render_chart(chart, empty_text="-")
    labels = sorted(y for x, y, _text in texts(svg) if x > LEFT + PLOT_W)
    assert len(labels) == 3
    assert all(b - a >= LABEL_GAP for a, b in zip(labels, labels[1:], strict=False))


def test_text_is_large_enough_for_a_tablet():
    chart = Chart("TUG", "s", ((date(2026, 1, 5), 12.2), (date(2026, 4, 1), 13.0)), TUG_CUTS)
    assert min(font_sizes(render_chart(chart, empty_text="-"))) >= 14


def test_points_of_the_same_day_are_side_by_side():
    day = date(2026, 3, 1)
    chart = Chart("TUG", "s", ((day, 10.0), (day, 10.0), (date(2026, 6, 1), 9.0)))
    circles = [
        (c.get("cx"), c.get("cy"))
        for c in parse(render_chart(chart, empty_text="-")).iter(f"{SVG}circle")
    ]
    assert len(circles) == 3 and len(set(circles)) == 3


def test_close_values_are_not_written_on_top_of_each_other():
    points = tuple((date(2026, 1, d), 10.0 + d / 10) for d in range(1, 8))
    svg = render_chart(Chart("TUG", "s", points), empty_text="-")
    written = [
        x for x, y, text in texts(svg) if re.fullmatch(r"1\d,\d|1\d", text or "") and x > LEFT
    ]
    assert "10,7" in svg  # the latest is always written
    assert all(b - a >= 52 for a, b in zip(sorted(written), sorted(written)[1:], strict=False))


def test_one_measurement_is_shown_as_its_value_not_a_line():
    chart = Chart("TUG", "s", ((date(2026, 3, 1), 12.4),), TUG_CUTS)
    svg = render_chart(chart, empty_text="-", single_text="Én måling")
    assert "<polyline" not in svg and "12,4 s" in svg and "01.03.2026" in svg
    assert "Én måling" in svg


def test_nothing_recorded_says_so():
    svg = render_chart(Chart("TUG", "s", ()), empty_text="Ikke målt endnu")
    assert "Ikke målt endnu" in svg and "<circle" not in svg


def test_text_is_escaped_and_numbers_follow_the_language():
    chart = Chart("<b>T</b>", "s", ((date(2026, 1, 1), 1.5), (date(2026, 2, 1), 2.0)),
                  (CutOff(1.0, "a & b"),))  # fmt: skip
    svg = render_chart(chart, empty_text="-", decimal_comma=False)
    parse(svg)  # well-formed
    assert "<b>" not in svg and "a &amp; b" in svg and "1.5" in svg
    assert number(-2.5, True) == "−2,5" and number(12.0, True) == "12"
