"""Exercise illustrations drawn as standalone SVG from compact pose data (pure, no Django).

An illustration is two panels side by side, "start" and "end", with a bold arrow between them.
Each panel shows a black figure (thick round-capped limbs, a filled head with a nose that shows
which way the face points, a thick torso) and simple props in black outline with a light fill.
The far-side limbs are dark grey and drawn behind the body; the near-side limbs have a white
edge so they stay distinct where they cross the body. Nothing depends on colour alone, so the
drawing prints in black and white at about 6 cm wide.

Pose data (a mapping, as stored in the exercise library JSON)::

    {
      "view": "side",               # or "front"; default "side"
      "props": [prop, ...],         # optional, drawn in both panels
      "start": panel,
      "end": panel
    }

    panel = {
      "base": "standing",           # a named base pose, see BASE_POSES
      "angles": {"trunk": 20, "near_thigh": 150, "arms": 90},   # overrides, degrees
      "x": 90,                      # where the hip is (panel units, 0..180); default 90
      "lift": 0,                    # height of the surface the body rests on; default 0
      "hip": 44,                    # hip height; default: lowest body point rests on `lift`
      "reach": {"hands": [150, 90]},    # put hands/feet on a point, elbows/knees follow
      "props": [prop, ...],         # drawn in this panel only
      "marks": [mark, ...]          # motion arrows, impact lines, footprints
    }

Units: the panel is 180 wide; heights are measured up from the floor. A standing figure is
about 160 tall. Each panel's content is centred in its panel and, if it would not fit, both
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
``{"type": "impact", "at": p}`` (lines where a foot meets the floor) and
``{"type": "footprints", "at": p, "layout": "together" | "semi_tandem" | "tandem" | "one_foot"}``
(a small framed view from above of where the feet stand).

Choices: the figure has no face details beyond the nose, and the panels carry no text unless the
caller passes labels in the patient's language; the arrow between the panels says "then".
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from xml.sax.saxutils import escape, quoteattr

__all__ = ["BASE_POSES", "PROP_TYPES", "IllustrationError", "render_illustration"]


class IllustrationError(ValueError):
    """The pose data cannot be drawn; the message names the part that is wrong."""


# --- dimensions (panel units) -----------------------------------------------------------------

PANEL_W = 180.0
GAP = 40.0
WIDTH = 2 * PANEL_W + GAP
FLOOR_Y = 188.0  # SVG y of the floor line
TOP_MARGIN = 6.0
SIDE_MARGIN = 8.0
LABEL_BAND = 30.0
PRINT_WIDTH_MM = 60

HEAD_R = 10.0
NECK = 17.0  # shoulder point to the centre of the head
TRUNK = 50.0
UPPER_ARM = 29.0
FOREARM = 27.0
THIGH = 42.0
SHIN = 40.0
FOOT = 13.0
FRONT_FOOT = 8.0
TRUNK_W = 19.0
LIMB_W = 9.0
FOOT_W = 7.0
NECK_W = 8.0
HAND_R = 5.5
SHOULDER_HALF = 13.0  # front view
HIP_HALF = 8.0
STICK_OFFSET = TRUNK_W / 2 + 3.5

INK = "#000"
FAR_INK = "#5a5a5a"
PAPER = "#fff"
PROP_FILL = "#e6e6e6"
PROP_STROKE = 3.0

SEGMENTS = ("arm", "forearm", "thigh", "shin", "foot")
SIDES = ("near", "far")

_STANDING = {
    "trunk": 0,
    "head": 0,
    "near_arm": 176,
    "near_forearm": 172,
    "far_arm": 184,
    "far_forearm": 178,
    "near_thigh": 180,
    "near_shin": 180,
    "near_foot": 90,
    "far_thigh": 180,
    "far_shin": 180,
    "far_foot": 90,
}

BASE_POSES: dict[str, dict[str, float]] = {
    "standing": _STANDING,
    "seated": {
        **_STANDING,
        "near_arm": 172,
        "far_arm": 178,
        "near_forearm": 110,
        "far_forearm": 115,
        "near_thigh": 90,
        "far_thigh": 90,
        "near_shin": 180,
        "far_shin": 180,
    },
    "lying_supine": {
        **_STANDING,
        "trunk": 270,
        "near_arm": 90,
        "far_arm": 90,
        "near_forearm": 90,
        "far_forearm": 90,
        "near_thigh": 90,
        "far_thigh": 90,
        "near_shin": 90,
        "far_shin": 90,
        "near_foot": 10,
        "far_foot": 10,
    },
    "lying_prone": {
        **_STANDING,
        "trunk": 90,
        "near_arm": 270,
        "far_arm": 270,
        "near_forearm": 270,
        "far_forearm": 270,
        "near_thigh": 270,
        "far_thigh": 270,
        "near_shin": 270,
        "far_shin": 270,
        "near_foot": 235,
        "far_foot": 235,
    },
    "four_point": {
        **_STANDING,
        "trunk": 90,
        "near_arm": 180,
        "far_arm": 180,
        "near_forearm": 180,
        "far_forearm": 180,
        "near_thigh": 180,
        "far_thigh": 180,
        "near_shin": 270,
        "far_shin": 270,
        "near_foot": 250,
        "far_foot": 250,
    },
    "plank": {
        **_STANDING,
        "trunk": 78,
        "near_arm": 180,
        "far_arm": 180,
        "near_forearm": 90,
        "far_forearm": 90,
        "near_thigh": 258,
        "far_thigh": 258,
        "near_shin": 258,
        "far_shin": 258,
        "near_foot": 170,
        "far_foot": 170,
    },
}

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
_FRONT_PROPS = frozenset({"band", "rope", "dumbbell", "kettlebell", "basket", "barbell", "stick"})
MARK_TYPES = ("arrow", "impact", "footprints")
# Foot centres for the footprints mark, seen from above (x across, height = forwards).
FOOT_LAYOUTS: dict[str, tuple[Point, ...]] = {
    "together": ((-7.0, 0.0), (7.0, 0.0)),
    "semi_tandem": ((-6.0, -5.0), (6.0, 6.0)),
    "tandem": ((0.0, -10.0), (0.0, 11.0)),
    "one_foot": ((0.0, 0.0),),
}

Point = tuple[float, float]  # (x, height above the floor)


# --- small helpers ----------------------------------------------------------------------------


def _num(value: float) -> str:
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


def _dir(angle: float) -> Point:
    rad = math.radians(angle)
    return (math.sin(rad), math.cos(rad))


def _add(p: Point, q: Point, k: float = 1.0) -> Point:
    return (p[0] + k * q[0], p[1] + k * q[1])


def _sub(p: Point, q: Point) -> Point:
    return (p[0] - q[0], p[1] - q[1])


def _dot(p: Point, q: Point) -> float:
    return p[0] * q[0] + p[1] * q[1]


def _length(p: Point) -> float:
    return math.hypot(p[0], p[1])


def _rotate(p: Point, degrees: float) -> Point:
    """Rotate clockwise (the angle convention of the pose data)."""
    rad = math.radians(degrees)
    c, s = math.cos(rad), math.sin(rad)
    return (p[0] * c + p[1] * s, -p[0] * s + p[1] * c)


def _number(value: object, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise IllustrationError(f"{where}: expected a number, got {value!r}")
    if not math.isfinite(value):
        raise IllustrationError(f"{where}: expected a finite number")
    return float(value)


def _field(spec: Mapping, name: str, default: float, where: str) -> float:
    return _number(spec.get(name, default), f"{where}.{name}")


# --- the figure -------------------------------------------------------------------------------


class _Figure:
    """Joint positions of one panel's figure, in panel units (x, height)."""

    def __init__(self, panel: Mapping, view: str, where: str) -> None:
        base_name = panel.get("base", "standing")
        if base_name not in BASE_POSES:
            known = ", ".join(BASE_POSES)
            raise IllustrationError(f"{where}.base: unknown base pose {base_name!r} ({known})")
        self.view = view
        angles = dict(BASE_POSES[base_name])
        if view == "front":
            angles["near_foot"], angles["far_foot"] = 90.0, 270.0
        overrides = panel.get("angles", {})
        if not isinstance(overrides, Mapping):
            raise IllustrationError(f"{where}.angles: expected a mapping")
        plural = {seg + ("s" if seg != "foot" else ""): seg for seg in SEGMENTS}
        plural["feet"] = "foot"
        for name in sorted(overrides, key=lambda n: (n not in plural, n)):
            value = _number(overrides[name], f"{where}.angles.{name}")
            if name in plural:
                for side in SIDES:
                    angles[f"{side}_{plural[name]}"] = value
            elif name in angles:
                angles[name] = value
            else:
                raise IllustrationError(f"{where}.angles: unknown segment {name!r}")
        self.angles = angles
        self.front: Point = _dir(angles["trunk"] + 90)
        self.joints: dict[str, Point] = {}
        self._forward_kinematics()

        reach = panel.get("reach", {})
        if not isinstance(reach, Mapping):
            raise IllustrationError(f"{where}.reach: expected a mapping")
        self.reach: dict[str, tuple[object, bool]] = {}
        for name, target in reach.items():
            if name in ("hands", "feet"):
                limbs = [f"{side}_{name[:-1] if name == 'hands' else 'foot'}" for side in SIDES]
            elif name in ("near_hand", "far_hand", "near_foot", "far_foot"):
                limbs = [name]
            else:
                raise IllustrationError(f"{where}.reach: unknown limb {name!r}")
            spec, reverse = _reach_target(target, f"{where}.reach.{name}")
            for limb in limbs:
                self.reach[limb] = (spec, reverse)

        # Set the body down: hip x as given, and the lowest point on the support surface.
        x = _field(panel, "x", PANEL_W / 2, where)
        if "hip" in panel:
            dh = _field(panel, "hip", 0, where)
        else:
            lift = _field(panel, "lift", 0, where)
            skip = {_limb_joints(limb) for limb in self.reach}
            lowest = min(
                h - radius
                for name, (_, h) in self.joints.items()
                for radius in [_JOINT_RADIUS[name.split("_")[-1]]]
                if not any(name in group for group in skip)
            )
            dh = lift - lowest
        self.joints = {name: (p[0] + x, p[1] + dh) for name, p in self.joints.items()}
        for limb, (spec, reverse) in self.reach.items():
            target = self.resolve(spec, f"{where}.reach.{limb}")
            self._inverse_kinematics(limb, target, reverse)

    def _forward_kinematics(self) -> None:
        a = self.angles
        hip: Point = (0.0, 0.0)
        shoulder = _add(hip, _dir(a["trunk"]), TRUNK)
        j = self.joints
        j["hip"], j["shoulder"] = hip, shoulder
        j["head"] = _add(shoulder, _dir(a["trunk"] + a["head"]), NECK)
        side = _dir(a["trunk"] + 90)
        for s in SIDES:
            sign = 1.0 if s == "near" else -1.0
            if self.view == "front":
                j[f"{s}_shoulder"] = _add(shoulder, side, sign * SHOULDER_HALF)
                j[f"{s}_hip"] = _add(hip, side, sign * HIP_HALF)
            else:
                j[f"{s}_shoulder"], j[f"{s}_hip"] = shoulder, hip
            j[f"{s}_elbow"] = _add(j[f"{s}_shoulder"], _dir(a[f"{s}_arm"]), UPPER_ARM)
            j[f"{s}_hand"] = _add(j[f"{s}_elbow"], _dir(a[f"{s}_forearm"]), FOREARM)
            j[f"{s}_knee"] = _add(j[f"{s}_hip"], _dir(a[f"{s}_thigh"]), THIGH)
            j[f"{s}_ankle"] = _add(j[f"{s}_knee"], _dir(a[f"{s}_shin"]), SHIN)
            self._place_toe(s)

    def _place_toe(self, side: str) -> None:
        foot = FRONT_FOOT if self.view == "front" else FOOT
        ankle = self.joints[f"{side}_ankle"]
        self.joints[f"{side}_toe"] = _add(ankle, _dir(self.angles[f"{side}_foot"]), foot)

    def body_point(self, along: float, forward: float) -> Point:
        """A point in the trunk's frame: `along` the trunk from the hip, `forward` to the chest."""
        up = _dir(self.angles["trunk"])
        return _add(_add(self.joints["hip"], up, along), self.front, forward)

    def resolve(self, value: object, where: str) -> Point:
        """A point given as [x, height], {"body": [along, forward]} or a joint name."""
        if isinstance(value, str):
            if value in ("hands", "feet"):
                value = "near_hand" if value == "hands" else "near_ankle"
            if value not in self.joints:
                known = ", ".join(sorted(set(self.joints) | {"hands", "feet"}))
                raise IllustrationError(f"{where}: unknown joint {value!r} ({known})")
            return self.joints[value]
        if isinstance(value, Mapping) and "body" in value:
            along, forward = _literal_point(value["body"], f"{where}.body")
            return self.body_point(along, forward)
        return _literal_point(value, where)

    def _inverse_kinematics(self, limb: str, target: Point, reverse: bool) -> None:
        side, part = limb.split("_")
        if part == "hand":
            base, mid, end, l1, l2 = "shoulder", "elbow", "hand", UPPER_ARM, FOREARM
        else:
            base, mid, end, l1, l2 = "hip", "knee", "ankle", THIGH, SHIN
        origin = self.joints[f"{side}_{base}"]
        to = _sub(target, origin)
        dist = _length(to)
        if dist < 1e-6:
            to, dist = self.front, 1e-6
        unit = (to[0] / dist, to[1] / dist)
        reachable = min(max(dist, abs(l1 - l2) + 0.01), l1 + l2 - 0.01)
        cos_a = (l1 * l1 + reachable * reachable - l2 * l2) / (2 * l1 * reachable)
        alpha = math.degrees(math.acos(max(-1.0, min(1.0, cos_a))))
        options = [_add(origin, _rotate(unit, sign * alpha), l1) for sign in (1, -1)]
        if self.view == "front":
            # Knees and elbows point outwards, away from the body's midline.
            outward = _dir(self.angles["trunk"] + (90 if side == "near" else -90))
            natural = max(options, key=lambda p: _dot(_sub(p, origin), outward))
        else:
            # A knee bends clockwise (shin turns backwards from the thigh), an elbow the other way.
            def turn(p: Point) -> float:
                u, v = _sub(p, origin), _sub(target, p)
                return u[0] * v[1] - u[1] * v[0]

            natural = min(options, key=turn) if part == "foot" else max(options, key=turn)
        joint = natural if not reverse else next(p for p in options if p is not natural)
        self.joints[f"{side}_{mid}"] = joint
        towards = _sub(target, joint)
        self.joints[f"{side}_{end}"] = _add(joint, towards, l2 / max(_length(towards), 1e-6))
        if part == "foot":
            self._place_toe(side)

    def bounds(self) -> tuple[float, float, float, float]:
        xs, hs = [], []
        for name, (x, h) in self.joints.items():
            r = _JOINT_RADIUS[name.split("_")[-1]]
            xs += [x - r, x + r]
            hs += [h - r, h + r]
        return min(xs), max(xs), min(hs), max(hs)


