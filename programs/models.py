"""The exercise library (global and clinic-owned) and the programs built from it."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from assessment.models import Assessment, review_labels
from osteoactive.domain.categories import CATEGORY_CHOICES
from osteoactive.domain.languages import in_language
from osteoactive.domain.vocabulary import Domain, Level
from osteoactive.models import Clinic, UUIDModel

from .domain.spec import (
    DEFAULT_PRIORITY,
    DoseType,
    ExerciseSpec,
    Impact,
    Kind,
    Pattern,
    Position,
    dose_from_json,
)
from .fields import load_kg_field


def choices(enum):
    return [(member.value, member.value) for member in enum]


class Exercise(UUIDModel):
    """One exercise. `clinic` is empty for the global library shipped with the app."""

    clinic = models.ForeignKey(
        Clinic, null=True, blank=True, on_delete=models.CASCADE, related_name="exercises"
    )
    key = models.SlugField(_("key"), max_length=80)
    name_da = models.CharField(_("name (Danish)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    instructions_da = models.TextField(
        _("instructions (Danish)"), help_text=_("One step per line.")
    )
    instructions_en = models.TextField(
        _("instructions (English)"), help_text=_("One step per line.")
    )
    safety_tip_da = models.TextField(_("safety tip (Danish)"), max_length=500)
    safety_tip_en = models.TextField(_("safety tip (English)"), max_length=500)
    domain = models.CharField(_("domain"), max_length=10, choices=choices(Domain))
    secondary_domain = models.CharField(
        _("secondary domain"), max_length=10, choices=choices(Domain), blank=True
    )
    kind = models.CharField(_("kind"), max_length=20, choices=choices(Kind))
    pattern = models.CharField(_("movement pattern"), max_length=20, choices=choices(Pattern))
    variant_group = models.SlugField(
        _("ladder"),
        max_length=80,
        blank=True,
        help_text=_("Empty: the exercise is a ladder of its own."),
    )
    rung = models.PositiveSmallIntegerField(
        _("rung"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text=_("1 is the easiest version of the movement."),
    )
    position = models.CharField(
        _("position"), max_length=10, choices=choices(Position), default=Position.STANDING.value
    )
    min_level = models.CharField(_("minimum function level"), max_length=10, choices=choices(Level))
    impact = models.CharField(_("impact level"), max_length=10, choices=choices(Impact))
    loaded_spinal_flexion = models.BooleanField(
        _("loaded spinal flexion or rotation"), default=False
    )
    needs_supervision = models.BooleanField(_("needs supervision"), default=False)
    equipment = models.JSONField(_("equipment"), default=list, blank=True)
    dose_type = models.CharField(_("dose type"), max_length=20, choices=choices(DoseType))
    default_dose = models.JSONField(_("default dose"), default=dict)
    illustration = models.FileField(_("illustration"), upload_to="exercises/")
    illustration_alt_da = models.CharField(
        _("description of the drawing (Danish)"),
        max_length=300,
        blank=True,
        help_text=_("What the drawing shows, for readers who cannot see it: start and end."),
    )
    illustration_alt_en = models.CharField(
        _("description of the drawing (English)"), max_length=300, blank=True
    )
    priority = models.PositiveSmallIntegerField(
        _("priority"),
        default=DEFAULT_PRIORITY,
        validators=[MinValueValidator(1), MaxValueValidator(99)],
        help_text=_("Lower comes first among equally suitable exercises (1–99)."),
    )
    library_version = models.CharField(max_length=20, blank=True)

    class Meta:
        ordering = ["name_da"]
        constraints = [
            models.UniqueConstraint(
                fields=["key"], condition=models.Q(clinic__isnull=True), name="global_exercise_key"
            ),
            models.UniqueConstraint(fields=["clinic", "key"], name="clinic_exercise_key"),
        ]

    def __str__(self):
        return self.name_da

    def name(self, language):
        return in_language({"da": self.name_da, "en": self.name_en}, language)

    def instructions(self, language):
        return list(_steps(self.instructions_en if language == "en" else self.instructions_da))

    def safety_tip(self, language):
        return in_language({"da": self.safety_tip_da, "en": self.safety_tip_en}, language)

    def illustration_alt(self, language):
        return self.spec().illustration_alt(language)

    @property
    def is_global(self):
        return self.clinic_id is None

    @property
    def stable_key(self):
        """Unique across the global library and every clinic's own exercises."""
        return self.key if self.is_global else f"clinic-{self.clinic_id}-{self.key}"

    @property
    def ladder(self):
        """The ladder's name: its `variant_group`, or the exercise's own key when it has none."""
        return self.variant_group or self.stable_key

    def spec(self) -> ExerciseSpec:
        """The exercise as the generator, the safety filters and the snapshot read it."""
        return ExerciseSpec(
            key=self.stable_key,
            name_da=self.name_da,
            name_en=self.name_en,
            instructions_da=_steps(self.instructions_da),
            instructions_en=_steps(self.instructions_en),
            safety_tip_da=self.safety_tip_da,
            safety_tip_en=self.safety_tip_en,
            illustration_alt_da=self.illustration_alt_da,
            illustration_alt_en=self.illustration_alt_en,
            domain=Domain(self.domain),
            secondary_domain=Domain(self.secondary_domain) if self.secondary_domain else None,
            kind=Kind(self.kind),
            pattern=Pattern(self.pattern),
            variant_group=self.ladder,
            rung=self.rung,
            position=Position(self.position),
            min_level=Level(self.min_level),
            impact=Impact(self.impact),
            loaded_spinal_flexion=self.loaded_spinal_flexion,
            needs_supervision=self.needs_supervision,
            equipment=frozenset(self.equipment),
            dose_type=DoseType(self.dose_type),
            default_dose=dose_from_json(self.default_dose),
            priority=self.priority,
        )


