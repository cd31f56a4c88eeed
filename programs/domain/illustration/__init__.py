"""Exercise illustrations drawn as standalone SVG from compact pose data (pure, no Django).

An illustration is two or three panels side by side (or, for a figure lying down, one above
the other), "start", an optional "middle" and "end", with a bold arrow between them (where two frames cannot show the movement, the middle one
does: the log-roll goes from the back, onto the side, to sitting). Each panel shows a black
figure (thick round-capped limbs, a filled head with a nose that shows which way the face
points, a thick torso) and simple props in black outline with a light fill, or a view from
above (the feet of a stance, a clock face on the floor). The far-side limbs are dark grey and
drawn behind the body; the near-side limbs have a white edge so they stay distinct where they
cross the body. Nothing depends on colour alone, so the drawing prints in black and white.

Pose data (a mapping, as stored in the exercise library JSON)::

    {
      "view": "side",               # or "front"; default "side"; a panel may set its own
      "connector": "arrow",         # or "none": panels side by side (do / don't)
      "layout": "auto",             # "row", or "stack" (one above the other); "auto" stacks
                                    # two frames of a figure lying down
      "props": [prop, ...],         # optional, drawn in every panel with a figure
      "start": panel,
      "middle": panel,              # optional third frame
      "end": panel
    }

    panel = {
      "base": "standing",           # a named base pose, see poses.json
      "view": "front",              # optional: this panel's view
      "angles": {"trunk": 20, "near_thigh": 150, "arms": 90},   # overrides, degrees
      "shorten": {"thighs": 0.3},   # optional: segments pointing towards the viewer
      "curve": 8,                   # optional: a rounded back (0-20)
      "x": 90,                      # where the hip is (panel units, 0..180); default 90
      "lift": 0,                    # height of the surface the body rests on; default 0
      "hip": 44,                    # hip height; default: lowest body point rests on `lift`
      "reach": {"hands": [150, 90]},    # put hands/feet on a point, elbows/knees follow
      "props": [prop, ...],         # drawn in this panel only
      "marks": [mark, ...]          # motion arrows, impact lines, footprints, tick, cross
    }

    or, seen from above:  {"plan": {"feet": "semi_tandem"}}
                          {"plan": {"clock": {"step": 12, "arrows": [12, 3, 6]}}}

Units: the panel is 180 wide; heights are measured up from the floor. A standing figure is
about 160 tall. Each panel's content is centred in its panel and, if it would not fit, all
panels are scaled down by the same factor so the figure keeps one size.

Angles are absolute segment directions in degrees, clockwise from straight up, with the figure
facing right: 0 up, 90 forward, 180 down, 270 backward. Segments: ``trunk`` (hip to shoulder),
``head`` (relative to the trunk: positive tips the head forward), and per side ``arm`` (upper
arm), ``forearm``, ``thigh``, ``shin``, ``foot``, named ``near_arm``, ``far_shin`` and so on; the
plurals ``arms``, ``forearms``, ``thighs``, ``shins``, ``feet`` set both sides. In the front
view the figure faces the viewer; ``near`` limbs hang from the image's right side, ``far`` from
the left, and 90 still means towards the image's right.

Reach targets are a point ``[x, height]``, a point on the body ``{"body": [along, forward]}``
(units along the trunk from the hip, and towards the chest; negative is behind the back), or
either of these under ``"to"`` with ``"bend": "reverse"``; keys are ``near_hand``, ``far_hand``,
``hands``, ``near_foot``, ``far_foot``, ``feet`` (a foot target is the ankle). Knees and elbows
bend the way they naturally do (in the front view: outwards) unless ``bend`` is ``"reverse"``.
Limbs that reach are left out when the body is set down on ``lift``.

Props (``type`` plus fields; a point is ``[x, height]``, ``{"body": [along, forward]}`` or a
joint name: ``head``, ``shoulder``, ``hip``, ``hands``, ``feet`` or ``near_``/``far_`` plus
``shoulder``, ``elbow``, ``hand``, ``hip``, ``knee``, ``ankle``, ``toe``):

- ``chair`` x (the back post), facing "right" | "left" (where the seat is), back (88); seat 40
- ``wall`` x, side "right" | "left" (the side the solid wall is on)
- ``rail`` x0, x1, h (88);  ``bar`` x, h (178): a pull-up bar on a stand, post (-45)
- ``step`` x, w (50), h (18);  ``stairs`` x, n (3), rise (18), run (26)
- ``mat`` x0, x1 (4 high);  ``bed`` x0, x1, h (45);  ``pillow`` x, h, w (30), t (9 thick)
- ``bench`` x0, x1, h (40), h1 (the height at x1, for an incline)
- ``board`` from, to: a plate or backrest, such as a leg-press footplate
- ``ladder`` x0, x1: an agility ladder on the floor;  ``clock`` x, r (60): a clock face on the floor
- ``band`` from, to;  ``rope`` at (hands), through, width (34): a skipping-rope loop
- ``dumbbell``, ``kettlebell``, ``basket``, ``barbell`` at, offset [dx, dh]
- ``stick`` from, to (default: along the back, from the tailbone to above the head)

Props held or worn (band, rope, weights, basket, stick) are drawn over the figure, unless they
have ``"behind": true`` (a barbell on the back); the rest are drawn behind it.

Marks: ``{"type": "arrow", "from": p, "to": p}`` (a motion arrow),
``{"type": "impact", "at": p}`` (lines where a foot meets the floor),
``{"type": "footprints", "at": p, "layout": "together" | "semi_tandem" | "tandem" | "one_foot",
"scale": 1}`` (a framed view from above of where the feet stand) and
``{"type": "check" | "cross", "at": p, "r": 16}`` (a tick for "do", a cross for "don't").

Choices: the figure has no face details beyond the nose (a face seen from the front has none),
and the panels carry no text unless the caller passes labels in the patient's language; the
arrow between the panels says "then".

The package: ``poses.json`` holds the base poses and foot layouts (data, read by ``poses.py``),
``advice.json`` the drawings of the handout's advice pages (read by ``advice.py``);
``figure.py`` solves and draws the figure, ``props.py``, ``marks.py`` and ``plan.py`` draw the
rest, ``canvas.py`` writes the SVG elements, ``geometry.py``, ``dimensions.py`` and
``reading.py`` hold the points, the sizes and the checks of the pose data; this module lays out
the panels.
"""

