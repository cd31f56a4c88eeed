import datetime

import factory
from django.contrib.auth import get_user_model

from osteoactive.models import Clinic, Membership

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
    class Meta:
        model = Clinic

    name = factory.Sequence(lambda n: f"Klinik {n}")
    address = "Testvej 1, 8000 Aarhus C"
    phone = "+45 11 22 33 44"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    clinic = factory.SubFactory(ClinicFactory)
    is_physiotherapist = True
    is_clinic_admin = False


class PatientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "assessment.Patient"

    clinic = factory.SubFactory(ClinicFactory)
    first_name = "Karen"
    last_name = factory.Sequence(lambda n: f"Jensen {n}")
    birth_date = datetime.date(1950, 3, 2)
    sex = "female"


class ExerciseFactory(factory.django.DjangoModelFactory):
    """A clinic's own exercise; safe and plain unless a test says otherwise."""

    class Meta:
        model = "programs.Exercise"

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
    illustration = "exercises/none.svg"
