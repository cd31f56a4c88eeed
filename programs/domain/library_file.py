"""The exercise library file (fixtures/exercise_library.json): load it and validate it (pure).

The file is the reference data the default library is built from::

    {"version": "2026.2", "exercises": [exercise, ...]}

Each exercise has exactly these fields:

- ``key``: a stable slug (``sit-to-stand``); never reused for a different exercise
- ``name``, ``safety_tip``, ``illustration_alt``: ``{"da": str, "en": str}``; the last says
  what the drawing shows, start and end (the PDF's alt text for readers who cannot see it)
- ``instructions``: ``{"da": [str, ...], "en": [str, ...]}``, the same number of steps in both
  languages; the steps carry no numbers, the handout numbers them
- ``domain``, ``secondary_domain`` (or null), ``kind``, ``pattern``, ``position``, ``min_level``,
  ``impact``, ``dose_type``: the values of the enums in ``programs.domain.spec`` (not the legacy
  ``distance`` dose type)
- ``variant_group`` (a slug naming the ladder) and ``rung`` (1 = easiest): the rungs of a ladder
  are 1, 2, … without gaps or repeats, and a ladder is one movement pattern
- ``loaded_spinal_flexion``, ``needs_supervision``: true / false
- ``equipment``: codes from ``programs.domain.spec.EQUIPMENT``, no repeats
- ``default_dose``: the keys of ``DOSE_TYPE_FIELDS`` for the dose type: positive whole numbers,
  ``per_side`` true, or ``{"technique": true}``
- ``priority``: 1–99, lower first among equally suitable exercises
- ``illustration``: pose data for ``programs.domain.illustration.render_illustration``

Any problem raises ``LibraryFileError`` naming the exercise key and the field. Only Danish and
English are accepted, and unknown fields are refused, so a typo cannot slip through as an
ignored field.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from osteoactive.domain.languages import LANGUAGES
from osteoactive.domain.vocabulary import Domain, Level

from .illustration import IllustrationError, render_illustration
from .spec import (
    DOSE_TYPE_FIELDS,
    DOSE_TYPES,
    EQUIPMENT,
    SPEC_FIELDS,
    Dose,
    DoseType,
    ExerciseSpec,
    Impact,
    Kind,
    Pattern,
    Position,
)

DEFAULT_LIBRARY_PATH = Path(__file__).resolve().parents[2] / "fixtures" / "exercise_library.json"


FIELDS = (
    "key",
    "name",
    "instructions",
    "safety_tip",
    *(name for name in SPEC_FIELDS if name != "key" and not name.endswith(("_da", "_en"))),
    "illustration",
    "illustration_alt",
)
"""The file's fields: the spec's (texts grouped by language) and the pose data."""

_KEY_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class LibraryFileError(ValueError):
    """An invalid library file; ``key`` and ``field`` name where the problem is."""

    def __init__(self, problem: str, *, key: str | None = None, field: str | None = None) -> None:
        self.problem, self.key, self.field = problem, key, field
        where = []
        if key is not None:
            where.append(f"exercise {key!r}")
        if field is not None:
            where.append(f"field {field!r}")
        super().__init__(": ".join([*where, problem]))


@dataclass(frozen=True)
class LibraryEntry:
    """One exercise of the library file, validated: its spec and its pose data."""

    spec: ExerciseSpec
    illustration: Mapping[str, Any] = field(hash=False, repr=False)

    @property
    def key(self) -> str:
        return self.spec.key

    def render_illustration(self, labels: tuple[str, str] | None = None) -> str:
        """The exercise's two-panel illustration as an SVG document."""
        return render_illustration(self.illustration, labels=labels)


@dataclass(frozen=True)
class LibraryFile:
    version: str
    entries: tuple[LibraryEntry, ...]

    def by_key(self) -> dict[str, LibraryEntry]:
        return {entry.key: entry for entry in self.entries}