_JOINT_RADIUS = {
    "head": HEAD_R + 1.5,
    "shoulder": TRUNK_W / 2,
    "hip": TRUNK_W / 2,
    "elbow": LIMB_W / 2,
    "hand": HAND_R,
    "knee": LIMB_W / 2,
    "ankle": LIMB_W / 2,
    "toe": FOOT_W / 2,
}


def _limb_joints(limb: str) -> tuple[str, ...]:
    side, part = limb.split("_")
    if part == "hand":
        return (f"{side}_elbow", f"{side}_hand")
    return (f"{side}_knee", f"{side}_ankle", f"{side}_toe")


def _reach_target(target: object, where: str) -> tuple[object, bool]:
    reverse = False
    if isinstance(target, Mapping) and "to" in target:
        bend = target.get("bend", "natural")
        if bend not in ("natural", "reverse"):
            raise IllustrationError(f"{where}.bend: expected 'natural' or 'reverse'")
        reverse = bend == "reverse"
        target = target["to"]
    if isinstance(target, Mapping):
        if set(target) != {"body"}:
            raise IllustrationError(
                f"{where}: expected [x, height] or {{'body': [along, forward]}}"
            )
        _literal_point(target["body"], f"{where}.body")
    else:
        _literal_point(target, where)
    return target, reverse


