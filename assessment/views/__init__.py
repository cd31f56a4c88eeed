"""The assessment app's pages: patients and the worklist, assessments and their corrections,
the GP letter, and the clinic admin's GDPR pages."""

from .assessments import (
    assessment_create,
    assessment_detail,
    assessment_override,
    assessment_preview,
)
from .corrections import assessment_correct, assessment_void
from .events import adherence_edit, event_create
from .gdpr import gdpr_erase, gdpr_export, gdpr_patients
from .letters import gp_letter, gp_letter_pdf
from .patients import patient_archive, patient_create, patient_detail, patient_edit, patient_list

__all__ = [
    "adherence_edit",
    "event_create",
    "assessment_correct",
    "assessment_create",
    "assessment_detail",
    "assessment_override",
    "assessment_preview",
    "assessment_void",
    "gdpr_erase",
    "gdpr_export",
    "gdpr_patients",
    "gp_letter",
    "gp_letter_pdf",
    "patient_archive",
    "patient_create",
    "patient_detail",
    "patient_edit",
    "patient_list",
]
