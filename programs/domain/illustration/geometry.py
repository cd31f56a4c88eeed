"""Points and directions in panel units: (x, height above the floor), angles clockwise from up."""

from __future__ import annotations

import math

Point = tuple[float, float]  # (x, height above the floor)


def direction(angle: float) -> Point:
    rad = math.radians(angle)
    return (math.sin(rad), math.cos(rad))


def add(p: Point, q: Point, k: float = 1.0) -> Point:
    return (p[0] + k * q[0], p[1] + k * q[1])


def sub(p: Point, q: Point) -> Point:
    return (p[0] - q[0], p[1] - q[1])


def dot(p: Point, q: Point) -> float:
    return p[0] * q[0] + p[1] * q[1]


def length(p: Point) -> float:
    return math.hypot(p[0], p[1])


def rotate(p: Point, degrees: float) -> Point:
    """Rotate clockwise (the angle convention of the pose data)."""
    rad = math.radians(degrees)
    c, s = math.cos(rad), math.sin(rad)
    return (p[0] * c + p[1] * s, -p[0] * s + p[1] * c)
