"""The GDPR export: everything about one patient as a zip (a read; erasure is a service)."""

import io
import json
import zipfile

from django.core.serializers.json import DjangoJSONEncoder

from osteoactive.models import AuditEvent

from .models import Adherence

PATIENT_FIELDS = [
    "id", "first_name", "last_name", "birth_date", "sex", "cpr", "handout_language",
    "contact_notes", "archived_at", "created_at", "updated_at",
]  # fmt: skip


def _row(obj, fields):
    return {name: getattr(obj, name) for name in fields}


def patient_export(patient) -> bytes:
    """A zip with patient.json (all records) and the handout PDFs."""
    assessments = list(patient.assessments.order_by("assessment_date"))
    programs = [
        p
        for a in assessments
        for p in a.programs.prefetch_related("items__exercise", "lift_loads__exercise")
    ]
    prescriptions = list(patient.prescriptions.prefetch_related("handouts").order_by("version"))
    data = {
        "patient": _row(patient, PATIENT_FIELDS),
        "clinic": patient.clinic.name,
        "assessments": [
            _row(a, ["id", "assessment_date", "inputs", "result", "ruleset", "suggested_category",
                     "final_category", "override_reason", "notes", "created_at", "version",
                     "supersedes_id", "correction_reason", "superseded_at", "voided_at",
                     "void_reason"])
            for a in assessments
        ],
        "programs": [
            {
                **_row(p, ["id", "category", "setting", "equipment", "created_at"]),
                "assessment": p.assessment_id,
                "items": [
                    {"exercise": i.exercise.name_en, "dose": i.dose,
                     "days_per_week": i.days_per_week, "added_by_hand": i.added_by_hand}
                    for i in p.items.all()
                ],
                "lift_loads": [
                    {"date": load.session_date, "exercise": load.exercise.name_en, "kg": load.kg}
                    for load in p.lift_loads.all()
                ],
            }
            for p in programs
        ],
        "prescriptions": [
            _row(p, ["id", "version", "issued_at", "superseded_at", "review_reasons", "snapshot"])
            for p in prescriptions
        ],
        "events": list(
            patient.events.order_by("date").values(
                "kind", "date", "injurious", "site", "low_energy", "created_at"
            )
        ),
        "adherence": list(
            Adherence.objects.filter(assessment__patient=patient).values(
                "assessment_id", "planned_per_week", "done_per_week"
            )
        ),
        "classes": [
            {
                "class": e.training_class.name,
                "enrolled_on": e.enrolled_on,
                "attendance": list(
                    e.attendance.order_by("session__date").values("session__date", "present")
                ),
            }
            for e in patient.enrolments.select_related("training_class")
        ],
        "access_log": list(
            AuditEvent.objects.filter(patient_id=patient.id)
            .order_by("at")
            .values("at", "actor_username", "action", "object_type", "address")
        ),
    }  # fmt: skip
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "patient.json", json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        )
        for prescription in prescriptions:
            for handout in prescription.handouts.all():
                if handout.file:
                    with handout.file.open("rb") as pdf:
                        name = (
                            f"handouts/v{prescription.version}-{handout.language}-{handout.id}.pdf"
                        )
                        archive.writestr(name, pdf.read())
    return buffer.getvalue()
