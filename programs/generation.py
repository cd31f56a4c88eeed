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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from assessment.categories import Category
from programs import dosing, safety
from programs.exercise_spec import (
    EQUIPMENT,
    Domain,
    Dose,
    DoseType,
    ExerciseSpec,
    Impact,
    Kind,
    Level,
)
from programs.labels import EQUIPMENT_LABELS

SETTINGS = ("home", "gym", "supervised")
LANGUAGES = dosing.LANGUAGES
ALWAYS_AVAILABLE = frozenset({"chair", "wall", "mat"})
HOME_AVAILABLE = ALWAYS_AVAILABLE | {"bed"}
GYM_EQUIPMENT = frozenset(EQUIPMENT) - {"bed"}
FALL_FOCUS_MIN_BALANCE = 3


class ProgramInputError(ValueError):
    """Invalid generator input; `errors` maps each bad field to one message."""

    def __init__(self, errors: Mapping[str, str]):
        self.errors = dict(errors)
        super().__init__("; ".join(f"{name}: {message}" for name, message in self.errors.items()))


@dataclass(frozen=True)
class ProgramRequest:
    """What the generator needs to know about the patient and the setting."""

    category: Category
    fall_prevention_focus: bool = False
    qualifying_vertebral_fracture: bool = False
    setting: str = "home"
    equipment: frozenset[str] = frozenset()
    language: str = "da"

    def __post_init__(self):
        errors = {}
        if not isinstance(self.category, Category):
            errors["category"] = f"must be a Category, not {self.category!r}"
        if self.setting not in SETTINGS:
            errors["setting"] = f"must be one of {', '.join(SETTINGS)}"
        if self.language not in LANGUAGES:
            errors["language"] = f"must be one of {', '.join(LANGUAGES)}"
        if not isinstance(self.equipment, frozenset) or not self.equipment <= set(EQUIPMENT):
            errors["equipment"] = "must be a frozenset of known equipment codes"
        if errors:
            raise ProgramInputError(errors)

    @property
    def supervised(self) -> bool:
        return self.setting == "supervised"

    @property
    def available_equipment(self) -> frozenset[str]:
        base = HOME_AVAILABLE if self.setting == "home" else ALWAYS_AVAILABLE | GYM_EQUIPMENT
        return base | self.equipment


@dataclass(frozen=True)
class Slot:
    """A place in the program: `kinds` and `impacts` are accepted values, preferred first."""

    id: str
    domain: Domain
    kinds: tuple[Kind, ...]
    label: dict[str, str] = field(hash=False)
    impacts: tuple[Impact, ...] | None = None
    hints: tuple[str, ...] = ()
    prefer_words: tuple[str, ...] = ()
    prefer_supervised: bool = False

    @property
    def kind(self) -> Kind:
        return self.kinds[0]


def _slot(id, domain, kinds, da, en, **kw) -> Slot:
    return Slot(id, domain, tuple(kinds), {"da": da, "en": en}, **kw)


_STRAKT_KINDS = (Kind.POSTURE, Kind.MOBILITY, Kind.STRENGTH)

