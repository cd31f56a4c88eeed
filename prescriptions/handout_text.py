"""Every fixed text of the patient handout, in Danish and English (pure, no Django).

The reader is about 75 years old and has osteoporosis. The texts are plain and warm, address
the reader directly ("du" in Danish), avoid jargon and say what to do. They carry the content
domain.md §7 says a handout always includes: training is safe when it is individualised and the
technique is taught; how hard each exercise should feel; pain as a signal; for precaution
categories and the acute phase what to avoid and how to lift with a hip hinge; bone health
basics; safe surroundings; everyday activities as circuit training; a 12-week log sheet.

Every entry is ``{"da": ..., "en": ...}``; the value is a string, or a list of strings (bullet
points or steps). `text(key, language)` looks one up.

Choices where the spec is silent:
- The effort scale is a simple 0–10 scale in five bands (as the Borg CR10 scale is usually
  explained to patients); strength work sits at 7–8 in the last two repetitions.
- Normal soreness lasts up to about two days; pain during an exercise that stays at or below 3
  of 10 and has settled by the next day is acceptable (a common "pain-monitoring" rule).
- Alcohol: the Danish Health Authority's limit (at most 10 drinks a week, at most 4 in a day).
- Calcium and vitamin D supplements: "ask your doctor"; the handout gives no doses.
"""

from collections.abc import Mapping


def _t(da, en) -> dict:
    return {"da": da, "en": en}


# --- headings ---------------------------------------------------------------------------------

HEADINGS: dict[str, dict[str, str]] = {
    "title": _t("Dit træningsprogram", "Your exercise programme"),
    "subtitle": _t(
        "Stærk, Stabil, Strakt – træning for stærke knogler",
        "Strong, Steady, Straight – exercise for strong bones",
    ),
    "category": _t("Det betyder din gruppe", "What your group means"),
    "principles": _t("Stærk, Stabil, Strakt", "Strong, Steady, Straight"),
    "safe": _t("Træning er godt for dine knogler", "Exercise is good for your bones"),
    "effort": _t("Hvor hårdt skal det være?", "How hard should it feel?"),
    "pain": _t("Smerter – hvad er normalt?", "Pain – what is normal?"),
    "exercises": _t("Dine øvelser", "Your exercises"),
    "plan": _t("Din plan for 12 uger", "Your 12-week plan"),
    "avoid": _t("Det skal du undgå", "What to avoid"),
    "lift": _t("Sådan løfter du sikkert", "How to lift safely"),
    "acute": _t("Mens bruddet heler", "While the fracture heals"),
    "everyday": _t("Hverdagen som træning", "Everyday life as exercise"),
    "bone_health": _t("Godt for knoglerne", "Good for your bones"),
    "surroundings": _t("Træn sikkert derhjemme", "Exercise safely at home"),
    "contact": _t("Stop og kontakt fysioterapeuten", "Stop and contact your physiotherapist"),
    "notes": _t("Særligt for dig", "Especially for you"),
    "log": _t("Dit træningsskema", "Your exercise log"),
}


# --- cover ------------------------------------------------------------------------------------

COVER: dict[str, dict[str, str]] = {
    "for": _t("Til", "For"),
    "date": _t("Dato", "Date"),
    "version": _t("Version", "Version"),
    "physiotherapist": _t("Din fysioterapeut", "Your physiotherapist"),
    "clinic": _t("Klinik", "Clinic"),
    "phone": _t("Telefon", "Phone"),
    "address": _t("Adresse", "Address"),
    "group": _t("Din gruppe", "Your group"),
    "acute_ends": _t("Akutfasen slutter omkring", "The acute phase ends around"),
    "logo_alt": _t("Klinikkens logo", "The clinic's logo"),
    "how_to_use": _t("Sådan bruger du hæftet", "How to use this booklet"),
}

