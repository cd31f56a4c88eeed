"""Which exercises a plan may hold: the §6 filters and the §7a rules that act like filters.

`rule_breaks` is the one test the generator, the named progressions and regressions, the
template re-filter and the program continuation all apply, so none of them can cross a rule
the others keep. Each broken rule is a `safety.Violation` with a stable code and a message in
Danish and English.

Beyond §6 (`safety.violations`, with W6 applying the precaution filters, P13):
- a generated program never holds loaded spinal flexion or rotation (§6, any category);
- an exercise needing supervision only where §7b applies (P3's supervision rule; P11 home);
- P5: a wheelchair user gets only seated or lying exercises, and no walking or stairs;
- P7: no moderate or high impact with fall risk high; high impact only in `traeningsaktiv` with
  fall risk low;
- P8: no moderate or high impact with W4.
"""

from . import safety
from .request import ProgramRequest
from .safety import Violation
from .spec import ExerciseSpec, Impact, Pattern, Position

_WHEELCHAIR_PATTERNS = frozenset({Pattern.WALKING, Pattern.STAIRS})


def _v(code: str, da: str, en: str) -> Violation:
    return Violation(code, {"da": da, "en": en})


GENERATED_FLEXION = _v(
    "generated_no_loaded_flexion",
    "Et genereret program indeholder aldrig belastet foroverbøjning eller rotation af ryggen.",
    "A generated program never holds loaded forward bending or twisting of the spine.",
)
SUPERVISION_ONLY_HIRIT = _v(
    "supervision_only_hirit",
    "Øvelser, der kræver supervision, indgår kun i tung styrke- og stødtræning (HiRIT, §7b).",
    "Exercises needing supervision are only part of heavy resistance and impact training "
    "(HiRIT, §7b).",
)
WHEELCHAIR_POSITION = _v(
    "wheelchair_seated_or_lying",
    "Kørestolsbruger: kun øvelser, der udføres siddende eller liggende (P5).",
    "Wheelchair user: only exercises done seated or lying (P5).",
)
WHEELCHAIR_WALKING = _v(
    "wheelchair_no_walking",
    "Kørestolsbruger: ingen gang eller trapper (P5).",
    "Wheelchair user: no walking or stairs (P5).",
)
FALL_RISK_IMPACT = _v(
    "fall_risk_high_impact",
    "Høj faldrisiko: ingen moderat eller kraftig stødbelastning (P7).",
    "High fall risk: no moderate or high impact (P7).",
)
HIGH_IMPACT_ONLY_TRAINING = _v(
    "high_impact_training_low_fall_risk",
    "Kraftige stød (hop) kun for træningsaktive med lav faldrisiko (P7).",
    "High impact (jumps) only for the exercising category with a low fall risk (P7).",
)
PAIN_IMPACT = _v(
    "pain_no_impact",
    "Smerter NRS 7 eller mere (W4): ingen moderat eller kraftig stødbelastning (P8).",
    "Pain NRS 7 or more (W4): no moderate or high impact (P8).",
)


def rule_breaks(spec: ExerciseSpec, request: ProgramRequest) -> list[Violation]:
    """Every rule the exercise breaks in this plan, in a fixed order (empty = allowed)."""
    found = safety.violations(
        spec,
        request.planned_category,
        qualifying_vertebral_fracture=request.qualifying_vertebral_fracture,
        supervised_setting=request.supervised,
        red_flag=request.red_flag,
    )
    if spec.loaded_spinal_flexion:
        found.append(GENERATED_FLEXION)
    if spec.needs_supervision and not request.hirit:
        found.append(SUPERVISION_ONLY_HIRIT)
    if request.wheelchair:
        if spec.position is Position.STANDING:
            found.append(WHEELCHAIR_POSITION)
        if spec.pattern in _WHEELCHAIR_PATTERNS:
            found.append(WHEELCHAIR_WALKING)
    if spec.impact.rank >= Impact.MODERATE.rank:
        if request.pain:
            found.append(PAIN_IMPACT)
        if request.fall_risk_high:
            found.append(FALL_RISK_IMPACT)
        if spec.impact is Impact.HIGH and not request.high_impact_allowed:
            found.append(HIGH_IMPACT_ONLY_TRAINING)
    return found


def allowed(spec: ExerciseSpec, request: ProgramRequest) -> bool:
    return not rule_breaks(spec, request)