def _literal_point(value: object, where: str) -> Point:
    if (
        isinstance(value, Sequence)
        and not isinstance(value, str)
        and len(value) == 2
        and all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
    ):
        return (float(value[0]), float(value[1]))
    raise IllustrationError(f"{where}: expected a point [x, height], got {value!r}")


# --- drawing ----------------------------------------------------------------------------------


class _Canvas:
    """Collects SVG elements for one panel, in panel units with the height axis up."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.xs: list[float] = []
        self.hs: list[float] = []

    def _track(self, points: Sequence[Point], pad: float) -> None:
        for x, h in points:
            self.xs += [x - pad, x + pad]
            self.hs += [h - pad, h + pad]

    def line(
        self,
        points: Sequence[Point],
        width: float,
        colour: str = INK,
        *,
        cap: str = "round",
        dash: str = "",
        track: bool = True,
    ) -> None:
        if track:
            self._track(points, width / 2)
        coords = " ".join(f"{_num(x)},{_num(-h)}" for x, h in points)
        extra = f' stroke-dasharray="{dash}"' if dash else ""
        self.parts.append(
            f'<polyline points="{coords}" fill="none" stroke="{colour}" '
            f'stroke-width="{_num(width)}" stroke-linecap="{cap}" stroke-linejoin="round"{extra}/>'
        )

    def polygon(
        self,
        points: Sequence[Point],
        fill: str,
        stroke: str = INK,
        width: float = PROP_STROKE,
    ) -> None:
        self._track(points, width / 2)
        coords = " ".join(f"{_num(x)},{_num(-h)}" for x, h in points)
        self.parts.append(
            f'<polygon points="{coords}" fill="{fill}" stroke="{stroke}" '
            f'stroke-width="{_num(width)}" stroke-linejoin="round"/>'
        )

    def rect(self, x0: float, h0: float, x1: float, h1: float, fill: str = PROP_FILL) -> None:
        self.polygon([(x0, h0), (x1, h0), (x1, h1), (x0, h1)], fill)

    def circle(
        self, centre: Point, r: float, fill: str, stroke: str = "none", width: float = 0
    ) -> None:
        self._track([centre], r + width / 2)
        stroke_attr = f' stroke="{stroke}" stroke-width="{_num(width)}"' if width else ""
        self.parts.append(
            f'<circle cx="{_num(centre[0])}" cy="{_num(-centre[1])}" r="{_num(r)}" '
            f'fill="{fill}"{stroke_attr}/>'
        )

    def ellipse(self, centre: Point, rx: float, ry: float, fill: str) -> None:
        self._track([(centre[0] - rx, centre[1] - ry), (centre[0] + rx, centre[1] + ry)], 0)
        self.parts.append(
            f'<ellipse cx="{_num(centre[0])}" cy="{_num(-centre[1])}" rx="{_num(rx)}" '
            f'ry="{_num(ry)}" fill="{fill}"/>'
        )

    def path(self, d: str, points: Sequence[Point], width: float, colour: str = INK) -> None:
        self._track(points, width / 2)
        self.parts.append(
            f'<path d="{d}" fill="none" stroke="{colour}" stroke-width="{_num(width)}" '
            'stroke-linecap="round" stroke-linejoin="round"/>'
        )


def _draw_figure(c: _Canvas, fig: _Figure) -> None:
    j = fig.joints

    def limb(side: str, colour: str, halo: bool) -> None:
        arm = [j[f"{side}_shoulder"], j[f"{side}_elbow"], j[f"{side}_hand"]]
        leg = [j[f"{side}_hip"], j[f"{side}_knee"], j[f"{side}_ankle"]]
        foot = [j[f"{side}_ankle"], j[f"{side}_toe"]]
        if halo:
            for pts, w in ((leg, LIMB_W), (foot, FOOT_W), (arm, LIMB_W)):
                c.line(pts[1:] if pts is not foot else pts, w + 3.5, PAPER, track=False)
        c.line(leg, LIMB_W, colour)
        c.line(foot, FOOT_W, colour)
        c.line(arm, LIMB_W, colour)
        c.circle(j[f"{side}_hand"], HAND_R, colour)

    limb("far", INK if fig.view == "front" else FAR_INK, halo=False)
    neck_end = _add(j["shoulder"], _sub(j["head"], j["shoulder"]), 0.5)
    c.line([j["shoulder"], neck_end], NECK_W)
    if fig.view == "front":
        side = _dir(fig.angles["trunk"] + 90)
        torso = [
            _add(j["shoulder"], side, SHOULDER_HALF),
            _add(j["hip"], side, HIP_HALF + 2),
            _add(j["hip"], side, -HIP_HALF - 2),
            _add(j["shoulder"], side, -SHOULDER_HALF),
        ]
        c.polygon(torso, INK, INK, LIMB_W)
    else:
        c.line([j["hip"], j["shoulder"]], TRUNK_W)
    c.circle(j["head"], HEAD_R, INK)
    if fig.view == "side":
        face = _dir(fig.angles["trunk"] + fig.angles["head"] + 90)
        up = _dir(fig.angles["trunk"] + fig.angles["head"])
        tip = _add(j["head"], face, HEAD_R + 4.5)
        c.polygon(
            [_add(_add(j["head"], face, HEAD_R - 2), up, 3), tip, _add(j["head"], up, -3)],
            INK,
            INK,
            1.0,
        )
    limb("near", INK, halo=True)


def _resolve(value: object, fig: _Figure, where: str) -> Point:
    return fig.resolve(value, where)


def _draw_prop(c: _Canvas, prop: Mapping, fig: _Figure, where: str) -> None:
    kind = prop.get("type")
    if kind not in PROP_TYPES:
        raise IllustrationError(f"{where}.type: unknown prop {kind!r} ({', '.join(PROP_TYPES)})")

    def f(name: str, default: float) -> float:
        return _field(prop, name, default, where)

    def p(name: str, default: object = None) -> Point:
        value = prop.get(name, default)
        if value is None:
            raise IllustrationError(f"{where}.{name}: missing")
        return _resolve(value, fig, f"{where}.{name}")

    def at() -> Point:
        point = p("at")
        dx, dh = _literal_point(prop.get("offset", [0, 0]), f"{where}.offset")
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
            f"M{_num(a[0])},{_num(-a[1])} "
            f"C{_num(a[0] + w)},{_num(-a[1])} {_num(apex[0] + w)},{_num(-apex[1])} "
            f"{_num(apex[0])},{_num(-apex[1])} "
            f"C{_num(apex[0] - w)},{_num(-apex[1])} {_num(a[0] - w)},{_num(-a[1])} "
            f"{_num(a[0])},{_num(-a[1])}"
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
            f"M{_num(x - 6)},{_num(-h + 8)} L{_num(x - 6)},{_num(-h)} "
            f"L{_num(x + 6)},{_num(-h)} L{_num(x + 6)},{_num(-h + 8)}",
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
            f'<ellipse cx="{_num(x)}" cy="{_num(-ry)}" rx="{_num(rx)}" ry="{_num(ry)}" '
            f'fill="{PAPER}" stroke="{INK}" stroke-width="2.5"/>'
        )
        c._track([(x - rx, 0), (x + rx, 2 * ry)], 1.5)
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


def _draw_mark(c: _Canvas, mark: Mapping, fig: _Figure, where: str) -> None:
    kind = mark.get("type")
    if kind == "arrow":
        a = _resolve(mark.get("from"), fig, f"{where}.from")
        b = _resolve(mark.get("to"), fig, f"{where}.to")
        vec = _sub(b, a)
        size = _length(vec)
        if size < 1:
            raise IllustrationError(f"{where}: the arrow has no length")
        u = (vec[0] / size, vec[1] / size)
        n = (-u[1], u[0])
        shaft_end = _add(b, u, -7)
        c.line([a, shaft_end], 3.5, cap="butt")
        c.polygon([b, _add(_add(b, u, -10), n, 6), _add(_add(b, u, -10), n, -6)], INK, INK, 1)
    elif kind == "impact":
        # Short lines fanning out from where the foot meets the floor.
        x = _resolve(mark.get("at"), fig, f"{where}.at")[0]
        for dx in (-1.0, 1.0):
            c.line([(x + 8 * dx, 3), (x + 20 * dx, 6)], 3)
            c.line([(x + 6 * dx, 9), (x + 16 * dx, 18)], 3)
    elif kind == "footprints":
        # A small view from above of where the feet stand (toes point up the page).
        x, h = _resolve(mark.get("at"), fig, f"{where}.at")
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


def _sequence(value: object, where: str) -> Sequence:
    if value is None:
        return ()
    if isinstance(value, Sequence) and not isinstance(value, str):
        return value
    raise IllustrationError(f"{where}: expected a list")


def _draw_panel(pose: Mapping, name: str, view: str) -> _Canvas:
    panel = pose.get(name)
    if not isinstance(panel, Mapping):
        raise IllustrationError(f"{name}: missing panel")
    fig = _Figure(panel, view, name)
    props = [
        *_sequence(pose.get("props"), "props"),
        *_sequence(panel.get("props"), f"{name}.props"),
    ]
    for i, prop in enumerate(props):
        if not isinstance(prop, Mapping):
            raise IllustrationError(f"{name}.props[{i}]: expected a mapping")
    c = _Canvas()

    def in_front(prop: Mapping) -> bool:
        return prop.get("type") in _FRONT_PROPS and not prop.get("behind", False)

    back = [(i, p) for i, p in enumerate(props) if not in_front(p)]
    front = [(i, p) for i, p in enumerate(props) if in_front(p)]
    for i, prop in back:
        _draw_prop(c, prop, fig, f"{name}.props[{i}]")
    _draw_figure(c, fig)
    for i, prop in front:
        _draw_prop(c, prop, fig, f"{name}.props[{i}]")
    for i, mark in enumerate(_sequence(panel.get("marks"), f"{name}.marks")):
        if not isinstance(mark, Mapping):
            raise IllustrationError(f"{name}.marks[{i}]: expected a mapping")
        _draw_mark(c, mark, fig, f"{name}.marks[{i}]")
    return c


def _label(text: str, centre: float, baseline: float) -> str:
    size = min(19.0, (PANEL_W - 6) / (0.56 * max(len(text), 1)))
    return (
        f'<text x="{_num(centre)}" y="{_num(baseline)}" text-anchor="middle" '
        f'font-family="DejaVu Sans, Arial, Helvetica, sans-serif" font-weight="bold" '
        f'font-size="{_num(size)}" fill="{INK}">{escape(text)}</text>'
    )


def render_illustration(pose: Mapping, *, labels: tuple[str, str] | None = None) -> str:
    """Draw the two-panel illustration as an SVG document string (deterministic).

    ``labels`` are the captions under the start and end panels, in the patient's language;
    without them the panels carry no text. Raises ``IllustrationError`` for pose data that
    cannot be drawn.
    """
    if not isinstance(pose, Mapping):
        raise IllustrationError("the pose data must be a mapping")
    view = pose.get("view", "side")
    if view not in ("side", "front"):
        raise IllustrationError(f"view: expected 'side' or 'front', got {view!r}")
    if labels is not None and (
        len(labels) != 2 or not all(isinstance(text, str) for text in labels)
    ):
        raise IllustrationError("labels: expected two strings")
    canvases = [_draw_panel(pose, name, view) for name in ("start", "end")]

    avail_w = PANEL_W - 2 * SIDE_MARGIN
    avail_h = FLOOR_Y - TOP_MARGIN
    scale = 1.0
    for c in canvases:
        scale = min(scale, avail_w / (max(c.xs) - min(c.xs)), avail_h / max(max(c.hs), 1.0))

    height = FLOOR_Y + 8 + (LABEL_BAND if labels else 0)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_num(WIDTH)} {_num(height)}" '
        f'width="{PRINT_WIDTH_MM}mm" height="{_num(PRINT_WIDTH_MM * height / WIDTH)}mm" '
        'role="img">'
    ]
    if labels:
        out.append(f"<title>{escape(labels[0])} → {escape(labels[1])}</title>")
    for i, c in enumerate(canvases):
        left = i * (PANEL_W + GAP)
        centre_x = (min(c.xs) + max(c.xs)) / 2
        tx = left + PANEL_W / 2 - scale * centre_x
        out.append(
            f'<line x1="{_num(left + 2)}" y1="{_num(FLOOR_Y)}" x2="{_num(left + PANEL_W - 2)}" '
            f'y2="{_num(FLOOR_Y)}" stroke="{INK}" stroke-width="3" stroke-linecap="round"/>'
        )
        transform = f"translate({_num(tx)} {_num(FLOOR_Y)}) scale({scale:.4f})"
        out.append(f"<g transform={quoteattr(transform)}>")
        out.extend(c.parts)
        out.append("</g>")
        if labels:
            out.append(_label(labels[i], left + PANEL_W / 2, FLOOR_Y + 8 + 21))
    mid = FLOOR_Y / 2 + 6
    x0, x1 = PANEL_W + 5, PANEL_W + GAP - 5
    out.append(
        f'<polygon points="{_num(x0)},{_num(mid - 4)} {_num(x1 - 12)},{_num(mid - 4)} '
        f"{_num(x1 - 12)},{_num(mid - 12)} {_num(x1)},{_num(mid)} {_num(x1 - 12)},{_num(mid + 12)} "
        f'{_num(x1 - 12)},{_num(mid + 4)} {_num(x0)},{_num(mid + 4)}" fill="{INK}"/>'
    )
    out.append("</svg>")
    return "\n".join(out)
