"""The program's notes (§5 `notes`): the §7 advice for the category and one note per §7a rule
that shaped the program, each in Danish and English. No note speaks of LIFTMOR: heavy lifting
is named only where §7b applies, as HiRIT.

The reassessment date is the result's `next_reassessment_due`; a result without it (DK-2026.1)
gets the §4b date computed here from the assessment date, else "after 12 weeks".
"""

from datetime import timedelta

from osteoactive.domain.categories import Category
from osteoactive.domain.languages import Text, format_date

from .dosing import AID_WORDS
from .request import ProgramRequest

REASSESS_DAYS = 84
REASSESS_SOON_DAYS = 28


def note(da: str, en: str) -> Text:
    return {"da": da, "en": en}


AVOID_FLEXION = note(
    "Undgå belastet foroverbøjning og vrid af ryggen; løft med et hoftehængsel (ret ryg, bøj i "
    "hofterne).",
    "Avoid loaded forward bending and twisting; lift with a hip hinge (straight back, bend at "
    "the hips).",
)
BRISK_ONLY = note(
    "Stødbelastning højst som rask gang, ca. 20 minutter om dagen.",
    "Impact no more than brisk walking, about 20 minutes a day.",
)

CATEGORY_NOTES: dict[Category, tuple[Text, ...]] = {
    Category.AKUTFASE: (
        note("Daglige, korte træningspas.", "Daily short sessions."),
        note("Gang i korte ture; undgå sengeleje.", "Walking in short bouts; avoid bed rest."),
        note(
            "Rådgivning om smertelindring, ergonomi og hjælpemidler.",
            "Advice on pain relief, ergonomics and aids.",
        ),
    ),
    Category.FUNKTIONSBEGRAENSET: (
        note("Gang i ture på 10 minutter.", "Walking in 10-minute bouts."),
        note("Start let.", "Start light."),
        AVOID_FLEXION,
    ),
    Category.HVERDAGSAKTIV_MED_HENSYN: (BRISK_ONLY, AVOID_FLEXION),
    Category.HVERDAGSAKTIV: (),
    Category.TRAENINGSAKTIV_MED_HENSYN: (
        BRISK_ONLY,
        AVOID_FLEXION,
        note(
            "Styrketræning mod 8RM: en belastning, du kan løfte ca. 8 gange.",
            "Strength training towards 8RM: a load you can lift about 8 times.",
        ),
    ),
    Category.TRAENINGSAKTIV: (),
}


def _dates(day) -> tuple[str, str]:
    return format_date(day, "da"), format_date(day, "en")


def reassessment_date(request: ProgramRequest):
    """§4b: the result's date, else the earliest of +84 days, the acute phase's end and +28
    days with W4 or W6."""
    if request.next_reassessment_due is not None:
        return request.next_reassessment_due
    if request.assessment_date is None:
        return None
    dates = [request.assessment_date + timedelta(days=REASSESS_DAYS)]
    if request.acute_phase_ends is not None and request.category is Category.AKUTFASE:
        dates.append(request.acute_phase_ends)
    if request.pain or request.red_flag:
        dates.append(request.assessment_date + timedelta(days=REASSESS_SOON_DAYS))
    return min(dates)


def program_notes(request: ProgramRequest) -> tuple[Text, ...]:
    category = request.planned_category
    notes: list[Text] = []
    if not request.has_inputs:
        notes.append(
            note(
                "Planlagt ud fra kategorien alene: uden vurderingens tal (ganghjælp, test og "
                "brud) er programmet ikke tilpasset den enkelte.",
                "Planned from the category alone: without the assessment's figures (walking "
                "aid, tests and fractures) the program is not fitted to the individual.",
            )
        )
    if request.plans_underlying:
        da, en = _dates(request.acute_phase_ends)
        notes.append(
            note(
                f"Akutfasen slutter {da}, inden for 14 dage: programmet er lagt for "
                f"{category.label_da} (P9).",
                f"The acute phase ends on {en}, within 14 days: the program is planned for "
                f"{category.label_en} (P9).",
            )
        )
    if request.acute_program and request.valid_until is not None:
        da, en = _dates(request.valid_until)
        notes.append(
            note(f"Akutprogrammet gælder til {da}.", f"The acute program is valid until {en}.")
        )
    notes.extend(CATEGORY_NOTES[category])
    notes.extend(_rule_notes(request))
    due = reassessment_date(request)
    if due is None:
        notes.append(note("Revurdér efter 12 uger.", "Reassess after 12 weeks."))
    else:
        da, en = _dates(due)
        notes.append(note(f"Revurdér senest {da}.", f"Reassess by {en}."))
    return tuple(notes)