def load_library_file(path: str | Path = DEFAULT_LIBRARY_PATH) -> LibraryFile:
    """Read and validate a library file; raises ``LibraryFileError`` naming what is wrong."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise LibraryFileError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LibraryFileError(f"{path} is not valid JSON: {exc}") from exc
    return parse_library(data)


def parse_library(data: object) -> LibraryFile:
    """Validate already-decoded library data (see the module docstring for the format)."""
    if not isinstance(data, Mapping):
        raise LibraryFileError("the library must be a JSON object")
    unknown = set(data) - {"version", "exercises"}
    if unknown:
        raise LibraryFileError(f"unknown top-level field(s): {', '.join(sorted(unknown))}")
    version = data.get("version")
    if not isinstance(version, str) or not version.strip():
        raise LibraryFileError("'version' must be a non-empty string")
    exercises = data.get("exercises")
    if not isinstance(exercises, list) or not exercises:
        raise LibraryFileError("'exercises' must be a non-empty list")

    entries: list[LibraryEntry] = []
    seen: set[str] = set()
    for index, raw in enumerate(exercises):
        entry = _parse_entry(raw, index)
        if entry.key in seen:
            raise LibraryFileError("duplicate key", key=entry.key, field="key")
        seen.add(entry.key)
        entries.append(entry)

    _check_ladders(entries)
    return LibraryFile(version=version, entries=tuple(entries))


def _check_ladders(entries: list[LibraryEntry]) -> None:
    """Each ladder's rungs are 1, 2, … without gaps or repeats, and one movement pattern."""
    groups: dict[str, list[ExerciseSpec]] = {}
    for entry in entries:
        groups.setdefault(entry.spec.variant_group, []).append(entry.spec)
    for group, specs in groups.items():
        specs.sort(key=lambda spec: (spec.rung, spec.key))
        for number, spec in enumerate(specs, start=1):
            if spec.rung != number:
                raise LibraryFileError(
                    f"ladder {group!r} needs rung {number} here (its rungs are 1, 2, … without "
                    "gaps or repeats)",
                    key=spec.key,
                    field="rung",
                )
            if spec.pattern is not specs[0].pattern:
                raise LibraryFileError(
                    f"ladder {group!r} is the pattern {specs[0].pattern.value!r}",
                    key=spec.key,
                    field="pattern",
                )


def _parse_entry(raw: object, index: int) -> LibraryEntry:
    if not isinstance(raw, Mapping):
        raise LibraryFileError(f"exercise number {index + 1} must be a JSON object")
    key = raw.get("key")
    if not isinstance(key, str) or not _KEY_PATTERN.fullmatch(key):
        raise LibraryFileError(
            f"exercise number {index + 1}: 'key' must be a slug such as 'sit-to-stand', "
            f"got {key!r}",
            field="key",
        )

    def fail(name: str, problem: str) -> LibraryFileError:
        return LibraryFileError(problem, key=key, field=name)

    missing = [name for name in FIELDS if name not in raw]
    if missing:
        raise fail(missing[0], "missing")
    unknown = sorted(set(raw) - set(FIELDS))
    if unknown:
        raise fail(unknown[0], "unknown field")

    def enum(name: str, cls: type, *, optional: bool = False) -> Any:
        value = raw[name]
        if value is None and optional:
            return None
        try:
            return cls(value)
        except ValueError:
            allowed = ", ".join(member.value for member in cls)
            raise fail(name, f"unknown value {value!r} (allowed: {allowed})") from None

    def flag(name: str) -> bool:
        value = raw[name]
        if not isinstance(value, bool):
            raise fail(name, f"must be true or false, got {value!r}")
        return value

    def group() -> str:
        value = raw["variant_group"]
        if not isinstance(value, str) or not _KEY_PATTERN.fullmatch(value):
            raise fail("variant_group", f"must be a slug such as 'squat', got {value!r}")
        return value

    domain = enum("domain", Domain)
    secondary = enum("secondary_domain", Domain, optional=True)
    if secondary == domain:
        raise fail("secondary_domain", "must differ from the domain")
    dose_type = raw["dose_type"]
    if dose_type not in DOSE_TYPES:
        allowed = ", ".join(t.value for t in DOSE_TYPES)
        raise fail("dose_type", f"unknown value {dose_type!r} (allowed: {allowed})")
    dose_type = DoseType(dose_type)
    illustration = raw["illustration"]
    if not isinstance(illustration, Mapping) or not illustration:
        raise fail("illustration", "must be pose data (a JSON object)")
    try:
        render_illustration(illustration)
    except IllustrationError as exc:
        raise fail("illustration", f"cannot be drawn: {exc}") from None

    name = _text(raw["name"], fail, "name")
    steps = _steps(raw["instructions"], fail)
    tip = _text(raw["safety_tip"], fail, "safety_tip")
    alt = _text(raw["illustration_alt"], fail, "illustration_alt")
    spec = ExerciseSpec(
        key=key,
        name_da=name["da"],
        name_en=name["en"],
        instructions_da=steps["da"],
        instructions_en=steps["en"],
        safety_tip_da=tip["da"],
        safety_tip_en=tip["en"],
        illustration_alt_da=alt["da"],
        illustration_alt_en=alt["en"],
        domain=domain,
        secondary_domain=secondary,
        kind=enum("kind", Kind),
        pattern=enum("pattern", Pattern),
        variant_group=group(),
        rung=_whole(raw["rung"], fail, "rung", 1, 20),
        position=enum("position", Position),
        min_level=enum("min_level", Level),
        impact=enum("impact", Impact),
        loaded_spinal_flexion=flag("loaded_spinal_flexion"),
        needs_supervision=flag("needs_supervision"),
        equipment=frozenset(_equipment(raw["equipment"], fail)),
        dose_type=dose_type,
        default_dose=_dose(raw["default_dose"], dose_type, fail),
        priority=_whole(raw["priority"], fail, "priority", 1, 99),
    )
    return LibraryEntry(spec=spec, illustration=_freeze(illustration))


