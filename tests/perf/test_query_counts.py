"""Queries per page: pinned, and the same with few or many rows behind the page (no N+1).

Each count is of the second request of a session, so it includes what every page pays: the
session and the user (the memberships come from the cache after the first request), and the
audit row of the pages that record a view.
"""

import uuid
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from assessment.domain.parsing import parse_assessment
from assessment.services import assessment_create
from prescriptions.models import Handout
from prescriptions.rendering import handout_mark_failed, handouts_shown_anew
from prescriptions.services import prescription_issue
from programs.models import Exercise
from programs.services import (
    heavy_lifts,
    lift_loads_record,
    program_generate,
    program_item_move,
)
from tests.factories import (
    AssessmentFactory,
    HandoutFactory,
    HiddenExerciseFactory,
    MembershipFactory,
    PatientFactory,
    ProgramFactory,
    ProgramTemplateFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

# The pinned numbers: a change that adds a query to one of these pages must change them here.
# The library counts the SAVEPOINT and RELEASE of its request's transaction (ATOMIC_REQUESTS);
# the other pages only read and record the view, and run without one.
PATIENT_LIST = 3
PATIENT_DETAIL = 8  # with the events and the classes between assessments
ASSESSMENT_RESULT = 6  # with the program a reassessment continues, read anew
ASSESSMENT_RESULT_CACHED = 4  # the program list, summary and program to continue from the cache
PROGRAM = 6  # the first view after a change: the editor and the issued versions rendered
PROGRAM_CACHED = 4  # both from the cache: neither the items nor the versions read
PROGRAM_HIRIT = 6  # the HiRIT load log reads the items and the loads on every view
PICKER = 6
PRESCRIPTION = 6
PRESCRIPTION_RENDERING = 5  # what the snapshot shows from the cache; a handout queued: read
PRESCRIPTION_CACHED = 4  # the handouts panel from the cache too: neither handouts nor snapshot
LIBRARY = 5


@pytest.fixture
def count(physio_client, django_assert_max_num_queries):
    """Queries of one GET (the second of the session), at most `pinned`."""

    def measure(url, pinned):
        physio_client.get(url)
        with django_assert_max_num_queries(pinned) as captured:
            response = physio_client.get(url)
        assert response.status_code == 200, url
        return len(captured)

    return measure


def assess(patient, physio, days_ago=0, tug=9.5):
    day = timezone.localdate() - timedelta(days=days_ago)
    inputs = {
        "assessment_date": day.isoformat(),
        "birth_date": patient.birth_date.isoformat(),
        "sex": patient.sex,
        "t_scores": {"lumbar_spine": -2.7, "femoral_neck": -2.1},
        "tug_seconds": tug,
        "sts5_seconds": 11.0,
        "tandem_seconds": 30.0,
        "tandem_max_seconds": 30,
        "walking_aid": "none",
        "falls_last_12_months": 0,
        "pain_nrs": 1,
    }
    return assessment_create(
        patient=patient, assessed_by=physio, inputs=parse_assessment(inputs, today=day)
    )


def generate(assessment, physio):
    return program_generate(
        assessment=assessment, created_by=physio, setting="home", equipment=["band", "dumbbells"]
    )


def test_patient_list(count, clinic, physio):
    """The worklist's columns (category, last assessment, next due, flags) come from the
    patient rows: the same queries with 10 or 60 patients, with or without assessments behind
    them, whatever the filter and order."""
    PatientFactory.create_batch(10, clinic=clinic)
    few = count(reverse("assessment:patient_list"), PATIENT_LIST)
    for patient in PatientFactory.create_batch(50, clinic=clinic):
        assess(patient, physio, days_ago=100)
        assess(patient, physio, days_ago=10, tug=14.0)
    many = count(reverse("assessment:patient_list"), PATIENT_LIST)
    filtered = count(reverse("assessment:patient_list") + "?show=overdue&order=due", PATIENT_LIST)
    assert few == many == filtered == PATIENT_LIST


def test_patient_detail_with_assessments_and_prescriptions(count, patient, physio, library):
    url = reverse("assessment:patient_detail", args=[patient.id])
    first = assess(patient, physio, days_ago=400)
    prescription_issue(program=generate(first, physio), issued_by=physio)
    few = count(url, PATIENT_DETAIL)
    for n in range(1, 12):
        assess(patient, physio, days_ago=400 - 30 * n, tug=9.5 + n / 10)
    for _ in range(3):
        prescription_issue(program=generate(first, physio), issued_by=physio)
    many = count(url, PATIENT_DETAIL)
    assert few == many == PATIENT_DETAIL


def test_assessment_result_with_programs(count, physio_client, patient, physio, library):
    """Measured right after a new program, when the page renders its program list again."""
    assessment = assess(patient, physio)
    url = reverse("assessment:assessment_detail", args=[assessment.id])

    def after_new_programs(number):
        count(url, ASSESSMENT_RESULT)
        for _ in range(number):
            generate(assessment, physio)
        with CaptureQueriesContext(connection) as captured:
            assert physio_client.get(url).status_code == 200
        return len(captured)

    assert after_new_programs(1) == after_new_programs(4) == ASSESSMENT_RESULT
    assert count(url, ASSESSMENT_RESULT_CACHED) == ASSESSMENT_RESULT_CACHED


def test_reassessment_with_a_current_program(count, patient, physio, library):
    """The page offers to continue the program of an earlier assessment: as many queries with
    one earlier program as with many (and the clinic's templates are not read here)."""
    first = assess(patient, physio, days_ago=90)
    prescription_issue(program=generate(first, physio), issued_by=physio)
    ProgramTemplateFactory(program=first.programs.get())
    url = reverse("assessment:assessment_detail", args=[assess(patient, physio).id])
    few = count(url, ASSESSMENT_RESULT_CACHED)
    for _ in range(3):
        ProgramTemplateFactory(program=generate(first, physio))
    assert count(url, ASSESSMENT_RESULT_CACHED) == few == ASSESSMENT_RESULT_CACHED


def own_exercises(clinic, number, *, hide_global=0):
    """`number` more clinic-owned copies of global exercises, and `hide_global` hidden ones."""
    globals_ = list(Exercise.objects.filter(clinic__isnull=True).order_by("key"))
    for n in range(number):
        copy = Exercise.objects.get(pk=globals_[n % len(globals_)].pk)
        copy.id, copy.clinic, copy.key = uuid.uuid4(), clinic, f"own-{uuid.uuid4().hex[:8]}"
        copy._state.adding = True
        copy.save()
    for exercise in globals_[:hide_global]:
        HiddenExerciseFactory(clinic=clinic, exercise=exercise)


def test_program_page_with_items_versions_and_library(
    count, physio_client, clinic, patient, physio, library
):
    assessment = assess(patient, physio)
    small = generate(assessment, physio)
    for item in list(small.items.order_by("position"))[2:]:
        item.delete()
    few = count(reverse("programs:program_detail", args=[small.id]), PROGRAM_CACHED)
    full = generate(assessment, physio)
    assert full.items.count() >= 8
    for _ in range(4):
        prescription_issue(program=full, issued_by=physio)
    own_exercises(clinic, 20, hide_global=5)
    url = reverse("programs:program_detail", args=[full.id])
    many = count(url, PROGRAM_CACHED)
    assert few == many == PROGRAM_CACHED
    program_item_move(item=full.items.order_by("position")[1], direction="up")
    with CaptureQueriesContext(connection) as first_view:
        assert physio_client.get(url).status_code == 200
    assert len(first_view) == PROGRAM


def test_hirit_program_page_with_its_load_log(count, clinic, physio, library):
    assessment = AssessmentFactory(
        patient=PatientFactory(clinic=clinic), assessed_by=physio, category="traeningsaktiv"
    )
    program = ProgramFactory(assessment=assessment, created_by=physio, setting="supervised")
    lifts = heavy_lifts(program, program.items.select_related("exercise"))
    assert len(lifts) == 3
    url = reverse("programs:program_detail", args=[program.id])
    few = count(url, PROGRAM_HIRIT)
    for day in range(12):
        lift_loads_record(
            program=program,
            session_date=timezone.localdate() - timedelta(days=3 * day),
            loads={lift: 40 + day for lift in lifts},
            recorded_by=physio,
        )
    many = count(url, PROGRAM_HIRIT)
    assert few == many == PROGRAM_HIRIT


def test_picker_with_a_growing_library(count, clinic, patient, physio, library):
    program = generate(assess(patient, physio), physio)
    url = reverse("programs:program_picker", args=[program.id]) + "?q=&excluded=on"
    few = count(url, PICKER)
    own_exercises(clinic, 40, hide_global=5)
    many = count(url, PICKER)
    assert few == many == PICKER


def test_prescription_page_with_handouts(count, physio_client, patient, physio, library):

    program = generate(assess(patient, physio), physio)
    prescription = prescription_issue(program=program, issued_by=physio)
    url = reverse("prescriptions:prescription_detail", args=[prescription.id])
    assert count(url, PRESCRIPTION_RENDERING) == PRESCRIPTION_RENDERING  # queued: not cached
    for handout in prescription.handouts.all():
        handout_mark_failed(handout.id, "test")
    few = count(url, PRESCRIPTION_CACHED)
    for n in range(8):
        HandoutFactory(
            prescription=prescription,
            language=("da", "en")[n % 2],
            requested_by=physio,
            status=Handout.Status.FAILED,
        )
    handouts_shown_anew(prescription.pk)
    many = count(url, PRESCRIPTION_CACHED)
    assert few == many == PRESCRIPTION_CACHED
    newer = prescription_issue(program=program, issued_by=physio)
    newer_url = reverse("prescriptions:prescription_detail", args=[newer.id])
    with CaptureQueriesContext(connection) as first_view:
        assert physio_client.get(newer_url).status_code == 200
    assert len(first_view) == PRESCRIPTION


def test_library_page(count, clinic, library):
    own_exercises(clinic, 10)
    few = count(reverse("programs:library_list"), LIBRARY)
    own_exercises(clinic, 60, hide_global=10)
    many = count(reverse("programs:library_list"), LIBRARY)
    assert few == many == LIBRARY


def test_cached_fragments_are_never_shared_across_users(count, clinic, patient, physio, library):
    """Fragments with health data are cached per user: a colleague's first view of the same
    pages renders them again, reading what they show."""
    assessment = assess(patient, physio)
    prescription = prescription_issue(program=generate(assessment, physio), issued_by=physio)
    for handout in prescription.handouts.all():
        handout_mark_failed(handout.id, "test")
    result = reverse("assessment:assessment_detail", args=[assessment.id])
    issued = reverse("prescriptions:prescription_detail", args=[prescription.id])
    assert count(result, ASSESSMENT_RESULT_CACHED) == ASSESSMENT_RESULT_CACHED
    assert count(issued, PRESCRIPTION_CACHED) == PRESCRIPTION_CACHED
    colleague = Client()
    colleague.force_login(
        MembershipFactory(clinic=clinic, user=UserFactory(username="kollega")).user
    )
    assert colleague.get(reverse("assessment:patient_list")).status_code == 200
    for url, uncached in ((result, ASSESSMENT_RESULT), (issued, PRESCRIPTION)):
        with CaptureQueriesContext(connection) as first_view:
            assert colleague.get(url).status_code == 200
        assert len(first_view) == uncached, url
