import pytest

from tests.factories import (
    PASSWORD,
    AssessmentFactory,
    ClinicFactory,
    MembershipFactory,
    PatientFactory,
    ProgramFactory,
    UserFactory,
)

# Fixtures that open the test database; a test marked `pure` may request none of them. (A pure
# test that reaches the database without one is stopped by pytest-django.)
DATABASE_FIXTURES = {
    "db",
    "transactional_db",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
    "live_server",
    "admin_user",
    "admin_client",
}


def pytest_collection_modifyitems(items):
    """Keeps the `pure` marker honest: a pure test that asks for the database is an error."""
    impure = [
        item.nodeid
        for item in items
        if item.get_closest_marker("pure")
        and (
            item.get_closest_marker("django_db")
            or DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
        )
    ]
    if impure:
        raise pytest.UsageError(
            "tests marked pure that use the database:\n  " + "\n  ".join(impure)
        )


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
    """A home program for a patient the categoriser puts in hverdagsaktiv med hensyn (T-min
    -3.2: C4), no fracture, low fall risk."""
    assessment = AssessmentFactory(
        patient=patient, assessed_by=physio, category="hverdagsaktiv_med_hensyn"
    )
    assert not assessment.result["fall_prevention_focus"]
    return ProgramFactory(assessment=assessment, created_by=physio, setting="home")