from __future__ import annotations

from collections.abc import Mapping
from xml.sax.saxutils import escape, quoteattr

from .canvas import Canvas, num
from .dimensions import (
    FLOOR_Y,
    GAP,
    INK,
    LABEL_BAND,
    PANEL_W,
    PRINT_MM_PER_UNIT,
    SIDE_MARGIN,
    TOP_MARGIN,
)
from .figure import Figure, draw_figure
from .marks import draw_mark
from .plan import draw_plan
from .poses import BASE_POSES, FOOT_LAYOUTS
from .props import FRONT_PROPS, PROP_TYPES, draw_prop
from .reading import IllustrationError, sequence

__all__ = [
    "BASE_POSES",
    "FOOT_LAYOUTS",
    "PROP_TYPES",
    "IllustrationError",
    "panel_names",
    "render_illustration",
]


def panel_names(pose: Mapping) -> tuple[str, ...]:
    """The frames of an illustration in order: start, end, and a middle one if it has one."""
    return ("start", "middle", "end") if "middle" in pose else ("start", "end")


def _draw_panel(pose: Mapping, name: str, view: str) -> tuple[Canvas, bool]:
    """The panel's canvas, and whether it stands on the floor (a view from above does not)."""
    panel = pose.get(name)
    if not isinstance(panel, Mapping):
        raise IllustrationError(f"{name}: missing panel")
    c = Canvas()
    if "plan" in panel:
        draw_plan(c, panel["plan"], f"{name}.plan")
        return c, False
    view = panel.get("view", view)
    if view not in ("side", "front"):
        raise IllustrationError(f"{name}.view: expected 'side' or 'front', got {view!r}")
    fig = Figure(panel, view, name)
    props = [
        *sequence(pose.get("props"), "props"),
        *sequence(panel.get("props"), f"{name}.props"),
    ]
    for i, prop in enumerate(props):
        if not isinstance(prop, Mapping):
            raise IllustrationError(f"{name}.props[{i}]: expected a mapping")

    def in_front(prop: Mapping) -> bool:
        return prop.get("type") in FRONT_PROPS and not prop.get("behind", False)

    back = [(i, p) for i, p in enumerate(props) if not in_front(p)]
    front = [(i, p) for i, p in enumerate(props) if in_front(p)]
    for i, prop in back:
        draw_prop(c, prop, fig, f"{name}.props[{i}]")
    draw_figure(c, fig)
    for i, prop in front:
        draw_prop(c, prop, fig, f"{name}.props[{i}]")
    for i, mark in enumerate(sequence(panel.get("marks"), f"{name}.marks")):
        if not isinstance(mark, Mapping):
            raise IllustrationError(f"{name}.marks[{i}]: expected a mapping")
        draw_mark(c, mark, fig, f"{name}.marks[{i}]")
    return c, True


