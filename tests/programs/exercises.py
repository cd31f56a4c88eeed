"""Exercise specs for the pure program tests: one builder and the default library's specs."""

from osteoactive.domain.vocabulary import Domain, Level
from programs.domain.library_file import load_library_file
from programs.domain.spec import Dose, DoseType, ExerciseSpec, Impact, Kind, Pattern, Position

LIBRARY = tuple(entry.spec for entry in load_library_file().entries)
BY_KEY = {spec.key: spec for spec in LIBRARY}


def spec(
    key: str,
    *,
    domain=Domain.STAERK,
    kind=Kind.STRENGTH,
    pattern=Pattern.SQUAT,
    group: str | None = None,
    rung: int = 1,
    position=Position.STANDING,
    level=Level.LIMITED,
    impact=Impact.NONE,
    flexion=False,
    supervision=False,
    dose_type=DoseType.REPETITIONS,
    dose=None,
    equipment=(),
    secondary=None,
    priority=50,
    name=None,
) -> ExerciseSpec:
    """A plain, safe exercise unless the test says otherwise; a ladder of its own by default."""
    return ExerciseSpec(
        key=key,
        name_da=name or key,
        name_en=name or key,
        domain=domain,
        kind=kind,
        pattern=pattern,
        variant_group=group or key,
        rung=rung,
        position=position,
        min_level=level,
        impact=impact,
        loaded_spinal_flexion=flexion,
        needs_supervision=supervision,
        dose_type=dose_type,
        default_dose=dose or Dose(sets=2, reps=10),
        equipment=frozenset(equipment),
        secondary_domain=secondary,
        priority=priority,
    )
