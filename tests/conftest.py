import pytest

from tests.factories import PASSWORD, ClinicFactory, MembershipFactory, PatientFactory, UserFactory


@pytest.fixture
def clinic(db):
    return ClinicFactory(name="Klinik Nord")


@pytest.fixture
def other_clinic(db):
    return ClinicFactory(name="Klinik Syd")


@pytest.fixture
def physio(clinic):
    return MembershipFactory(clinic=clinic, user=UserFactory(username="physio")).user


@pytest.fixture
def clinic_admin(clinic):
    return MembershipFactory(
        clinic=clinic,
        user=UserFactory(username="admin"),
        is_physiotherapist=False,
        is_clinic_admin=True,
    ).user


@pytest.fixture
def other_physio(other_clinic):
    return MembershipFactory(clinic=other_clinic, user=UserFactory(username="other")).user


@pytest.fixture
def physio_client(client, physio):
    client.force_login(physio)
    return client


@pytest.fixture
def admin_client_clinic(client, clinic_admin):
    client.force_login(clinic_admin)
    return client


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _celery_in_process(request):
    """Tasks run in-process unless a test brings its own worker (marked `worker`)."""
    from osteoactive.celery import app

    if request.node.get_closest_marker("worker"):
        yield
        return
    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture
def library(db):
    from programs.library import load_default_library

    load_default_library()


@pytest.fixture
def patient(clinic):
    return PatientFactory(clinic=clinic, first_name="Åse", last_name="Ørbæk")


@pytest.fixture
def program(physio, patient, library):
    from assessment.models import Assessment
    from programs.services import program_generate

    assessment = Assessment.objects.create(
        patient=patient,
        assessed_by=physio,
        assessment_date="2026-11-01",
        inputs={"fractures": []},
        result={
            "fall_prevention_focus": False,
            "underlying_category": None,
            "acute_phase_ends": None,
        },
        ruleset="DK-2026.1",
        suggested_category="hverdagsaktiv_med_hensyn",
        final_category="hverdagsaktiv_med_hensyn",
    )
    return program_generate(assessment=assessment, created_by=physio, setting="home", equipment=[])
