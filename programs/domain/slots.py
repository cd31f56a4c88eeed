"""The §7 table as data: the slots a program is built from, per category (DK-2026.2).

A slot asks for a movement pattern (preferred first) in one domain; §7a P1's patterns each have
their own slot, so a program covers them or lists the slot as unfilled. `program_slots` applies
the individual rules that change the table: P5 (no walking for a wheelchair user), P6 (balance
count with fall-prevention focus), P7 (impact by fall risk; brisk walking instead with fall risk
high), P8 (no impact slots with W4), P9 (the acute program by fracture site), P13 (W6 as P7's
brisk walking) and §7b (the heavy lifts and the drop landings).

Counts chosen inside §7's ranges (the Stærk counts include walking and impact):
- akutfase: 2 gentle strength (sit-to-stand and calf, or hip abduction after a hip fracture) +
  walking; 2 supported balance; Strakt 4 (log-roll, rest positions, breathing, and the back
  extensors: §9's key exercise after a vertebral fracture) after a vertebral fracture or when the
  site is not known, else 3 posture and back-extensor items.
- funktionsbegraenset: 4 functional strength (squat, push, pull, calf or hip) + walking; 3
  supported balance (P6's 10 minutes need three); Strakt 2.
- hverdagsaktiv_med_hensyn: 5 strength + brisk walking; 3 balance (static, dynamic, reactive);
  Strakt 3 (hip hinge, back extension, posture).
- hverdagsaktiv: 5 strength + 2 moderate impact; 3 balance (static, dynamic, reactive); Strakt 2.
- traeningsaktiv_med_hensyn: 6 strength + brisk walking; 3 dynamic balance; Strakt 2.
- traeningsaktiv: 6 strength (three heavy-lift slots: squat, hinge, overhead press) + 2 impact;
  3 dynamic balance with one reactive; Strakt 2.
"""

from dataclasses import dataclass, field

from osteoactive.domain.categories import Category
from osteoactive.domain.vocabulary import Domain

from .request import ProgramRequest
from .spec import Impact, Pattern

FALL_FOCUS_MIN_BALANCE = 3

P = Pattern
S, B, R = Domain.STAERK, Domain.STABIL, Domain.STRAKT


@dataclass(frozen=True)
class Slot:
    """A place in the program: the patterns it accepts (preferred first) in one domain."""

    id: str
    domain: Domain
    patterns: tuple[Pattern, ...]
    label: dict[str, str] = field(hash=False)
    impacts: tuple[Impact, ...] | None = None
    hints: tuple[str, ...] = ()
    heavy: bool = False
    fill_rank: int = 50

    @property
    def pattern(self) -> Pattern:
        return self.patterns[0]


def _slot(id, domain, patterns, da, en, rank, **kw) -> Slot:
    return Slot(id, domain, tuple(patterns), {"da": da, "en": en}, fill_rank=rank, **kw)


_LOW = (Impact.NONE, Impact.LOW)
_STRENGTH_ANY = (P.HIP, P.CALF, P.CARRY, P.HINGE, P.SQUAT, P.PUSH, P.PULL, P.STAIRS)

