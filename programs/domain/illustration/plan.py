"""Views from above: foot diagrams and the clock face on the floor (panel units, toes point up).

A foot is drawn as a sole outline about 30 long: filled black when it stands on the floor, a
dashed outline when it is lifted, so the two differ in shape and line, never in colour alone.
Digits on the clock face are drawn as strokes, not as text, so a drawing never carries type
smaller than the handout's own.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from .canvas import Canvas, num
from .dimensions import INK, PAPER
from .geometry import Point, add, length, sub
from .poses import FOOT_LAYOUTS
from .reading import IllustrationError, field

# The outline of a right foot seen from above, its centre at (0, 0), toes up; the big toe is on
# the inside (the left of the drawing). A left foot is the mirror image.
_RIGHT_SOLE: tuple[Point, ...] = (
    (0.5, -15.0), (-2.5, -14.4), (-4.6, -11.5), (-5.2, -6.0), (-5.6, 1.0), (-6.6, 7.0),
    (-6.8, 11.0), (-5.6, 14.0), (-3.0, 15.4), (0.5, 15.2), (3.6, 13.8), (5.6, 10.6),
    (6.2, 6.0), (5.4, 0.0), (4.8, -6.0), (4.6, -11.2), (3.0, -14.2),
)  # fmt: skip
_RIGHT_TOES: tuple[tuple[float, float, float], ...] = (
    (-3.9, 18.6, 2.5), (-0.3, 19.2, 1.7), (2.3, 18.4, 1.55), (4.4, 16.9, 1.45), (6.0, 14.9, 1.3),
)  # fmt: skip
"""(across, forwards, radius) of each toe of a right foot."""

# Stroke digits on a 6 × 10 grid (x right, height up), enough for a clock face.
_DIGITS: dict[str, tuple[tuple[Point, ...], ...]] = {
    "1": (((1, 8), (3.5, 10), (3.5, 0)),),
    "2": (((0.5, 8), (2, 10), (4.5, 10), (6, 8), (6, 6.5), (0, 0), (6, 0)),),
    "3": (((0.5, 9), (2, 10), (4.5, 10), (6, 8.5), (5.5, 6), (3, 5.2), (5.8, 4),
           (6, 1.5), (4.5, 0), (1.5, 0), (0, 1.5)),),
    "6": (((5.5, 9.5), (3.5, 10), (1.2, 8.5), (0, 4.5), (0.6, 1.2), (3, 0), (5.4, 1),
           (6, 3.2), (5, 5.6), (3, 6), (0.5, 4.5)),),
    "9": (((0.5, 0.5), (2.5, 0), (4.8, 1.5), (6, 5.5), (5.4, 8.8), (3, 10), (0.6, 9),
           (0, 6.8), (1, 4.4), (3, 4), (5.5, 5.5)),),
}  # fmt: skip
CLOCK_HOURS = {12: 0.0, 3: 90.0, 6: 180.0, 9: 270.0}


def foot(c: Canvas, centre: Point, side: str, scale: float, lifted: bool = False) -> None:
    """One foot from above; `side` is "left" or "right"."""
    mirror = -1.0 if side == "left" else 1.0

    def at(x: float, h: float) -> Point:
        return (centre[0] + mirror * x * scale, centre[1] + h * scale)

    points = [at(x, h) for x, h in _RIGHT_SOLE]
    toes = [(at(x, h), r * scale) for x, h, r in _RIGHT_TOES]
    if not lifted:
        c.polygon(points, INK, INK, 1.5)
        for toe, r in toes:
            c.circle(toe, r, INK)
        return
    c.track(points, 2)
    coords = " ".join(f"{num(x)},{num(-h)}" for x, h in points)
    c.parts.append(
        f'<polygon points="{coords}" fill="{PAPER}" stroke="{INK}" stroke-width="3" '
        'stroke-dasharray="5 4" stroke-linejoin="round"/>'
    )
    for toe, r in toes:
        c.circle(toe, r, PAPER, INK, 1.5)


def feet(c: Canvas, centre: Point, layout: str, scale: float, where: str) -> None:
    """The feet of a stance, seen from above; in `one_foot` the right foot is lifted."""
    if layout not in FOOT_LAYOUTS:
        raise IllustrationError(f"{where}.layout: expected one of {', '.join(FOOT_LAYOUTS)}")
    left, right = FOOT_LAYOUTS[layout]
    foot(c, add(centre, left, scale), "left", scale)
    foot(c, add(centre, right, scale), "right", scale, lifted=layout == "one_foot")


def framed_feet(c: Canvas, at: Point, layout: str, scale: float, where: str) -> None:
    """A framed inset of the feet, as a mark beside a figure."""
    half_w, half_h = 30 * scale, 40 * scale
    x, h = at
    c.polygon(
        [(x - half_w, h - half_h), (x + half_w, h - half_h), (x + half_w, h + half_h),
         (x - half_w, h + half_h)],
        PAPER, INK, 2.5,
    )  # fmt: skip
    feet(c, at, layout, scale, where)


def digits(c: Canvas, text: str, centre: Point, height: float) -> None:
    k = height / 10
    width = 6 * k * len(text) + 2.5 * k * (len(text) - 1)
    left = centre[0] - width / 2
    for char in text:
        for stroke in _DIGITS[char]:
            c.line([(left + x * k, centre[1] - height / 2 + h * k) for x, h in stroke], 3.2)
        left += 8.5 * k


def arrow(c: Canvas, a: Point, b: Point, width: float = 3.5) -> None:
    vec = sub(b, a)
    size = length(vec)
    if size < 1:
        return
    u = (vec[0] / size, vec[1] / size)
    n = (-u[1], u[0])
    c.line([a, add(b, u, -8)], width, cap="butt")
    c.polygon([b, add(add(b, u, -12), n, 7), add(add(b, u, -12), n, -7)], INK, INK, 1)


def clock(c: Canvas, spec: Mapping, centre: Point, where: str) -> None:
    """A clock face on the floor seen from above, the feet in the middle: the right foot
    either beside the left or stepped out to `step` (12, 3 or 6), with arrows to `arrows`."""
    r = field(spec, "r", 78, where)
    c.circle(centre, r, PAPER, INK, 3)
    for hour in range(12):
        direction = (math.sin(math.radians(hour * 30)), math.cos(math.radians(hour * 30)))
        inner = r - (13 if hour % 3 == 0 else 7)
        c.line([add(centre, direction, inner), add(centre, direction, r - 1.5)],
               5 if hour % 3 == 0 else 2.5, cap="butt")  # fmt: skip
    for hour, angle in CLOCK_HOURS.items():
        direction = (math.sin(math.radians(angle)), math.cos(math.radians(angle)))
        digits(c, str(hour), add(centre, direction, r + 17), 17)
    scale = 0.9
    left_foot = add(centre, (-9 * scale, 0))
    foot(c, left_foot, "left", scale)
    home = add(centre, (9 * scale, 0))
    step = spec.get("step")
    if step is None:
        foot(c, home, "right", scale)
    elif step in CLOCK_HOURS:
        angle = math.radians(CLOCK_HOURS[step])
        out = add(centre, (math.sin(angle), math.cos(angle)), r - 30)
        foot(c, home, "right", scale, lifted=True)
        foot(c, out, "right", scale)
    else:
        raise IllustrationError(f"{where}.step: expected 12, 3 or 6")
    for hour in _hours(spec.get("arrows", ()), f"{where}.arrows"):
        angle = math.radians(CLOCK_HOURS[hour])
        direction = (math.sin(angle), math.cos(angle))
        arrow(c, add(home, direction, 20), add(centre, direction, r - 18))


def _hours(value: object, where: str) -> Sequence[int]:
    if not isinstance(value, Sequence) or isinstance(value, str):
        raise IllustrationError(f"{where}: expected a list of hours")
    for hour in value:
        if hour not in CLOCK_HOURS:
            raise IllustrationError(f"{where}: expected hours among 12, 3, 6 and 9")
    return value


PLAN_KINDS = ("feet", "clock")
PLAN_CENTRE: Point = (90.0, 94.0)


def draw_plan(c: Canvas, plan: Mapping, where: str) -> None:
    """A panel seen from above instead of a figure: {"feet": layout} or {"clock": {...}}."""
    if not isinstance(plan, Mapping) or len(plan) != 1 or next(iter(plan)) not in PLAN_KINDS:
        raise IllustrationError(f"{where}: expected {{'feet': layout}} or {{'clock': {{...}}}}")
    centre = PLAN_CENTRE
    if "feet" in plan:
        c.track([(centre[0] - 60, centre[1] - 90), (centre[0] + 60, centre[1] + 90)], 0)
        feet(c, centre, plan["feet"], 2.4, f"{where}.feet")
    else:
        spec = plan["clock"]
        if not isinstance(spec, Mapping):
            raise IllustrationError(f"{where}.clock: expected a mapping")
        clock(c, spec, centre, f"{where}.clock")