def _whole(value: object, fail: Any, name: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise fail(name, f"must be a whole number from {low} to {high}, got {value!r}")
    return value


def _languages(value: object, fail: Any, name: str) -> Mapping:
    if not isinstance(value, Mapping):
        raise fail(name, f"must be an object with the languages {', '.join(LANGUAGES)}")
    for language in LANGUAGES:
        if language not in value:
            raise fail(name, f"missing language {language!r}")
    unknown = sorted(set(value) - set(LANGUAGES))
    if unknown:
        raise fail(name, f"unsupported language {unknown[0]!r}")
    return value


def _text(value: object, fail: Any, name: str) -> dict[str, str]:
    texts = _languages(value, fail, name)
    for language in LANGUAGES:
        text = texts[language]
        if not isinstance(text, str) or not text.strip():
            raise fail(name, f"language {language!r} must be non-empty text")
    return {language: texts[language] for language in LANGUAGES}


def _steps(value: object, fail: Any) -> dict[str, tuple[str, ...]]:
    steps = _languages(value, fail, "instructions")
    for language in LANGUAGES:
        items = steps[language]
        if (
            not isinstance(items, list)
            or not items
            or not all(isinstance(s, str) and s.strip() for s in items)
        ):
            raise fail("instructions", f"language {language!r} must be a list of non-empty steps")
    if len(steps["da"]) != len(steps["en"]):
        raise fail(
            "instructions",
            f"'da' has {len(steps['da'])} steps but 'en' has {len(steps['en'])}",
        )
    return {language: tuple(steps[language]) for language in LANGUAGES}


def _equipment(value: object, fail: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise fail("equipment", "must be a list of equipment codes")
    for code in value:
        if code not in EQUIPMENT:
            raise fail("equipment", f"unknown equipment code {code!r}")
    if len(set(value)) != len(value):
        raise fail("equipment", "lists a code twice")
    return tuple(value)


def _dose(value: object, dose_type: DoseType, fail: Any) -> Dose:
    required, optional = DOSE_TYPE_FIELDS[dose_type]
    expected = " and ".join(sorted(required))
    if not isinstance(value, Mapping):
        raise fail("default_dose", f"must be an object with {expected}")
    missing = sorted(required - set(value))
    if missing:
        raise fail("default_dose", f"dose type {dose_type.value!r} needs {expected}")
    extra = sorted(set(value) - required - optional)
    if extra:
        raise fail("default_dose", f"{extra[0]!r} does not belong to dose type {dose_type.value!r}")
    for name, number in value.items():
        if name in ("per_side", "technique"):
            if number is not True:
                raise fail("default_dose", f"{name!r} must be true (or left out)")
        elif isinstance(number, bool) or not isinstance(number, int) or number <= 0:
            raise fail("default_dose", f"{name!r} must be a positive whole number")
    return Dose(**value)


def _freeze(value: Any) -> Any:
    """A read-only deep copy of JSON data (objects become mappings, lists tuples)."""
    if isinstance(value, Mapping):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, Sequence) and not isinstance(value, str):
        return tuple(_freeze(v) for v in value)
    return value