SLOTS: dict[str, Slot] = {
    s.id: s
    for s in (
        _slot("log_roll", R, [P.TECHNIQUE], "Strakt: skånsom forflytning i seng (log-roll)",
              "Straight: log-roll bed transfer", 1, hints=("log roll", "logroll")),
        _slot("pain_relief", R, [P.PAIN_RELIEF], "Strakt: hvilestillinger og smertelindring",
              "Straight: rest positions and pain relief", 2),
        _slot("breathing", R, [P.BREATHING], "Strakt: vejrtrækning og afspænding",
              "Straight: breathing and relaxation", 3),
        _slot("hip_hinge", R, [P.HINGE], "Strakt: hoftehængsel – sikker foroverbøjning",
              "Straight: hip hinge – safe bending", 4),
        _slot("heavy_squat", S, [P.SQUAT], "Stærk: tungt løft – squat",
              "Strong: heavy lift – squat", 5, heavy=True),
        _slot("heavy_hinge", S, [P.HINGE], "Stærk: tungt løft – dødløft",
              "Strong: heavy lift – deadlift", 6, heavy=True),
        _slot("heavy_press", S, [P.PUSH], "Stærk: tungt løft – pres over hovedet",
              "Strong: heavy lift – overhead press", 7, heavy=True),
        _slot("drop_landing", S, [P.IMPACT], "Stærk: hop med landing (HiRIT)",
              "Strong: jumps with drop landings (HiRIT)", 8, impacts=(Impact.HIGH,),
              heavy=True),
        _slot("squat", S, [P.SQUAT], "Stærk: knæbøjning (squat)", "Strong: squat", 10),
        _slot("hinge", S, [P.HINGE], "Stærk: hoftebøjning (hinge)", "Strong: hip hinge", 11),
        _slot("push", S, [P.PUSH], "Stærk: skub", "Strong: push", 12),
        _slot("pull", S, [P.PULL], "Stærk: træk (roning)", "Strong: pull (row)", 13),
        _slot("hip_calf", S, [P.HIP, P.CALF], "Stærk: hofte og læg", "Strong: hip and calf", 14),
        _slot("calf_hip", S, [P.CALF, P.HIP], "Stærk: læg og hofte", "Strong: calf and hip", 15),
        _slot("moderate_impact", S, [P.IMPACT], "Stærk: moderat stødbelastning for knoglerne",
              "Strong: moderate impact for bone", 20, impacts=(Impact.MODERATE,)),
        _slot("high_impact", S, [P.IMPACT], "Stærk: kraftig stødbelastning for knoglerne",
              "Strong: high impact for bone", 21, impacts=(Impact.HIGH,)),
        _slot("brisk_walking", S, [P.WALKING], "Stærk: rask gang som knoglebelastning",
              "Strong: brisk walking as bone loading", 22, impacts=(Impact.LOW,)),
        _slot("walking", S, [P.WALKING], "Stærk: gang i korte ture",
              "Strong: walking in short bouts", 23, impacts=_LOW),
        _slot("balance_reactive", B, [P.BALANCE_REACTIVE, P.BALANCE_DYNAMIC],
              "Stabil: reaktiv balance", "Steady: reactive balance", 30),
        _slot("balance_static", B, [P.BALANCE_STATIC, P.BALANCE_DYNAMIC],
              "Stabil: balance på stedet", "Steady: static balance", 31),
        _slot("balance_dynamic", B, [P.BALANCE_DYNAMIC, P.BALANCE_REACTIVE, P.BALANCE_STATIC],
              "Stabil: balance i bevægelse", "Steady: dynamic balance", 32),
        _slot("balance", B, [P.BALANCE_STATIC, P.BALANCE_DYNAMIC, P.BALANCE_REACTIVE],
              "Stabil: balancetræning", "Steady: balance training", 33),
        _slot("extension", R, [P.EXTENSION, P.POSTURE], "Strakt: rygstrækkere",
              "Straight: back extensors", 40),
        _slot("posture", R, [P.POSTURE, P.EXTENSION, P.MOBILITY], "Strakt: holdning",
              "Straight: posture", 41),
        _slot("acute_extension", R, [P.EXTENSION, P.POSTURE, P.PAIN_RELIEF, P.BREATHING],
              "Strakt: rygstrækkere (eller hvile)", "Straight: back extensors (or rest)", 40),
        _slot("acute_posture", R, [P.POSTURE, P.EXTENSION, P.PAIN_RELIEF, P.BREATHING],
              "Strakt: holdning (eller hvile)", "Straight: posture (or rest)", 41),
        _slot("strakt_limited", R, [P.POSTURE, P.EXTENSION, P.PAIN_RELIEF, P.BREATHING],
              "Strakt: holdning, rygstrækkere eller hvile", "Straight: posture, back extensors "
              "or rest", 42),
        _slot("strength", S, _STRENGTH_ANY, "Stærk: styrketræning", "Strong: strength training",
              45),
    )
}  # fmt: skip

_SUPPORTED3 = ("balance_static", "balance_dynamic", "balance")
_BALANCE3 = ("balance_static", "balance_dynamic", "balance_reactive")
_DYNAMIC3 = ("balance_reactive", "balance_dynamic", "balance_dynamic")

