"""The pose tables, kept as data in poses.json: the named base poses and the footprint layouts."""

from __future__ import annotations

import json
from importlib.resources import files

from .geometry import Point

_DATA = json.loads(files(__package__).joinpath("poses.json").read_text(encoding="utf-8"))

BASE_POSES: dict[str, dict[str, float]] = _DATA["base_poses"]
# Foot centres for the footprints mark, seen from above (x across, height = forwards).
FOOT_LAYOUTS: dict[str, tuple[Point, ...]] = {
    name: tuple((float(x), float(h)) for x, h in feet)
    for name, feet in _DATA["foot_layouts"].items()
}