SLOTS: dict[str, Slot] = {
    s.id: s
    for s in (
        _slot("strength", Domain.STAERK, [Kind.STRENGTH], "Stærk: styrketræning",
              "Strong: strength training"),
        _slot("heavy_lift", Domain.STAERK, [Kind.STRENGTH], "Stærk: tung styrketræning",
              "Strong: heavy strength training", prefer_supervised=True),
        _slot("moderate_impact", Domain.STAERK, [Kind.IMPACT],
              "Stærk: moderat stødbelastning for knoglerne", "Strong: moderate impact for bone",
              impacts=(Impact.MODERATE,)),
        _slot("high_impact", Domain.STAERK, [Kind.IMPACT], "Stærk: kraftig stødbelastning for "
              "knoglerne", "Strong: high impact for bone", impacts=(Impact.HIGH,)),
        _slot("brisk_walking", Domain.STAERK, [Kind.WALKING, Kind.IMPACT],
              "Stærk: rask gang som knoglebelastning (højst rask gang ved hensyn)",
              "Strong: brisk walking as bone loading (no more than brisk walking with "
              "precautions)", impacts=(Impact.LOW,)),
        _slot("walking", Domain.STAERK, [Kind.WALKING], "Stærk: gang i korte ture",
              "Strong: walking in short bouts"),
        _slot("balance", Domain.STABIL, [Kind.BALANCE], "Stabil: balancetræning",
              "Steady: balance training"),
        _slot("back", Domain.STRAKT, _STRAKT_KINDS, "Strakt: rygstrækkere og holdning",
              "Straight: back extensors and posture"),
        _slot("hip_hinge", Domain.STRAKT, [Kind.MOBILITY, Kind.POSTURE, Kind.STRENGTH],
              "Strakt: hoftehængsel – sikker foroverbøjning og løft",
              "Straight: hip hinge – safe bending and lifting",
              hints=("hip hinge", "hoftehængsel", "hofte hængsel")),
        _slot("posture", Domain.STRAKT, [Kind.POSTURE], "Strakt: holdning",
              "Straight: posture"),
        _slot("pain_relief", Domain.STRAKT, [Kind.MOBILITY], "Strakt: smertelindring",
              "Straight: pain relief", prefer_words=("rest", "hvile", "hvilestillinger", "pain relief", "smertelindring")),
        _slot("log_roll", Domain.STRAKT, [Kind.MOBILITY, Kind.POSTURE],
              "Strakt: skånsom forflytning i seng (log-roll)",
              "Straight: log-roll bed transfer", hints=("log roll", "logroll")),
        _slot("breathing", Domain.STRAKT, [Kind.MOBILITY, Kind.POSTURE],
              "Strakt: vejrtrækning og afspænding", "Straight: breathing and relaxation",
              hints=("breathing", "vejrtrækning", "vejrtraekning")),
    )
}  # fmt: skip

# §7's table: (slot id, count) per category, in program order (Stærk, Stabil, Strakt).
TEMPLATES: dict[Category, tuple[tuple[str, int], ...]] = {
    Category.AKUTFASE: (
        ("strength", 2), ("walking", 1), ("balance", 1),
        ("posture", 1), ("pain_relief", 1), ("log_roll", 1), ("breathing", 1),
    ),
    Category.FUNKTIONSBEGRAENSET: (
        ("strength", 3), ("walking", 1), ("balance", 2), ("back", 2),
    ),
    Category.HVERDAGSAKTIV_MED_HENSYN: (
        ("strength", 4), ("brisk_walking", 1), ("balance", 3), ("hip_hinge", 1), ("back", 2),
    ),
    Category.HVERDAGSAKTIV: (
        ("strength", 4), ("moderate_impact", 2), ("balance", 3), ("back", 2),
    ),
    Category.TRAENINGSAKTIV_MED_HENSYN: (
        ("strength", 6), ("brisk_walking", 1), ("balance", 3), ("back", 2),
    ),
    Category.TRAENINGSAKTIV: (
        ("heavy_lift", 1), ("strength", 5), ("high_impact", 2), ("balance", 3), ("back", 2),
    ),
}  # fmt: skip


def _note(da: str, en: str) -> dict[str, str]:
    return {"da": da, "en": en}


_AVOID_FLEXION = _note(
    "Undgå belastet foroverbøjning og vrid af ryggen; løft med et hoftehængsel (ret ryg, bøj i "
    "hofterne).",
    "Avoid loaded forward bending and twisting; lift with a hip hinge (straight back, bend at "
    "the hips).",
)
_BRISK_ONLY = _note(
    "Stødbelastning højst som rask gang, ca. 20 minutter om dagen.",
    "Impact no more than brisk walking, about 20 minutes a day.",
)