TEMPLATES: dict[Category, tuple[str, ...]] = {
    Category.AKUTFASE: ("squat", "calf_hip", "walking", "balance_static", "balance",
                        "log_roll", "pain_relief", "breathing", "extension"),
    Category.FUNKTIONSBEGRAENSET: ("squat", "push", "pull", "calf_hip", "walking", *_SUPPORTED3,
                                   "extension", "posture"),
    Category.HVERDAGSAKTIV_MED_HENSYN: ("squat", "push", "pull", "calf_hip", "strength",
                                        "brisk_walking", *_BALANCE3, "hip_hinge", "extension",
                                        "posture"),
    Category.HVERDAGSAKTIV: ("squat", "hinge", "push", "pull", "calf_hip", "moderate_impact",
                             "moderate_impact", *_BALANCE3, "extension", "posture"),
    Category.TRAENINGSAKTIV_MED_HENSYN: ("squat", "hinge", "push", "pull", "calf_hip",
                                         "strength", "brisk_walking", *_DYNAMIC3, "extension",
                                         "posture"),
    Category.TRAENINGSAKTIV: ("heavy_squat", "heavy_hinge", "heavy_press", "pull", "calf_hip",
                              "strength", "moderate_impact", "high_impact", *_DYNAMIC3,
                              "extension", "posture"),
}  # fmt: skip

IMPACT_SLOTS = frozenset({"moderate_impact", "high_impact", "drop_landing"})
WALKING_SLOTS = frozenset({"walking", "brisk_walking"})
_ACUTE_HIP_STRAKT = ("acute_extension", "acute_posture", "strakt_limited")
_ACUTE_VERTEBRAL_STRAKT = ("log_roll", "pain_relief", "breathing", "extension")


def template_ids(request: ProgramRequest) -> list[str]:
    """The slot ids of this request's program, in program order, after the §7a rules."""
    category = request.planned_category
    ids = list(TEMPLATES[category])
    if category is Category.AKUTFASE:
        ids = [i for i in ids if i not in _ACUTE_VERTEBRAL_STRAKT]
        if request.acute_hip:
            ids[ids.index("calf_hip")] = "hip_calf"
        ids += list(_ACUTE_VERTEBRAL_STRAKT if request.acute_vertebral else _ACUTE_HIP_STRAKT)
    if category is Category.TRAENINGSAKTIV:
        if request.hirit:
            ids[ids.index("high_impact")] = "drop_landing"
        elif not request.high_impact_allowed:
            ids[ids.index("high_impact")] = "moderate_impact"
    if any(i in IMPACT_SLOTS for i in ids):
        first = min(ids.index(i) for i in ids if i in IMPACT_SLOTS)
        keep_walking = not request.pain and not request.moderate_impact_allowed
        ids = [i for i in ids if i not in IMPACT_SLOTS or request.moderate_impact_allowed]
        if keep_walking and "brisk_walking" not in ids:
            ids.insert(first, "brisk_walking")  # P7 / P13: one brisk-walking item instead
    if request.wheelchair:
        ids = [i for i in ids if i not in WALKING_SLOTS]  # P5: Stærk holds one item fewer
    balance = sum(1 for i in ids if SLOTS[i].domain is B)
    if request.fall_prevention_focus and balance < FALL_FOCUS_MIN_BALANCE:
        last = max(n for n, i in enumerate(ids) if SLOTS[i].domain is B)
        ids[last + 1 : last + 1] = ["balance"] * (FALL_FOCUS_MIN_BALANCE - balance)
    return ids


def program_slots(request: ProgramRequest) -> list[Slot]:
    return [SLOTS[i] for i in template_ids(request)]


P1_PATTERNS: dict[Category, tuple[frozenset[Pattern], ...]] = {
    Category.AKUTFASE: (frozenset({P.SQUAT}), frozenset({P.CALF, P.HIP})),
    Category.FUNKTIONSBEGRAENSET: (
        frozenset({P.SQUAT}),
        frozenset({P.PUSH, P.PULL}),
        frozenset({P.CALF, P.HIP}),
    ),
    **{
        category: tuple(frozenset({p}) for p in (P.SQUAT, P.HINGE, P.PUSH, P.PULL))
        for category in (
            Category.HVERDAGSAKTIV_MED_HENSYN,
            Category.HVERDAGSAKTIV,
            Category.TRAENINGSAKTIV_MED_HENSYN,
            Category.TRAENINGSAKTIV,
        )
    },
}
"""§7a P1: per category, the pattern groups a program covers (one pattern of each group)."""
