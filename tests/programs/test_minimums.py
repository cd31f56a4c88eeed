"""The editor's warnings: a domain below its §7 minimum, a §7a P1 pattern not covered."""

from collections import Counter

import pytest

from osteoactive.domain.categories import Category
from osteoactive.domain.vocabulary import Domain
from programs.domain.generation import generate_program
from programs.domain.minimums import TABLE_MINIMUM, domain_minimums, shortfalls
from programs.domain.request import ProgramRequest
from programs.domain.spec import Pattern, Position
from tests.programs.exercises import BY_KEY, LIBRARY

pytestmark = pytest.mark.pure

C = Category
S, B, R = Domain.STAERK, Domain.STABIL, Domain.STRAKT


def entries(program):
    return [(item.domain, item.exercise) for item in program.items]


@pytest.mark.parametrize("category", list(Category))
@pytest.mark.parametrize("setting", ["home", "supervised"])
@pytest.mark.parametrize(
    "kw",
    [{}, {"fall_prevention_focus": True}, {"walking_aid": "wheelchair"}, {"warnings": {"W4"}}],
    ids=["plain", "fall-focus", "wheelchair", "pain"],
)
def test_a_generated_program_warns_only_about_what_it_lists_as_unfilled(category, setting, kw):
    """The minimums never ask for more than the generator plans for the patient: a fresh
    program falls short only by the slots the library could not fill (for a wheelchair user,
    the impact slots of the active categories)."""
    kw = {**kw, "warnings": frozenset(kw.get("warnings", ()))}
    request = ProgramRequest(category, setting=setting, **kw)
    program = generate_program(request, LIBRARY)
    found = shortfalls(entries(program), request)
    unfilled = Counter(u.slot.domain for u in program.unfilled)
    for short in found.domains:
        assert short.minimum - short.count <= unfilled[short.domain]
    unfilled_patterns = {p for u in program.unfilled for p in u.slot.patterns}
    assert all(group & unfilled_patterns for group in found.patterns)
    if not program.unfilled:
        assert not found


@pytest.mark.parametrize(
    ("category", "kw", "expected"),
    [
        (C.HVERDAGSAKTIV, {}, {S: 7, B: 3, R: 2}),
        (C.AKUTFASE, {}, {S: 3, B: 1, R: 3}),  # §7's lower ends, below the generator's 2 and 4
        (C.FUNKTIONSBEGRAENSET, {"fall_prevention_focus": True}, {S: 4, B: 3, R: 2}),
        (C.HVERDAGSAKTIV, {"warnings": frozenset({"W4"})}, {S: 5, B: 3, R: 2}),  # P8: no impact
        (C.HVERDAGSAKTIV, {"fall_risk": "high"}, {S: 6, B: 3, R: 2}),  # P7: brisk walking
        (C.TRAENINGSAKTIV_MED_HENSYN, {"walking_aid": "wheelchair"}, {S: 6, B: 3, R: 2}),  # P5
    ],
)
def test_domain_minimums(category, kw, expected):
    assert domain_minimums(ProgramRequest(category, **kw)) == expected


def test_the_table_minimums_are_the_lower_ends_of_section_7():
    assert TABLE_MINIMUM[C.TRAENINGSAKTIV] == {S: 8, B: 3, R: 2}
    assert TABLE_MINIMUM[C.HVERDAGSAKTIV_MED_HENSYN] == {S: 6, B: 3, R: 2}


def test_removing_the_pull_and_a_balance_exercise_falls_short():
    request = ProgramRequest(C.HVERDAGSAKTIV)
    program = generate_program(request, LIBRARY)
    pull = next(i for i in program.items if i.exercise.pattern is Pattern.PULL)
    balance = next(i for i in program.items if i.domain is B)
    left = [(i.domain, i.exercise) for i in program.items if i not in (pull, balance)]
    found = shortfalls(left, request)
    assert [(s.domain, s.count, s.minimum) for s in found.domains] == [(S, 6, 7), (B, 2, 3)]
    assert found.patterns == (frozenset({Pattern.PULL}),)


def test_a_pattern_counts_in_any_domain_and_a_seated_squat_only_for_a_wheelchair_user():
    hinge_drill = next(s for s in LIBRARY if s.pattern is Pattern.HINGE and s.domain is R)
    seated = next(
        s for s in LIBRARY if s.pattern is Pattern.SQUAT and s.position is Position.SEATED
    )
    rest = [BY_KEY["wall-push-up"], BY_KEY["band-row"]]
    specs = [(R, hinge_drill), (S, seated), *((S, s) for s in rest)]
    standing = shortfalls(specs, ProgramRequest(C.HVERDAGSAKTIV_MED_HENSYN))
    assert standing.patterns == (frozenset({Pattern.SQUAT}),)
    wheelchair = ProgramRequest(C.HVERDAGSAKTIV_MED_HENSYN, walking_aid="wheelchair")
    assert shortfalls(specs, wheelchair).patterns == ()
