"""The program editor's exercise picker: the clinic's library searched as the physiotherapist
types, each exercise with what the choice needs (pattern, rung, equipment, whether its ladder is
already in the program) and, for one the rules exclude, the rules it breaks.

What may be added without a confirmation is decided by the same test the add does
(`services.add_violations`: `rules.rule_breaks` and P2), so the list never promises what the
add then refuses. Another rung of a ladder the program holds is listed and marked; exercises
the filters exclude are listed only when asked for.
"""

from dataclasses import dataclass, field

from .domain.continuity import SECOND_RUNG
from .domain.ladders import ladders
from .domain.rules import rule_breaks
from .domain.spec import Equipment
from .services import program_request

MAX_SHOWN = 30


@dataclass
class Pick:
    exercise: object
    name: str
    pattern: str
    rung: int
    rungs: int
    equipment: str
    missing_equipment: str
    in_program: str = ""
    violations: list[str] = field(default_factory=list)
    excluded: bool = False
    """The filters exclude it (not only P2's one rung per ladder)."""

    @property
    def allowed(self) -> bool:
        return not self.violations


@dataclass
class Picked:
    picks: list[Pick]
    hidden_excluded: int
    more: int


def _words(text: str) -> str:
    return " ".join(text.casefold().split())


def _matches(words: list[str], *texts: str) -> bool:
    haystack = _words(" ".join(texts))
    return all(word in haystack for word in words)


def program_picks(
    program, items, library, *, search: str, show_excluded: bool, language: str
) -> Picked:
    """The library's exercises matching every word of `search` (name or movement pattern,
    in either language): allowed ones first, then those whose ladder the program holds (P2),
    then, when asked for, those the filters exclude; at most MAX_SHOWN."""
    request = program_request(program)
    in_program = {item.exercise.ladder: item.exercise.name(language) for item in items}
    library = list(library)
    specs = {exercise.stable_key: exercise.spec() for exercise in library}
    places = {
        spec.key: (number, len(rungs))
        for rungs in ladders(specs.values()).values()
        for number, spec in enumerate(rungs, start=1)
    }
    words = _words(search).split()
    found, hidden = [], 0
    for exercise in library:
        spec = specs[exercise.stable_key]
        pattern_words = (spec.pattern.label("da"), spec.pattern.label("en"))
        if not _matches(words, exercise.name_da, exercise.name_en, *pattern_words):
            continue
        breaks = rule_breaks(spec, request)
        if breaks and not show_excluded:
            hidden += 1
            continue
        excluded = bool(breaks)
        if exercise.ladder in in_program:
            breaks.append(SECOND_RUNG)
        rung, rungs = places[spec.key]
        found.append(
            Pick(
                exercise=exercise,
                name=exercise.name(language),
                pattern=spec.pattern.label(language),
                rung=rung,
                rungs=rungs,
                equipment=", ".join(Equipment(c).label(language) for c in sorted(spec.equipment)),
                missing_equipment=", ".join(
                    Equipment(c).label(language)
                    for c in sorted(spec.equipment - request.available_equipment)
                ),
                in_program=in_program.get(exercise.ladder, ""),
                violations=[v.message[language] for v in breaks],
                excluded=excluded,
            )
        )
    found.sort(key=lambda pick: (pick.excluded, not pick.allowed, pick.name.casefold()))
    return Picked(found[:MAX_SHOWN], hidden, max(0, len(found) - MAX_SHOWN))
