"""The drawings of the handout's advice pages (not exercises), kept as pose data in advice.json:
the hip-hinge lift as do and don't, and the loaded forward bending to avoid."""

from __future__ import annotations

import json
from importlib.resources import files
from types import MappingProxyType

_DATA = json.loads(files(__package__).joinpath("advice.json").read_text(encoding="utf-8"))

ADVICE_DRAWINGS = MappingProxyType({name: pose for name, pose in _DATA.items() if name != "about"})
"""Pose data by name: ``lift`` (do, don't) and ``avoid`` (a sit-up, touching the toes)."""
