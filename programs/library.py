"""Loads the default exercise library into the database; running it again changes nothing."""

from django.core.files.base import ContentFile
from django.db import transaction

from .domain.library_file import DEFAULT_LIBRARY_PATH, LibraryEntry, load_library_file
from .domain.spec import attribute_values, dose_json
from .models import Exercise
from .services.exercises import programs_shown_anew


def _fields(entry: LibraryEntry, version: str) -> dict:
    """The model's fields from the entry's spec."""
    spec = entry.spec
    return {
        "name_da": spec.name_da,
        "name_en": spec.name_en,
        "instructions_da": "\n".join(spec.instructions_da),
        "instructions_en": "\n".join(spec.instructions_en),
        "safety_tip_da": spec.safety_tip_da,
        "safety_tip_en": spec.safety_tip_en,
        "illustration_alt_da": spec.illustration_alt_da,
        "illustration_alt_en": spec.illustration_alt_en,
        **attribute_values(spec),
        "secondary_domain": spec.secondary_domain.value if spec.secondary_domain else "",
        "equipment": sorted(spec.equipment),
        "dose_type": spec.dose_type.value,
        "default_dose": dose_json(spec.default_dose),
        "priority": spec.priority,
        "library_version": version,
    }


@transaction.atomic
def load_default_library(path=DEFAULT_LIBRARY_PATH) -> tuple[int, int]:
    """Creates or updates each global exercise by key; returns (created, updated)."""
    library = load_library_file(path)
    existing = {e.key: e for e in Exercise.objects.filter(clinic__isnull=True)}
    created = updated = 0
    changed_ids = []
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
        changed_ids.append(exercise.pk)
    programs_shown_anew(changed_ids)
    return created, updated


def _read(field_file) -> bytes | None:
    try:
        with field_file.open("rb") as handle:
            return handle.read()
    except (FileNotFoundError, ValueError):
        return None
