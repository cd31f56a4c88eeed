"""Marks: motion arrows, impact lines and footprints seen from above."""

from __future__ import annotations

from collections.abc import Mapping

from .canvas import Canvas
from .dimensions import INK, PAPER
from .figure import Figure
from .geometry import add, length, sub
from .poses import FOOT_LAYOUTS
from .reading import IllustrationError

MARK_TYPES = ("arrow", "impact", "footprints")


def draw_mark(c: Canvas, mark: Mapping, fig: Figure, where: str) -> None:
    """One mark over the panel; drawn last, so it is never hidden by the figure."""
    kind = mark.get("type")
    if kind == "arrow":
        a = fig.resolve(mark.get("from"), f"{where}.from")
        b = fig.resolve(mark.get("to"), f"{where}.to")
        vec = sub(b, a)
        size = length(vec)
        if size < 1:
            raise IllustrationError(f"{where}: the arrow has no length")
        u = (vec[0] / size, vec[1] / size)
        n = (-u[1], u[0])
        shaft_end = add(b, u, -7)
        c.line([a, shaft_end], 3.5, cap="butt")
        c.polygon([b, add(add(b, u, -10), n, 6), add(add(b, u, -10), n, -6)], INK, INK, 1)
    elif kind == "impact":
        # Short lines fanning out from where the foot meets the floor.
        x = fig.resolve(mark.get("at"), f"{where}.at")[0]
        for dx in (-1.0, 1.0):
            c.line([(x + 8 * dx, 3), (x + 20 * dx, 6)], 3)
            c.line([(x + 6 * dx, 9), (x + 16 * dx, 18)], 3)
    elif kind == "footprints":
        # A small view from above of where the feet stand (toes point up the page).
        x, h = fig.resolve(mark.get("at"), f"{where}.at")
        layout = mark.get("layout", "together")
        if layout not in FOOT_LAYOUTS:
            raise IllustrationError(f"{where}.layout: expected one of {', '.join(FOOT_LAYOUTS)}")
        c.polygon(
            [(x - 21, h - 28), (x + 21, h - 28), (x + 21, h + 28), (x - 21, h + 28)], PAPER, INK, 2
        )
        for dx, dh in FOOT_LAYOUTS[layout]:
            c.ellipse((x + dx, h + dh + 3), 5, 7.5, INK)  # ball of the foot
            c.ellipse((x + dx, h + dh - 7), 3.5, 4.5, INK)  # heel
    else:
        raise IllustrationError(f"{where}.type: unknown mark {kind!r} ({', '.join(MARK_TYPES)})")
