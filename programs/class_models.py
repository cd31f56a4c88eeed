"""Group training (holdtræning): a class runs one class program for a number of weeks, on set
weekdays; its sessions are generated from that schedule, patients are enrolled, and attendance
is registered per session. Each participant's exercises are the class program adapted to their
own latest assessment (programs.domain.class_sheet), never stored: they follow the assessment.

Foreign keys name their models by string, so this module needs nothing from programs.models."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from osteoactive.domain.categories import CATEGORY_CHOICES
from osteoactive.models import UUIDModel

from .domain.classes import MAX_WEEKS
from .fields import load_kg_field


class TrainingClass(UUIDModel):
    """A class (hold): when and where it meets, for how long, and what it trains."""

    clinic = models.ForeignKey(
        "osteoactive.Clinic", on_delete=models.PROTECT, related_name="training_classes"
    )
    name = models.CharField(_("name"), max_length=120)
    instructors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="classes_instructed"
    )
    weekdays = models.JSONField(_("weekdays"), default=list)
    start_time = models.TimeField(_("time"))
    start_date = models.DateField(_("start date"))
    weeks = models.PositiveSmallIntegerField(
        _("length in weeks"),
        default=26,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_WEEKS)],
    )
    capacity = models.PositiveSmallIntegerField(
        _("capacity"), default=12, validators=[MinValueValidator(1), MaxValueValidator(300)]
    )
    place = models.CharField(_("place"), max_length=120, blank=True)
    target_category = models.CharField(max_length=40, choices=CATEGORY_CHOICES, blank=True)
    template_name = models.CharField(max_length=120, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-start_date", "name", "id"]

    def __str__(self):
        return self.name


class ClassExercise(models.Model):
    """One exercise of the class program, with its three phases as a program item has them."""

    training_class = models.ForeignKey(
        TrainingClass, on_delete=models.CASCADE, related_name="exercises"
    )
    exercise = models.ForeignKey("programs.Exercise", on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField(default=0)
    domain = models.CharField(max_length=10)
    days_per_week = models.PositiveSmallIntegerField(default=2)
    phases = models.JSONField(default=list)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self):
        return f"{self.training_class}: {self.exercise}"


class ClassSession(UUIDModel):
    """One meeting of the class; cancelled or moved sessions keep their row."""

    training_class = models.ForeignKey(
        TrainingClass, on_delete=models.CASCADE, related_name="sessions"
    )
    number = models.PositiveSmallIntegerField()
    week = models.PositiveSmallIntegerField()
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("time"))
    cancelled = models.BooleanField(_("cancelled"), default=False)
    moved_from = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["date", "start_time", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["training_class", "number"], name="one_session_number_per_class"
            )
        ]

    def __str__(self):
        return f"{self.training_class} #{self.number} {self.date}"


class Enrolment(UUIDModel):
    """A patient in a class, from the day they were enrolled."""

    training_class = models.ForeignKey(
        TrainingClass, on_delete=models.CASCADE, related_name="enrolments"
    )
    patient = models.ForeignKey(
        "assessment.Patient", on_delete=models.CASCADE, related_name="enrolments"
    )
    enrolled_on = models.DateField(_("enrolled on"))
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["enrolled_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["training_class", "patient"], name="enrolled_once_per_class"
            )
        ]

    def __str__(self):
        return f"{self.training_class}: {self.patient_id}"


class Attendance(models.Model):
    """Whether one participant came to one session (a second tap changes it)."""

    session = models.ForeignKey(ClassSession, on_delete=models.CASCADE, related_name="attendance")
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="attendance")
    present = models.BooleanField(default=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "enrolment"], name="one_attendance_row")
        ]

    def __str__(self):
        return f"{self.session}: {self.enrolment_id} {self.present}"


class ClassLiftLoad(models.Model):
    """The load (kg) of one heavy lift for one participant in one class session (§7b)."""

    session = models.ForeignKey(ClassSession, on_delete=models.CASCADE, related_name="lift_loads")
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="lift_loads")
    exercise = models.ForeignKey("programs.Exercise", on_delete=models.PROTECT, related_name="+")
    kg = load_kg_field()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["session", "enrolment", "exercise"], name="one_class_load_per_lift"
            )
        ]

    def __str__(self):
        return f"{self.session}: {self.exercise_id} {self.kg} kg"
