"""The demo clinic that `seed_demo` creates; every step leaves existing rows as they are."""

from datetime import date, time, timedelta

from django.contrib.auth import get_user_model

from osteoactive.models import Clinic, Membership
from osteoactive.services import account_create, clinic_create, membership_grant
from programs.library import load_default_library
from programs.models import Exercise

DEMO_CLINIC = "Demo Fysioterapi"
DEMO_CLINIC_DETAILS = {
    "address": "Knoglevej 1, 8000 Aarhus C",
    "phone": "+45 12 34 56 78",
    "contact_line": "Skriv til os via sundhed.dk",
    "contact_line_en": "Write to us via sundhed.dk",
    "opening_hours": "Hverdage kl. 8–15",
    "opening_hours_en": "Weekdays 8 am–3 pm",
    "handout_footer": "Demo Fysioterapi · Knoglevej 1 · 8000 Aarhus C",
    "handout_footer_en": "Demo Physiotherapy · Knoglevej 1 · 8000 Aarhus C, Denmark",
}
DEMO_NOTES = {
    # A note for the patient, printed on the handout in the patient's language.
    "Karen": "Gå en lille tur hver time, og brug rullen ud af sengen hver gang.",
    "Poul": "Træn balance ved køkkenbordet med rollatoren parkeret og bremset.",
    "Margaret": "Bring your log to your next appointment.",
}
DEMO_USERS = (
    # username, password, first name, last name, physiotherapist, clinic admin
    ("fysio", "Fysio-demo-2026", "Freja", "Fysioterapeut", True, False),
    ("klinikadmin", "Admin-demo-2026", "Anders", "Klinikleder", False, True),
)


def seed_library() -> None:
    """The default library, if no global exercise is there yet: the demo programs need it."""
    if not Exercise.objects.filter(clinic__isnull=True).exists():
        load_default_library()


def seed_clinic():
    clinic = Clinic.objects.filter(name=DEMO_CLINIC).first() or clinic_create(
        name=DEMO_CLINIC, **DEMO_CLINIC_DETAILS
    )
    users = {}
    for username, password, first, last, is_physio, is_admin in DEMO_USERS:
        membership = Membership.objects.filter(clinic=clinic, user__username=username).first()
        if membership is None:
            user = get_user_model().objects.filter(username=username).first() or account_create(
                username=username, first_name=first, last_name=last, email="", password=password
            )
            membership = membership_grant(
                user=user, clinic=clinic, is_physiotherapist=is_physio, is_clinic_admin=is_admin
            )
        users[username] = membership.user
    return clinic, users


def _demo_patients(today):
    """One patient per category and one whose warnings suggest a letter to the GP, with a
    follow-up history that fills the worklist: a reassessment that changed the category, an
    overdue patient, one due this week, a red flag. Dates are relative to today, so the acute
    phase stays acute and the due dates stay due. Each visit is (days ago, changed inputs);
    the first visit's program is issued."""

    def years_ago(years, month=3, day=2):
        return date(today.year - years, month, day).isoformat()

    recent = (today - timedelta(days=60)).isoformat()
    base = {"sex": "female", "walking_aid": "none", "tandem_max_seconds": 30}
    due_this_week = 84 - min(2, 6 - today.weekday())
    return [
        ("Karen", "Østergaard", "da", {**base, "birth_date": years_ago(76),
            "t_scores": {"lumbar_spine": -2.8, "total_hip": -2.2},
            "fractures": [{"site": "vertebral", "date": recent, "low_energy": True}],
            "tug_seconds": 14.2, "sts5_seconds": 16.0, "tandem_seconds": 6.0, "pain_nrs": 5,
            "falls_last_12_months": 1, "risk_factors": ["glucocorticoids"],
            "height_cm": 158.0, "weight_kg": 54.5, "medication": "bisphosphonate"},
            [(0, {})]),
        ("Poul", "Mæhl", "da", {**base, "sex": "male", "birth_date": years_ago(84),
            "walking_aid": "rollator", "needs_adl_help": True, "t_scores": {"femoral_neck": -2.9},
            "tug_seconds": 24.5, "sts5_unable": True, "tandem_seconds": 3.0, "pain_nrs": 3,
            "falls_last_12_months": 2, "height_cm": 171.0, "weight_kg": 68.0},
            [(100, {})]),
        ("Grethe", "Søndergård", "da", {**base, "birth_date": years_ago(71),
            "t_scores": {"lumbar_spine": -3.3, "femoral_neck": -2.4}, "dxa_scan_date": recent,
            "tug_seconds": 10.5, "sts5_seconds": 12.0, "tandem_seconds": 30.0, "pain_nrs": 2,
            "falls_last_12_months": 0, "risk_factors": ["early_menopause"],
            "height_cm": 162.0, "weight_kg": 61.0, "fes_i_short": [1, 2, 1, 2, 2, 2, 1]},
            [(84, {"dxa_scan_date": None, "tug_seconds": 12.6, "sts5_seconds": 13.1,
                   "tandem_seconds": 8.5, "fes_i_short": [2, 2, 2, 3, 2, 3, 2]}),
             (0, {"regular_training": True})]),
        ("Birthe", "Holm", "da", {**base, "birth_date": years_ago(68),
            "t_scores": {"lumbar_spine": -2.6}, "tug_seconds": 9.8, "sts5_seconds": 11.0,
            "tandem_seconds": 25.0, "pain_nrs": 1, "falls_last_12_months": 0,
            "height_cm": 166.0, "weight_kg": 70.0},
            [(due_this_week, {})]),
        ("Margaret", "Wilson", "en", {**base, "birth_date": years_ago(66),
            "t_scores": {"total_hip": -2.7}, "regular_training": True,
            "fractures": [{"site": "hip", "date": years_ago(3, 5, 10), "low_energy": True}],
            "tug_seconds": 8.1, "sts5_seconds": 9.9, "tandem_seconds": 30.0, "pain_nrs": 1,
            "falls_last_12_months": 1, "height_cm": 164.0, "weight_kg": 59.0,
            "height_loss_cm": 4.5, "occiput_wall_cm": 3.0},
            [(0, {})]),
        ("Lone", "Frandsen", "da", {**base, "birth_date": years_ago(62),
            "t_scores": {"lumbar_spine": -2.7, "forearm": -1.9}, "regular_training": True,
            "tug_seconds": 7.2, "sts5_seconds": 8.5, "tandem_seconds": 30.0, "pain_nrs": 0,
            "falls_last_12_months": 0, "height_cm": 170.0, "weight_kg": 64.0,
            "fes_i_short": [1, 1, 1, 1, 2, 1, 1]},
            [(120, {"tug_seconds": 8.6, "sts5_seconds": 11.4, "tandem_seconds": 18.0,
                    "fes_i_short": [2, 2, 1, 2, 2, 2, 1]}),
             (36, {})]),
        ("Inger", "Dahl", "da", {**base, "birth_date": years_ago(69),
            "t_scores": {"lumbar_spine": -1.8, "femoral_neck": -1.6},
            "fractures": [{"site": "wrist", "date": years_ago(2, 1, 20), "low_energy": True},
                          {"site": "rib", "date": years_ago(1, 6, 3), "low_energy": True}],
            "tug_seconds": 9.1, "sts5_seconds": 11.2, "tandem_seconds": 30.0, "pain_nrs": 1,
            "falls_last_12_months": 1, "risk_factors": ["parent_hip_fracture", "smoking"],
            "height_cm": 160.0, "weight_kg": 52.0},
            [(0, {})]),
    ]  # fmt: skip


