"""Patients and their assessments; an assessment keeps its inputs and result as recorded."""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from osteoactive.domain.categories import CATEGORY_CHOICES
from osteoactive.models import Clinic, UUIDModel

from .domain.follow_up import next_reassessment_due
from .domain.result import RED_FLAG_WARNINGS


class ReviewReason(models.TextChoices):
    """Why a program or prescription is flagged for review (§4b). A flag stays on the row; the
    patient's current prescription stops being flagged when a new one is issued."""

    CATEGORY_CHANGED = "category_changed", _("Category changed: review")
    ASSESSMENT_CORRECTED = "assessment_corrected", _("Based on a corrected assessment: review")
    ASSESSMENT_VOIDED = "assessment_voided", _("Based on an assessment entered in error: review")


def review_labels(reasons) -> list[str]:
    """The labels of stored reason codes, in the active language."""
    labels = dict(ReviewReason.choices)
    return [str(labels.get(reason, reason)) for reason in reasons]


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
    # The worklist's columns, copied from the latest assessment in force and the current
    # prescription by the services that change them (assessment.services.worklist_refresh),
    # so the list is one query whatever the number of assessments behind it.
    latest_assessment_date = models.DateField(null=True, blank=True, editable=False)
    latest_category = models.CharField(
        max_length=40, choices=CATEGORY_CHOICES, blank=True, editable=False
    )
    latest_underlying_category = models.CharField(
        max_length=40, choices=CATEGORY_CHOICES, blank=True, editable=False
    )
    next_reassessment_due = models.DateField(null=True, blank=True, editable=False)
    red_flag = models.BooleanField(default=False, editable=False)
    prescription_review = models.JSONField(default=list, blank=True, editable=False)

    WORKLIST_FIELDS = (
        "latest_assessment_date",
        "latest_category",
        "latest_underlying_category",
        "next_reassessment_due",
        "red_flag",
        "prescription_review",
    )
    """The copied columns above, which `worklist_refresh` writes and the list reads."""

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
            # The worklist sorted by the next reassessment, and its due/overdue filters.
            models.Index(
                fields=["clinic", "next_reassessment_due", "last_name", "first_name", "id"],
                condition=models.Q(archived_at__isnull=True),
                name="patient_active_by_due",
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
    """One assessment: the inputs as recorded (domain.md §5 JSON), the suggestion, the choice.

    A saved assessment is a clinical record and never edited in place (§4b): a correction is a
    new version that `supersedes` this one, and "entered in error" voids it. Both stay readable
    in the history; neither counts as the patient's latest (selectors.in_force).
    """

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
    fes_i_total = models.PositiveSmallIntegerField(null=True, blank=True)
    # Versions: the first version has no `original`; every correction names the first one and
    # the version it replaces. SET_NULL only matters when a patient's data is erased as a whole.
    version = models.PositiveSmallIntegerField(default=1)
    original = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    supersedes = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="superseded_by"
    )
    correction_reason = models.TextField(_("reason for the correction"), blank=True)
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    superseded_at = models.DateTimeField(null=True, blank=True)
    voided_at = models.DateTimeField(null=True, blank=True)
    voided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    void_reason = models.TextField(_("why it was entered in error"), blank=True)

    class Meta:
        ordering = ["-assessment_date", "-created_at"]
        indexes = [models.Index(fields=["patient", "assessment_date"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(final_category=models.F("suggested_category"))
                | ~models.Q(override_reason=""),
                name="override_needs_reason",
            ),
            models.CheckConstraint(
                condition=models.Q(supersedes__isnull=True) | ~models.Q(correction_reason=""),
                name="correction_needs_reason",
            ),
            models.CheckConstraint(
                condition=models.Q(voided_at__isnull=True) | ~models.Q(void_reason=""),
                name="void_needs_reason",
            ),
        ]

    def __str__(self):
        return f"{self.patient} {self.assessment_date}"

    @property
    def is_overridden(self):
        return self.final_category != self.suggested_category

    @property
    def is_voided(self):
        return self.voided_at is not None

    @property
    def is_superseded(self):
        return self.superseded_at is not None

    @property
    def is_in_force(self):
        """Neither corrected by a later version nor entered in error."""
        return not self.is_voided and not self.is_superseded

    @property
    def has_history(self):
        """Whether other versions exist (this one is a correction, or was corrected)."""
        return self.original_id is not None or self.is_superseded

    @property
    def history_root_id(self):
        return self.original_id or self.pk

    @property
    def chosen_categories(self) -> dict:
        """The stored result with the physiotherapist's category in place of the suggestion,
        as follow_up.category_changed compares it."""
        return {**self.result, "category": self.final_category}

    @property
    def red_flags(self) -> list[str]:
        return [w for w in self.result.get("warnings", []) if w in RED_FLAG_WARNINGS]

    @property
    def next_reassessment_due(self):
        """§4b's date: stored in a DK-2026.2 result; for a DK-2026.1 result worked out from its
        stored acute phase end and warnings (it had no W6, so the same rule applies)."""
        stored = self.result.get("next_reassessment_due")
        if stored:
            return date.fromisoformat(stored)
        ends = self.result.get("acute_phase_ends")
        return next_reassessment_due(
            self.assessment_date,
            acute_phase_ends=date.fromisoformat(ends) if ends else None,
            warnings=self.result.get("warnings", ()),
        )


def has_qualifying_vertebral_fracture(inputs: dict) -> bool:
    """Whether the recorded inputs hold a low-energy vertebral fracture (domain.md §6, last rule)."""
    return any(
        fracture.get("site") == "vertebral" and fracture.get("low_energy")
        for fracture in inputs.get("fractures", [])
    )


class AssessmentDraft(UUIDModel):
    """What was typed into an assessment form whose Save arrived after the session had ended.

    Kept in the database like the assessment itself would be (never in a cookie or a URL),
    for the user named in the form's signed key, and given back when that user opens the same
    form again after signing in (assessment.drafts).
    """

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="+")
    path = models.CharField(max_length=200)
    data = models.JSONField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner", "path"], name="one_draft_per_form")]

    def __str__(self):
        return f"draft {self.path}"


class PatientEvent(UUIDModel):
    """A fall or a fracture reported between assessments. The next assessment pre-fills its
    falls in the last 12 months and its fractures from these (assessment.domain.events)."""

    class Kind(models.TextChoices):
        FALL = "fall", _("Fall")
        FRACTURE = "fracture", _("Fracture")

    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("event"), max_length=10, choices=Kind.choices)
    date = models.DateField(_("date"))
    injurious = models.BooleanField(_("injurious fall"), default=False)
    site = models.CharField(_("fracture site"), max_length=10, blank=True)
    low_energy = models.BooleanField(_("low-energy fracture"), default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-date", "-created_at"]

    def __str__(self):
        return f"{self.kind} {self.date}"


class Adherence(UUIDModel):
    """Home sessions done per week, from the log sheet returned at a reassessment."""

    assessment = models.OneToOneField(
        Assessment, on_delete=models.CASCADE, related_name="adherence"
    )
    planned_per_week = models.PositiveSmallIntegerField(_("planned sessions per week"))
    done_per_week = models.JSONField(_("sessions done per week"), default=list)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    def __str__(self):
        return f"{self.assessment_id}: {self.done_per_week}"

    @property
    def percent(self) -> int | None:
        planned = self.planned_per_week * len(self.done_per_week)
        if not planned:
            return None
        return round(100 * min(sum(self.done_per_week), planned) / planned)
