"""Issued prescriptions (immutable snapshots, versioned per patient) and their handout PDFs."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from assessment.models import Patient, review_labels
from osteoactive.models import UUIDModel
from programs.models import Exercise, Program


class Prescription(UUIDModel):
    """A program as issued to a patient; `snapshot` holds everything the handout shows."""

    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="prescriptions")
    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="prescriptions")
    version = models.PositiveIntegerField()
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    issued_at = models.DateTimeField()
    start_date = models.DateField(
        _("start date"), help_text=_("Week 1 of the handout starts on this day.")
    )
    patient_note = models.TextField(
        _("note for the patient"),
        blank=True,
        max_length=600,
        help_text=_("Printed on the handout in the patient's language."),
    )
    snapshot = models.JSONField()
    superseded_at = models.DateTimeField(null=True, blank=True)
    # assessment.models.ReviewReason codes (§4b): set by the assessment services, never cleared.
    review_reasons = models.JSONField(default=list, blank=True)
    exercises = models.ManyToManyField(Exercise, related_name="prescriptions", blank=True)

    class Meta:
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(fields=["patient", "version"], name="one_version_number")
        ]

    def __str__(self):
        return f"{self.patient} v{self.version}"

    @property
    def is_superseded(self):
        return self.superseded_at is not None

    @property
    def review_labels(self):
        return review_labels(self.review_reasons)


class Handout(UUIDModel):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RENDERING = "rendering", _("Rendering")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    ACTIVE = (Status.QUEUED, Status.RENDERING)

    prescription = models.ForeignKey(
        Prescription, on_delete=models.CASCADE, related_name="handouts"
    )
    language = models.CharField(max_length=2, choices=Patient.Language.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.CharField(max_length=300, blank=True)
    file = models.FileField(upload_to="handouts/%Y/%m/", blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["prescription", "language"],
                condition=models.Q(status__in=["queued", "rendering"]),
                name="one_render_at_a_time",
            )
        ]

    def __str__(self):
        return f"{self.prescription} {self.language} {self.status}"
