"""The program generator: from a category and a few options to a 12-week program (domain.md §7).

Pure and deterministic: the same request and library give the same program whatever the
library's order, so a program can be regenerated and compared. The §7 table is data
(`TEMPLATES`, a list of slots per category); the code only fills slots.

How a slot is filled:
- A candidate must match the slot (primary or secondary domain, an accepted kind, an accepted
  impact level, and for the named items a word in its key or name) and break no rule of
  `programs.safety`. Unsafe exercises are never used, not even to fill a gap: the slot is then
  listed in `unfilled` with a reason.
- Candidates are ranked by, in order: (1) a word the slot prefers (the pain-relief slot prefers
  rest positions); (2) the patient has the equipment; (3) the slot's domain is the exercise's
  primary domain; (4) the slot's preferred kind; (5) the slot's preferred impact; (6) for the
  heavy-lift slot in a supervised setting, exercises that need supervision; (7) no loaded spinal
  flexion or rotation (allowed without precautions, but with osteoporosis an equal alternative
  without it is the prudent pick); (8) closest to the category's level (the most demanding
  exercise the category allows, so active patients get progressive work); (9) the exercise's
  priority (basic movements such as squats, rows and back extension before variations);
  (10) key, then names.
- Slots naming a specific item (hip hinge, log-roll, breathing) are filled first so a general slot
  cannot take that item; an exercise is used at most once.

Choices where the spec is silent (counts pick a number inside the §7 range):
- akutfase: 2 gentle strength + 1 walking, 1 supported balance, 4 strakt (posture, pain relief,
  log-roll transfer, breathing: all four items the table names).
- funktionsbegraenset: 3 strength + 1 walking, 2 supported balance, 2 strakt.
- hverdagsaktiv_med_hensyn: 4 strength + 1 brisk walking (the impact slot), 3 balance,
  3 strakt (hip hinge + 2 back-extensor/posture: back extensors are key with precautions).
- hverdagsaktiv: 4 strength + 2 moderate impact (6 Stærk exercises a session), 3 balance, 2 strakt.
- traeningsaktiv_med_hensyn: 6 strength + 1 brisk walking, 3 balance, 2 strakt.
- traeningsaktiv: 6 strength (one heavy-lift slot that prefers supervised lifts when the setting
  is supervised) + 2 high impact, 3 balance, 2 strakt.
- Exercises that need supervision fill only the heavy-lift slot: §7 names heavy lifts for
  traeningsaktiv alone ("toward 8RM" for traeningsaktiv_med_hensyn); a physiotherapist can still
  add one by hand.
- Fall-prevention focus raises balance to at least 3 in every category.
- Impact slots accept only the impact level the table names (moderate for hverdagsaktiv, high
  for traeningsaktiv, low for the brisk-walking slot); the physiotherapist can add others by hand.
- Equipment is a preference, not a filter: an exercise whose equipment the patient lacks is used
  only when nothing else fits, and its reason says what is missing. A chair, a wall and a mat
  (or the floor) are always available; at home also a bed. "gym" and "supervised" (a clinic or
  gym) imply all gym equipment (everything in the vocabulary except a bed).
- Walking is a Stærk slot (§9: brisk walking is stærk / walking).
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from osteoactive.domain.categories import Category

from . import dosing, safety
from .request import ProgramRequest
from .slots import (
    CATEGORY_NOTES,
    FALL_FOCUS_MIN_BALANCE,
    FALL_FOCUS_NOTE,
    REASSESS_NOTE,
    SLOTS,
    TEMPLATES,
    VERTEBRAL_NOTE,
    Slot,
)
from .spec import Dose, ExerciseSpec, equipment_list


@dataclass(frozen=True)
class ProgramItem:
    """An exercise placed in a slot, with its dose and its three phases."""

    exercise: ExerciseSpec
    slot: Slot
    dose: Dose
    days_per_week: int
    phases: tuple[dosing.Phase, ...]
    reason: dict[str, str] = field(hash=False)

    @property
    def key(self) -> str:
        return self.exercise.key


@dataclass(frozen=True)
class UnfilledSlot:
    slot: Slot
    reason: dict[str, str] = field(hash=False)


@dataclass(frozen=True)
class Program:
    category: Category
    language: str
    items: tuple[ProgramItem, ...]
    unfilled: tuple[UnfilledSlot, ...]
    notes: tuple[dict[str, str], ...] = field(hash=False)


def program_slots(request: ProgramRequest) -> list[Slot]:
    """The slots of this request's program, in program order."""
    slots: list[Slot] = []
    for slot_id, count in TEMPLATES[request.category]:
        if slot_id == "balance" and request.fall_prevention_focus:
            count = max(count, FALL_FOCUS_MIN_BALANCE)
        slots.extend([SLOTS[slot_id]] * count)
    return slots


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"[^\W_]+", text.lower())) + " "


def _matches(slot: Slot, exercise: ExerciseSpec) -> bool:
    """Does the exercise fit the slot, safety aside?"""
    if slot.domain not in (exercise.domain, exercise.secondary_domain):
        return False
    if exercise.kind not in slot.kinds:
        return False
    if exercise.needs_supervision and not slot.prefer_supervised:
        return False  # supervised heavy lifts only in the heavy-lift slot (§7: traeningsaktiv)
    if slot.impacts is not None and exercise.impact not in slot.impacts:
        return False
    return not slot.hints or _mentions(exercise, slot.hints)


def _mentions(exercise: ExerciseSpec, words: tuple[str, ...]) -> bool:
    """Whether the exercise's key or names hold one of the words or phrases."""
    text = _words(f"{exercise.key} {exercise.name_en} {exercise.name_da}")
    return any(_words(word) in text for word in words)


