"""Loads the default exercise library into the database; running it again changes nothing."""

from dataclasses import asdict

from django.core.files.base import ContentFile
from django.db import transaction

from .library_file import DEFAULT_LIBRARY_PATH, LibraryEntry, load_library_file
from .models import Exercise


def _fields(entry: LibraryEntry, version: str) -> dict:
    return {
        "name_da": entry.name.da,
        "name_en": entry.name.en,
        "instructions_da": "\n".join(entry.instructions.da),
        "instructions_en": "\n".join(entry.instructions.en),
        "safety_tip_da": entry.safety_tip.da,
        "safety_tip_en": entry.safety_tip.en,
        "domain": entry.domain.value,
        "secondary_domain": entry.secondary_domain.value if entry.secondary_domain else "",
        "kind": entry.kind.value,
        "min_level": entry.min_level.value,
        "impact": entry.impact.value,
        "loaded_spinal_flexion": entry.loaded_spinal_flexion,
        "needs_supervision": entry.needs_supervision,
        "equipment": list(entry.equipment),
        "dose_type": entry.dose_type.value,
        "default_dose": {k: v for k, v in asdict(entry.default_dose).items() if v is not None},
        "priority": entry.priority,
        "library_version": version,
    }


@transaction.atomic
def load_default_library(path=DEFAULT_LIBRARY_PATH) -> tuple[int, int]:
    """Creates or updates each global exercise by key; returns (created, updated)."""
    library = load_library_file(path)
    existing = {e.key: e for e in Exercise.objects.filter(clinic__isnull=True)}
    created = updated = 0
    for entry in library.entries:
        exercise = existing.get(entry.key) or Exercise(key=entry.key)
        fields = _fields(entry, library.version)
        svg = entry.render_illustration().encode("utf-8")
        changed = exercise._state.adding or any(
            getattr(exercise, name) != value for name, value in fields.items()
        )
        if not exercise.illustration or _read(exercise.illustration) != svg:
            exercise.illustration.save(f"global-{entry.key}.svg", ContentFile(svg), save=False)
            changed = True
        if not changed:
            continue
        created += exercise._state.adding
        updated += not exercise._state.adding
        for name, value in fields.items():
            setattr(exercise, name, value)
        exercise.save()
        existing[entry.key] = exercise
    for entry in library.entries:
        exercise = existing[entry.key]
        links = {
            "regression": existing[entry.regression] if entry.regression else None,
            "progression": existing[entry.progression] if entry.progression else None,
        }
        if any(getattr(exercise, name) != value for name, value in links.items()):
            for name, value in links.items():
                setattr(exercise, name, value)
            exercise.save(update_fields=["regression", "progression", "updated_at"])
    return created, updated


def _read(field_file) -> bytes | None:
    try:
        with field_file.open("rb") as handle:
            return handle.read()
    except (FileNotFoundError, ValueError):
        return None
