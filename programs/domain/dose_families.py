"""The dose families of §7 and §7a P10 as data: per family three phases (weeks 1–4, 5–8, 9–12),
each with its days a week, its words and its dose per dose type.

A phase's dose templates are `reps` (sets, repetitions, hold seconds or None), `hold` (sets,
seconds) and `minutes` (bouts, minutes); a phase of None has not started. Texts for weeks 9–12
come in two forms, without and with the named progression (`{next}`, §7a P4).

Fixed by §7 and §7b and pinned by the tests: strength 2 × 10 easy → 3 × 10 moderate → 3 × 8 hard
on 2 days; impact 3 × 10 from week 5 building to 5 × 10; back extensors holds of 3–5 s; walking in
10-minute bouts for `funktionsbegraenset` and about 20 minutes a day of brisk walking with
precautions; HiRIT 2 × 10 familiarisation, then 5 × 5 at 80–85 % of 1RM on 2 days.

Choices where the spec is silent:
- Phase 2 strength is 3 × 10 (inside 2–3 × 8–12); `akutfase` strength stays light (2 × 8 →
  2 × 10 → 2 × 12) and more waits for the reassessment.
- High impact that is not HiRIT starts in week 9 (P7) at 3 × 10.
- Back extensors 3 days a week (at least 2, §7); posture work daily.
- Stairs: 2 → 4 → 6 flights on 3 days, always with the rail. Techniques every time, every day.
- Tai chi (a balance exercise dosed in minutes): a class or a video, 15 → 20 → 30 minutes.
"""

from dataclasses import dataclass, field

DAILY = 7
BALANCE_DAYS = 4


@dataclass(frozen=True)
class Step:
    days: int
    text: tuple[str, str]
    reps: tuple[int, int, int | None] | None = None
    hold: tuple[int, int] | None = None
    minutes: tuple[int, int] | None = None
    text_next: tuple[str, str] | None = field(default=None)


def step(days, da, en, reps=None, hold=None, minutes=None, next_da=None, next_en=None) -> Step:
    if reps is not None and len(reps) == 2:
        reps = (*reps, None)
    return Step(days, (da, en), reps, hold, minutes, (next_da, next_en) if next_da else None)


GENTLE = ("Blidt og smertefrit – stop, hvis smerten øges.",
           "Gentle and pain-free – stop if the pain increases.")  # fmt: skip

