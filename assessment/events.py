"""Writes of what happens between assessments: falls and fractures as reported, and the
adherence read from a returned log sheet at a reassessment."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from osteoactive.errors import ServiceError

from .domain.events import Event
from .domain.vocabulary import FractureSite
from .models import Adherence, Assessment, Patient, PatientEvent

MAX_WEEKS_LOGGED = 26
MAX_PER_WEEK = 14


@transaction.atomic
def event_record(
    *,
    patient: Patient,
    recorded_by,
    kind: str,
    day: date,
    today: date,
    injurious: bool = False,
    site: str = "",
    low_energy: bool = False,
) -> PatientEvent:
    if day > today:
        raise ServiceError(_("The date cannot be in the future."), code="future")
    if day < patient.birth_date:
        raise ServiceError(_("The date cannot be before the birth date."), code="before_birth")
    if kind == PatientEvent.Kind.FRACTURE:
        if site not in {s.value for s in FractureSite}:
            raise ServiceError(_("Choose the fracture site."), code="site")
        injurious = False
    elif kind == PatientEvent.Kind.FALL:
        site, low_energy = "", False
    else:
        raise ServiceError(_("Choose fall or fracture."), code="kind")
    return PatientEvent.objects.create(
        patient=patient,
        recorded_by=recorded_by,
        kind=kind,
        date=day,
        injurious=injurious,
        site=site,
        low_energy=low_energy,
    )


@transaction.atomic
def adherence_record(
    *, assessment: Assessment, recorded_by, planned_per_week: int, done_per_week: list[int]
) -> Adherence:
    """The sessions done in each week since the previous assessment; entered again, replaced."""
    if not 1 <= planned_per_week <= MAX_PER_WEEK:
        raise ServiceError(_("Planned sessions per week must be 1–14."), code="planned")
    if not 1 <= len(done_per_week) <= MAX_WEEKS_LOGGED:
        raise ServiceError(_("Give the sessions done for 1–26 weeks."), code="weeks")
    if any(not 0 <= n <= MAX_PER_WEEK for n in done_per_week):
        raise ServiceError(_("Sessions done per week must be 0–14."), code="done")
    row, _created = Adherence.objects.update_or_create(
        assessment=assessment,
        defaults={
            "planned_per_week": planned_per_week,
            "done_per_week": list(done_per_week),
            "recorded_by": recorded_by,
        },
    )
    return row


def as_events(rows) -> list[Event]:
    """Stored events as the pure readers take them."""
    return [Event(r.kind, r.date, r.injurious, r.site, r.low_energy) for r in rows]
