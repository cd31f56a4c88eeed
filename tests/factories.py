"""A factory for every model. Where a service makes the record, the factory goes through it, so a
test's data is data the app itself could have written: an assessment's result comes from the
real categoriser, a program from the generator, a prescription's snapshot from the issue.
"""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.utils import timezone

from assessment.domain.parsing import parse_assessment
from assessment.events import adherence_record, event_record
from assessment.models import Adherence, Assessment, Patient, PatientEvent
from assessment.services import assessment_create, patient_create
from osteoactive import audit
from osteoactive.models import AuditEvent, Clinic, Membership
from osteoactive.services import membership_grant, membership_update
from prescriptions.models import Handout, Prescription
from prescriptions.rendering import handout_mark_failed, handout_render
from prescriptions.services import handout_request, prescription_issue
from programs.models import (
    Attendance,
    Enrolment,
    Exercise,
    HiddenExercise,
    LiftLoad,
    Program,
    ProgramItem,
    ProgramTemplate,
    TrainingClass,
)
from programs.services import (
    exercise_save,
    exercise_toggle_hidden,
    heavy_lifts,
    lift_loads_record,
    program_generate,
    program_item_add,
    program_template_save,
)
from programs.services.classes import attendance_toggle, class_create, enrol
from tests.support.examples import category_inputs

PASSWORD = "Correct-horse-2026"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class ClinicFactory(factory.django.DjangoModelFactory):
    """No service creates clinics (the Django admin does), so this one saves the row."""

    class Meta:
        model = Clinic

    name = factory.Sequence(lambda n: f"Klinik {n}")
    address = "Testvej 1, 8000 Aarhus C"
    phone = "+45 11 22 33 44"


class MembershipFactory(factory.django.DjangoModelFactory):
    """Through `membership_grant`, as an accepted invitation gives the roles."""

    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    clinic = factory.SubFactory(ClinicFactory)
    is_physiotherapist = True
    is_clinic_admin = False
    is_active = True

    @classmethod
    def _create(cls, model_class, *, user, clinic, is_physiotherapist, is_clinic_admin, is_active):
        membership = membership_grant(
            user=user,
            clinic=clinic,
            is_physiotherapist=is_physiotherapist,
            is_clinic_admin=is_clinic_admin,
        )
        if not is_active:
            membership_update(
                membership=membership,
                is_physiotherapist=is_physiotherapist,
                is_clinic_admin=is_clinic_admin,
                is_active=False,
            )
        return membership


class AuditEventFactory(factory.django.DjangoModelFactory):
    """Through `osteoactive.audit.record`, with a request from `actor` at `address`."""

    class Meta:
        model = AuditEvent

    actor = factory.SubFactory(UserFactory)
    clinic = factory.SubFactory(ClinicFactory)
    action = AuditEvent.Action.VIEW
    obj = None
    patient = None
    address = "127.0.0.1"
    fields = ()
    summary = ""

    @classmethod
    def _create(cls, model_class, *, actor, address, **kwargs):
        request = RequestFactory().get("/", REMOTE_ADDR=address)
        request.user = actor or AnonymousUser()
        return audit.record(request, kwargs.pop("action"), kwargs.pop("obj"), **kwargs)


class PatientFactory(factory.django.DjangoModelFactory):
    """Through `patient_create`, which validates the row as the form's save does."""

    class Meta:
        model = Patient

    clinic = factory.SubFactory(ClinicFactory)
    first_name = "Karen"
    last_name = factory.Sequence(lambda n: f"Jensen {n}")
    birth_date = datetime.date(1950, 3, 2)
    sex = "female"

    @classmethod
    def _create(cls, model_class, *, clinic, **fields):
        return patient_create(clinic=clinic, **fields)


def _input(name):
    """One §5 input: the example inputs of the requested category (None: the plain ones)."""
    return factory.LazyAttribute(
        lambda o: category_inputs(o.category, _as_date(o.assessment_date))[name]
    )


def _as_date(value) -> datetime.date:
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)


