"""Dose, days per week and the three 12-week phases of one exercise (§7, §7a P4–P10, §7b).

An exercise is dosed by its dose family, chosen from its dose type and kind (P10: techniques
every time and without sets, stairs in flights, the §7b lifts heavy), never by the slot that
chose it. The families are data in `dose_families`. The individual rules act here:
- P4: the weeks 9–12 words name the progression ("… or move on to <name>").
- P5: walking "with your walking aid"; standing balance keeps its support with a stick,
  crutches or a rollator.
- P6: balance support goes "when you can stand safely without it", never on a date, and stays
  all 12 weeks with fall risk high or W7; balance daily with fall-prevention focus.
- P7: moderate impact starts in week 5, high impact in week 9 (the §7b drop landings in week 5).
- P8: with W4, strength is 1 set in weeks 1–4.
- `akutfase`: every exercise daily.
- An exercise that needs supervision is done in the two supervised sessions a week (§7b), so
  never on more than 2 days.
The session volume rules (P6 balance minutes, P7 impact caps) act on the whole program in
`volume`.

`phases_following` is §10's "dose edits keep the plan": the physiotherapist's weeks 1–4 dose,
and the later phases moved by the same steps the family takes.
"""

from dataclasses import dataclass, field

from osteoactive.domain.categories import Category
from osteoactive.domain.languages import Text

from . import dose_families as F
from .dose import NUMBER_KEYS, TECHNIQUE_DOSE, Dose, DoseType
from .dose import dose_text as dose_text  # the handout reads dose words from here
from .request import ProgramRequest
from .spec import BALANCE_PATTERNS, ExerciseSpec, Impact, Kind, Pattern, Position

PHASE_WEEKS: tuple[tuple[int, int], ...] = ((1, 4), (5, 8), (9, 12))
DAILY = F.DAILY
SUPERVISED_SESSIONS = 2  # §7b: two supervised sessions a week
PRECAUTION_WALKING = frozenset(
    {Category.HVERDAGSAKTIV_MED_HENSYN, Category.TRAENINGSAKTIV_MED_HENSYN}
)
AID_WORDS = {
    "stick": ("din stok", "your walking stick"),
    "crutches": ("dine albuestokke", "your crutches"),
    "rollator": ("din rollator", "your rollator"),
}


@dataclass(frozen=True)
class Phase:
    """One block of weeks; dose None and 0 days mean the exercise has not started yet."""

    weeks: tuple[int, int]
    dose: Dose | None
    days_per_week: int
    instruction: Text = field(hash=False)


@dataclass(frozen=True)
class Prescription:
    phases: tuple[Phase, ...]

    @property
    def first(self) -> Phase:
        return next(p for p in self.phases if p.dose is not None)

    @property
    def start_week(self) -> int:
        return self.first.weeks[0]


def family_name(spec: ExerciseSpec, category: Category) -> str:
    if spec.dose_type is DoseType.TECHNIQUE:
        return "technique"
    if spec.dose_type is DoseType.FLIGHTS:
        return "stairs"
    if spec.dose_type is DoseType.HEAVY:
        return "heavy_impact" if spec.impact.rank >= Impact.MODERATE.rank else "heavy"
    if spec.impact is Impact.HIGH:
        return "high_impact"
    if spec.impact is Impact.MODERATE:
        return "impact"
    if spec.kind is Kind.WALKING:
        if category is Category.AKUTFASE:
            return "walking_acute"
        if category is Category.FUNKTIONSBEGRAENSET:
            return "walking_bouts"
        return "walking_brisk" if category in PRECAUTION_WALKING else "walking"
    if spec.kind is Kind.STRENGTH and category is Category.AKUTFASE:
        return "strength_acute"
    return {
        Kind.STRENGTH: "strength",
        Kind.IMPACT: "strength",  # an impact exercise with no more than low impact
        Kind.BALANCE: "balance",
        Kind.CORE: "core",
        Kind.BACK_EXTENSOR: "back_extensor",
        Kind.POSTURE: "posture",
        Kind.MOBILITY: "mobility",
        Kind.PAIN_RELIEF: "pain_relief",
        Kind.TECHNIQUE: "drill",
    }[spec.kind]


