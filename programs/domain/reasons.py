"""Why the generator chose an exercise (§5 `reason`): the rule that asked for it, the rule that
chose its rung, and its equipment, in Danish and English."""

from osteoactive.domain.categories import Category
from osteoactive.domain.languages import Text

from . import ladders as L
from .request import ProgramRequest
from .slots import P1_PATTERNS, Slot
from .spec import ExerciseSpec, equipment_list


def _slot_rule(slot: Slot, spec: ExerciseSpec, request: ProgramRequest) -> tuple[str, str]:
    category = request.planned_category
    if slot.id in ("log_roll", "pain_relief", "breathing") and request.acute_vertebral:
        return (
            "P9: log-roll, hvilestillinger og vejrtrækning indgår altid ved et akut brud i ryggen.",
            "P9: log-roll, rest positions and breathing are always part of the program for an "
            "acute vertebral fracture.",
        )
    if request.acute_hip and slot.id == "hip_calf":
        return (
            "P9: efter et akut hoftebrud indgår stående hofteabduktion i Stærk.",
            "P9: after an acute hip fracture Stærk includes standing hip abduction.",
        )
    if request.acute_hip and slot.id in ("acute_extension", "acute_posture", "strakt_limited"):
        return (
            "P9: efter et akut hoftebrud tager Strakt holdning og rygstrækkere fra listen for "
            "funktionsbegrænsede.",
            "P9: after an acute hip fracture Strakt takes posture and back-extensor items from "
            "the limited list.",
        )
    if slot.id == "brisk_walking" and not category.has_precautions:
        rule = "P13" if request.red_flag else "P7"
        return (
            f"{rule}: ét punkt rask gang erstatter stødøvelserne.",
            f"{rule}: one brisk-walking item replaces the impact items.",
        )
    if slot.id == "balance_reactive" and category is Category.TRAENINGSAKTIV:
        return (
            "P6: træningsaktive har mindst én reaktiv balanceøvelse.",
            "P6: the exercising category has at least one reactive balance exercise.",
        )
    if any(spec.pattern in group and slot.pattern in group for group in P1_PATTERNS[category]):
        pattern = spec.pattern
        return (
            f"P1: dækker bevægelsesmønsteret {pattern.label_da}.",
            f"P1: covers the {pattern.label_en} movement pattern.",
        )
    return (f"§7: {slot.label['da']}.", f"§7: {slot.label['en']}.")


def _hirit_missing(request: ProgramRequest) -> tuple[str, str]:
    why = []
    if request.planned_category is not Category.TRAENINGSAKTIV:
        why.append(("kategorien er ikke træningsaktiv", "the category is not exercising"))
    if not request.supervised:
        why.append(("træningen er ikke under supervision", "training is not supervised"))
    if request.effective_fall_risk != "low":
        why.append(("faldrisikoen er ikke lav", "the fall risk is not low"))
    if request.qualifying_vertebral_fracture:
        why.append(("brud i ryggen", "a vertebral fracture"))
    if request.pain:
        why.append(("W4", "W4"))
    if request.red_flag:
        why.append(("W6", "W6"))
    return ", ".join(d for d, _ in why), ", ".join(e for _, e in why)


def _rung_rule(
    code: str, request: ProgramRequest, where: tuple[str, str], size: int
) -> tuple[str, str]:
    category = request.planned_category
    at_da, at_en = where
    if size == 1 and code not in (L.HIRIT, L.HEAVY_WITHOUT_SUPERVISION):
        return (
            "P3: øvelsen har ingen lettere eller sværere variant i biblioteket.",
            "P3: the exercise has no easier or harder variant in the library.",
        )
    if code == L.SLOW_STS:
        return (
            f"P3: 5xSTS over 15,0 s eller ikke muligt – squat-stigen starter på det letteste "
            f"tilladte trin ({at_da}).",
            f"P3: 5xSTS over 15.0 s or unable – the squat ladder starts on its easiest allowed "
            f"rung ({at_en}).",
        )
    if code == L.POOR_TANDEM:
        return (
            f"P3: tandemstand under 10,0 s – den statiske balance starter på det letteste trin "
            f"({at_da}).",
            f"P3: tandem stance under 10.0 s – static balance starts on its easiest rung "
            f"({at_en}).",
        )
    if code == L.HIRIT:
        return (
            f"§7b: tung styrke- og stødtræning under supervision ({at_da}).",
            f"§7b: heavy resistance and impact training under supervision ({at_en}).",
        )
    if code == L.HEAVY_WITHOUT_SUPERVISION:
        why_da, why_en = _hirit_missing(request)
        return (
            f"§7b gælder ikke ({why_da}): det sværeste tilladte trin uden supervision, doseret "
            f"som almindelig styrketræning ({at_da}).",
            f"§7b does not apply ({why_en}): the hardest allowed rung without supervision, "
            f"dosed as ordinary strength ({at_en}).",
        )
    if code == L.TRAINING_LEVEL:
        return (
            f"P3: træningsaktive starter på det letteste trin på træningsniveau ({at_da}).",
            f"P3: the exercising categories start on the easiest rung at the training level "
            f"({at_en}).",
        )
    if code == L.TRAINING_HARDEST:
        return (
            f"P3: stigen har intet trin på træningsniveau, så det sværeste tilladte ({at_da}).",
            f"P3: the ladder has no rung at the training level, so the hardest allowed ({at_en}).",
        )
    return (
        f"P3: {category.label_da} starter hver stige på det letteste tilladte trin ({at_da}).",
        f"P3: {category.label_en} starts each ladder on its easiest allowed rung ({at_en}).",
    )


def _gear(spec: ExerciseSpec, request: ProgramRequest) -> tuple[str, str]:
    missing = spec.equipment - request.available_equipment
    if not spec.equipment:
        return "Kræver intet udstyr.", "Needs no equipment."
    if not missing:
        return (
            f"Bruger udstyr, der er til rådighed ({equipment_list(spec.equipment, 'da')}).",
            f"Uses equipment that is available ({equipment_list(spec.equipment, 'en')}).",
        )
    return (
        f"Kræver udstyr, der ikke er angivet ({equipment_list(missing, 'da')}); intet andet "
        "sikkert valg passede (P11).",
        f"Needs equipment not listed ({equipment_list(missing, 'en')}); no other safe choice "
        "fitted (P11).",
    )


def item_reason(
    slot: Slot, spec: ExerciseSpec, code: str, rung_place: tuple[int, int], request: ProgramRequest
) -> Text:
    """The reason of one generated item: `rung_place` is (its rung's place, the ladder's size)."""
    place, size = rung_place
    where = (f"trin {place} af {size}", f"rung {place} of {size}")
    parts = [
        _slot_rule(slot, spec, request),
        _rung_rule(code, request, where, size),
        _gear(spec, request),
    ]
    if spec.needs_supervision:
        parts.append(("Kun under supervision.", "Only under supervision."))
    return {"da": " ".join(p[0] for p in parts), "en": " ".join(p[1] for p in parts)}
