"""The figure of one panel: its joints solved from the pose (angles, then reach), and drawn."""

from __future__ import annotations

import math
from collections.abc import Mapping

from .canvas import Canvas, num
from .dimensions import (
    FAR_INK,
    FOOT,
    FOOT_W,
    FOREARM,
    FRONT_FOOT,
    HAND_R,
    HEAD_R,
    HIP_HALF,
    INK,
    LIMB_W,
    NECK,
    NECK_W,
    PANEL_W,
    PAPER,
    SHIN,
    SHOULDER_HALF,
    THIGH,
    TRUNK,
    TRUNK_W,
    UPPER_ARM,
)
from .geometry import Point, add, direction, dot, length, rotate, sub
from .poses import BASE_POSES
from .reading import IllustrationError, field, literal_point, number

SEGMENTS = ("arm", "forearm", "thigh", "shin", "foot")
SIDES = ("near", "far")


class Figure:
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
            value = number(overrides[name], f"{where}.angles.{name}")
            if name in plural:
                for side in SIDES:
                    angles[f"{side}_{plural[name]}"] = value
            elif name in angles:
                angles[name] = value
            else:
                raise IllustrationError(f"{where}.angles: unknown segment {name!r}")
        self.angles = angles
        self.lengths = _lengths(panel.get("shorten", {}), f"{where}.shorten")
        self.curve = field(panel, "curve", 0, where)
        if not 0 <= self.curve <= 20:
            raise IllustrationError(f"{where}.curve: expected 0 to 20 (a rounded back)")
        self.front: Point = direction(angles["trunk"] + 90)
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
        x = field(panel, "x", PANEL_W / 2, where)
        if "hip" in panel:
            dh = field(panel, "hip", 0, where)
        else:
            lift = field(panel, "lift", 0, where)
            skip = {_limb_joints(limb) for limb in self.reach}
            lowest = min(
                h - radius
                for name, (_, h) in self.joints.items()
                for radius in [JOINT_RADIUS[name.split("_")[-1]]]
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
        shoulder = add(hip, direction(a["trunk"]), TRUNK)
        j = self.joints
        j["hip"], j["shoulder"] = hip, shoulder
        j["head"] = add(shoulder, direction(a["trunk"] + a["head"]), NECK)
        side = direction(a["trunk"] + 90)
        for s in SIDES:
            sign = 1.0 if s == "near" else -1.0
            if self.view == "front":
                j[f"{s}_shoulder"] = add(shoulder, side, sign * SHOULDER_HALF)
                j[f"{s}_hip"] = add(hip, side, sign * HIP_HALF)
            else:
                j[f"{s}_shoulder"], j[f"{s}_hip"] = shoulder, hip
            size = self.size
            j[f"{s}_elbow"] = add(j[f"{s}_shoulder"], direction(a[f"{s}_arm"]), size(s, "arm"))
            j[f"{s}_hand"] = add(j[f"{s}_elbow"], direction(a[f"{s}_forearm"]), size(s, "forearm"))
            j[f"{s}_knee"] = add(j[f"{s}_hip"], direction(a[f"{s}_thigh"]), size(s, "thigh"))
            j[f"{s}_ankle"] = add(j[f"{s}_knee"], direction(a[f"{s}_shin"]), size(s, "shin"))
            self._place_toe(s)

    def size(self, side: str, segment: str) -> float:
        """A limb segment's length, shortened where it points towards the viewer."""
        return SEGMENT_LENGTH[segment] * self.lengths.get(f"{side}_{segment}", 1.0)

    def _place_toe(self, side: str) -> None:
        foot = FRONT_FOOT if self.view == "front" else FOOT
        ankle = self.joints[f"{side}_ankle"]
        self.joints[f"{side}_toe"] = add(ankle, direction(self.angles[f"{side}_foot"]), foot)

    def body_point(self, along: float, forward: float) -> Point:
        """A point in the trunk's frame: `along` the trunk from the hip, `forward` to the chest."""
        up = direction(self.angles["trunk"])
        return add(add(self.joints["hip"], up, along), self.front, forward)

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
            along, forward = literal_point(value["body"], f"{where}.body")
            return self.body_point(along, forward)
        return literal_point(value, where)

    def _inverse_kinematics(self, limb: str, target: Point, reverse: bool) -> None:
        side, part = limb.split("_")
        if part == "hand":
            base, mid, end = "shoulder", "elbow", "hand"
            l1, l2 = self.size(side, "arm"), self.size(side, "forearm")
        else:
            base, mid, end = "hip", "knee", "ankle"
            l1, l2 = self.size(side, "thigh"), self.size(side, "shin")
        origin = self.joints[f"{side}_{base}"]
        to = sub(target, origin)
        dist = length(to)
        if dist < 1e-6:
            to, dist = self.front, 1e-6
        unit = (to[0] / dist, to[1] / dist)
        reachable = min(max(dist, abs(l1 - l2) + 0.01), l1 + l2 - 0.01)
        cos_a = (l1 * l1 + reachable * reachable - l2 * l2) / (2 * l1 * reachable)
        alpha = math.degrees(math.acos(max(-1.0, min(1.0, cos_a))))
        options = [add(origin, rotate(unit, sign * alpha), l1) for sign in (1, -1)]
        if self.view == "front":
            # Knees and elbows point outwards, away from the body's midline.
            outward = direction(self.angles["trunk"] + (90 if side == "near" else -90))
            natural = max(options, key=lambda p: dot(sub(p, origin), outward))
        else:
            # A knee bends clockwise (shin turns backwards from the thigh), an elbow the other way.
            def turn(p: Point) -> float:
                u, v = sub(p, origin), sub(target, p)
                return u[0] * v[1] - u[1] * v[0]

            natural = min(options, key=turn) if part == "foot" else max(options, key=turn)
        joint = natural if not reverse else next(p for p in options if p is not natural)
        self.joints[f"{side}_{mid}"] = joint
        towards = sub(target, joint)
        self.joints[f"{side}_{end}"] = add(joint, towards, l2 / max(length(towards), 1e-6))
        if part == "foot":
            self._place_toe(side)

    def bounds(self) -> tuple[float, float, float, float]:
        xs, hs = [], []
        for name, (x, h) in self.joints.items():
            r = JOINT_RADIUS[name.split("_")[-1]]
            xs += [x - r, x + r]
            hs += [h - r, h + r]
        return min(xs), max(xs), min(hs), max(hs)


SEGMENT_LENGTH = {"arm": UPPER_ARM, "forearm": FOREARM, "thigh": THIGH, "shin": SHIN}

JOINT_RADIUS = {
    "head": HEAD_R + 1.5,
    "shoulder": TRUNK_W / 2,
    "hip": TRUNK_W / 2,
    "elbow": LIMB_W / 2,
    "hand": HAND_R,
    "knee": LIMB_W / 2,
    "ankle": LIMB_W / 2,
    "toe": FOOT_W / 2,
}


def _lengths(value: object, where: str) -> dict[str, float]:
    """Per-segment length factors (0.15–1), for a limb that points towards the viewer."""
    if not isinstance(value, Mapping):
        raise IllustrationError(f"{where}: expected a mapping")
    lengths: dict[str, float] = {}
    for name, factor in value.items():
        factor = number(factor, f"{where}.{name}")
        if not 0.15 <= factor <= 1:
            raise IllustrationError(f"{where}.{name}: expected a factor from 0.15 to 1")
        segment = name.removeprefix("near_").removeprefix("far_").removesuffix("s")
        if segment not in SEGMENT_LENGTH:
            raise IllustrationError(f"{where}: unknown segment {name!r}")
        sides = [name.split("_")[0]] if name.startswith(("near_", "far_")) else list(SIDES)
        for side in sides:
            lengths[f"{side}_{segment}"] = factor
    return lengths


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
        literal_point(target["body"], f"{where}.body")
    else:
        literal_point(target, where)
    return target, reverse


def draw_figure(c: Canvas, fig: Figure) -> None:
    """Far limbs behind the body in grey, near limbs in front with a white edge."""
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
    neck_end = add(j["shoulder"], sub(j["head"], j["shoulder"]), 0.5)
    c.line([j["shoulder"], neck_end], NECK_W)
    if fig.view == "front":
        side = direction(fig.angles["trunk"] + 90)
        torso = [
            add(j["shoulder"], side, SHOULDER_HALF),
            add(j["hip"], side, HIP_HALF + 2),
            add(j["hip"], side, -HIP_HALF - 2),
            add(j["shoulder"], side, -SHOULDER_HALF),
        ]
        c.polygon(torso, INK, INK, LIMB_W)
    elif fig.curve:
        # A rounded back: the spine bows out behind the line from hip to shoulder.
        middle = add(add(j["hip"], sub(j["shoulder"], j["hip"]), 0.5), fig.front, -2 * fig.curve)
        hip, shoulder = j["hip"], j["shoulder"]
        d = (
            f"M{num(hip[0])},{num(-hip[1])} Q{num(middle[0])},{num(-middle[1])} "
            f"{num(shoulder[0])},{num(-shoulder[1])}"
        )
        c.path(d, [hip, shoulder, add(middle, fig.front, fig.curve)], TRUNK_W)
    else:
        c.line([j["hip"], j["shoulder"]], TRUNK_W)
    c.circle(j["head"], HEAD_R, INK)
    if fig.view == "side":
        face = direction(fig.angles["trunk"] + fig.angles["head"] + 90)
        up = direction(fig.angles["trunk"] + fig.angles["head"])
        tip = add(j["head"], face, HEAD_R + 4.5)
        c.polygon(
            [add(add(j["head"], face, HEAD_R - 2), up, 3), tip, add(j["head"], up, -3)],
            INK,
            INK,
            1.0,
        )
    limb("near", INK, halo=True)