CATEGORY_NOTES: dict[Category, tuple[dict[str, str], ...]] = {
    Category.AKUTFASE: (
        _note("Daglige, korte træningspas.", "Daily short sessions."),
        _note("Gang i korte ture; undgå sengeleje.", "Walking in short bouts; avoid bed rest."),
        _note(
            "Rådgivning om smertelindring, ergonomi og hjælpemidler.",
            "Advice on pain relief, ergonomics and aids.",
        ),
        _note("Revurdér ved akutfasens afslutning.", "Reassess at the end of the acute phase."),
    ),
    Category.FUNKTIONSBEGRAENSET: (
        _note("Gang i ture på 10 minutter.", "Walking in 10-minute bouts."),
        _note("Start let.", "Start light."),
    ),
    Category.HVERDAGSAKTIV_MED_HENSYN: (_BRISK_ONLY, _AVOID_FLEXION),
    Category.HVERDAGSAKTIV: (),
    Category.TRAENINGSAKTIV_MED_HENSYN: (
        _BRISK_ONLY,
        _AVOID_FLEXION,
        _note("Styrketræning i træningscenter mod 8RM.", "Gym strength training towards 8RM."),
    ),
    Category.TRAENINGSAKTIV: (
        _note(
            "Tunge løft i LIFTMOR-stil (5 × 5 over 85 % af 1RM) kun under supervision.",
            "LIFTMOR-style heavy lifts (5 × 5 above 85 % of 1RM) only when supervised.",
        ),
    ),
}
_FALL_FOCUS_NOTE = _note(
    "Faldforebyggelse: balancetræning hver dag.", "Fall prevention: balance training every day."
)
_VERTEBRAL_NOTE = _note(
    "Brud i ryggen: ingen belastet foroverbøjning eller rotation.",
    "Vertebral fracture: no loaded forward bending or twisting.",
)
_REASSESS_NOTE = _note("Revurdér efter 12 uger.", "Reassess after 12 weeks.")


@dataclass(frozen=True)
class ProgramItem:
    key: str
    name_da: str
    name_en: str
    domain: Domain
    kind: Kind
    min_level: Level
    impact: Impact
    loaded_spinal_flexion: bool
    needs_supervision: bool
    slot: Slot
    dose_type: DoseType
    dose: Dose
    days_per_week: int
    phases: tuple[dosing.Phase, ...]
    reason: dict[str, str] = field(hash=False)


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
        notes.append(dict(_FALL_FOCUS_NOTE))
    if request.qualifying_vertebral_fracture:
        notes.append(dict(_VERTEBRAL_NOTE))
    notes.append(dict(_REASSESS_NOTE))
    return tuple(notes)


def _equipment_list(codes: Iterable[str], language: str) -> str:
    return ", ".join(EQUIPMENT_LABELS.get(c, {}).get(language, c) for c in sorted(codes))


