"""The patient and assessment forms."""

from .assessment import (
    AssessmentForm,
    CategoryChoiceForm,
    CorrectionForm,
    FractureFormSet,
    VoidForm,
)
from .carry_forward import FES_I_FIELDS, REMOVABLE, T_SCORE_FIELDS
from .patient import PatientForm, PatientSearchForm

__all__ = [
    "FES_I_FIELDS",
    "REMOVABLE",
    "T_SCORE_FIELDS",
    "AssessmentForm",
    "CategoryChoiceForm",
    "CorrectionForm",
    "FractureFormSet",
    "PatientForm",
    "PatientSearchForm",
    "VoidForm",
]
