"""Falls and fractures reported between assessments, as the next assessment reads them.

- Falls in the last 12 months: the recorded falls dated after the same calendar day one year
  before the assessment (29 February → 28 February) and not after it; an injurious one among
  them sets the injurious-fall answer. Nothing is pre-filled when no fall is recorded in that
  window: a count of 0 is only ever typed, never assumed.
- Fractures: every recorded fracture dated on or before the assessment that the carried-forward
  list does not hold already (same site and date) is added, with its low-energy answer. A new
  low-energy vertebral or hip fracture then makes the categoriser decide the acute phase (A1),
  as for any fracture typed in.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

FALL = "fall"
FRACTURE = "fracture"


@dataclass(frozen=True)
class Event:
    kind: str
    date: date
    injurious: bool = False
    site: str = ""
    low_energy: bool = False


def year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def falls_last_12_months(events: Iterable[Event], on: date) -> tuple[int, bool] | None:
    """(count, any injurious) of the recorded falls in the 12 months up to `on`, or None."""
    since = year_before(on)
    falls = [e for e in events if e.kind == FALL and since < e.date <= on]
    if not falls:
        return None
    return len(falls), any(e.injurious for e in falls)


def fractures_to_add(events: Iterable[Event], existing: Sequence[dict], on: date) -> list[dict]:
    """Recorded fractures the form's fracture rows lack, oldest first, as form rows."""
    have = {(row["site"], row["date"]) for row in existing}
    rows = []
    for e in sorted(
        (e for e in events if e.kind == FRACTURE and e.date <= on), key=lambda e: e.date
    ):
        if e.site and (e.site, e.date) not in have:
            have.add((e.site, e.date))
            rows.append({"site": e.site, "date": e.date, "low_energy": e.low_energy})
    return rows