FAMILIES: dict[str, tuple[Step | None, Step | None, Step | None]] = {
    "strength": (
        step(2, "Let – du kan tale og kunne tage mange flere. Lær teknikken, og sænk langsomt.",
             "Light – you can talk and could do many more. Learn the technique, lower slowly.",
             (2, 10), (2, 20), (1, 5)),
        step(2, "Moderat – en belastning, du kan løfte 8–12 gange; de sidste gentagelser er hårde.",
             "Moderate – a load you can lift 8–12 times; the last repetitions are hard.",
             (3, 10), (3, 30), (1, 10)),
        step(2, "Hårdt – en belastning, du kun kan løfte ca. 8 gange.",
             "Hard – a load you can lift only about 8 times.",
             (3, 8), (3, 45), (1, 15),
             "Hårdt – en belastning, du kun kan løfte ca. 8 gange, eller gå videre til {next}.",
             "Hard – a load you can lift only about 8 times, or move on to {next}."),
    ),
    "strength_acute": (
        step(DAILY, "Meget let og kort – du kan tale hele tiden. Stop, hvis smerten øges.",
             "Very light and short – you can talk throughout. Stop if the pain increases.",
             (2, 8), (2, 10), (1, 5)),
        step(DAILY, "Let – du kan tale og kunne tage flere. Stop, hvis smerten øges.",
             "Light – you can talk and could do more. Stop if the pain increases.",
             (2, 10), (2, 15), (1, 5)),
        step(DAILY, "Let til moderat – mere først, når fysioterapeuten har revurderet dig.",
             "Light to moderate – more only after the physiotherapist has reassessed you.",
             (2, 12), (2, 20), (1, 10),
             "Let til moderat – når fysioterapeuten har revurderet dig, kan du gå videre til "
             "{next}.",
             "Light to moderate – once the physiotherapist has reassessed you, you can move on "
             "to {next}."),
    ),
    "core": (
        step(3, "Let – hold spændingen, og træk vejret roligt.",
             "Light – keep the tension and breathe calmly.", (2, 8), (2, 20)),
        step(3, "Moderat – længere hold; stop, før du mister den rette stilling.",
             "Moderate – longer holds; stop before you lose the position.", (2, 10), (3, 30)),
        step(3, "Hårdere – flere og længere hold.", "Harder – more and longer holds.",
             (3, 10), (3, 45), None,
             "Hårdere – flere og længere hold, eller gå videre til {next}.",
             "Harder – more and longer holds, or move on to {next}."),
    ),
    "heavy": (
        step(2, "Tilvænning under supervision: kropsvægt eller let belastning, 2 × 10 – "
             "teknikken først.", "Familiarisation under supervision: body weight or a light "
             "load, 2 × 10 – technique first.", (2, 10)),
        step(2, "Tungt under supervision: 5 × 5 med 80–85 % af 1RM; log belastningen (kg).",
             "Heavy under supervision: 5 × 5 at 80–85 % of 1RM; log the load (kg).", (5, 5)),
        step(2, "Tungt under supervision: 5 × 5 med 80–85 % af 1RM eller mere; log belastningen "
             "(kg).", "Heavy under supervision: 5 × 5 at 80–85 % of 1RM or more; log the load "
             "(kg).", (5, 5)),
    ),
    "heavy_impact": (
        None,
        step(2, "Under supervision: 5 × 5 hop op til stangen og blød landing på bøjede knæ.",
             "Under supervision: 5 × 5 jumps to the bar and a soft landing on bent knees.",
             (5, 5)),
        step(2, "Under supervision: 5 × 5 hop op til stangen og blød landing på bøjede knæ.",
             "Under supervision: 5 × 5 jumps to the bar and a soft landing on bent knees.",
             (5, 5)),
    ),
    "impact": (
        None,
        step(2, "Moderat – faste, kontrollerede stød; land blødt med let bøjede knæ.",
             "Moderate – firm, controlled impacts; land softly with slightly bent knees.",
             (3, 10), None, (1, 10)),
        step(3, "Byg op til ca. 50 stød pr. gang; land blødt.",
             "Build up to about 50 impacts a session; land softly.", (5, 10), None, (1, 20),
             "Byg op til ca. 50 stød pr. gang, eller gå videre til {next}; land blødt.",
             "Build up to about 50 impacts a session, or move on to {next}; land softly."),
    ),
    "high_impact": (
        None,
        None,
        step(2, "Kraftige stød: start med 3 × 10, og land blødt med bøjede knæ.",
             "High impact: start with 3 × 10 and land softly on bent knees.", (3, 10), None,
             (1, 10)),
    ),
    "balance": (
        step(BALANCE_DAYS, "", "", (2, 10), (2, 30), (1, 15)),
        step(BALANCE_DAYS, "", "", (2, 12), (2, 45), (1, 20)),
        step(BALANCE_DAYS, "", "", (2, 15), (2, 60), (1, 30)),
    ),
    "back_extensor": (
        step(3, "Let – hold 3 sek. i slutstillingen, og træk vejret roligt.",
             "Light – hold 3 s at the end position and breathe calmly.", (2, 8, 3), (2, 10)),
        step(3, "Moderat – hold 5 sek.; det må føles som arbejde i ryggen, ikke som smerte.",
             "Moderate – hold 5 s; it may feel like work in the back, not like pain.",
             (2, 10, 5), (2, 15)),
        step(3, "Hårdere – hold 5 sek., og tag et sæt mere.",
             "Harder – hold 5 s and add a set.", (3, 10, 5), (3, 15), None,
             "Hårdere – hold 5 sek., tag et sæt mere, eller gå videre til {next}.",
             "Harder – hold 5 s, add a set, or move on to {next}."),
    ),
    "posture": (
        step(DAILY, "Let – hold 3 sek., og træk vejret roligt.",
             "Light – hold 3 s and breathe calmly.", (2, 8, 3), (2, 10)),
        step(DAILY, "Hold 5 sek.; ret dig op uden at spænde i nakken.",
             "Hold 5 s; straighten up without tensing your neck.", (2, 10, 5), (2, 15)),
        step(DAILY, "Hold 5 sek., og gør det også i løbet af dagen.",
             "Hold 5 s, and do it during the day as well.", (3, 10, 5), (3, 15), None,
             "Hold 5 sek., gør det også i løbet af dagen, eller gå videre til {next}.",
             "Hold 5 s, do it during the day as well, or move on to {next}."),
    ),
    "drill": (
        step(3, "Langsomt og kontrolleret – lær bevægelsen.",
             "Slow and controlled – learn the movement.", (2, 8)),
        step(3, "Flere gentagelser med samme gode teknik.",
             "More repetitions with the same good technique.", (2, 10)),
        step(3, "Brug bevægelsen, hver gang du bøjer dig i hverdagen.",
             "Use the movement every time you bend in daily life.", (3, 10), None, None,
             "Brug bevægelsen, hver gang du bøjer dig i hverdagen, eller gå videre til {next}.",
             "Use the movement every time you bend in daily life, or move on to {next}."),
    ),
    "mobility": (
        step(DAILY, *GENTLE, (2, 5, None), (3, 20), (1, 5)),
        step(DAILY, *GENTLE, (2, 8, None), (3, 30), (1, 5)),
        step(DAILY, *GENTLE, (2, 10, None), (3, 30), (1, 10),
             "Blidt og smertefrit; gå videre til {next}, når det føles let.",
             "Gentle and pain-free; move on to {next} when it feels easy."),
    ),
    "walking_acute": (
        step(DAILY, "Rolig gang i korte ture – hellere flere korte ture end én lang. Undgå "
             "sengeleje.", "Easy walking in short bouts – several short walks rather than one "
             "long one. Avoid bed rest.", (2, 20), (3, 30), (3, 5)),
        step(DAILY, "Lidt længere ture i roligt tempo – du kan tale hele vejen.",
             "Slightly longer walks at an easy pace – you can talk all the way.",
             (3, 20), (3, 30), (3, 8)),
        step(DAILY, "Ture på 10 minutter i et tempo, hvor du stadig kan tale.",
             "Walks of 10 minutes at a pace where you can still talk.", (3, 30), (3, 30), (3, 10)),
    ),
    "walking_bouts": (
        step(DAILY, "Let – én tur på 10 minutter om dagen; du kan tale undervejs.",
             "Light – one 10-minute walk a day; you can talk while walking.",
             (2, 20), (3, 30), (1, 10)),
        step(DAILY, "To ture på 10 minutter om dagen.", "Two 10-minute walks a day.",
             (3, 20), (3, 30), (2, 10)),
        step(DAILY, "Tre ture på 10 minutter om dagen – i alt 30 minutter.",
             "Three 10-minute walks a day – 30 minutes in all.", (3, 30), (3, 30), (3, 10)),
    ),
    "walking_brisk": (
        step(DAILY, "Rask gang – du kan tale, men ikke synge. Gerne i to ture.",
             "Brisk walking – you can talk but not sing. Two walks are fine.",
             (3, 20), (3, 30), (2, 10)),
        step(DAILY, "Rask gang i ca. 20 minutter om dagen.",
             "Brisk walking for about 20 minutes a day.", (3, 30), (3, 30), (1, 20)),
        step(DAILY, "Rask gang i ca. 20 minutter om dagen, gerne i let kuperet terræn.",
             "Brisk walking for about 20 minutes a day, on gently hilly ground if you like.",
             (3, 30), (3, 30), (1, 20)),
    ),
    "walking": (
        step(5, "Rask gang – du kan tale, men ikke synge.",
             "Brisk walking – you can talk but not sing.", (3, 20), (3, 30), (2, 10)),
        step(5, "Rask gang, tre ture på 10 minutter.", "Brisk walking, three 10-minute walks.",
             (3, 30), (3, 30), (3, 10)),
        step(5, "Rask gang i 30 minutter.", "Brisk walking for 30 minutes.",
             (3, 30), (3, 30), (1, 30)),
    ),
}  # fmt: skip

