"""Progress charts as SVG, drawn on the server so the page and the PDF show the same picture.

Pure: points and cut-off lines in, an SVG string out. All text is escaped. Drawn to be read on
a tablet (the SVG scales to the column: about 700 px at 820 and 1366 px wide): text of 14–15 px, round
tick values, cut-off labels moved apart so they never overlap, points of the same day set side
by side, and a point's value written only where it has room. One measurement is shown as its
value, not as a chart. The page puts a table of the same values after each chart.
"""

import math
from dataclasses import dataclass
from datetime import date
from html import escape

WIDTH, HEIGHT = 640, 280
LEFT, RIGHT, TOP, BOTTOM = 52, 196, 14, 40
PLOT_W, PLOT_H = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
FONT = 'font-family="DejaVu Sans, Arial, sans-serif"'
TEXT_SIZE, SMALL_SIZE = 15, 14
LABEL_GAP = 17
"""Least vertical distance between two cut-off labels."""
SAME_DAY_STEP = 14
"""Horizontal distance between points of the same day."""
EDGE = 28
"""Room between the plot's sides and the first and last point, for their written values."""
VALUE_LABEL_ROOM = 52
"""Least horizontal distance between two written point values."""
DATE_LABEL_ROOM = 96
INK, LINE, GRID, MUTED = "#1b1b1b", "#1f4e79", "#e3e6ea", "#4a4f55"
HALO = 'stroke="#fff" stroke-width="4" paint-order="stroke"'


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
    decimals: int = 1
    """Decimals of a measured value as written (as recorded: seconds 1, Short FES-I 0)."""