def _safe(exercise: ExerciseSpec, request: ProgramRequest) -> bool:
    return safety.is_allowed(
        exercise, request.category, request.qualifying_vertebral_fracture, request.supervised
    )


def _score(slot: Slot, exercise: ExerciseSpec, request: ProgramRequest) -> tuple:
    """Sort key, lower is better; see the module docstring for the order."""
    return (
        bool(slot.prefer_words) and not _mentions(exercise, slot.prefer_words),
        not exercise.equipment <= request.available_equipment,
        exercise.domain != slot.domain,
        slot.kinds.index(exercise.kind),
        slot.impacts.index(exercise.impact) if slot.impacts else 0,
        slot.prefer_supervised and request.supervised and not exercise.needs_supervision,
        exercise.loaded_spinal_flexion,
        safety.max_level(request.category).rank - exercise.min_level.rank,
        exercise.priority,
        exercise.key,
        exercise.name_en,
        exercise.name_da,
    )


def alternatives(
    slot: Slot,
    request: ProgramRequest,
    library: Iterable[ExerciseSpec],
    exclude_keys: Iterable[str] = (),
) -> list[ExerciseSpec]:
    """Safe exercises that fit the slot, best first (the app's "swap" choices)."""
    excluded = set(exclude_keys)
    found = [
        e for e in library if e.key not in excluded and _matches(slot, e) and _safe(e, request)
    ]
    return sorted(found, key=lambda e: _score(slot, e, request))


def generate_program(request: ProgramRequest, library: Sequence[ExerciseSpec]) -> Program:
    """Fill the category's slots with the best safe exercises; list what cannot be filled."""
    slots = program_slots(request)
    chosen: dict[int, ExerciseSpec] = {}
    used: set[str] = set()
    for index in sorted(range(len(slots)), key=lambda i: (not slots[i].hints, i)):
        options = alternatives(slots[index], request, library, used)
        if options:
            chosen[index] = options[0]
            used.add(options[0].key)
    items = tuple(
        program_item(slots[i], chosen[i], request) for i in range(len(slots)) if i in chosen
    )
    unfilled = tuple(
        UnfilledSlot(slot, _unfilled_reason(slot, request, library))
        for i, slot in enumerate(slots)
        if i not in chosen
    )
    return Program(request.category, request.language, items, unfilled, _notes(request))


def _notes(request: ProgramRequest) -> tuple[dict[str, str], ...]:
    notes = [dict(n) for n in CATEGORY_NOTES[request.category]]
    if request.fall_prevention_focus:
        notes.append(dict(FALL_FOCUS_NOTE))
    if request.qualifying_vertebral_fracture:
        notes.append(dict(VERTEBRAL_NOTE))
    notes.append(dict(REASSESS_NOTE))
    return tuple(notes)


def program_item(slot: Slot, exercise: ExerciseSpec, request: ProgramRequest) -> ProgramItem:
    """The exercise placed in the slot, dosed for the request's category."""
    prescription = dosing.prescribe(exercise, request.category, request.fall_prevention_focus)
    return ProgramItem(
        exercise=exercise,
        slot=slot,
        dose=prescription.dose,
        days_per_week=prescription.days_per_week,
        phases=prescription.phases,
        reason=_reason(slot, exercise, request),
    )


def _reason(slot: Slot, exercise: ExerciseSpec, request: ProgramRequest) -> dict[str, str]:
    missing = exercise.equipment - request.available_equipment
    if not exercise.equipment:
        gear = ("kræver intet udstyr", "needs no equipment")
    elif not missing:
        gear = (
            f"bruger udstyr, der er til rådighed ({equipment_list(exercise.equipment, 'da')})",
            f"uses equipment that is available ({equipment_list(exercise.equipment, 'en')})",
        )
    else:
        gear = (
            f"kræver udstyr, der ikke er angivet ({equipment_list(missing, 'da')}); "
            "intet andet sikkert valg passede",
            f"needs equipment not listed ({equipment_list(missing, 'en')}); "
            "no other safe choice fitted",
        )
    cat = request.category
    da = f"{slot.label['da']}. Sikker og passende til {cat.label_da}; {gear[0]}."
    en = f"{slot.label['en']}. Safe and suitable for {cat.label_en}; {gear[1]}."
    if exercise.needs_supervision:
        da += " Kun under supervision."
        en += " Only under supervision."
    return {"da": da, "en": en}


def _unfilled_reason(
    slot: Slot, request: ProgramRequest, library: Sequence[ExerciseSpec]
) -> dict[str, str]:
    matching = [e for e in library if _matches(slot, e)]
    label_da, label_en = slot.label["da"], slot.label["en"]
    cat = request.category
    if not matching:
        return {
            "da": f"Øvelsesbiblioteket har ingen øvelse til denne plads ({label_da}).",
            "en": f"The exercise library has no exercise for this slot ({label_en}).",
        }
    if not any(_safe(e, request) for e in matching):
        return {
            "da": f"Bibliotekets øvelser til denne plads ({label_da}) er alle udelukket af "
            f"sikkerhedsreglerne for {cat.label_da}.",
            "en": f"The library's exercises for this slot ({label_en}) are all excluded by the "
            f"safety rules for {cat.label_en}.",
        }
    return {
        "da": f"Alle sikre øvelser til denne plads ({label_da}) er allerede brugt i programmet.",
        "en": f"All safe exercises for this slot ({label_en}) are already in the program.",
    }