def _steps(text: str) -> tuple[str, ...]:
    """Instructions are stored one step per line."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())


class HiddenExercise(models.Model):
    """A global exercise a clinic has chosen not to use."""

    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="hidden_exercises")
    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="hidden_by")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["clinic", "exercise"], name="hide_once")]

    def __str__(self):
        return f"{self.exercise} hidden at {self.clinic}"


class Program(UUIDModel):
    """A program that the physiotherapist adjusts before issuing it: generated, made from a
    clinic template, or continued from the patient's previous program at a reassessment."""

    class Setting(models.TextChoices):
        HOME = "home", _("Home")
        GYM = "gym", _("Gym")
        SUPERVISED = "supervised", _("Supervised (physiotherapist present)")

    class Origin(models.TextChoices):
        GENERATED = "generated", _("Generated")
        TEMPLATE = "template", _("From a clinic template")
        CONTINUED = "continued", _("Continued from the previous program")

    assessment = models.ForeignKey(Assessment, on_delete=models.PROTECT, related_name="programs")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    category = models.CharField(max_length=40, choices=CATEGORY_CHOICES)
    fall_prevention_focus = models.BooleanField(default=False)
    qualifying_vertebral_fracture = models.BooleanField(default=False)
    setting = models.CharField(_("setting"), max_length=12, choices=Setting.choices)
    equipment = models.JSONField(_("equipment"), default=list, blank=True)
    planned_from = models.CharField(max_length=40, choices=CATEGORY_CHOICES, blank=True)
    valid_until = models.DateField(null=True, blank=True)
    minutes_per_session = models.JSONField(default=dict, blank=True)
    unfilled = models.JSONField(default=list, blank=True)
    notes = models.JSONField(default=list, blank=True)
    # assessment.models.ReviewReason codes: the assessment was corrected or voided (§4b).
    review_reasons = models.JSONField(default=list, blank=True)
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.GENERATED)
    continued_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="continuations"
    )
    template = models.ForeignKey(
        "ProgramTemplate",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="programs",
    )
    template_name = models.CharField(
        max_length=120, blank=True, help_text="The template's name when it was applied."
    )
    changes = models.JSONField(
        default=list,
        blank=True,
        help_text="What the template's re-filter or the continuation changed, and why.",
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.assessment} program"

    @property
    def review_labels(self):
        return review_labels(self.review_reasons)

    @property
    def patient(self):
        return self.assessment.patient


