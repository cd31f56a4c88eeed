import pytest

from tests.factories import PASSWORD, ClinicFactory, MembershipFactory, UserFactory


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
