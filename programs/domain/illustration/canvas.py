"""The SVG writer: one panel's elements in panel units, the height axis pointing up."""

from __future__ import annotations

from collections.abc import Sequence

from .dimensions import INK, PROP_FILL, PROP_STROKE
from .geometry import Point


def num(value: float) -> str:
    """A coordinate as written in the SVG: one decimal at most, no "-0"."""
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


class Canvas:
    """Collects SVG elements for one panel, and the extent they cover (for centring)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.xs: list[float] = []
        self.hs: list[float] = []

    def track(self, points: Sequence[Point], pad: float) -> None:
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
            self.track(points, width / 2)
        coords = " ".join(f"{num(x)},{num(-h)}" for x, h in points)
        extra = f' stroke-dasharray="{dash}"' if dash else ""
        self.parts.append(
            f'<polyline points="{coords}" fill="none" stroke="{colour}" '
            f'stroke-width="{num(width)}" stroke-linecap="{cap}" stroke-linejoin="round"{extra}/>'
        )

    def polygon(
        self,
        points: Sequence[Point],
        fill: str,
        stroke: str = INK,
        width: float = PROP_STROKE,
    ) -> None:
        self.track(points, width / 2)
        coords = " ".join(f"{num(x)},{num(-h)}" for x, h in points)
        self.parts.append(
            f'<polygon points="{coords}" fill="{fill}" stroke="{stroke}" '
            f'stroke-width="{num(width)}" stroke-linejoin="round"/>'
        )

    def rect(self, x0: float, h0: float, x1: float, h1: float, fill: str = PROP_FILL) -> None:
        self.polygon([(x0, h0), (x1, h0), (x1, h1), (x0, h1)], fill)

    def circle(
        self, centre: Point, r: float, fill: str, stroke: str = "none", width: float = 0
    ) -> None:
        self.track([centre], r + width / 2)
        stroke_attr = f' stroke="{stroke}" stroke-width="{num(width)}"' if width else ""
        self.parts.append(
            f'<circle cx="{num(centre[0])}" cy="{num(-centre[1])}" r="{num(r)}" '
            f'fill="{fill}"{stroke_attr}/>'
        )

    def ellipse(self, centre: Point, rx: float, ry: float, fill: str) -> None:
        self.track([(centre[0] - rx, centre[1] - ry), (centre[0] + rx, centre[1] + ry)], 0)
        self.parts.append(
            f'<ellipse cx="{num(centre[0])}" cy="{num(-centre[1])}" rx="{num(rx)}" '
            f'ry="{num(ry)}" fill="{fill}"/>'
        )

    def path(self, d: str, points: Sequence[Point], width: float, colour: str = INK) -> None:
        self.track(points, width / 2)
        self.parts.append(
            f'<path d="{d}" fill="none" stroke="{colour}" stroke-width="{num(width)}" '
            'stroke-linecap="round" stroke-linejoin="round"/>'
        )