def _json(value):
    """Dates to ISO strings, as the §5 JSON holds them."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _json(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_json(item) for item in value]
    return value


class AssessmentFactory(factory.django.DjangoModelFactory):
    """An assessment saved by `assessment_create`: the real categoriser produces its result.

    Every other keyword is a §5 input (`tug_seconds=12.5`, `fractures=[...]`, …) over inputs
    that give `category`, or hverdagsaktiv when no category is asked for. With a category the
    factory checks that the categoriser gave it, so a test cannot run on another one unnoticed.
    An input name the assessment does not store is refused (the parser would ignore it).
    """

    class Meta:
        model = Assessment

    patient = factory.SubFactory(PatientFactory)
    assessed_by = factory.LazyAttribute(lambda o: MembershipFactory(clinic=o.patient.clinic).user)
    category = None
    final_category = ""
    override_reason = ""
    notes = ""

    assessment_date = factory.LazyFunction(timezone.localdate)
    birth_date = factory.LazyAttribute(lambda o: o.patient.birth_date)
    sex = factory.LazyAttribute(lambda o: o.patient.sex)
    t_scores = _input("t_scores")
    fractures = _input("fractures")
    falls_last_12_months = _input("falls_last_12_months")
    injurious_fall = _input("injurious_fall")
    walking_aid = _input("walking_aid")
    needs_adl_help = _input("needs_adl_help")
    sedentary_due_to_disease = _input("sedentary_due_to_disease")
    regular_training = _input("regular_training")
    tug_seconds = _input("tug_seconds")
    tug_unable = _input("tug_unable")
    sts5_seconds = _input("sts5_seconds")
    sts5_unable = _input("sts5_unable")
    tandem_seconds = _input("tandem_seconds")
    tandem_max_seconds = _input("tandem_max_seconds")
    pain_nrs = _input("pain_nrs")
    risk_factors = _input("risk_factors")

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        raise TypeError("AssessmentFactory only creates: the categoriser's result is saved")

    @classmethod
    def _create(
        cls,
        model_class,
        *,
        patient,
        assessed_by,
        category,
        final_category,
        override_reason,
        notes,
        **inputs,
    ):
        data = _json(inputs)
        today = max(timezone.localdate(), _as_date(data["assessment_date"]))
        assessment = assessment_create(
            patient=patient,
            assessed_by=assessed_by,
            inputs=parse_assessment(data, today=today),
            final_category=final_category,
            override_reason=override_reason,
            notes=notes,
        )
        unknown = set(data) - set(assessment.inputs)
        if unknown:
            raise TypeError(f"not assessment inputs: {sorted(unknown)}")
        if category and assessment.suggested_category != category:
            raise AssertionError(
                f"the inputs give {assessment.suggested_category} "
                f"({' '.join(assessment.result['rules'])}), not {category}"
            )
        return assessment


class ExerciseFactory(factory.django.DjangoModelFactory):
    """A clinic's own exercise through `exercise_save`; safe and plain unless a test says
    otherwise. `clinic=None` makes a global one."""

    class Meta:
        model = Exercise

    clinic = factory.SubFactory(ClinicFactory)
    key = factory.Sequence(lambda n: f"own-exercise-{n}")
    name_da = factory.Sequence(lambda n: f"Egen øvelse {n}")
    name_en = factory.Sequence(lambda n: f"Own exercise {n}")
    instructions_da = "Stå rank\nLøft armene"
    instructions_en = "Stand tall\nLift your arms"
    safety_tip_da = "Stop ved smerter."
    safety_tip_en = "Stop if it hurts."
    domain = "staerk"
    kind = "strength"
    pattern = "carry"
    min_level = "daily"
    impact = "none"
    dose_type = "repetitions"
    default_dose = factory.LazyFunction(lambda: {"sets": 2, "reps": 10})
    # As an upload is stored: re-encoded as JPEG (osteoactive.uploads).
    illustration = factory.django.ImageField(
        filename="own-exercise.jpg", format="JPEG", width=40, height=30, color="white"
    )

    @classmethod
    def _create(cls, model_class, *, clinic, default_dose, **fields):
        return exercise_save(clinic=clinic, exercise=None, fields=fields, default_dose=default_dose)


class HiddenExerciseFactory(factory.django.DjangoModelFactory):
    """A global exercise hidden by a clinic, through `exercise_toggle_hidden`."""

    class Meta:
        model = HiddenExercise

    clinic = factory.SubFactory(ClinicFactory)
    exercise = factory.SubFactory(ExerciseFactory, clinic=None)

    @classmethod
    def _create(cls, model_class, *, clinic, exercise):
        if not exercise_toggle_hidden(clinic=clinic, exercise=exercise):
            raise ValueError(f"{exercise} was already hidden at {clinic}: now it is shown")
        return HiddenExercise.objects.get(clinic=clinic, exercise=exercise)


class ProgramFactory(factory.django.DjangoModelFactory):
    """A program from `program_generate` for an assessment. Its items come from the clinic's
    library: load it first (the `library` fixture), or the program is all unfilled slots."""

    class Meta:
        model = Program

    assessment = factory.SubFactory(AssessmentFactory)
    created_by = factory.LazyAttribute(lambda o: o.assessment.assessed_by)
    setting = "home"
    equipment = factory.LazyFunction(list)

    @classmethod
    def _create(cls, model_class, **kwargs):
        return program_generate(**kwargs)


class ProgramItemFactory(factory.django.DjangoModelFactory):
    """An exercise the physiotherapist adds by hand (`program_item_add`), safety rules it
    breaks confirmed."""

    class Meta:
        model = ProgramItem

    program = factory.SubFactory(ProgramFactory)
    exercise = factory.SubFactory(
        ExerciseFactory, clinic=factory.SelfAttribute("..program.assessment.patient.clinic")
    )
    confirmed = True

    @classmethod
    def _create(cls, model_class, **kwargs):
        return program_item_add(**kwargs)


class ProgramTemplateFactory(factory.django.DjangoModelFactory):
    """A clinic template saved from a program through `program_template_save`."""

    class Meta:
        model = ProgramTemplate

    program = factory.SubFactory(ProgramFactory)
    name = factory.Sequence(lambda n: f"Hold {n} for hverdagsaktive")
    created_by = factory.LazyAttribute(lambda o: o.program.created_by)

    @classmethod
    def _create(cls, model_class, **kwargs):
        return program_template_save(**kwargs)


def hirit_program(**assessment_fields) -> Program:
    """A supervised program for træningsaktiv with fall risk low and no warning: §7b applies,
    so it holds the heavy lifts whose loads are logged."""
    assessment = AssessmentFactory(category="traeningsaktiv", **assessment_fields)
    return ProgramFactory(assessment=assessment, setting="supervised")


class LiftLoadFactory(factory.django.DjangoModelFactory):
    """One lift's load in one session, logged through `lift_loads_record` on a HiRIT program
    (the first heavy lift unless `item` says which)."""

    class Meta:
        model = LiftLoad

    program = factory.LazyFunction(hirit_program)
    item = None
    session_date = factory.LazyFunction(timezone.localdate)
    kg = 40
    recorded_by = factory.LazyAttribute(lambda o: o.program.created_by)

    @classmethod
    def _create(cls, model_class, *, program, item, session_date, kg, recorded_by):
        if item is None:
            lifts = heavy_lifts(program, program.items.select_related("exercise"))
            if not lifts:
                raise ValueError("§7b does not apply to this program: no heavy lifts to log")
            item = lifts[0]
        (load,) = lift_loads_record(
            program=program, session_date=session_date, loads={item: kg}, recorded_by=recorded_by
        )
        return load


class PrescriptionFactory(factory.django.DjangoModelFactory):
    """A program issued through `prescription_issue`: the snapshot is frozen as at issue, and
    the handout in the patient's language is queued (rendered only when the test runs the
    on-commit callbacks)."""

    class Meta:
        model = Prescription

    program = factory.SubFactory(ProgramFactory)
    issued_by = factory.LazyAttribute(lambda o: o.program.created_by)

    @classmethod
    def _create(cls, model_class, **kwargs):
        return prescription_issue(**kwargs)


class HandoutFactory(factory.django.DjangoModelFactory):
    """A handout requested through `handout_request`; `status` failed marks it failed, ready
    renders it (a real PDF), queued leaves it waiting. A ready or waiting handout of the same
    language is returned as the service returns it."""

    class Meta:
        model = Handout

    prescription = factory.SubFactory(PrescriptionFactory)
    language = "da"
    requested_by = factory.LazyAttribute(lambda o: o.prescription.issued_by)
    status = Handout.Status.QUEUED
    error = "earlier attempt"

    @classmethod
    def _create(cls, model_class, *, status, error, **kwargs):
        handout, _created = handout_request(**kwargs)
        if status == Handout.Status.FAILED:
            handout_mark_failed(handout.pk, error)
        elif status == Handout.Status.READY:
            handout_render(handout.pk)
        elif status != Handout.Status.QUEUED:
            raise ValueError(f"a handout is made queued, ready or failed, not {status}")
        handout.refresh_from_db()
        return handout


class TrainingClassFactory(factory.django.DjangoModelFactory):
    """A class through `class_create`: its program generated for the target category (load the
    library first), its sessions from the schedule."""

    class Meta:
        model = TrainingClass

    clinic = factory.SubFactory(ClinicFactory)
    created_by = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Osteoporosehold {n}")
    weekdays = factory.LazyFunction(lambda: [0, 2, 4])
    start_time = datetime.time(10, 0)
    start_date = factory.LazyFunction(timezone.localdate)
    weeks = 26
    capacity = 250
    target_category = "hverdagsaktiv_med_hensyn"

    @classmethod
    def _create(cls, model_class, **kwargs):
        return class_create(**kwargs)


class EnrolmentFactory(factory.django.DjangoModelFactory):
    """A patient of the class's clinic enrolled through `enrol`."""

    class Meta:
        model = Enrolment

    training_class = factory.SubFactory(TrainingClassFactory)
    patient = factory.SubFactory(
        PatientFactory, clinic=factory.SelfAttribute("..training_class.clinic")
    )
    enrolled_by = factory.LazyAttribute(lambda o: o.training_class.created_by)
    on = factory.LazyAttribute(lambda o: o.training_class.start_date)

    @classmethod
    def _create(cls, model_class, **kwargs):
        return enrol(**kwargs)


