"""The fridge sheet's week plan and dates, from the exercises' days a week (domain.md §10).

Choices where the spec is silent:
- Exercises are grouped as the patient does them: strength, impact, walking, balance, back and
  posture, pain relief; a group whose exercises are done on different numbers of days is split
  into one row per number of days. Techniques (log-roll, safe lifting) are not in the grid: they
  are done every time the situation comes up.
- Days are suggested on fixed weekdays with a rest day between strength days: 2 days Monday and
  Thursday, 3 days Monday, Wednesday and Friday, 4 days Monday, Tuesday, Thursday and Saturday,
  5 days Monday to Friday; the sheet says the days may be moved.
- A row's days are those of the first phase its exercises are done in; when a later phase has
  other days, the row says so ("weeks 9–12: 3 days").
- Minutes per session are the generator's per domain (weeks 1–4 and 9–12), in one cell beside
  all the rows of the domain (a domain's rows are next to each other).
- Week 5 and week 9 begin 28 and 56 days after the start date; without a reassessment date the
  sheet shows the start of week 13.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

WEEKDAYS = 7
DAYS_ON = {
    1: (0,),
    2: (0, 3),
    3: (0, 2, 4),
    4: (0, 1, 3, 5),
    5: (0, 1, 2, 3, 4),
    6: (0, 1, 2, 3, 4, 5),
    7: tuple(range(WEEKDAYS)),
}
GROUP_ORDER = ("strength", "impact", "walking", "balance", "back", "relief")
GROUP_DOMAIN = {
    "strength": "staerk",
    "impact": "staerk",
    "walking": "staerk",
    "balance": "stabil",
    "back": "strakt",
    "relief": "strakt",
}


@dataclass
class PlanRow:
    group: str
    days: int
    numbers: list[int] = field(default_factory=list)
    start_week: int = 1
    later: list[tuple[int, int]] = field(default_factory=list)
    minutes: tuple[int, int] | None = None
    span: int = 0  # on a domain's first row: how many rows its minutes cell spans

    @property
    def weekdays(self) -> list[bool]:
        on = DAYS_ON.get(self.days, DAYS_ON[7])
        return [day in on for day in range(WEEKDAYS)]

    @property
    def every_day(self) -> bool:
        return self.days >= WEEKDAYS

    @property
    def numbers_text(self) -> str:
        """The exercise numbers with runs joined: "1–5, 9"."""
        return number_ranges(self.numbers)


def number_ranges(numbers: list[int]) -> str:
    runs: list[list[int]] = []
    for number in sorted(numbers):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(
        str(run[0]) if len(run) == 1 else f"{run[0]}{'–' if len(run) > 2 else ', '}{run[-1]}"
        for run in runs
    )


def group_of(exercise: dict) -> str | None:
    """The plan group an exercise belongs to; None for a technique (done every time)."""
    kind, domain = exercise.get("kind"), exercise.get("domain")
    if kind == "technique" or (exercise.get("dose") or {}).get("technique"):
        return None
    if kind == "impact" and (exercise.get("start_week") or 1) > 1:
        return "impact"
    if kind == "walking":
        return "walking"
    if kind == "pain_relief":
        return "relief"
    return {"staerk": "strength", "stabil": "balance"}.get(domain, "back")


def plan_rows(exercises: list[dict], minutes_per_session: dict) -> list[PlanRow]:
    """One row per group and number of days, in the order the patient reads the week."""
    rows: dict[tuple[str, int, int], PlanRow] = {}
    for exercise in exercises:
        group = group_of(exercise)
        started = [p for p in exercise["phases"] if p["started"]]
        if group is None or not started:
            continue
        first = started[0]
        later = [(p["weeks"][0], p["days"]) for p in started[1:] if p["days"] != first["days"]]
        key = (group, first["days"], first["weeks"][0])
        row = rows.setdefault(key, PlanRow(group, first["days"], start_week=first["weeks"][0]))
        row.numbers.append(exercise["number"])
        for change in later:
            if change not in row.later:
                row.later.append(change)
    ordered = sorted(
        rows.values(), key=lambda r: (GROUP_ORDER.index(r.group), r.start_week, -r.days)
    )
    for domain in dict.fromkeys(GROUP_DOMAIN[row.group] for row in ordered):
        rows_of_domain = [row for row in ordered if GROUP_DOMAIN[row.group] == domain]
        first = rows_of_domain[0]
        first.span = len(rows_of_domain)
        minutes = minutes_per_session.get(domain)
        if minutes and len(minutes) == 2 and any(minutes):
            first.minutes = (int(minutes[0]), int(minutes[1]))
    return ordered


def plan_dates(start: date, reassessment: date | None) -> dict:
    """The calendar dates the fridge sheet names: weeks 1, 5 and 9 and the reassessment."""
    return {
        "week_1": start,
        "week_5": start + timedelta(days=28),
        "week_9": start + timedelta(days=56),
        "reassessment": reassessment,
        "week_13": start + timedelta(days=84),
    }
