"""Marks: motion arrows, impact lines, feet seen from above, and a tick or a cross (do / don't)."""

from __future__ import annotations

from collections.abc import Mapping

from .canvas import Canvas
from .dimensions import INK, PAPER
from .figure import Figure
from .geometry import add, length, sub
from .plan import framed_feet
from .reading import IllustrationError, field

MARK_TYPES = ("arrow", "impact", "footprints", "check", "cross")


def draw_mark(c: Canvas, mark: Mapping, fig: Figure | None, where: str) -> None:
    """One mark over the panel; drawn last, so it is never hidden by the figure."""
    kind = mark.get("type")

    def point(name: str):
        if fig is None:
            raise IllustrationError(f"{where}.{name}: a panel seen from above has no joints")
        return fig.resolve(mark.get(name), f"{where}.{name}")

    if kind == "arrow":
        a, b = point("from"), point("to")
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
        x = point("at")[0]
        for dx in (-1.0, 1.0):
            c.line([(x + 8 * dx, 3), (x + 20 * dx, 6)], 3)
            c.line([(x + 6 * dx, 9), (x + 16 * dx, 18)], 3)
    elif kind == "footprints":
        # A framed view from above of where the feet stand (toes point up the page).
        scale = field(mark, "scale", 1.0, where)
        framed_feet(c, point("at"), mark.get("layout", "together"), scale, where)
    elif kind in ("check", "cross"):
        # A large tick (do) or cross (don't) in a circle, drawn as strokes.
        x, h = point("at")
        r = field(mark, "r", 16, where)
        c.circle((x, h), r, PAPER, INK, 3.5)
        k = r / 16
        if kind == "check":
            c.line([(x - 8 * k, h), (x - 2 * k, h - 7 * k), (x + 9 * k, h + 8 * k)], 5 * k)
        else:
            c.line([(x - 7 * k, h - 7 * k), (x + 7 * k, h + 7 * k)], 5 * k)
            c.line([(x - 7 * k, h + 7 * k), (x + 7 * k, h - 7 * k)], 5 * k)
    else:
        raise IllustrationError(f"{where}.type: unknown mark {kind!r} ({', '.join(MARK_TYPES)})")
