"""The program generator (domain.md §5, §7, §7a, §7b): from a request to a 12-week program.

Pure and deterministic (P12): the same request and library give the same program whatever the
library's order. The §7 table is data (`slots`); this module fills the slots.

How a slot is filled:
- A candidate fits the slot (one of its patterns, its domain as the primary or secondary domain,
  an accepted impact level, for the named items a word in its key or name) and breaks no rule
  (`rules.rule_breaks`: §6, P3's supervision rule, P5, P7, P8, P13). An excluded exercise is
  never used, not even to fill a gap: the slot is then listed in `unfilled` with a reason.
- P2: a ladder (`variant_group`) already in the program is not used again.
- For each ladder that fits, `ladders.starting_rung` gives its rung (P3, §7b); the ladders are
  ranked by: (1) the patient has the equipment (P11); (2) under §7b, a heavy-lift slot takes the
  supervised lift; (3) the slot's preferred pattern; (4) standing before seated unless P5 rules
  standing out; (5) the slot's domain is the exercise's primary domain; (6) the exercise's
  priority (basic movements first); (7) ladder and key.
- Slots are filled in a fixed order (the named items, the heavy lifts and P1's patterns first),
  so a general slot cannot take what a specific one needs.
- §6: a seated squat-pattern exercise (seated knee extension) counts as squat only where P5
  rules standing out.

After the choice: each item is dosed (`dosing`), the balance exercises get P6's minutes and the
impact exercises P7's caps (`volume`), and each item names its progression and regression (P4).
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from osteoactive.domain.categories import Category
from osteoactive.domain.languages import Text
from osteoactive.domain.vocabulary import Domain

from . import dosing, volume
from .ladders import ladder_of, ladders, rung_neighbours, starting_rung
from .notes import program_notes
from .reasons import item_reason
from .request import ProgramRequest
from .rules import allowed, rule_breaks
from .slots import Slot, program_slots
from .spec import BALANCE_PATTERNS, ExerciseSpec, Pattern, Position


@dataclass(frozen=True)
class ProgramItem:
    """An exercise in the program, with its three phases and its named neighbours (P4).

    `confirmed` holds the codes of the rules the physiotherapist confirmed breaking when adding
    it by hand (empty for everything the rules allow)."""

    exercise: ExerciseSpec
    slot: Slot | None
    phases: tuple[dosing.Phase, ...]
    reason: Text = field(hash=False)
    progression: ExerciseSpec | None = None
    regression: ExerciseSpec | None = None
    confirmed: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return self.exercise.key

    @property
    def domain(self) -> Domain:
        return self.slot.domain if self.slot else self.exercise.domain

    @property
    def first_phase(self) -> dosing.Phase:
        return next((p for p in self.phases if p.dose is not None), self.phases[0])

    @property
    def dose(self):
        return self.first_phase.dose

    @property
    def days_per_week(self) -> int:
        return self.first_phase.days_per_week

    @property
    def start_week(self) -> int:
        return self.first_phase.weeks[0]


@dataclass(frozen=True)
class UnfilledSlot:
    slot: Slot
    reason: Text = field(hash=False)


@dataclass(frozen=True)
class Program:
    category: Category
    planned_from: Category | None
    valid_until: date | None
    language: str
    items: tuple[ProgramItem, ...]
    unfilled: tuple[UnfilledSlot, ...]
    notes: tuple[Text, ...] = field(hash=False)
    minutes_per_session: dict = field(hash=False, compare=True, default_factory=dict)


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"[^\W_]+", text.lower())) + " "


def _mentions(spec: ExerciseSpec, words: tuple[str, ...]) -> bool:
    text = _words(f"{spec.key} {spec.name_en} {spec.name_da}")
    return any(_words(word) in text for word in words)


def fits(slot: Slot, spec: ExerciseSpec, request: ProgramRequest) -> bool:
    """Does the exercise fit the slot, the rules aside?"""
    if slot.domain not in (spec.domain, spec.secondary_domain):
        return False
    if spec.pattern not in slot.patterns:
        return False
    if slot.impacts is not None and spec.impact not in slot.impacts:
        return False
    if slot.hints and not _mentions(spec, slot.hints):
        return False
    return not (
        spec.pattern is Pattern.SQUAT
        and spec.position is Position.SEATED
        and not request.wheelchair
    )


@dataclass(frozen=True)
class Choice:
    spec: ExerciseSpec
    rung_rule: str


def _rank(slot: Slot, spec: ExerciseSpec, request: ProgramRequest) -> tuple:
    return (
        not spec.equipment <= request.available_equipment,
        slot.heavy and request.hirit and not spec.needs_supervision,
        slot.patterns.index(spec.pattern),
        not request.wheelchair and spec.position is Position.SEATED,
        spec.domain is not slot.domain,
        spec.priority,
        spec.variant_group,
        spec.key,
    )


def choices(
    slot: Slot,
    request: ProgramRequest,
    library: Iterable[ExerciseSpec],
    used_groups: Iterable[str] = (),
) -> list[Choice]:
    """One starting rung per ladder that fits the slot, best first (the swap candidates)."""
    used = set(used_groups)
    candidates = [
        e
        for e in library
        if e.variant_group not in used and fits(slot, e, request) and allowed(e, request)
    ]
    found = [
        Choice(*starting_rung(rungs, request, heavy=slot.heavy))
        for rungs in ladders(candidates).values()
    ]
    return sorted(found, key=lambda c: _rank(slot, c.spec, request))


def generate_program(request: ProgramRequest, library: Sequence[ExerciseSpec]) -> Program:
    """Fill the plan's slots with the best allowed ladders; list what cannot be filled."""
    library = tuple(library)
    slots = program_slots(request)
    chosen: dict[int, Choice] = {}
    used: set[str] = set()
    for index in sorted(range(len(slots)), key=lambda i: (slots[i].fill_rank, i)):
        options = choices(slots[index], request, library, used)
        if options:
            chosen[index] = options[0]
            used.add(options[0].spec.variant_group)
    items = [
        place_item(slots[i], chosen[i].spec, request, library, chosen[i].rung_rule)
        for i in range(len(slots))
        if i in chosen
    ]
    items = apply_volume(items, request)
    unfilled = tuple(
        UnfilledSlot(slot, unfilled_reason(slot, request, library))
        for i, slot in enumerate(slots)
        if i not in chosen
    )
    return Program(
        category=request.planned_category,
        planned_from=request.planned_from,
        valid_until=request.valid_until,
        language=request.language,
        items=tuple(items),
        unfilled=unfilled,
        notes=program_notes(request),
        minutes_per_session=volume.minutes_per_session([(i.domain, i.phases) for i in items]),
    )