def _label(text: str, centre: float, baseline: float) -> str:
    size = min(19.0, (PANEL_W - 6) / (0.56 * max(len(text), 1)))
    return (
        f'<text x="{num(centre)}" y="{num(baseline)}" text-anchor="middle" '
        f'font-family="DejaVu Sans, Arial, Helvetica, sans-serif" font-weight="bold" '
        f'font-size="{num(size)}" fill="{INK}">{escape(text)}</text>'
    )


def render_illustration(pose: Mapping, *, labels: tuple[str, ...] | None = None) -> str:
    """Draw the illustration as an SVG document string (deterministic).

    ``labels`` are the captions under the panels, one per panel, in the patient's language;
    without them the panels carry no text. Raises ``IllustrationError`` for pose data that
    cannot be drawn.
    """
    if not isinstance(pose, Mapping):
        raise IllustrationError("the pose data must be a mapping")
    view = pose.get("view", "side")
    if view not in ("side", "front"):
        raise IllustrationError(f"view: expected 'side' or 'front', got {view!r}")
    connector = pose.get("connector", "arrow")
    if connector not in ("arrow", "none"):
        raise IllustrationError(f"connector: expected 'arrow' or 'none', got {connector!r}")
    names = panel_names(pose)
    if labels is not None and (
        len(labels) != len(names) or not all(isinstance(text, str) for text in labels)
    ):
        raise IllustrationError(f"labels: expected {len(names)} strings, one per panel")
    panels = [_draw_panel(pose, name, view) for name in names]

    avail_w = PANEL_W - 2 * SIDE_MARGIN
    avail_h = FLOOR_Y - TOP_MARGIN
    scale = 1.0
    for c, on_floor in panels:
        tall = max(c.hs) if on_floor else max(c.hs) - min(c.hs)
        scale = min(scale, avail_w / (max(c.xs) - min(c.xs)), avail_h / max(tall, 1.0))
    if _stacked(pose, panels, scale, avail_h):
        return _render_stacked(panels, scale, labels, connector)

    width = len(names) * PANEL_W + (len(names) - 1) * GAP
    height = FLOOR_Y + 8 + (LABEL_BAND if labels else 0)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {num(width)} {num(height)}" '
        f'width="{num(width * PRINT_MM_PER_UNIT)}mm" '
        f'height="{num(height * PRINT_MM_PER_UNIT)}mm" role="img">'
    ]
    if labels:
        out.append(f"<title>{escape(' → '.join(labels))}</title>")
    for i, (c, on_floor) in enumerate(panels):
        left = i * (PANEL_W + GAP)
        centre_x = (min(c.xs) + max(c.xs)) / 2
        tx = left + PANEL_W / 2 - scale * centre_x
        if on_floor:
            out.append(
                f'<line x1="{num(left + 2)}" y1="{num(FLOOR_Y)}" x2="{num(left + PANEL_W - 2)}" '
                f'y2="{num(FLOOR_Y)}" stroke="{INK}" stroke-width="3" stroke-linecap="round"/>'
            )
            ty = FLOOR_Y
        else:  # a view from above: centred in the panel's height
            ty = TOP_MARGIN + avail_h / 2 + scale * (min(c.hs) + max(c.hs)) / 2
        transform = f"translate({num(tx)} {num(ty)}) scale({scale:.4f})"
        out.append(f"<g transform={quoteattr(transform)}>")
        out.extend(c.parts)
        out.append("</g>")
        if labels:
            out.append(_label(labels[i], left + PANEL_W / 2, FLOOR_Y + 8 + 21))
        if connector == "arrow" and i < len(names) - 1:
            out.append(_arrow(left + PANEL_W))
    out.append("</svg>")
    return "\n".join(out)