HOW_TO_USE = _t(
    [
        "Læs siderne om, hvordan træningen skal føles, før du går i gang.",
        "Træn efter planen, og sæt et kryds i skemaet bagerst, hver dag du har trænet.",
        "Tag hæftet med, når du skal til fysioterapeut.",
    ],
    [
        "Read the pages about how the exercise should feel before you start.",
        "Follow the plan, and tick the log at the back on each day you have exercised.",
        "Bring this booklet when you see your physiotherapist.",
    ],
)


# --- what the category means ------------------------------------------------------------------

CATEGORY_MEANING: dict[str, dict[str, str]] = {
    "akutfase": _t(
        "Du har for nylig brækket en ryghvirvel eller hoften, og bruddet er ved at hele. "
        "I denne tid træner du kort og blidt hver dag, så du holder dig i gang uden at "
        "overbelaste kroppen. Når akutfasen er slut, ser fysioterapeuten på dig igen og gør "
        "træningen mere udfordrende.",
        "You have recently broken a bone in your spine or your hip, and the fracture is "
        "healing. During this time you exercise gently for a short while every day, so you "
        "keep moving without overloading your body. When the acute phase is over, your "
        "physiotherapist will see you again and make the exercise more challenging.",
    ),
    "funktionsbegraenset": _t(
        "Du bruger et hjælpemiddel eller får hjælp i hverdagen, eller du bliver hurtigt træt. "
        "Din træning starter let og bygger på det, du gør hver dag: at rejse dig, gå og holde "
        "balancen. Målet er, at hverdagen bliver lettere og tryggere for dig.",
        "You use a walking aid or get help in daily life, or you tire quickly. Your exercise "
        "starts gently and builds on what you do every day: getting up, walking and keeping "
        "your balance. The aim is to make daily life easier and safer for you.",
    ),
    "hverdagsaktiv_med_hensyn": _t(
        "Du klarer dig selv i hverdagen, men dine knogler skal have ekstra hensyn, fordi du "
        "har haft brud eller har meget skøre knogler. Du træner styrke og balance, som "
        "gradvist bliver hårdere, men uden hop og stød. Du lærer at bøje dig og løfte med "
        "ret ryg.",
        "You manage on your own in daily life, but your bones need extra care because you "
        "have had a fracture or your bones are very fragile. You train strength and balance, "
        "gradually harder, but without jumps and impact. You learn to bend and lift with a "
        "straight back.",
    ),
    "hverdagsaktiv": _t(
        "Du klarer dig selv i hverdagen og kan sagtens træne mere. Du træner styrke, balance "
        "og ryg, og efter de første uger også små stød, fx at stampe, fordi stød styrker "
        "knoglerne. Træningen bliver gradvist hårdere i løbet af de 12 uger.",
        "You manage on your own in daily life and can easily do more exercise. You train "
        "strength, balance and your back, and after the first weeks also small impacts, such "
        "as stamping, because impact strengthens the bones. The exercise gradually gets "
        "harder over the 12 weeks.",
    ),
    "traeningsaktiv_med_hensyn": _t(
        "Du er vant til at træne og er i god form, men dine knogler skal have ekstra hensyn, "
        "fordi du har haft brud eller har meget skøre knogler. Du kan træne styrke med tunge "
        "vægte og god teknik, men uden hop og uden løft med krum ryg eller vrid.",
        "You are used to exercising and are in good shape, but your bones need extra care "
        "because you have had a fracture or your bones are very fragile. You can lift heavy "
        "weights with good technique, but without jumps and without lifting with a rounded "
        "back or twisting.",
    ),
    "traeningsaktiv": _t(
        "Du er vant til at træne og er i god form. Du kan træne hårdt: tung styrketræning og "
        "hop, som belaster knoglerne mest og derfor styrker dem mest. God teknik er vigtig, og "
        "de tungeste løft laver du sammen med en instruktør.",
        "You are used to exercising and are in good shape. You can train hard: heavy strength "
        "training and jumps, which load the bones the most and so strengthen them the most. "
        "Good technique matters, and you do the heaviest lifts with an instructor.",
    ),
}

