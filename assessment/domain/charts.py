"""Progress charts as SVG, drawn on the server so the page and the PDF show the same picture.

Pure: points and cut-off lines in, an SVG string out. All text is escaped.
"""

from dataclasses import dataclass
from datetime import date
from html import escape

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 56, 150, 34, 40


@dataclass(frozen=True)
class CutOff:
    value: float
    label: str


@dataclass(frozen=True)
class Chart:
    title: str
    unit: str
    points: tuple[tuple[date, float], ...]
    cut_offs: tuple[CutOff, ...] = ()
    lower_is_better: bool = True


def _number(value: float, decimal_comma: bool) -> str:
    text = f"{value:g}" if value == int(value) else f"{value:.1f}"
    return text.replace(".", ",") if decimal_comma else text


def render_chart(chart: Chart, *, empty_text: str, decimal_comma: bool = True) -> str:
    """A line chart of the points over time with each cut-off drawn as a labelled dashed line."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    values = [v for _, v in chart.points] + [c.value for c in chart.cut_offs]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-label="{escape(chart.title)}" '
        'font-family="DejaVu Sans, Arial, sans-serif">',
        f'<text x="{LEFT}" y="20" font-size="15" font-weight="bold">{escape(chart.title)}'
        f" ({escape(chart.unit)})</text>",
        f'<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="#fff" '
        'stroke="#555"/>',
    ]
    if not chart.points:
        parts.append(
            f'<text x="{LEFT + plot_w / 2}" y="{TOP + plot_h / 2}" text-anchor="middle" '
            f'font-size="14" fill="#444">{escape(empty_text)}</text></svg>'
        )
        return "".join(parts)
    low, high = min(values), max(values)
    pad = max((high - low) * 0.15, 0.5)
    low, high = low - pad, high + pad
    first = chart.points[0][0].toordinal()
    span = max(chart.points[-1][0].toordinal() - first, 1)

    def x(day: date) -> float:
        if len(chart.points) == 1:
            return LEFT + plot_w / 2
        return LEFT + (day.toordinal() - first) / span * plot_w

    def y(value: float) -> float:
        return TOP + (high - value) / (high - low) * plot_h

    for tick in range(5):
        value = low + (high - low) * tick / 4
        parts.append(
            f'<text x="{LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end" font-size="11">'
            f"{_number(round(value, 1), decimal_comma)}</text>"
        )
    for cut in chart.cut_offs:
        parts.append(
            f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y(cut.value):.1f}" y2="{y(cut.value):.1f}" '
            'stroke="#333" stroke-width="1.5" stroke-dasharray="6 4"/>'
            f'<text x="{LEFT + plot_w + 6}" y="{y(cut.value) + 4:.1f}" font-size="11">'
            f"{_number(cut.value, decimal_comma)} {escape(cut.label)}</text>"
        )
    path = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in chart.points)
    parts.append(f'<polyline points="{path}" fill="none" stroke="#1f4e79" stroke-width="3"/>')
    for day, value in chart.points:
        parts.append(
            f'<circle cx="{x(day):.1f}" cy="{y(value):.1f}" r="5" fill="#1f4e79"/>'
            f'<text x="{x(day):.1f}" y="{y(value) - 9:.1f}" text-anchor="middle" font-size="11">'
            f"{_number(value, decimal_comma)}</text>"
        )
    for day in sorted({chart.points[0][0], chart.points[-1][0]}):
        parts.append(
            f'<text x="{x(day):.1f}" y="{HEIGHT - 14}" text-anchor="middle" font-size="11">'
            f"{day:%d.%m.%Y}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)
