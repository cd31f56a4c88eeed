"""Outcome charts as SVG, drawn on the server like the progress charts (`charts`).

Pure: counts in, an SVG string out, all text escaped. `change_bars` draws one horizontal bar
per measure split into better / no detectable change / worse (a bar is the share of the
participants compared on that measure, so measures with fewer follow-ups still read as
shares); `value_bars` draws one bar per value (attendance, adherence, event rates). The page
puts a table of the same numbers next to each chart, its text alternative.
"""

from collections.abc import Sequence
from html import escape

from .charts import FONT, INK, MUTED, SMALL_SIZE, TEXT_SIZE

WIDTH = 640
LABEL_W = 240
BAR_W = WIDTH - LABEL_W - 70
ROW_H, BAR_H, TOP = 40, 26, 36
COLOURS = ("#1e6b3a", "#5a6168", "#a4262c")
"""Better, unchanged, worse: each carries white text at more than 4.5:1."""
VALUE_COLOUR = "#1f4e79"


def _open(height: int, label: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-label="{escape(label)}" {FONT}>'
    )


def change_bars(
    title: str, rows: Sequence[tuple[str, int, int, int]], legend: Sequence[str]
) -> str:
    """`rows`: (measure label, better, unchanged, worse); `legend`: the three words."""
    height = TOP + ROW_H * len(rows) + 10
    parts = [_open(height, title)]
    x = 10
    for colour, word in zip(COLOURS, legend, strict=True):
        parts.append(f'<rect x="{x}" y="6" width="14" height="14" fill="{colour}"/>')
        parts.append(
            f'<text x="{x + 20}" y="18" font-size="{SMALL_SIZE}" fill="{INK}">{escape(word)}</text>'
        )
        x += 20 + 8 * len(word) + 24
    for index, (label, *counts) in enumerate(rows):
        y = TOP + index * ROW_H
        parts.append(
            f'<text x="{LABEL_W - 10}" y="{y + 18}" font-size="{TEXT_SIZE}" fill="{INK}" '
            f'text-anchor="end">{escape(label)}</text>'
        )
        total = sum(counts)
        if not total:
            parts.append(
                f'<text x="{LABEL_W}" y="{y + 18}" font-size="{SMALL_SIZE}" fill="{MUTED}">–</text>'
            )
            continue
        left = LABEL_W
        for colour, count in zip(COLOURS, counts, strict=True):
            width = BAR_W * count / total
            if not width:
                continue
            parts.append(
                f'<rect x="{left:.1f}" y="{y}" width="{width:.1f}" height="{BAR_H}" fill="{colour}"/>'
            )
            if width >= 24:
                parts.append(
                    f'<text x="{left + width / 2:.1f}" y="{y + 18}" font-size="{SMALL_SIZE}" '
                    f'fill="#fff" text-anchor="middle">{count}</text>'
                )
            left += width
    parts.append("</svg>")
    return "".join(parts)


def value_bars(title: str, rows: Sequence[tuple[str, float | None, str]], maximum: float) -> str:
    """`rows`: (label, value or None, the value as written)."""
    height = 10 + ROW_H * len(rows)
    parts = [_open(height, title)]
    for index, (label, value, text) in enumerate(rows):
        y = 8 + index * ROW_H
        parts.append(
            f'<text x="{LABEL_W - 10}" y="{y + 18}" font-size="{TEXT_SIZE}" fill="{INK}" '
            f'text-anchor="end">{escape(label)}</text>'
        )
        width = BAR_W * min(value, maximum) / maximum if value and maximum else 0
        if width:
            parts.append(
                f'<rect x="{LABEL_W}" y="{y}" width="{width:.1f}" height="{BAR_H}" '
                f'fill="{VALUE_COLOUR}"/>'
            )
        parts.append(
            f'<text x="{LABEL_W + width + 6:.1f}" y="{y + 18}" font-size="{SMALL_SIZE}" '
            f'fill="{INK}">{escape(text)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