CATEGORY_EXTRA = {
    "underlying": _t(
        "Når akutfasen er slut, forventer vi, at du kommer i gruppen:",
        "When the acute phase is over, we expect you to move to the group:",
    ),
    "fall_prevention": _t(
        "Du har en øget risiko for at falde. Derfor er der ekstra balanceøvelser i dit "
        "program, og dem skal du gerne lave hver dag. Bedre balance betyder færre fald og "
        "færre brud.",
        "You have a higher risk of falling. That is why your programme has extra balance "
        "exercises, and you should do them every day. Better balance means fewer falls and "
        "fewer fractures.",
    ),
    "vertebral_fracture": _t(
        "Du har haft et brud i ryggen. Øvelserne for rygmusklerne er særligt vigtige for dig: "
        "de hjælper dig med at stå rankere og aflaster ryggen. Undgå at bøje dig forover med "
        "krum ryg, når du løfter.",
        "You have had a fracture in your spine. The exercises for your back muscles are "
        "especially important for you: they help you stand taller and ease the load on your "
        "back. Avoid bending forward with a rounded back when you lift.",
    ),
}

DOMAIN_MEANING: dict[str, dict[str, str]] = {
    "staerk": _t(
        "Styrketræning og vægtbærende træning. Stærke muskler trækker i knoglerne, og det "
        "gør knoglerne stærkere.",
        "Strength training and weight-bearing exercise. Strong muscles pull on the bones, and "
        "that makes the bones stronger.",
    ),
    "stabil": _t(
        "Balancetræning. God balance forebygger fald – og dermed brud.",
        "Balance training. Good balance prevents falls – and so prevents fractures.",
    ),
    "strakt": _t(
        "Træning af rygmusklerne og en god, rank holdning. Du lærer at bøje dig og løfte på "
        "en måde, der skåner ryggen.",
        "Exercises for your back muscles and a good, upright posture. You learn to bend and "
        "lift in a way that protects your back.",
    ),
}

# A simple black symbol per domain, so the domain never depends on colour (or on the word
# alone): a filled square for Stærk, a diamond balanced on its point for Stabil, an arrow
# pointing straight up for Strakt. All three glyphs are in DejaVu Sans.
DOMAIN_SYMBOLS = {"staerk": "■", "stabil": "◆", "strakt": "↑"}


# --- reassurance, effort and pain -------------------------------------------------------------

REASSURANCE = _t(
    [
        "Træning øger ikke risikoen for brud – heller ikke når du har knogleskørhed. Det "
        "gælder, når træningen er tilpasset dig, og du har lært den rigtige teknik. Det har "
        "din fysioterapeut sørget for.",
        "De gamle råd om aldrig at løfte mere end et par kilo gælder ikke længere. Muskler og "
        "knogler bliver stærkere af at blive brugt. Stærke muskler og god balance beskytter dig "
        "mod fald og brud.",
        "Det bedste resultat får du, når du træner både styrke, balance og ryg – og bliver ved.",
    ],
    [
        "Exercise does not increase your risk of fractures – not even when you have "
        "osteoporosis. This is true when the exercise is suited to you and you have been "
        "taught the right technique. Your physiotherapist has made sure of that.",
        "The old advice never to lift more than a few kilos no longer applies. Muscles and "
        "bones grow stronger when they are used. Strong muscles and good balance protect you "
        "from falls and fractures.",
        "You get the best result when you train strength, balance and your back – and keep going.",
    ],
)

EFFORT_INTRO = _t(
    "Tænk på en skala fra 0 til 10, hvor 0 er at sidde helt stille, og 10 er det hårdeste, "
    "du overhovedet kan.",
    "Think of a scale from 0 to 10, where 0 is sitting completely still and 10 is the "
    "hardest you can possibly do.",
)

EFFORT_SCALE_HEAD = _t(("Tal", "Sådan føles det"), ("Number", "How it feels"))