STAIRS = (
    (3, 2, "Roligt tempo – hold fast i gelænderet hele vejen op og ned.",
     "At a calm pace – hold the handrail all the way up and down."),
    (3, 4, "Lidt flere gange – stadig med fat i gelænderet.",
     "A few more times – still holding the handrail."),
    (3, 6, "Flere gange eller lidt hurtigere op – altid med fat i gelænderet.",
     "More times or a little faster up – always holding the handrail."),
)  # fmt: skip
"""(days, flights, Danish, English) per phase (§7a P7, P10: flights, with a rail)."""

TECHNIQUE_TEXTS = {
    "log-roll": ("Hver gang du skal op af eller i seng.",
                 "Every time you get out of bed or into bed."),
    "safe-lifting": ("Hver gang du løfter noget.", "Every time you lift something."),
    "": ("Hver gang i hverdagen.", "Every time in daily life."),
}  # fmt: skip
"""The technique dose family (§7a P10): the words per ladder; every time, no sets."""

NOT_STARTED = (
    "Starter i uge {week}: musklerne bygges op, før knoglerne belastes med stød.",
    "Starts in week {week}: muscles are built up before bones are loaded with impact.",
)
NOT_STARTED_HIGH = (
    "Starter i uge {week}: kraftige stød kommer efter de moderate stød i uge 5–8.",
    "Starts in week {week}: high impact comes after the moderate impact of weeks 5–8.",
)