class ProgramItem(UUIDModel):
    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="items")
    exercise = models.ForeignKey(Exercise, on_delete=models.PROTECT, related_name="program_items")
    position = models.PositiveSmallIntegerField(default=0)
    domain = models.CharField(max_length=10, choices=choices(Domain))
    slot = models.CharField(max_length=40, blank=True)
    slot_label = models.JSONField(default=dict, blank=True)
    dose = models.JSONField(default=dict)
    days_per_week = models.PositiveSmallIntegerField(default=2)
    phases = models.JSONField(default=list)
    start_week = models.PositiveSmallIntegerField(default=1)
    progression = models.JSONField(
        null=True, blank=True, help_text="The next harder rung the rules allow (§5 attributes)."
    )
    regression = models.JSONField(
        null=True, blank=True, help_text="The next easier rung the rules allow (§5 attributes)."
    )
    reason = models.JSONField(default=dict, blank=True)
    added_by_hand = models.BooleanField(default=False)
    confirmed_violations = models.JSONField(
        default=list, blank=True, help_text="Safety rules the physiotherapist confirmed overriding."
    )
    edited_phases = models.JSONField(
        default=list,
        blank=True,
        help_text="The phases (0, 1, 2) whose dose the physiotherapist set by hand; the others "
        "follow the first phase's dose.",
    )

    class Meta:
        ordering = ["position"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(days_per_week__gte=1, days_per_week__lte=7),
                name="days_per_week_1_to_7",
            )
        ]


class ProgramTemplate(UUIDModel):
    """A program a clinic keeps under a name, to apply to other patients. It holds exercises
    and doses only: nothing about the patient whose program it was saved from."""

    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="program_templates")
    name = models.CharField(_("name"), max_length=120)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    category = models.CharField(max_length=40, choices=CATEGORY_CHOICES)
    setting = models.CharField(max_length=12, choices=Program.Setting.choices)
    equipment = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(Lower("name"), "clinic", name="template_name_once_in_clinic")
        ]

    def __str__(self):
        return self.name


class ProgramTemplateItem(models.Model):
    """One exercise of a template, as it stood in the program it was saved from."""

    template = models.ForeignKey(ProgramTemplate, on_delete=models.CASCADE, related_name="items")
    exercise = models.ForeignKey(Exercise, on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField(default=0)
    domain = models.CharField(max_length=10, choices=choices(Domain))
    slot = models.CharField(max_length=40, blank=True)
    dose = models.JSONField(default=dict)
    days_per_week = models.PositiveSmallIntegerField(default=2)
    phases = models.JSONField(default=list)
    reason = models.JSONField(default=dict, blank=True)
    added_by_hand = models.BooleanField(default=False)
    edited_phases = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self):
        return f"{self.template}: {self.exercise}"


class LiftLoad(UUIDModel):
    """The load (kg) of one heavy lift in one supervised HiRIT session (domain.md §7b)."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="lift_loads")
    item = models.ForeignKey(
        ProgramItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="lift_loads"
    )
    exercise = models.ForeignKey(Exercise, on_delete=models.PROTECT, related_name="+")
    session_date = models.DateField(_("session date"))
    kg = load_kg_field()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-session_date", "exercise_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["program", "exercise", "session_date"], name="one_load_per_lift_and_day"
            )
        ]

    def __str__(self):
        return f"{self.exercise} {self.session_date}: {self.kg} kg"


# Group training lives in its own module; importing it here registers its models.
from .class_models import (  # noqa: E402
    Attendance,
    ClassExercise,
    ClassLiftLoad,
    ClassSession,
    Enrolment,
    TrainingClass,
)

__all__ = [
    "Attendance",
    "ClassExercise",
    "ClassLiftLoad",
    "ClassSession",
    "Enrolment",
    "Exercise",
    "HiddenExercise",
    "LiftLoad",
    "Program",
    "ProgramItem",
    "ProgramTemplate",
    "ProgramTemplateItem",
    "TrainingClass",
    "choices",
]