EFFORT_SCALE = [
    ("0–2", _t("Meget let. Som at sidde eller gå en rolig tur.",
               "Very easy. Like sitting or taking a gentle stroll.")),
    ("3–4", _t("Let. Du kan snakke og synge.", "Easy. You can talk and sing.")),
    ("5–6", _t("Moderat. Du bliver varm og lidt forpustet, men du kan stadig snakke.",
               "Moderate. You get warm and a little out of breath, but you can still talk.")),
    ("7–8", _t("Hårdt. Du kan kun sige korte sætninger. De sidste 2 gentagelser er hårde.",
               "Hard. You can only say short sentences. The last 2 repetitions are hard.")),
    ("9–10", _t("Alt, hvad du kan. Så hårdt skal du ikke træne.",
                "All you can give. You should not exercise this hard.")),
]  # fmt: skip

EFFORT_GUIDE = _t(
    [
        "Styrkeøvelser: vælg en vægt eller en udgave af øvelsen, så de sidste 2 gentagelser "
        "er hårde (7–8), men du stadig kan lave dem med god teknik.",
        "Gang og andre øvelser: du skal kunne snakke undervejs (5–6).",
        "Balanceøvelser: de skal udfordre dig, men du skal føle dig sikker. Hav altid noget "
        "at holde fast i inden for rækkevidde.",
        "Træk vejret roligt hele tiden – hold ikke vejret, når du tager fat.",
        "De første uger træner du let og lærer teknikken. Så bliver det gradvist hårdere.",
    ],
    [
        "Strength exercises: choose a weight or a version of the exercise where the last 2 "
        "repetitions are hard (7–8), but you can still do them with good technique.",
        "Walking and other exercises: you should be able to talk while you do them (5–6).",
        "Balance exercises: they should challenge you, but you should feel safe. Always have "
        "something to hold on to within reach.",
        "Breathe calmly all the time – do not hold your breath when you make an effort.",
        "In the first weeks you exercise lightly and learn the technique. Then it gradually "
        "gets harder.",
    ],
)

PAIN = _t(
    [
        "Det er normalt at være øm i musklerne en dag eller to efter træning, især i "
        "begyndelsen. Det er et tegn på, at musklerne arbejder, og det går over af sig selv.",
        "Lidt ubehag under en øvelse er i orden, hvis det højst er 3 på en skala fra 0 til 10 "
        "og er væk igen dagen efter.",
        "Gør en øvelse ondt ud over det, så gør den lettere, eller spring den over, og spørg "
        "din fysioterapeut næste gang.",
    ],
    [
        "It is normal for your muscles to feel sore for a day or two after exercise, "
        "especially at the beginning. It is a sign that the muscles are working, and it goes "
        "away by itself.",
        "A little discomfort during an exercise is fine if it is no more than 3 on a scale "
        "from 0 to 10 and has gone by the next day.",
        "If an exercise hurts more than that, make it easier or leave it out, and ask your "
        "physiotherapist next time.",
    ],
)

PAIN_STOP = _t(
    "Får du pludselig nye smerter i ryggen – fx efter et løft, et host eller et fald – så "
    "stop træningen, og kontakt din fysioterapeut eller din læge.",
    "If you suddenly get new pain in your back – for example after lifting, coughing or a "
    "fall – stop exercising and contact your physiotherapist or your doctor.",
)


# --- the exercise pages -----------------------------------------------------------------------

EXERCISE: dict[str, dict[str, str]] = {
    "how": _t("Sådan gør du", "How to do it"),
    "dose": _t("Så meget", "How much"),
    "feel": _t("Sådan skal det føles", "How it should feel"),
    "take_care": _t("Pas på", "Take care"),
    "equipment": _t("Du skal bruge", "You need"),
    "illustration_alt": _t("Tegning af øvelsen", "Drawing of the exercise"),
    "days_per_week": _t("{n} dage om ugen", "{n} days a week"),
    "day_per_week": _t("1 dag om ugen", "1 day a week"),
    "every_day": _t("hver dag", "every day"),
    "not_started": _t("starter i uge {week}", "starts in week {week}"),
    "page_ref": _t("side", "page"),
}