class AttendanceFactory(factory.django.DjangoModelFactory):
    """A participant registered present at the class's first session (`attendance_toggle`)."""

    class Meta:
        model = Attendance

    enrolment = factory.SubFactory(EnrolmentFactory)
    session = factory.LazyAttribute(lambda o: o.enrolment.training_class.sessions.first())
    recorded_by = factory.LazyAttribute(lambda o: o.enrolment.enrolled_by)

    @classmethod
    def _create(cls, model_class, **kwargs):
        return attendance_toggle(**kwargs)


class PatientEventFactory(factory.django.DjangoModelFactory):
    """A fall (or, with kind="fracture" and a site, a fracture) through `event_record`."""

    class Meta:
        model = PatientEvent

    patient = factory.SubFactory(PatientFactory)
    recorded_by = factory.SubFactory(UserFactory)
    kind = "fall"
    day = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=10))
    today = factory.LazyFunction(timezone.localdate)

    @classmethod
    def _create(cls, model_class, **kwargs):
        return event_record(**kwargs)


class AdherenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Adherence

    assessment = factory.SubFactory(AssessmentFactory)
    recorded_by = factory.LazyAttribute(lambda o: o.assessment.assessed_by)
    planned_per_week = 3
    done_per_week = factory.LazyFunction(lambda: [3, 2, 3, 3])

    @classmethod
    def _create(cls, model_class, **kwargs):
        return adherence_record(**kwargs)
