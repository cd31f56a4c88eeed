"""A clinic with a physiotherapist and many patients, fast: bulk inserts plus a few real ones.

A handful of patients get real assessments (through `assessment.services`, so inputs, result and
chart figures are what the app stores), real programs and a prescription issued from each
program (its handout renders in-process when the seed commits); the bulk of the assessed
patients get copies of those assessments, inserted with `bulk_create`. Needs a configured
Django and the exercise library (`load_library`) for the programs.
"""

import random
from dataclasses import dataclass, field
from datetime import date, time, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction

from assessment.domain.parsing import parse_assessment
from assessment.models import Assessment, Patient
from assessment.services import assessment_create
from osteoactive.models import Clinic, Membership
from prescriptions.demo import _demo_patients
from prescriptions.services import prescription_issue
from programs.services import program_generate
from programs.services.classes import attendance_toggle, class_create, enrol

USERNAME = "bench-fysio"
FIRST_NAMES = (
    "Karen", "Inger", "Kirsten", "Hanne", "Lone", "Birthe", "Grethe", "Bente", "Susanne",
    "Annette", "Jytte", "Ruth", "Else", "Lis", "Poul", "Jens", "Niels", "Bent", "Ole", "Erik",
    "Henning", "Finn", "Jørgen", "Søren", "Aase", "Øjvind", "Åse",
)  # fmt: skip
LAST_NAMES = (
    "Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
    "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen",
    "Christiansen", "Poulsen", "Johansen", "Møller", "Mortensen", "Østergaard", "Ærø", "Holm",
    "Frandsen", "Søndergård", "Mæhl", "Bjerg", "Lund", "Dahl", "Kjær",
)  # fmt: skip
# Assessed patients: every ASSESSED_EVERY-th patient has assessments.
ASSESSED_EVERY = 5
CLASS_PARTICIPANTS = 30


@dataclass
class Dataset:
    username: str
    password: str
    clinic_id: object
    user_id: object
    assessed_patient_ids: list = field(default_factory=list)  # real assessments, several each
    assessment_ids: list = field(default_factory=list)  # the real ones, newest per patient last
    program_ids: list = field(default_factory=list)
    prescription_ids: list = field(default_factory=list)  # one issued from each program
    class_session_ids: list = field(default_factory=list)  # sessions of a class of 30
    patients: int = 0

    @property
    def user(self):
        return get_user_model().objects.get(pk=self.user_id)

    @property
    def clinic(self):
        return Clinic.objects.get(pk=self.clinic_id)


def _patient(clinic, rng, index):
    born = date(1935, 1, 1) + timedelta(days=rng.randrange(30 * 365))
    return Patient(
        clinic=clinic,
        first_name=rng.choice(FIRST_NAMES),
        last_name=f"{rng.choice(LAST_NAMES)}",
        birth_date=born,
        sex=rng.choice(("female", "female", "female", "male")),
        cpr=f"{born:%d%m%y}-{index:04d}",
        handout_language=rng.choice(("da", "da", "da", "en")),
    )


def _real_assessments(patient, user, today, count, number):
    """`count` assessments four months apart, through the service (as the form saves them)."""
    made = []
    for step in range(count):
        day = today - timedelta(days=120 * (count - 1 - step))
        templates = _demo_patients(day)  # fracture dates are relative to the assessment day
        inputs = templates[(number + step) % len(templates)][3]
        inputs = {
            **inputs,
            "birth_date": patient.birth_date.isoformat(),
            "sex": patient.sex,
            "assessment_date": day.isoformat(),
            "tug_seconds": round(8 + (step * 1.7 + number / 10) % 9, 1),
        }
        parsed = parse_assessment(inputs, today=day)
        made.append(assessment_create(patient=patient, assessed_by=user, inputs=parsed))
    return made