def number(value: float, decimal_comma: bool, decimals: int | None = None) -> str:
    """`decimals` places (a measured value as recorded: 30 → "30,0"), or for a tick one
    decimal unless whole (12 → "12", 12.5 → "12,5"); Danish with a decimal comma."""
    value = round(value, 1 if decimals is None else decimals)
    if decimals is not None:
        text = f"{value:.{decimals}f}"
    else:
        text = f"{value:g}" if value == int(value) else f"{value:.1f}"
    text = text.replace("-", "−")
    return text.replace(".", ",") if decimal_comma else text


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values (steps of 1, 2, 2.5 or 5 times a power of ten; not 0.25, which needs
    two decimals) covering [low, high], with about `count` ticks; the ends are ticks, so the
    axis starts and ends on a number."""
    if high <= low:
        low, high = low - 1, high + 1
    rough = (high - low) / (count - 1)
    power = 10 ** math.floor(math.log10(rough))
    steps = (1, 2, 2.5, 5, 10) if power >= 1 else (1, 2, 5, 10)
    step = next(s * power for s in steps if s * power >= rough)
    first = math.floor(low / step + 1e-9) * step
    last = math.ceil(high / step - 1e-9) * step
    ticks, value = [], first
    while value <= last + step / 1000:
        ticks.append(round(value, 6))
        value += step
    return ticks


def spread(positions: list[float], gap: float, top: float, bottom: float) -> list[float]:
    """Moves sorted label positions apart to at least `gap`, keeping them within [top,
    bottom] as far as they fit; the order of the labels is kept."""
    placed = []
    for position in positions:
        placed.append(max(position, placed[-1] + gap) if placed else max(position, top))
    overflow = placed[-1] - bottom if placed else 0
    if overflow > 0:
        placed = [p - overflow for p in placed]
        for i in range(len(placed) - 2, -1, -1):
            placed[i] = min(placed[i], placed[i + 1] - gap)
    return placed


def _svg_open(height: int, label: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-label="{escape(label)}" {FONT}>'
    )


def render_single(chart: Chart, *, single_text: str, decimal_comma: bool) -> str:
    """One measurement: its value in large type with its date, no line."""
    day, value = chart.points[0]
    shown = f"{number(value, decimal_comma, chart.decimals)} {chart.unit}"
    return "".join(
        [
            _svg_open(120, f"{chart.title}: {shown}, {day:%d.%m.%Y}"),
            f'<text x="24" y="58" font-size="40" font-weight="bold" fill="{LINE}">'
            f"{escape(shown)}</text>",
            f'<text x="24" y="86" font-size="{TEXT_SIZE}" fill="{INK}">{day:%d.%m.%Y}</text>',
            f'<text x="24" y="110" font-size="{SMALL_SIZE}" fill="{MUTED}">'
            f"{escape(single_text)}</text></svg>",
        ]
    )


def _x_positions(points) -> list[float]:
    """x of each point by its date; points of the same day side by side around it."""
    first, last = points[0][0].toordinal(), points[-1][0].toordinal()
    span = last - first
    inner = PLOT_W - 2 * EDGE
    xs, index = [], 0
    while index < len(points):
        day = points[index][0]
        same = [p for p in points[index:] if p[0] == day]
        centre = (
            LEFT + SAME_DAY_STEP + ((day.toordinal() - first) / span * inner if span else inner / 2)
        )
        xs += [centre + (k - (len(same) - 1) / 2) * SAME_DAY_STEP for k in range(len(same))]
        index += len(same)
    return xs


def render_chart(
    chart: Chart, *, empty_text: str, single_text: str = "", decimal_comma: bool = True
) -> str:
    """A line chart of the points over time (oldest first) with each cut-off drawn as a
    labelled dashed line."""
    if not chart.points:
        return (
            _svg_open(60, f"{chart.title}: {empty_text}")
            + f'<text x="24" y="36" font-size="{TEXT_SIZE}" fill="{MUTED}">'
            f"{escape(empty_text)}</text></svg>"
        )
    if len(chart.points) == 1:
        return render_single(chart, single_text=single_text, decimal_comma=decimal_comma)
    points = sorted(chart.points, key=lambda p: p[0])
    values = [v for _, v in points] + [c.value for c in chart.cut_offs]
    ticks = nice_ticks(min(values), max(values))
    low, high = ticks[0], ticks[-1]

    def y(value: float) -> float:
        return TOP + (high - value) / (high - low) * PLOT_H

    latest = f"{number(points[-1][1], decimal_comma, chart.decimals)} {chart.unit}"
    parts = [
        _svg_open(
            HEIGHT,
            f"{chart.title}: {len(points)}, {points[0][0]:%d.%m.%Y}–{points[-1][0]:%d.%m.%Y}, "
            f"{latest}",
        ),
        f'<rect x="{LEFT}" y="{TOP}" width="{PLOT_W}" height="{PLOT_H}" fill="#fff"/>',
    ]
    for tick in ticks:
        parts.append(
            f'<line x1="{LEFT}" x2="{LEFT + PLOT_W}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" '
            f'stroke="{GRID}"/>'
            f'<text x="{LEFT - 8}" y="{y(tick) + 5:.1f}" text-anchor="end" '
            f'font-size="{SMALL_SIZE}" fill="{INK}">{number(tick, decimal_comma)}</text>'
        )
    parts.append(
        f'<rect x="{LEFT}" y="{TOP}" width="{PLOT_W}" height="{PLOT_H}" fill="none" '
        f'stroke="{MUTED}"/>'
    )
    cuts = sorted(chart.cut_offs, key=lambda c: -c.value)
    label_ys = spread([y(c.value) + 5 for c in cuts], LABEL_GAP, TOP + 10, TOP + PLOT_H + 5)
    for cut, label_y in zip(cuts, label_ys, strict=True):
        parts.append(
            f'<line x1="{LEFT}" x2="{LEFT + PLOT_W}" y1="{y(cut.value):.1f}" '
            f'y2="{y(cut.value):.1f}" stroke="{INK}" stroke-width="1.5" stroke-dasharray="6 4"/>'
            f'<text x="{LEFT + PLOT_W + 8}" y="{label_y:.1f}" font-size="{SMALL_SIZE}" '
            f'fill="{INK}">{number(cut.value, decimal_comma)} {escape(cut.label)}</text>'
        )
    xs = _x_positions(points)
    path = " ".join(f"{x:.1f},{y(v):.1f}" for x, (_, v) in zip(xs, points, strict=True))
    parts.append(f'<polyline points="{path}" fill="none" stroke="{LINE}" stroke-width="3"/>')
    labelled = _labelled(xs)
    for index, (x, (_day, value)) in enumerate(zip(xs, points, strict=True)):
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y(value):.1f}" r="6" fill="{LINE}" stroke="#fff" '
            'stroke-width="2"/>'
        )
        if index in labelled:
            above = y(value) - 12 > TOP + 12
            label_y = y(value) - 12 if above else y(value) + 24
            parts.append(
                f'<text x="{x:.1f}" y="{label_y:.1f}" text-anchor="middle" '
                f'font-size="{SMALL_SIZE}" font-weight="bold" fill="{INK}" {HALO}>'
                f"{number(value, decimal_comma, chart.decimals)}</text>"
            )
    parts += _date_labels(xs, points)
    parts.append("</svg>")
    return "".join(parts)


def _labelled(xs: list[float]) -> set[int]:
    """The points whose value is written: the latest always, the others where they have room."""
    chosen, last_x = [], None
    for index in range(len(xs) - 1, -1, -1):
        if last_x is None or last_x - xs[index] >= VALUE_LABEL_ROOM:
            chosen.append(index)
            last_x = xs[index]
    return set(chosen)


def _date_labels(xs, points) -> list[str]:
    """The first and the last date, and dates between where they have room."""
    by_day: dict[date, float] = {}
    for x, (day, _value) in zip(xs, points, strict=True):
        by_day.setdefault(day, x)
    days = sorted(by_day)
    shown = [days[0]]
    for day in days[1:-1]:
        if by_day[day] - by_day[shown[-1]] >= DATE_LABEL_ROOM and (
            by_day[days[-1]] - by_day[day] >= DATE_LABEL_ROOM
        ):
            shown.append(day)
    if len(days) > 1:
        shown.append(days[-1])
    parts = []
    for day in shown:
        x = min(max(by_day[day], LEFT + 44), LEFT + PLOT_W - 44)
        parts.append(
            f'<text x="{x:.1f}" y="{HEIGHT - 12}" text-anchor="middle" font-size="{SMALL_SIZE}" '
            f'fill="{INK}">{day:%d.%m.%Y}</text>'
        )
    return parts
