"""The patient and assessment forms."""

from .assessment import AssessmentForm, CorrectionForm, FractureFormSet, VoidForm
from .carry_forward import FES_I_FIELDS, REMOVABLE, T_SCORE_FIELDS
from .patient import PatientForm

__all__ = [
    "FES_I_FIELDS",
    "REMOVABLE",
    "T_SCORE_FIELDS",
    "AssessmentForm",
    "CorrectionForm",
    "FractureFormSet",
    "PatientForm",
    "VoidForm",
]