EXERCISES_INTRO = _t(
    "Her er alle dine øvelser. Hver øvelse har sin egen side med en tegning, en forklaring og "
    "hvor meget du skal lave.",
    "Here are all your exercises. Each exercise has its own page with a drawing, an "
    "explanation and how much to do.",
)

DOMAIN_INTRO = _t(
    "Øvelserne er delt i tre grupper. Hver gruppe har sit eget tegn, så du let kan finde dem:",
    "The exercises are in three groups. Each group has its own symbol, so you can find them "
    "easily:",
)


# --- the 12-week plan -------------------------------------------------------------------------

PLAN_INTRO = _t(
    "Programmet varer 12 uger og er delt i tre perioder. Tabellen viser, hvor meget du laver "
    "af hver øvelse i hver periode.",
    "The programme lasts 12 weeks in three periods. The table shows how much of each "
    "exercise you do in each period.",
)

PLAN_PHASES = [
    _t(("Uge 1–4", "Lær øvelserne. Let belastning – det vigtigste er god teknik."),
       ("Weeks 1–4", "Learn the exercises. Light load – good technique matters most.")),
    _t(("Uge 5–8", "Moderat. Lidt hårdere: fx 2–3 sæt med 8–12 gentagelser."),
       ("Weeks 5–8", "Moderate. A little harder: for example 2–3 sets of 8–12 repetitions.")),
    _t(("Uge 9–12", "Hårdt. En belastning, du kun kan løfte ca. 8 gange – eller den "
                    "sværere udgave af øvelsen."),
       ("Weeks 9–12", "Hard. A load you can lift only about 8 times – or the harder "
                      "version of the exercise.")),
]  # fmt: skip

PLAN_PHASES_ACUTE = [
    _t(("Uge 1–4", "Meget let og kort. Lær øvelserne, og hold dig i gang."),
       ("Weeks 1–4", "Very light and short. Learn the exercises and keep moving.")),
    _t(("Uge 5–8", "Let. Lidt flere gentagelser, hvis smerterne tillader det."),
       ("Weeks 5–8", "Light. A few more repetitions if the pain allows it.")),
    _t(("Uge 9–12", "Let til moderat. Mere først, når fysioterapeuten har set på dig igen."),
       ("Weeks 9–12", "Light to moderate. More only after your physiotherapist has seen "
                      "you again.")),
]  # fmt: skip

PLAN_IMPACT = _t(
    "Øvelser med stød, fx stamp og hælfald, starter først i uge 5. Så når musklerne at blive "
    "stærkere, før knoglerne får stød.",
    "Exercises with impact, such as stamping and heel drops, only start in week 5. This gives "
    "your muscles time to get stronger before your bones take impact.",
)

PLAN_BALANCE = _t(
    "Balanceøvelser laver du først med støtte: hold let fast i et gelænder, en køkkenbordkant "
    "eller en stabil stol. Slip først støtten, når øvelsen føles sikker – og hav den stadig "
    "inden for rækkevidde.",
    "You do balance exercises with support at first: hold lightly on to a rail, the kitchen "
    "counter or a stable chair. Only let go when the exercise feels safe – and keep the "
    "support within reach.",
)

PLAN_ACUTE = _t(
    "I akutfasen bliver træningen ikke hård. Når akutfasen er slut, ser din fysioterapeut på "
    "dig igen og lægger en ny plan.",
    "During the acute phase the exercise does not become hard. When the acute phase is over, "
    "your physiotherapist will see you again and make a new plan.",
)

PLAN_REASSESS = _t(
    "Efter 12 uger ser din fysioterapeut på dig igen, og I lægger en ny plan sammen.",
    "After 12 weeks your physiotherapist will see you again, and together you will make a "
    "new plan.",
)

PLAN_TABLE = {
    "exercise": _t("Øvelse", "Exercise"),
    "weeks": _t("Uge {start}–{end}", "Weeks {start}–{end}"),
}


# --- precautions: what to avoid and how to lift -----------------------------------------------