def _dose(spec: ExerciseSpec, step: F.Step) -> Dose:
    default = spec.default_dose
    side = default.per_side
    if spec.dose_type in (DoseType.REPETITIONS, DoseType.HEAVY) and step.reps:
        sets, reps, hold = step.reps
        # Holds at the end position only for exercises whose default dose has them.
        hold = hold if default.hold_seconds else None
        return Dose(sets=sets, reps=reps, per_side=side, hold_seconds=hold)
    if spec.dose_type is DoseType.HOLD_SECONDS and step.hold:
        return Dose(sets=step.hold[0], hold_seconds=step.hold[1], per_side=side)
    if spec.dose_type is DoseType.DURATION_MINUTES and step.minutes:
        bouts, minutes = step.minutes
        return Dose(sets=bouts if bouts > 1 else None, minutes=minutes)
    return default


def _texts(step: F.Step, next_name: Text | None) -> Text:
    if next_name and step.text_next:
        da, en = step.text_next
        return {"da": da.format(next=next_name["da"]), "en": en.format(next=next_name["en"])}
    return {"da": step.text[0], "en": step.text[1]}


def prescribe(
    spec: ExerciseSpec, request: ProgramRequest, progression: ExerciseSpec | None = None
) -> Prescription:
    """The dose of this exercise for this plan, phase by phase."""
    category = request.planned_category
    name = family_name(spec, category)
    next_name = progression.names() if progression else None
    phases = []
    for number, weeks in enumerate(PHASE_WEEKS):
        dose, days, text = _phase(spec, request, name, number, next_name)
        if category is Category.AKUTFASE and dose is not None:
            days = DAILY
        if spec.needs_supervision:
            days = min(days, SUPERVISED_SESSIONS)
        phases.append(Phase(weeks, dose, days if dose is not None else 0, text))
    started = [p for p in phases if p.dose is not None]
    if started:
        start = started[0].weeks[0]
        phases = [
            p if p.dose is not None else Phase(p.weeks, None, 0, _not_started(start))
            for p in phases
        ]
    return Prescription(tuple(phases))


def _not_started(week: int) -> Text:
    da, en = F.NOT_STARTED if week <= 5 else F.NOT_STARTED_HIGH
    return {"da": da.format(week=week), "en": en.format(week=week)}


def _phase(spec, request, name, number, next_name) -> tuple[Dose | None, int, Text]:
    last = number == len(PHASE_WEEKS) - 1
    if name == "technique":
        da, en = F.TECHNIQUE_TEXTS.get(spec.variant_group, F.TECHNIQUE_TEXTS[""])
        return TECHNIQUE_DOSE, DAILY, {"da": da, "en": en}
    if name == "stairs":
        days, flights, da, en = F.STAIRS[number]
        text = {"da": da, "en": en}
        if last and next_name:
            text = _append_next(text, next_name)
        return Dose(flights=flights), days, text
    if name == "pain_relief":
        return spec.default_dose, DAILY, {"da": F.GENTLE[0], "en": F.GENTLE[1]}
    step = F.FAMILIES[name][number]
    if step is None:
        return None, 0, {"da": "", "en": ""}
    dose = _dose(spec, step)
    if name in ("strength", "strength_acute") and number == 0 and request.pain and dose.sets:
        dose = dose.replace(sets=1)  # P8
    days = step.days
    if name == "balance":
        if request.fall_prevention_focus:
            days = DAILY
        if spec.dose_type is DoseType.DURATION_MINUTES:
            days = 2  # a class or a video (tai chi)
        text = balance_text(spec, request, number, next_name if last else None)
    else:
        text = _texts(step, next_name if last else None)
    if spec.kind is Kind.WALKING and spec.pattern is Pattern.WALKING:
        text = _with_aid(text, request)
    return dose, days, text


def _append_next(text: Text, next_name: Text) -> Text:
    return {
        "da": f"{text['da'][:-1]}, eller gå videre til {next_name['da']}.",
        "en": f"{text['en'][:-1]}, or move on to {next_name['en']}.",
    }