def _arrow(panel_right: float) -> str:
    """The bold "then" arrow in the gap after a panel."""
    mid = FLOOR_Y / 2 + 6
    x0, x1 = panel_right + 5, panel_right + GAP - 5
    return (
        f'<polygon points="{num(x0)},{num(mid - 4)} {num(x1 - 12)},{num(mid - 4)} '
        f"{num(x1 - 12)},{num(mid - 12)} {num(x1)},{num(mid)} {num(x1 - 12)},{num(mid + 12)} "
        f'{num(x1 - 12)},{num(mid + 4)} {num(x0)},{num(mid + 4)}" fill="{INK}"/>'
    )


LOW = 0.42
"""A figure no taller than this share of a panel lies down: such panels are stacked."""
STACK_GAP = 30.0


def _stacked(
    pose: Mapping, panels: list[tuple[Canvas, bool]], scale: float, avail_h: float
) -> bool:
    """Whether the frames go one above the other: asked for, or (by default) two frames of a
    figure lying down, which side by side would be long and thin at print size."""
    layout = pose.get("layout", "auto")
    if layout not in ("auto", "row", "stack"):
        raise IllustrationError(f"layout: expected 'auto', 'row' or 'stack', got {layout!r}")
    if layout != "auto":
        return layout == "stack"
    return len(panels) == 2 and all(
        on_floor and max(c.hs) * scale <= LOW * avail_h for c, on_floor in panels
    )


def _render_stacked(panels: list[tuple[Canvas, bool]], scale: float, labels, connector: str) -> str:
    """The frames one above the other, each as tall as its figure, a bold arrow down between."""
    parts, y = [], 0.0
    for i, (c, on_floor) in enumerate(panels):
        centre_x = (min(c.xs) + max(c.xs)) / 2
        low = min(c.hs) if not on_floor else 0.0
        floor = y + TOP_MARGIN + scale * (max(c.hs) - low)
        if on_floor:
            parts.append(
                f'<line x1="2" y1="{num(floor)}" x2="{num(PANEL_W - 2)}" y2="{num(floor)}" '
                f'stroke="{INK}" stroke-width="3" stroke-linecap="round"/>'
            )
        transform = f"translate({num(PANEL_W / 2 - scale * centre_x)} {num(floor + scale * low)}) scale({scale:.4f})"
        parts += [f"<g transform={quoteattr(transform)}>", *c.parts, "</g>"]
        y = floor + 8
        if labels:
            parts.append(_label(labels[i], PANEL_W / 2, y + 21))
            y += LABEL_BAND
        if i < len(panels) - 1:
            if connector == "arrow":
                parts.append(_down_arrow(PANEL_W / 2, y + 2, y + STACK_GAP - 2))
            y += STACK_GAP
    height = y
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {num(PANEL_W)} {num(height)}" '
        f'width="{num(PANEL_W * PRINT_MM_PER_UNIT)}mm" '
        f'height="{num(height * PRINT_MM_PER_UNIT)}mm" role="img">'
    )
    title = [f"<title>{escape(' → '.join(labels))}</title>"] if labels else []
    return "\n".join([head, *title, *parts, "</svg>"])


def _down_arrow(x: float, top: float, bottom: float) -> str:
    return (
        f'<polygon points="{num(x - 4)},{num(top)} {num(x + 4)},{num(top)} '
        f"{num(x + 4)},{num(bottom - 12)} {num(x + 12)},{num(bottom - 12)} {num(x)},{num(bottom)} "
        f'{num(x - 12)},{num(bottom - 12)} {num(x - 4)},{num(bottom - 12)}" fill="{INK}"/>'
    )