ISSUED = 6
"""The first six demo patients get a program and an issued handout; Inger Dahl's letter to
her GP comes first."""


def seed_patients(clinic, physiotherapist, *, today):
    """Demo patients with their visits; the first visit of each of the first `ISSUED` gets a
    program and an issued, rendered handout."""
    from assessment.domain.parsing import parse_assessment
    from assessment.models import Patient
    from assessment.selectors import latest_assessment
    from assessment.services import assessment_create, patient_create
    from prescriptions.rendering import handout_render
    from prescriptions.services import prescription_issue
    from programs.services import program_generate

    seeded = []
    for number, (first, last, language, inputs, visits) in enumerate(_demo_patients(today)):
        patient = Patient.objects.filter(clinic=clinic, first_name=first, last_name=last).first()
        if patient is None:
            patient = patient_create(
                clinic=clinic,
                first_name=first,
                last_name=last,
                birth_date=date.fromisoformat(inputs["birth_date"]),
                sex=inputs["sex"],
                handout_language=language,
            )
        if not patient.assessments.exists():
            for visit, (days_ago, changes) in enumerate(visits):
                day = today - timedelta(days=days_ago)
                data = {**inputs, **changes, "assessment_date": day.isoformat()}
                parsed = parse_assessment(
                    {k: v for k, v in data.items() if v is not None}, today=day
                )
                assessment = assessment_create(
                    patient=patient, assessed_by=physiotherapist, inputs=parsed
                )
                if visit == 0 and number < ISSUED:
                    program = program_generate(
                        assessment=assessment,
                        created_by=physiotherapist,
                        setting="home",
                        equipment=["band", "dumbbells"],
                    )
                    prescription_issue(
                        program=program,
                        issued_by=physiotherapist,
                        start_date=day,
                        patient_note=DEMO_NOTES.get(first, ""),
                    )
        for prescription in patient.prescriptions.all():
            for handout in prescription.handouts.exclude(status="ready"):
                handout_render(handout.id)
        seeded.append((patient, latest_assessment(patient).final_category))
    return seeded


DEMO_CLASS = "Osteoporosehold mandag, onsdag, fredag"


def seed_class(clinic, physiotherapist, patients, *, today):
    """A 26-week class three times a week that started eight weeks ago, with every demo patient
    enrolled, attendance taken at its past sessions (one participant away for the last three)
    and one fall reported."""
    from assessment.events import event_record
    from programs.models import TrainingClass
    from programs.services.classes import attendance_toggle, class_create, enrol

    existing = TrainingClass.objects.filter(clinic=clinic, name=DEMO_CLASS).first()
    if existing is not None:
        return existing
    start = today - timedelta(weeks=8)
    start -= timedelta(days=start.weekday())
    training_class = class_create(
        clinic=clinic,
        created_by=physiotherapist,
        name=DEMO_CLASS,
        weekdays=[0, 2, 4],
        start_time=time(10, 0),
        start_date=start,
        weeks=26,
        capacity=12,
        place="Træningssalen",
        instructors=[physiotherapist],
        target_category="hverdagsaktiv_med_hensyn",
    )
    enrolments = [
        enrol(training_class=training_class, patient=p, enrolled_by=physiotherapist, on=start)
        for p, _category in patients
    ]
    past = list(training_class.sessions.filter(date__lt=today))
    for number, session in enumerate(past):
        for index, enrolment in enumerate(enrolments):
            away = (index + number) % 5 == 0 or (index == 1 and number >= len(past) - 3)
            if not away:
                attendance_toggle(session=session, enrolment=enrolment, recorded_by=physiotherapist)
    if enrolments:
        event_record(
            patient=enrolments[0].patient,
            recorded_by=physiotherapist,
            kind="fall",
            day=today - timedelta(days=12),
            today=today,
        )
    return training_class