def _with_aid(text: Text, request: ProgramRequest) -> Text:
    """P5 (walking with the aid) and P9 (after a hip fracture, with the aid)."""
    if request.walking_aid in AID_WORDS:
        da, en = AID_WORDS[request.walking_aid]
        return {"da": f"{text['da']} Gå med {da}.", "en": f"{text['en']} Walk with {en}."}
    if request.acute_hip:
        return {
            "da": f"{text['da']} Brug din ganghjælp, så længe du har brug for den.",
            "en": f"{text['en']} Use your walking aid as long as you need it.",
        }
    return text


_SUPPORT = {
    "start": ("Med støtte – hold let i et gelænder eller en stabil stol. Det skal udfordre, "
              "men føles sikkert.", "With support – hold a rail or a stable chair lightly. It "
              "should challenge you but feel safe."),
    "release": ("Slip støtten, når du kan stå sikkert uden den – og hav den altid inden for "
                "rækkevidde.", "Let go of the support when you can stand safely without it – "
                "and always keep it within reach."),
    "harder": ("Gør det sværere, når det føles sikkert – længere tid eller større bevægelser"
               "{next}. Støtten altid inden for rækkevidde.", "Make it harder when it feels "
               "safe – longer or bigger movements{next}. Support always within reach."),
    "keep": ("Med støtte hele tiden – hold let i et gelænder eller en stabil stol; støtten "
             "bliver i alle 12 uger.", "With support throughout – hold a rail or a stable chair "
             "lightly; the support stays for all 12 weeks."),
    "keep_harder": ("Stadig med støtte: længere tid eller større bevægelser{next}.",
                    "Still with support: longer or bigger movements{next}."),
    "seated": ("Sid godt på en fast stol med fødderne i gulvet; bevæg dig roligt og med "
               "kontrol.", "Sit well on a firm chair with your feet on the floor; move calmly "
               "and with control."),
    "seated_harder": ("Ræk lidt længere ud og hold kontrollen{next}.", "Reach a little further "
                      "and keep control{next}."),
}  # fmt: skip
_NEXT = (", eller gå videre til {}", ", or move on to {}")
_NEXT_SUPPORTED = (
    ", eller gå videre til {} – også med støtte",
    ", or move on to {} – also with support",
)


def balance_text(
    spec: ExerciseSpec, request: ProgramRequest, number: int, next_name: Text | None
) -> Text:
    """The support words of a balance phase (P5, P6): never without support on a date."""
    if spec.position is not Position.STANDING or spec.pattern not in BALANCE_PATTERNS:
        key = "seated" if number < 2 else "seated_harder"
        nxt = _NEXT
    elif request.keeps_support:
        key = "keep" if number < 2 else "keep_harder"
        nxt = _NEXT_SUPPORTED
    else:
        key = ("start", "release", "harder")[number]
        nxt = _NEXT
    da, en = _SUPPORT[key]
    extra_da = nxt[0].format(next_name["da"]) if next_name else ""
    extra_en = nxt[1].format(next_name["en"]) if next_name else ""
    return {"da": da.replace("{next}", extra_da), "en": en.replace("{next}", extra_en)}


def phases_following(
    spec: ExerciseSpec,
    request: ProgramRequest,
    first_dose: Dose,
    progression: ExerciseSpec | None = None,
) -> tuple[Phase, ...]:
    """§10: the physiotherapist's dose for the first phase, the later phases moved from it by
    the family's own steps (never below 1)."""
    generated = prescribe(spec, request, progression).phases
    first = next(p for p in generated if p.dose is not None)
    phases = []
    for phase in generated:
        if phase.dose is None:
            phases.append(phase)
            continue
        changes = {}
        for key in NUMBER_KEYS:
            mine, base, now = (getattr(d, key) for d in (first_dose, first.dose, phase.dose))
            if mine is None:
                changes[key] = None
            elif base is not None and now is not None:
                changes[key] = max(1, mine + now - base)
        dose = first_dose.replace(**changes)
        phases.append(Phase(phase.weeks, dose, phase.days_per_week, phase.instruction))
    return tuple(phases)