def _copies(templates, patients, user, rng):
    for patient in patients:
        for step in range(rng.randint(1, 3)):
            template = rng.choice(templates)
            yield Assessment(
                patient=patient,
                assessed_by=user,
                assessment_date=template.assessment_date - timedelta(days=150 * step),
                **{
                    name: getattr(template, name)
                    for name in ("inputs", "result", "result_details", "ruleset",
                                 "suggested_category", "final_category", "override_reason",
                                 "notes", "t_min", "tug_seconds", "sts5_seconds", "tandem_seconds")
                },
            )  # fmt: skip


@transaction.atomic
def seed(*, patients: int, password: str, real_assessed=12, per_patient=3, programs=6, seed=2026):
    """A new clinic, its physiotherapist and `patients` patients; returns the `Dataset`."""
    rng = random.Random(seed)
    today = date.today()
    clinic = Clinic.objects.create(
        name="Bench Fysioterapi",
        address="Knoglevej 1, 8000 Aarhus C",
        phone="+45 12 34 56 78",
        contact_line="Ring hverdage kl. 8–15",
        handout_footer="Bench Fysioterapi · Knoglevej 1 · 8000 Aarhus C",
    )
    user = get_user_model()(username=USERNAME, first_name="Freja", last_name="Fysioterapeut")
    user.set_password(password)
    user.save()
    Membership.objects.create(user=user, clinic=clinic, is_physiotherapist=True)
    data = Dataset(USERNAME, password, clinic.pk, user.pk)
    created = Patient.objects.bulk_create(
        [_patient(clinic, rng, index) for index in range(patients)], batch_size=2000
    )
    data.patients = patients
    real = created[:real_assessed]
    templates = []
    for number, patient in enumerate(real):
        made = _real_assessments(patient, user, today, per_patient, number)
        templates.extend(made)
        data.assessed_patient_ids.append(patient.pk)
        data.assessment_ids.append(made[-1].pk)
    for assessment in [a for a in templates if a.assessment_date == today][:programs]:
        program = program_generate(
            assessment=assessment, created_by=user, setting="home", equipment=["band", "dumbbells"]
        )
        data.program_ids.append(program.pk)
        data.prescription_ids.append(prescription_issue(program=program, issued_by=user).pk)
    rest = created[real_assessed:][::ASSESSED_EVERY]
    Assessment.objects.bulk_create(_copies(templates, rest, user, rng), batch_size=2000)
    _class(data, clinic, user, real + rest, today)
    return data


def _class(data, clinic, user, assessed, today, participants=CLASS_PARTICIPANTS):
    """A 26-week class three times a week with `participants` assessed patients, attendance
    taken at its first sessions."""
    training_class = class_create(
        clinic=clinic, created_by=user, name="Bench hold", weekdays=[0, 2, 4],
        start_time=time(10), start_date=today - timedelta(weeks=2), weeks=26, capacity=50,
        target_category="hverdagsaktiv_med_hensyn",
    )  # fmt: skip
    enrolments = [
        enrol(training_class=training_class, patient=p, enrolled_by=user, on=today)
        for p in assessed[:participants]
    ]
    sessions = list(training_class.sessions.all())
    for session in sessions[:5]:
        for number, enrolment in enumerate(enrolments):
            if number % 4:
                attendance_toggle(session=session, enrolment=enrolment, recorded_by=user)
    data.class_session_ids = [s.pk for s in sessions[:6]]


@transaction.atomic
def grow(data: Dataset, *, patients: int, seed=2027):
    """Adds patients (and copied assessments for every fifth) until the clinic has `patients`."""
    rng = random.Random(seed)
    clinic, user = data.clinic, data.user
    templates = list(Assessment.objects.filter(pk__in=data.assessment_ids))
    created = Patient.objects.bulk_create(
        [_patient(clinic, rng, index) for index in range(data.patients, patients)],
        batch_size=2000,
    )
    Assessment.objects.bulk_create(
        _copies(templates, created[::ASSESSED_EVERY], user, rng), batch_size=2000
    )
    data.patients = patients
    return data