def _rule_notes(request: ProgramRequest) -> list[Text]:
    notes = []
    if request.hirit:
        notes.append(
            note(
                "Tung styrke- og stødtræning (HiRIT, §7b): to superviserede træninger om ugen á "
                "ca. 30 minutter på dage, der ikke følger efter hinanden; uge 1–4 er tilvænning. "
                "Log belastningen (kg) for hvert løft hver gang.",
                "Heavy resistance and impact training (HiRIT, §7b): two supervised sessions a "
                "week of about 30 minutes on non-consecutive days; weeks 1–4 are "
                "familiarisation. Log the load (kg) of each lift every session.",
            )
        )
    if request.fall_prevention_focus:
        notes.append(
            note(
                "Faldforebyggelse: balancetræning hver dag, mindst 3 øvelser.",
                "Fall prevention: balance training every day, at least 3 exercises.",
            )
        )
    if request.qualifying_vertebral_fracture:
        notes.append(
            note(
                "Brud i ryggen: ingen belastet foroverbøjning eller rotation.",
                "Vertebral fracture: no loaded forward bending or twisting.",
            )
        )
    if request.pain:
        notes.append(
            note(
                "Smerter NRS 7 eller mere (W4): ingen moderat eller kraftig stødbelastning, "
                "styrkeøvelser med 1 sæt i uge 1–4, og revurdering inden 4 uger (P8).",
                "Pain NRS 7 or more (W4): no moderate or high impact, strength exercises at 1 "
                "set in weeks 1–4, and reassessment within 4 weeks (P8).",
            )
        )
    if request.red_flag:
        notes.append(
            note(
                "Mistanke om nyt brud i ryggen (W6): røntgen af ryggen via egen læge; indtil en "
                "ny vurdering er uden W6, gælder forsigtighedsreglerne (ingen stød ud over rask "
                "gang, ingen belastet foroverbøjning eller rotation) (P13).",
                "Suspected new vertebral fracture (W6): a spinal X-ray through the GP; until a "
                "new assessment without W6 the precaution filters apply (no impact beyond "
                "brisk walking, no loaded forward bending or twisting) (P13).",
            )
        )
    elif request.fall_risk_high and not request.planned_category.has_precautions:
        notes.append(
            note(
                "Høj faldrisiko: rask gang i stedet for stødøvelser (P7).",
                "High fall risk: brisk walking instead of impact exercises (P7).",
            )
        )
    if request.fear_of_falling or request.fall_risk_high:
        notes.append(
            note(
                "Stående balanceøvelser beholder støtten (gelænder eller stabil stol) i alle 12 "
                "uger (P6).",
                "Standing balance exercises keep their support (a rail or a stable chair) for "
                "all 12 weeks (P6).",
            )
        )
    if request.wheelchair:
        notes.append(
            note(
                "Kørestol: kun siddende og liggende øvelser; balance trænes siddende (P5).",
                "Wheelchair: only seated and lying exercises; balance is trained seated (P5).",
            )
        )
    elif request.walking_aid in AID_WORDS:
        da, en = AID_WORDS[request.walking_aid]
        notes.append(
            note(
                f"Gang med {da}; stående balance altid med støtte; trapper kun med gelænder (P5).",
                f"Walking with {en}; standing balance always with support; stairs only with a "
                "rail (P5).",
            )
        )
    return notes