def program_item(slot: Slot, exercise: ExerciseSpec, request: ProgramRequest) -> ProgramItem:
    """The exercise placed in the slot, dosed for the request's category."""
    prescription = dosing.prescribe(exercise, request.category, request.fall_prevention_focus)
    return ProgramItem(
        key=exercise.key,
        name_da=exercise.name_da,
        name_en=exercise.name_en,
        domain=exercise.domain,
        kind=exercise.kind,
        min_level=exercise.min_level,
        impact=exercise.impact,
        loaded_spinal_flexion=exercise.loaded_spinal_flexion,
        needs_supervision=exercise.needs_supervision,
        slot=slot,
        dose_type=exercise.dose_type,
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
            f"bruger udstyr, der er til rådighed ({_equipment_list(exercise.equipment, 'da')})",
            f"uses equipment that is available ({_equipment_list(exercise.equipment, 'en')})",
        )
    else:
        gear = (
            f"kræver udstyr, der ikke er angivet ({_equipment_list(missing, 'da')}); "
            "intet andet sikkert valg passede",
            f"needs equipment not listed ({_equipment_list(missing, 'en')}); "
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


def _dose_json(dose: Dose | None) -> dict[str, int] | None:
    if dose is None:
        return None
    fields = ("sets", "reps", "seconds", "minutes", "metres")
    return {name: getattr(dose, name) for name in fields if getattr(dose, name) is not None}


def item_to_json(item: ProgramItem, language: str) -> dict:
    """One program item as plain JSON data, dose texts in `language`."""
    return {
        "key": item.key,
        "name": {"da": item.name_da, "en": item.name_en},
        "domain": str(item.domain),
        "kind": str(item.kind),
        "min_level": str(item.min_level),
        "impact": str(item.impact),
        "loaded_spinal_flexion": item.loaded_spinal_flexion,
        "needs_supervision": item.needs_supervision,
        "slot": item.slot.id,
        "dose_type": str(item.dose_type),
        "dose": _dose_json(item.dose),
        "dose_text": dosing.dose_text(item.dose, item.dose_type, language),
        "days_per_week": item.days_per_week,
        "phases": [
            {
                "weeks": list(phase.weeks),
                "dose": _dose_json(phase.dose),
                "dose_text": dosing.dose_text(phase.dose, item.dose_type, language),
                "days_per_week": phase.days_per_week,
                "instruction": dict(phase.instruction),
            }
            for phase in item.phases
        ],
        "reason": dict(item.reason),
    }


def program_to_json(program: Program) -> dict:
    """The program as plain JSON data; dose texts are in the program's language."""
    language = program.language
    return {
        "category": str(program.category),
        "language": language,
        "exercises": [item_to_json(item, language) for item in program.items],
        "unfilled": [
            {
                "slot": u.slot.id,
                "domain": str(u.slot.domain),
                "kind": str(u.slot.kind),
                "reason": dict(u.reason),
            }
            for u in program.unfilled
        ],
        "notes": [dict(note) for note in program.notes],
    }


def _is_bool(value) -> bool:
    return isinstance(value, bool)


def request_from_json(data: Mapping) -> ProgramRequest:
    """Read `{"result": <§5 result>, "options": {...}}`; raise ProgramInputError per bad field.

    Missing options default to a home setting, no equipment and Danish.
    `qualifying_vertebral_fracture` defaults to rule C1 having fired. C rules are not evaluated
    for `funktionsbegraenset`, but that category already excludes all loaded flexion, so the
    default loses nothing there.
    """
    if not isinstance(data, Mapping):
        raise ProgramInputError({"data": "must be a JSON object"})
    errors: dict[str, str] = {}
    result = data.get("result")
    options = data.get("options", {})
    if options is None:
        options = {}
    if not isinstance(result, Mapping):
        raise ProgramInputError({"result": "must be a categorisation result object"})
    if not isinstance(options, Mapping):
        errors["options"] = "must be an object"
        options = {}

    category = None
    raw_category = result.get("category")
    try:
        category = Category(raw_category)
    except (TypeError, ValueError):
        errors["result.category"] = (
            f"unknown category {raw_category!r}; expected one of {', '.join(Category)}"
        )

    rules = result.get("rules", [])
    if not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
        errors["result.rules"] = "must be a list of rule ids"
        rules = []

    focus = result.get("fall_prevention_focus", False)
    if not _is_bool(focus):
        errors["result.fall_prevention_focus"] = "must be true or false"

    setting = options.get("setting", "home")
    if not isinstance(setting, str) or setting not in SETTINGS:
        errors["options.setting"] = (
            f"unknown setting {setting!r}; expected one of {', '.join(SETTINGS)}"
        )

    language = options.get("language", "da")
    if not isinstance(language, str) or language not in LANGUAGES:
        errors["options.language"] = (
            f"unknown language {language!r}; expected one of {', '.join(LANGUAGES)}"
        )

    equipment = options.get("equipment", [])
    if not isinstance(equipment, list) or not all(isinstance(e, str) for e in equipment):
        errors["options.equipment"] = "must be a list of equipment codes"
        equipment = []
    unknown = sorted(set(equipment) - set(EQUIPMENT))
    if unknown:
        errors["options.equipment"] = f"unknown equipment code(s): {', '.join(unknown)}"

    fracture = options.get("qualifying_vertebral_fracture")
    if fracture is None:
        fracture = "C1" in rules
    elif not _is_bool(fracture):
        errors["options.qualifying_vertebral_fracture"] = "must be true or false"

    if errors:
        raise ProgramInputError(errors)
    return ProgramRequest(
        category=category,
        fall_prevention_focus=focus,
        qualifying_vertebral_fracture=fracture,
        setting=setting,
        equipment=frozenset(equipment),
        language=language,
    )