def place_item(
    slot: Slot | None,
    spec: ExerciseSpec,
    request: ProgramRequest,
    library: Sequence[ExerciseSpec],
    rung_rule: str | None = None,
    reason: Text | None = None,
) -> ProgramItem:
    """The exercise dosed for the plan, with its named progression and regression."""
    neighbours = rung_neighbours(spec, library, request)
    prescription = dosing.prescribe(spec, request, neighbours.progression)
    if reason is None:
        ladder = ladder_of(spec, library)
        place = (ladder.index(spec) + 1, len(ladder))
        reason = item_reason(slot, spec, rung_rule or "easiest", place, request)
    return ProgramItem(
        exercise=spec,
        slot=slot,
        phases=prescription.phases,
        reason=reason,
        progression=neighbours.progression,
        regression=neighbours.regression,
    )


def with_phases(item: ProgramItem, phases) -> ProgramItem:
    return replace(item, phases=tuple(phases))


def apply_volume(items: Sequence[ProgramItem], request: ProgramRequest) -> list[ProgramItem]:
    """P6's balance minutes and P7's impact caps over the whole program."""
    items = list(items)
    balance = [
        n
        for n, item in enumerate(items)
        if item.domain is Domain.STABIL and item.exercise.pattern in BALANCE_PATTERNS
    ]
    fitted = volume.fit_balance(
        [(items[n].exercise, items[n].phases) for n in balance], request.acute_program
    )
    for n, phases in zip(balance, fitted, strict=True):
        items[n] = with_phases(items[n], phases)
    capped = volume.cap_impacts([(item.exercise, item.phases) for item in items])
    return [with_phases(item, phases) for item, phases in zip(items, capped, strict=True)]


def unfilled_reason(slot: Slot, request: ProgramRequest, library: Sequence[ExerciseSpec]) -> Text:
    matching = [e for e in library if fits(slot, e, request)]
    label_da, label_en = slot.label["da"], slot.label["en"]
    if not matching:
        return {
            "da": f"Øvelsesbiblioteket har ingen øvelse til denne plads ({label_da}).",
            "en": f"The exercise library has no exercise for this slot ({label_en}).",
        }
    if not any(allowed(e, request) for e in matching):
        broken: dict[str, Text] = {}
        for spec in sorted(matching, key=lambda e: e.key):
            for violation in rule_breaks(spec, request):
                broken.setdefault(violation.code, violation.message)
        rules = list(broken.values())[:3]
        return {
            "da": f"Bibliotekets øvelser til denne plads ({label_da}) er alle udelukket for "
            f"denne patient: " + " ".join(r["da"] for r in rules),
            "en": f"The library's exercises for this slot ({label_en}) are all excluded for "
            f"this patient: " + " ".join(r["en"] for r in rules),
        }
    return {
        "da": f"Alle tilladte øvelser til denne plads ({label_da}) hører til stiger, der allerede "
        "er i programmet (P2).",
        "en": f"All allowed exercises for this slot ({label_en}) belong to ladders already in "
        "the program (P2).",
    }
