"""What the program editor warns about (issue 13): a domain holding fewer exercises than its §7
minimum, and a §7a P1 pattern that no exercise covers.

The minimum of a domain is the lower end of its §7 range for the planned category (Stabil at
least 3 with fall-prevention focus), but never more than the generator itself plans for this
patient: where P5, P7, P8 or P13 take items out of Stærk, the generator's count is the minimum,
so a freshly generated program never warns about what the rules removed on purpose. Items count
in the domain they are listed under; a pattern counts in any domain (§7, the note under the
table), a seated squat only where P5 rules standing out (§6).
"""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from osteoactive.domain.categories import Category
from osteoactive.domain.vocabulary import Domain

from .request import ProgramRequest
from .slots import FALL_FOCUS_MIN_BALANCE, P1_PATTERNS, program_slots
from .spec import ExerciseSpec, Pattern, Position

S, B, R = Domain.STAERK, Domain.STABIL, Domain.STRAKT
TABLE_MINIMUM: dict[Category, dict[Domain, int]] = {
    Category.AKUTFASE: {S: 3, B: 1, R: 3},
    Category.FUNKTIONSBEGRAENSET: {S: 4, B: 2, R: 2},
    Category.HVERDAGSAKTIV_MED_HENSYN: {S: 6, B: 3, R: 2},
    Category.HVERDAGSAKTIV: {S: 7, B: 3, R: 2},
    Category.TRAENINGSAKTIV_MED_HENSYN: {S: 7, B: 3, R: 2},
    Category.TRAENINGSAKTIV: {S: 8, B: 3, R: 2},
}
"""The lower ends of the §7 table's ranges (the Stærk counts include walking and impact)."""


@dataclass(frozen=True)
class DomainShortfall:
    domain: Domain
    count: int
    minimum: int


@dataclass(frozen=True)
class Shortfalls:
    domains: tuple[DomainShortfall, ...]
    patterns: tuple[frozenset[Pattern], ...]

    def __bool__(self) -> bool:
        return bool(self.domains or self.patterns)


def domain_minimums(request: ProgramRequest) -> dict[Domain, int]:
    planned = Counter(slot.domain for slot in program_slots(request))
    table = TABLE_MINIMUM[request.planned_category]
    minimums = {}
    for domain in Domain:
        minimum = table[domain]
        if domain is B and request.fall_prevention_focus:
            minimum = max(minimum, FALL_FOCUS_MIN_BALANCE)
        minimums[domain] = min(minimum, planned[domain])
    return minimums


def uncovered_patterns(
    specs: Iterable[ExerciseSpec], request: ProgramRequest
) -> tuple[frozenset[Pattern], ...]:
    """§7a P1's pattern groups that none of the exercises covers."""
    covered = {
        spec.pattern
        for spec in specs
        if request.wheelchair
        or not (spec.pattern is Pattern.SQUAT and spec.position is Position.SEATED)
    }
    return tuple(g for g in P1_PATTERNS[request.planned_category] if not g & covered)


def shortfalls(
    entries: Sequence[tuple[Domain, ExerciseSpec]], request: ProgramRequest
) -> Shortfalls:
    """The domains below their minimum and the P1 patterns not covered, for (domain, exercise)
    pairs as the program lists them."""
    counts = Counter(domain for domain, _spec in entries)
    domains = tuple(
        DomainShortfall(domain, counts[domain], minimum)
        for domain, minimum in domain_minimums(request).items()
        if counts[domain] < minimum
    )
    return Shortfalls(domains, uncovered_patterns((spec for _d, spec in entries), request))
