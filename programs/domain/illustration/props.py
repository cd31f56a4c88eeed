"""Props: furniture and surfaces drawn behind the figure, things held or worn drawn over it."""

from __future__ import annotations

from collections.abc import Mapping

from .canvas import Canvas, num
from .dimensions import HEAD_R, INK, NECK, PAPER, PROP_FILL, STICK_OFFSET, TRUNK
from .figure import Figure
from .geometry import Point
from .reading import IllustrationError, field, literal_point

PROP_TYPES = (
    "chair",
    "wall",
    "rail",
    "step",
    "stairs",
    "mat",
    "bed",
    "pillow",
    "bench",
    "band",
    "rope",
    "dumbbell",
    "kettlebell",
    "basket",
    "barbell",
    "stick",
    "ladder",
    "clock",
    "bar",
    "board",
)
FRONT_PROPS = frozenset({"band", "rope", "dumbbell", "kettlebell", "basket", "barbell", "stick"})


def draw_prop(c: Canvas, prop: Mapping, fig: Figure, where: str) -> None:
    """One prop; its points may be on the floor, on the body or at a joint of `fig`."""
    kind = prop.get("type")
    if kind not in PROP_TYPES:
        raise IllustrationError(f"{where}.type: unknown prop {kind!r} ({', '.join(PROP_TYPES)})")

    def f(name: str, default: float) -> float:
        return field(prop, name, default, where)

    def p(name: str, default: object = None) -> Point:
        value = prop.get(name, default)
        if value is None:
            raise IllustrationError(f"{where}.{name}: missing")
        return fig.resolve(value, f"{where}.{name}")

    def at() -> Point:
        point = p("at")
        dx, dh = literal_point(prop.get("offset", [0, 0]), f"{where}.offset")
        return (point[0] + dx, point[1] + dh)

    if kind == "chair":
        x = f("x", 40)
        facing = prop.get("facing", "right")
        if facing not in ("right", "left"):
            raise IllustrationError(f"{where}.facing: expected 'right' or 'left'")
        d = 34.0 if facing == "right" else -34.0
        seat, back = 40.0, f("back", 88)
        c.line([(x, 0), (x, back)], 5)  # back post and leg
        c.line([(x + d, 0), (x + d, seat)], 5)  # front leg
        c.rect(min(x, x + d) - 1, seat - 5, max(x, x + d) + 1, seat)
        c.rect(x - 3.5, max(seat + 10, back - 24), x + 3.5, back)  # backrest
    elif kind == "wall":
        x = f("x", 20)
        solid = 1.0 if prop.get("side", "left") == "right" else -1.0
        top = 176.0
        c.line([(x, 0), (x, top)], 4, cap="butt")
        for h in range(8, int(top), 16):
            c.line([(x, float(h)), (x + 9 * solid, h + 9.0)], 2, cap="butt")
    elif kind == "rail":
        x0, x1, h = f("x0", 20), f("x1", 160), f("h", 88)
        for x in (x0, x1):
            c.line([(x, 0), (x, h)], 4)
        c.line([(x0 - 4, h), (x1 + 4, h)], 6)
    elif kind == "step":
        x, w, h = f("x", 100), f("w", 50), f("h", 18)
        c.rect(x, 0, x + w, h)
    elif kind == "stairs":
        x, n, rise, run = f("x", 80), int(f("n", 3)), f("rise", 18), f("run", 26)
        outline = [(x, 0.0)]
        for i in range(n):
            outline += [(x + i * run, (i + 1) * rise), (x + (i + 1) * run, (i + 1) * rise)]
        outline.append((x + n * run, 0.0))
        c.polygon(outline, PROP_FILL)
    elif kind == "mat":
        c.rect(f("x0", 10), 0, f("x1", 170), 4, fill="#bdbdbd")
    elif kind == "bed":
        x0, x1, h = f("x0", 5), f("x1", 175), f("h", 45)
        for x in (x0 + 6, x1 - 6):
            c.line([(x, 0), (x, h - 10)], 5)
        c.rect(x0, h - 14, x1, h - 6, fill="#bdbdbd")
        c.rect(x0, h - 6, x1, h)
        c.line([(x0, h - 14), (x0, h + 22)], 5)  # headboard
    elif kind == "pillow":
        x, h, w, t = f("x", 40), f("h", 0), f("w", 30), f("t", 9)
        c.polygon(
            [(x - w / 2, h), (x + w / 2, h), (x + w / 2 - 4, h + t), (x - w / 2 + 4, h + t)],
            PROP_FILL,
        )
    elif kind == "bench":
        x0, x1, h = f("x0", 40), f("x1", 140), f("h", 40)
        h1 = f("h1", h)
        c.polygon([(x0, h - 7), (x1, h1 - 7), (x1, h1), (x0, h)], PROP_FILL)
        for x, top in (
            (x0 + 8, h + (h1 - h) * 8 / (x1 - x0)),
            (x1 - 8, h1 - (h1 - h) * 8 / (x1 - x0)),
        ):
            c.line([(x, 0), (x, top - 7)], 5)
    elif kind == "band":
        a, b = p("from"), p("to")
        c.line([a, b], 6)
        c.line([a, b], 2.5, PAPER, track=False)
    elif kind == "rope":
        # A skipping rope seen from the side: a narrow loop from the hands round `through`.
        a, apex = p("at", "hands"), p("through")
        w = f("width", 34)
        d = (
            f"M{num(a[0])},{num(-a[1])} "
            f"C{num(a[0] + w)},{num(-a[1])} {num(apex[0] + w)},{num(-apex[1])} "
            f"{num(apex[0])},{num(-apex[1])} "
            f"C{num(apex[0] - w)},{num(-apex[1])} {num(a[0] - w)},{num(-a[1])} "
            f"{num(a[0])},{num(-a[1])}"
        )
        c.path(d, [a, apex, (apex[0] + w * 0.75, apex[1]), (apex[0] - w * 0.75, apex[1])], 3)
    elif kind == "dumbbell":
        x, h = at()
        c.line([(x - 8, h), (x + 8, h)], 3, cap="butt")
        for dx in (-9.0, 9.0):
            c.rect(x + dx - 3, h - 7, x + dx + 3, h + 7, fill=INK)
    elif kind == "kettlebell":
        x, h = at()
        c.path(
            f"M{num(x - 6)},{num(-h + 8)} L{num(x - 6)},{num(-h)} "
            f"L{num(x + 6)},{num(-h)} L{num(x + 6)},{num(-h + 8)}",
            [(x - 6, h), (x + 6, h)],
            3.5,
        )
        c.circle((x, h - 17), 11, INK, PAPER, 1.5)
    elif kind == "basket":
        # A laundry basket held by its rim; the hands are at the top edge.
        x, h = at()
        w, d = f("w", 40), f("h", 24)
        c.polygon(
            [(x - w / 2, h), (x + w / 2, h), (x + w / 2 - 4, h - d), (x - w / 2 + 4, h - d)],
            PROP_FILL,
        )
        for i in (1, 2):
            c.line([(x - w / 2 + 4, h - d * i / 3), (x + w / 2 - 4, h - d * i / 3)], 2)
    elif kind == "barbell":
        x, h = at()
        c.circle((x, h), 21, PROP_FILL, INK, 4)
        c.circle((x, h), 4, INK)
    elif kind == "stick":
        # Default: along the back, touching the tailbone, the upper back and the head.
        a = p("from", {"body": [-16, -STICK_OFFSET]})
        b = p("to", {"body": [TRUNK + NECK + HEAD_R + 16, -STICK_OFFSET]})
        c.line([a, b], 5)
    elif kind == "clock":
        # A clock face on the floor, seen at a low angle, with marks at 12, 3, 6 and 9.
        x, rx, ry = f("x", 90), f("r", 60), 9.0
        c.parts.append(
            f'<ellipse cx="{num(x)}" cy="{num(-ry)}" rx="{num(rx)}" ry="{num(ry)}" '
            f'fill="{PAPER}" stroke="{INK}" stroke-width="2.5"/>'
        )
        c.track([(x - rx, 0), (x + rx, 2 * ry)], 1.5)
        for dx, dh in ((rx, ry), (-rx, ry), (0, 0), (0, 2 * ry)):
            c.circle((x + dx * 0.999, dh), 3.5, INK)
    elif kind == "ladder":
        x0, x1 = f("x0", 20), f("x1", 160)
        depth = 10.0
        c.polygon([(x0, 0), (x1, 0), (x1 + depth, depth), (x0 + depth, depth)], PAPER, INK, 2.5)
        n = max(2, round((x1 - x0) / 28))
        for i in range(1, n):
            x = x0 + (x1 - x0) * i / n
            c.line([(x, 0), (x + depth, depth)], 2.5)
    elif kind == "bar":
        # A pull-up bar seen end on, on a stand behind the figure.
        x, h = f("x", 110), f("h", 178)
        post = x + f("post", -45)
        c.line([(post, 0), (post, h + 9), (x, h + 9), (x, h)], 4)
        c.circle((x, h), 6, INK)
    elif kind == "board":
        c.line([p("from"), p("to")], 7, cap="butt")