AVOID_INTRO = _t(
    "Dine knogler skal have ekstra hensyn. Især ryghvirvlerne tåler dårligt at blive "
    "belastet, når du bøjer dig forover med krum ryg eller vrider dig, mens du løfter. Du må "
    "gerne bevæge dig – men undgå:",
    "Your bones need extra care. Your spine in particular does not cope well with load when "
    "you bend forward with a rounded back or twist while lifting. You are welcome to move "
    "– but avoid:",
)

AVOID = _t(
    [
        "at løfte med krum ryg, fx når du tager en tung gryde ud af ovnen eller en kurv op fra "
        "gulvet",
        "mavebøjninger og situps",
        "at række ned mod tæerne med strakte ben",
        "at vride overkroppen, mens du løfter eller bærer noget, fx når du flytter en pose fra "
        "bilen",
        "hop og hårde stød, fx at hoppe ned fra et trin",
    ],
    [
        "lifting with a rounded back, for example taking a heavy pot out of the oven or a "
        "basket up from the floor",
        "sit-ups and crunches",
        "reaching down to touch your toes with straight legs",
        "twisting your upper body while you lift or carry something, for example moving a bag "
        "out of the car",
        "jumps and hard impacts, for example jumping down from a step",
    ],
)

LIFT_INTRO = _t(
    "Bøj i hofterne og knæene – ikke i ryggen. Det kaldes et hoftehængsel. Sådan gør du:",
    "Bend at your hips and knees – not in your back. This is called a hip hinge. This is how:",
)

LIFT_STEPS = _t(
    [
        "Stil dig tæt ved tingen med fødderne i hoftebredde.",
        "Spænd let i maven, og hold ryggen ret – forestil dig et kosteskaft langs ryggen.",
        "Skub bagdelen bagud, og bøj i knæene. Overkroppen vipper frem som ét stykke.",
        "Tag godt fat med begge hænder, og hold tingen tæt ind til kroppen.",
        "Rejs dig ved at strække hofter og knæ. Pust ud, mens du løfter.",
        "Skal du vende dig, så flyt fødderne – drej ikke i ryggen.",
    ],
    [
        "Stand close to the object with your feet hip-width apart.",
        "Tighten your stomach a little and keep your back straight – imagine a broom "
        "handle along your back.",
        "Push your bottom backwards and bend your knees. Your upper body tips forward as "
        "one piece.",
        "Get a good grip with both hands and hold the object close to your body.",
        "Stand up by straightening your hips and knees. Breathe out as you lift.",
        "If you need to turn, move your feet – do not twist your back.",
    ],
)

LIFT_TIP = _t(
    "Del hellere en tung byrde op i flere lette, og bær poser med én i hver hånd.",
    "Split a heavy load into several light ones, and carry one bag in each hand.",
)

ACUTE = _t(
    [
        "Hold dig i gang. Korte gåture og øvelser flere gange om dagen er bedre end at ligge "
        "i sengen.",
        "Tag den smertestillende medicin, som din læge har anbefalet, så du kan bevæge dig.",
        "Hvil i en stilling, der lindrer, fx på ryggen med en pude under knæene.",
        "Kom ud af sengen ved at rulle om på siden først, og skub dig op med armene.",
        "Spørg din fysioterapeut om hjælpemidler, der kan lette hverdagen.",
    ],
    [
        "Keep moving. Short walks and exercises several times a day are better than lying in bed.",
        "Take the pain relief your doctor has recommended, so that you can move.",
        "Rest in a position that eases the pain, for example on your back with a pillow under "
        "your knees.",
        "Get out of bed by first rolling onto your side, then pushing yourself up with your arms.",
        "Ask your physiotherapist about aids that can make daily life easier.",
    ],
)


# --- everyday life, bone health, surroundings, contact ----------------------------------------

EVERYDAY_INTRO = _t(
    "Meget af det, du gør i hverdagen, er også træning. Gør det bevidst, og gå fra den ene "
    "opgave til den næste – så har du et lille træningsprogram. Husk at bøje i hofter og "
    "knæ, ikke i ryggen.",
    "Much of what you do every day is exercise too. Do it on purpose and move from one task "
    "to the next – and you have a small exercise programme. Remember to bend at your hips "
    "and knees, not in your back.",
)

