"""Patients and their assessments; an assessment keeps its inputs and result as recorded."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from osteoactive.domain.categories import CATEGORY_CHOICES
from osteoactive.models import Clinic, UUIDModel


class Patient(UUIDModel):
    class Sex(models.TextChoices):
        FEMALE = "female", _("Female")
        MALE = "male", _("Male")
        OTHER = "other", _("Other")

    class Language(models.TextChoices):
        DANISH = "da", "Dansk"
        ENGLISH = "en", "English"

    clinic = models.ForeignKey(Clinic, on_delete=models.PROTECT, related_name="patients")
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    birth_date = models.DateField(_("birth date"))
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices)
    cpr = models.CharField(_("CPR number"), max_length=11, blank=True)
    handout_language = models.CharField(
        _("handout language"), max_length=2, choices=Language.choices, default=Language.DANISH
    )
    contact_notes = models.TextField(_("contact notes"), blank=True, max_length=2000)
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)

    class Meta:
        ordering = ["last_name", "first_name"]
        indexes = [
            models.Index(fields=["clinic", "archived_at", "last_name", "first_name"]),
            models.Index(fields=["clinic", "cpr"]),
            # The patient list: a clinic's active patients in the selector's order, 25 at a
            # time. Partial, because PostgreSQL does not treat `archived_at IS NULL` as an
            # equality, so the index above cannot return rows in name order and every page
            # sorted all the clinic's patients (bench/RESULTS.md).
            models.Index(
                fields=["clinic", "last_name", "first_name", "id"],
                condition=models.Q(archived_at__isnull=True),
                name="patient_active_by_name",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["clinic", "cpr"],
                condition=~models.Q(cpr=""),
                name="cpr_unique_in_clinic",
            )
        ]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}"

    @property
    def masked_cpr(self):
        return f"{self.cpr[:6]}-XXXX" if self.cpr else ""


class Assessment(UUIDModel):
    """One assessment: the inputs as recorded (domain.md §5 JSON), the suggestion, the choice."""

    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="assessments")
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    assessment_date = models.DateField(_("assessment date"))
    inputs = models.JSONField()
    result = models.JSONField()
    result_details = models.JSONField(default=dict, blank=True)
    ruleset = models.CharField(max_length=20)
    suggested_category = models.CharField(max_length=40, choices=CATEGORY_CHOICES)
    final_category = models.CharField(max_length=40, choices=CATEGORY_CHOICES)
    override_reason = models.TextField(_("reason for choosing another category"), blank=True)
    notes = models.TextField(_("clinical notes"), blank=True, max_length=5000)
    # Copies of the figures the progress charts read, so charts need no JSON parsing.
    t_min = models.DecimalField(max_digits=3, decimal_places=1, null=True, blank=True)
    tug_seconds = models.DecimalField(max_digits=4, decimal_places=1, null=True, blank=True)
    sts5_seconds = models.DecimalField(max_digits=4, decimal_places=1, null=True, blank=True)
    tandem_seconds = models.DecimalField(max_digits=4, decimal_places=1, null=True, blank=True)

    class Meta:
        ordering = ["-assessment_date", "-created_at"]
        indexes = [models.Index(fields=["patient", "assessment_date"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(final_category=models.F("suggested_category"))
                | ~models.Q(override_reason=""),
                name="override_needs_reason",
            )
        ]

    def __str__(self):
        return f"{self.patient} {self.assessment_date}"

    @property
    def is_overridden(self):
        return self.final_category != self.suggested_category


def has_qualifying_vertebral_fracture(inputs: dict) -> bool:
    """Whether the recorded inputs hold a low-energy vertebral fracture (domain.md §6, last rule)."""
    return any(
        fracture.get("site") == "vertebral" and fracture.get("low_energy")
        for fracture in inputs.get("fractures", [])
    )
