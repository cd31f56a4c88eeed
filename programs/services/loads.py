"""The HiRIT load log (domain.md §7b): the kg of each heavy lift in each supervised session."""

from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from osteoactive.errors import ServiceError

from ..domain.dosing import family_name
from ..models import LiftLoad, Program, ProgramItem
from .programs import program_request


def heavy_lifts(program: Program, items) -> list[ProgramItem]:
    """The program's items whose load is logged: the §7b lifts (the heavy dose family), and
    only where §7b applies to the program (supervised træningsaktiv, fall risk low, …)."""
    request = program_request(program)
    if not request.hirit:
        return []
    category = request.planned_category
    return [item for item in items if family_name(item.exercise.spec(), category) == "heavy"]


@transaction.atomic
def lift_loads_record(
    *, program: Program, session_date, loads: dict[ProgramItem, Decimal | None], recorded_by
) -> list[LiftLoad]:
    """One session's loads; a lift already logged on that day is corrected, not doubled."""
    lifts = {item.id for item in heavy_lifts(program, program.items.select_related("exercise"))}
    if not lifts or any(item.id not in lifts for item in loads):
        raise ServiceError(_("This program has no heavy lifts to log."), code="not_hirit")
    saved = []
    for item, kg in loads.items():
        if kg is None:
            continue
        load, _created = LiftLoad.objects.update_or_create(
            program=program,
            exercise=item.exercise,
            session_date=session_date,
            defaults={"kg": kg, "item": item, "recorded_by": recorded_by},
        )
        load.full_clean()
        saved.append(load)
    if not saved:
        raise ServiceError(_("Enter the load of at least one lift."), code="no_load")
    return saved