EVERYDAY = [
    _t(("Tøjvask", "Hæng tøjet op med rank ryg, og stræk armene op. Sæt kurven på en stol, "
                   "så du ikke skal bøje dig ned til gulvet."),
       ("Laundry", "Hang up the washing with a straight back and reach your arms up. Put the "
                   "basket on a chair so you do not have to bend down to the floor.")),
    _t(("Rengøring", "Støvsug med et langt skridt frem og bøjede knæ – som et udfald – og "
                     "hold ryggen ret. Skift ben."),
       ("Cleaning", "Vacuum with a long step forward and bent knees – like a lunge – and keep "
                    "your back straight. Change legs.")),
    _t(("Madlavning", "Gå op på tæer, eller stå på ét ben med en hånd på køkkenbordet, mens "
                      "kaffen løber igennem eller gryden koger."),
       ("Cooking", "Rise up on your toes, or stand on one leg with a hand on the kitchen "
                   "counter, while the coffee brews or the pot boils.")),
    _t(("Trapper", "Tag trappen i stedet for elevatoren, og hold fast i gelænderet."),
       ("Stairs", "Take the stairs instead of the lift, and hold the rail.")),
    _t(("Havearbejde", "Sid på en skammel eller på knæ på en pude i stedet for at bøje dig "
                       "forover. Bær vandkanden tæt ind til kroppen, og del tunge ting op."),
       ("Gardening", "Sit on a stool or kneel on a pad instead of bending forward. Carry the "
                     "watering can close to your body and split heavy loads.")),
]  # fmt: skip

EVERYDAY_CIRCUIT = _t(
    "Lav gerne en runde på 15–20 minutter: fx op og ned ad trappen, tøjvask, to minutter på "
    "tæer ved køkkenbordet og en tur med støvsugeren. Det tæller med – men erstatter ikke "
    "dine øvelser.",
    "Try a round of 15–20 minutes: for example up and down the stairs, the laundry, two "
    "minutes on your toes at the kitchen counter and a round with the vacuum cleaner. It "
    "counts – but it does not replace your exercises.",
)

BONE_HEALTH = _t(
    [
        "Kalk (calcium): spis mejeriprodukter hver dag, fx mælk, yoghurt og ost. Grønne "
        "grøntsager, mandler og fisk med ben, fx sardiner, giver også kalk.",
        "D-vitamin: hjælper kroppen med at optage kalken. Spørg din læge, om du skal tage et "
        "tilskud af kalk og D-vitamin – det skal de fleste med knogleskørhed.",
        "Dagslys: kom udenfor hver dag, også om vinteren. Sommersol på huden giver D-vitamin, "
        "og en gåtur er god træning.",
        "Protein: spis lidt protein til hvert måltid, fx mælkeprodukter, æg, fisk, kød, bønner "
        "eller linser. Det hjælper musklerne med at blive stærke.",
        "Rygning: rygning gør knoglerne svagere. Det er aldrig for sent at holde op – spørg "
        "din læge eller apoteket om hjælp.",
        "Alkohol: drik højst 10 genstande om ugen og højst 4 på én dag. Meget alkohol svækker "
        "knoglerne og øger risikoen for fald.",
    ],
    [
        "Calcium: eat dairy foods every day, for example milk, yoghurt and cheese. Green "
        "vegetables, almonds and fish with soft bones, such as sardines, also give calcium.",
        "Vitamin D: helps your body take up calcium. Ask your doctor whether you should take "
        "a calcium and vitamin D supplement – most people with osteoporosis should.",
        "Daylight: go outside every day, in winter too. Summer sun on your skin gives vitamin "
        "D, and a walk is good exercise.",
        "Protein: eat some protein at every meal, for example dairy foods, eggs, fish, meat, "
        "beans or lentils. It helps your muscles grow strong.",
        "Smoking: smoking weakens the bones. It is never too late to stop – ask your doctor "
        "or the pharmacy for help.",
        "Alcohol: drink no more than 10 drinks a week and no more than 4 in one day. A lot of "
        "alcohol weakens the bones and makes falls more likely.",
    ],
)

