"""The §7 table as data: the slots a program is built from, per category, and its notes."""

from dataclasses import dataclass, field

from osteoactive.domain.categories import Category
from osteoactive.domain.vocabulary import Domain

from .spec import Impact, Kind

FALL_FOCUS_MIN_BALANCE = 3


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


def note(da: str, en: str) -> dict[str, str]:
    return {"da": da, "en": en}


_AVOID_FLEXION = note(
    "Undgå belastet foroverbøjning og vrid af ryggen; løft med et hoftehængsel (ret ryg, bøj i "
    "hofterne).",
    "Avoid loaded forward bending and twisting; lift with a hip hinge (straight back, bend at "
    "the hips).",
)
_BRISK_ONLY = note(
    "Stødbelastning højst som rask gang, ca. 20 minutter om dagen.",
    "Impact no more than brisk walking, about 20 minutes a day.",
)

CATEGORY_NOTES: dict[Category, tuple[dict[str, str], ...]] = {
    Category.AKUTFASE: (
        note("Daglige, korte træningspas.", "Daily short sessions."),
        note("Gang i korte ture; undgå sengeleje.", "Walking in short bouts; avoid bed rest."),
        note(
            "Rådgivning om smertelindring, ergonomi og hjælpemidler.",
            "Advice on pain relief, ergonomics and aids.",
        ),
        note("Revurdér ved akutfasens afslutning.", "Reassess at the end of the acute phase."),
    ),
    Category.FUNKTIONSBEGRAENSET: (
        note("Gang i ture på 10 minutter.", "Walking in 10-minute bouts."),
        note("Start let.", "Start light."),
    ),
    Category.HVERDAGSAKTIV_MED_HENSYN: (_BRISK_ONLY, _AVOID_FLEXION),
    Category.HVERDAGSAKTIV: (),
    Category.TRAENINGSAKTIV_MED_HENSYN: (
        _BRISK_ONLY,
        _AVOID_FLEXION,
        note("Styrketræning i træningscenter mod 8RM.", "Gym strength training towards 8RM."),
    ),
    Category.TRAENINGSAKTIV: (
        note(
            "Tunge løft i LIFTMOR-stil (5 × 5 over 85 % af 1RM) kun under supervision.",
            "LIFTMOR-style heavy lifts (5 × 5 above 85 % of 1RM) only when supervised.",
        ),
    ),
}
FALL_FOCUS_NOTE = note(
    "Faldforebyggelse: balancetræning hver dag.", "Fall prevention: balance training every day."
)
VERTEBRAL_NOTE = note(
    "Brud i ryggen: ingen belastet foroverbøjning eller rotation.",
    "Vertebral fracture: no loaded forward bending or twisting.",
)
REASSESS_NOTE = note("Revurdér efter 12 uger.", "Reassess after 12 weeks.")