SURROUNDINGS = _t(
    [
        "Træn på et fast, skridsikkert gulv – ikke på et glat gulv eller på et løst tæppe.",
        "Fjern løse tæpper, ledninger og andet, du kan falde over.",
        "Brug gode sko, der sidder fast på foden og har en skridsikker sål. Undgå at træne i "
        "strømpesokker eller tøfler.",
        "Ved balanceøvelser: stå ved et køkkenbord, et gelænder eller en stabil stol, så du "
        "altid kan nå at tage fat.",
        "Brug en stol, der står fast og ikke har hjul, og stil den op ad en væg.",
        "Sørg for godt lys, og hav en telefon i nærheden.",
        "Tag briller på, hvis du plejer at bruge dem, og drik lidt vand undervejs.",
    ],
    [
        "Exercise on a firm, non-slip floor – not on a slippery floor or a loose rug.",
        "Remove loose rugs, cables and anything else you could trip over.",
        "Wear proper shoes that stay on your feet and have a non-slip sole. Do not exercise "
        "in socks or slippers.",
        "For balance exercises: stand by a kitchen counter, a rail or a stable chair, so you "
        "can always grab hold in time.",
        "Use a chair that stands firmly and has no wheels, and put it against a wall.",
        "Make sure the light is good, and keep a phone nearby.",
        "Wear your glasses if you usually do, and drink a little water along the way.",
    ],
)

CONTACT_INTRO = _t(
    "Stop træningen, og kontakt din fysioterapeut, hvis du:",
    "Stop exercising and contact your physiotherapist if you:",
)

CONTACT = _t(
    [
        "får pludselige, nye smerter i ryggen",
        "får smerter, der bliver værre fra gang til gang eller ikke er væk dagen efter",
        "er faldet, eller ofte er lige ved at falde",
        "bliver svimmel eller utilpas under træningen",
        "har spørgsmål, eller hvis en øvelse er for svær eller for let",
    ],
    [
        "suddenly get new pain in your back",
        "get pain that gets worse each time or has not gone by the next day",
        "have had a fall, or often nearly fall",
        "feel dizzy or unwell while exercising",
        "have questions, or if an exercise is too hard or too easy",
    ],
)

CONTACT_PHONE = _t("Ring til din fysioterapeut:", "Call your physiotherapist:")

EMERGENCY = _t(
    "Ring 112, hvis du får trykken eller smerter i brystet, bliver meget forpustet uden "
    "grund eller besvimer.",
    "Call 112 if you get pressure or pain in your chest, become very short of breath for no "
    "reason, or faint.",
)


# --- notes, log sheet, footer -----------------------------------------------------------------

NOTES_INTRO = _t(
    "Din fysioterapeut har skrevet dette til dig:",
    "Your physiotherapist has written this for you:",
)

LOG = {
    "intro": _t(
        "Sæt et kryds i feltet for hver dag, du har lavet dine øvelser. Tag skemaet med, når "
        "du skal til fysioterapeut.",
        "Put a tick in the box for each day you have done your exercises. Bring the log when "
        "you see your physiotherapist.",
    ),
    "week": _t("Uge", "Week"),
    "days": _t(
        ["Man", "Tir", "Ons", "Tor", "Fre", "Lør", "Søn"],
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    ),
    "days_long": _t(
        ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"],
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    ),
    "phase_line": _t(
        "De tykke streger viser, hvor en ny periode i planen begynder.",
        "The thick lines show where a new period of the plan begins.",
    ),
}

FOOTER = {"page": _t("Side", "Page"), "of": _t("af", "of")}


def text(entry: Mapping, language: str):
    """The `language` value of one entry; Danish unless the language is English."""
    return entry["en" if language == "en" else "da"]
